// parser_internal.h - what the parser's helpers (strings.c, literals) may use
// of the parser. Nothing outside src/parse/ includes this.
#ifndef KRAIT_PARSER_INTERNAL_H
#define KRAIT_PARSER_INTERNAL_H

#include "ast.h"
#include "tokenizer.h"

typedef struct Parser Parser;

Arena *parser_arena(Parser *p);

// Record a SyntaxError (if none is recorded yet) at the given token-style
// position: lineno 1-based, col_offset a 0-based byte offset into the decoded
// line; end_lineno/end_col_offset may be -1 when unknown. The parser turns the
// byte offsets into CPython's 1-based character offsets. Returns NULL so
// callers can `return parser_error_at(...)`.
void *parser_error_at(Parser *p, int lineno, int col_offset, int end_lineno, int end_col_offset,
                      const char *fmt, ...) __attribute__((format(printf, 6, 7)));

// Record a warning (see FrontWarning in tokenizer.h) at a token-style position.
void parser_warning(Parser *p, FrontWarningKind kind, int lineno, int col_offset,
                    int end_lineno, int end_col_offset, const char *msg);

// Record a MemoryError. Returns NULL.
void *parser_no_memory(Parser *p);

// Parse the expression of an f-string replacement field, CPython 3.11 style:
// `src` is the expression text wrapped in parentheses, "(expr)", and the
// resulting tokens get positions shifted as tok_set_start_position describes
// (line_offset added to every line number; col_offset added on the first
// line). Returns the expression node (not wrapped in any mod), or NULL with
// the error recorded.
Node *parser_parse_fstring_expr(Parser *p, const char *src, size_t len, int line_offset,
                                int col_offset);

// Build the node for one or more adjacent STRING tokens (implicit
// concatenation): a Constant (str or bytes) or a JoinedStr. Defined in
// strings.c. Returns NULL with the error recorded.
Node *strings_concat(Parser *p, const Token *toks, int n);

// Turn a NUMBER token's text into a constant (int, big int, float or
// imaginary). Defined in literals.c. Returns -1 with the error recorded.
int number_literal(Parser *p, const Token *tok, ConstValue *out);

#endif
