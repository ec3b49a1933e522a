// tokenizer.h - Python 3.11 source bytes -> tokens.
//
// The tokenizer works on demand (the parser asks for one token at a time), so
// that errors surface in source order exactly as CPython reports them: a
// syntax error on line 3 is reported before a bad token on line 9.
//
// Input handling follows CPython's file tokenizer: a UTF-8 BOM, a PEP 263
// coding declaration on line 1 or 2 (the source is decoded to UTF-8 up front),
// universal newlines (\r\n and \r become \n), and a final newline added when
// missing. Token positions refer to the decoded UTF-8 text: lineno is 1-based,
// col_offset is a byte offset in the line.
//
// ORDER TOKENS: the operator spellings table in tokenizer.c follows this list.
#ifndef KRAIT_TOKENIZER_H
#define KRAIT_TOKENIZER_H

#include <stddef.h>
#include <string.h>

#include "../runtime/arena.h"

// _(ENUM, spelling) - spelling is NULL for tokens with variable text.
#define TOKEN_TYPES(_)                                                         \
    _(ENDMARKER, NULL) _(NAME, NULL) _(NUMBER, NULL) _(STRING, NULL)           \
    _(NEWLINE, NULL) _(INDENT, NULL) _(DEDENT, NULL)                           \
    _(LPAR, "(") _(RPAR, ")") _(LSQB, "[") _(RSQB, "]") _(COLON, ":")         \
    _(COMMA, ",") _(SEMI, ";") _(PLUS, "+") _(MINUS, "-") _(STAR, "*")        \
    _(SLASH, "/") _(VBAR, "|") _(AMPER, "&") _(LESS, "<") _(GREATER, ">")     \
    _(EQUAL, "=") _(DOT, ".") _(PERCENT, "%") _(LBRACE, "{") _(RBRACE, "}")   \
    _(EQEQUAL, "==") _(NOTEQUAL, "!=") _(LESSEQUAL, "<=")                      \
    _(GREATEREQUAL, ">=") _(TILDE, "~") _(CIRCUMFLEX, "^") _(LEFTSHIFT, "<<") \
    _(RIGHTSHIFT, ">>") _(DOUBLESTAR, "**") _(PLUSEQUAL, "+=")                 \
    _(MINEQUAL, "-=") _(STAREQUAL, "*=") _(SLASHEQUAL, "/=")                   \
    _(PERCENTEQUAL, "%=") _(AMPEREQUAL, "&=") _(VBAREQUAL, "|=")               \
    _(CIRCUMFLEXEQUAL, "^=") _(LEFTSHIFTEQUAL, "<<=")                          \
    _(RIGHTSHIFTEQUAL, ">>=") _(DOUBLESTAREQUAL, "**=") _(DOUBLESLASH, "//")  \
    _(DOUBLESLASHEQUAL, "//=") _(AT, "@") _(ATEQUAL, "@=") _(RARROW, "->")     \
    _(ELLIPSIS, "...") _(COLONEQUAL, ":=") _(EXCLAMATION, "!")                 \
    _(TYPE_COMMENT, NULL) _(ERRORTOKEN, NULL)

typedef enum TokenType {
#define TOK_ENUM_(name, spelling) T_##name,
    TOKEN_TYPES(TOK_ENUM_)
#undef TOK_ENUM_
    T__COUNT
} TokenType;

// Hard keywords are reserved; soft keywords (match, case, _) are NAMEs that
// the parser interprets by context. ORDER KEYWORDS.
#define KEYWORDS(_)                                                             \
    _(False) _(None) _(True) _(and) _(as) _(assert) _(async) _(await) _(break) \
    _(class) _(continue) _(def) _(del) _(elif) _(else) _(except) _(finally)    \
    _(for) _(from) _(global) _(if) _(import) _(in) _(is) _(lambda)             \
    _(nonlocal) _(not) _(or) _(pass) _(raise) _(return) _(try) _(while)        \
    _(with) _(yield)

typedef enum Keyword {
    KW_NONE = 0,
#define KW_ENUM_(name) KW_##name,
    KEYWORDS(KW_ENUM_)
#undef KW_ENUM_
    KW__COUNT
} Keyword;

extern const char *const token_names[T__COUNT];      // "NAME", "LPAR", ...
extern const char *const token_spellings[T__COUNT];  // "(" or NULL
extern const char *const keyword_names[KW__COUNT];   // "if", ... ([0] is NULL)

typedef struct Token {
    unsigned char type;  // TokenType
    unsigned char kw;    // Keyword, for a NAME that is a hard keyword; else KW_NONE
    const char *start;   // the token's bytes in Tokenizer.buf (NUL-terminated buffer)
    const char *end;
    int lineno, col_offset, end_lineno, end_col_offset;
    int level;           // bracket nesting depth after this token (filled in by the parser)
} Token;

// What a SyntaxError needs. `kind` picks the exception class.
// SE_MEMORY / SE_RECURSION: CPython raises MemoryError (parser stack overflow)
// or RecursionError for pathologically deep input; msg may be empty.
// SE_UNICODE_DECODE: a bare UnicodeDecodeError (CPython raises one when the
// check of the rest of the source after a syntax error meets undecodable
// bytes in an identifier).
typedef enum SyntaxErrorKind {
    SE_SYNTAX, SE_INDENTATION, SE_TAB, SE_MEMORY, SE_RECURSION, SE_UNICODE_DECODE
} SyntaxErrorKind;

// A warning found by the front end (DeprecationWarning for an invalid escape
// in a literal, SyntaxWarning for `x is 1` or `assert (a, b)`...). The parser
// and the checker only record them, in source order, in arena memory;
// compile_source issues them through the warnings module afterwards, and
// one that a filter turns into an error becomes a SyntaxError there, as in
// CPython.
typedef enum FrontWarningKind { FW_SYNTAX, FW_DEPRECATION } FrontWarningKind;
typedef struct FrontWarning {
    struct FrontWarning *next;
    FrontWarningKind kind;
    int lineno, offset, end_lineno, end_offset;  // as SyntaxErrorInfo's
    char msg[];
} FrontWarning;

typedef struct SyntaxErrorInfo {
    // The warnings recorded so far (not errors: `set` stays as it is).
    FrontWarning *warnings, *warnings_last;
    int set;
    SyntaxErrorKind kind;
    char msg[512];
    int lineno, offset;          // offset: 1-based *character* column, as CPython reports it
    int end_lineno, end_offset;  // 0 when unknown
    const char *text;            // the offending source line (UTF-8), or NULL
    // Set by the tokenizer when input ended in the middle of a construct
    // (inside brackets: "'(' was never closed" located at the innermost open
    // bracket; after a backslash continuation: "unexpected EOF while
    // parsing"). CPython's tokenizer does not raise these itself: the parser
    // reports them only when it has no better error, so tok_next() returns -1
    // with this flag set and the parser decides.
    int at_eof;
    // CPython reports end_offset None (a __future__ error): end_offset 0
    // is otherwise a real 0.
    int end_offset_none;
} SyntaxErrorInfo;

// Record a warning at the end of err's list (memory from `arena`; silently
// dropped when out of memory: a warning is not worth failing a compile for).
void front_warning(Arena *arena, SyntaxErrorInfo *err, FrontWarningKind kind, int lineno,
                   int offset, int end_lineno, int end_offset, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

// Clear an error report for a new error, keeping its recorded warnings.
static inline void syntax_error_reset(SyntaxErrorInfo *err) {
    FrontWarning *first = err->warnings, *last = err->warnings_last;
    memset(err, 0, sizeof *err);
    err->warnings = first;
    err->warnings_last = last;
}

typedef enum TokenizerMode {
    TOKMODE_FILE,    // bytes from a file: BOM and coding declaration are honoured
    TOKMODE_STRING,  // text that is already UTF-8 (exec/eval/compile of a str)
} TokenizerMode;

typedef struct Tokenizer Tokenizer;

// Create a tokenizer over src[0..len). The bytes are copied (and decoded, in
// file mode). Returns NULL and fills *err on a decoding/coding-declaration
// error; the arena keeps everything alive.
Tokenizer *tok_new(Arena *arena, const char *src, size_t len, TokenizerMode mode,
                   SyntaxErrorInfo *err);

// CPython's file tokenizer (a script run from a file or stdin) refuses a
// source with neither a BOM nor a coding declaration whose bytes are not
// UTF-8: 1 with the line (from 1) and the first byte of the first bad
// sequence ("Non-UTF-8 code starting with '\\x89' in file ..."), else 0.
int tok_script_non_utf8(const char *src, size_t len, int *lineno, unsigned char *badbyte);

// tok_new for CPython's string tokenizer: exec_input 0 (eval and single
// modes) adds no final newline, so a last line without one ends in
// ENDMARKER with no NEWLINE token before it.
Tokenizer *tok_new_input(Arena *arena, const char *src, size_t len, TokenizerMode mode,
                         int exec_input, SyntaxErrorInfo *err);

// Type comments (compile()'s PyCF_TYPE_COMMENTS, ast.parse(type_comments=
// True)): a comment `# type: X` (the spaces may be any run of blanks, or
// none) becomes a TYPE_COMMENT token whose text is X, up to the end of the
// line; `# type: ignore` followed by nothing or by an ASCII non-alphanumeric
// character is not returned but recorded (CPython's parser skips its
// TYPE_IGNORE tokens and keeps their line and the text after "ignore").
void tok_enable_type_comments(Tokenizer *t);
typedef struct TypeIgnore {
    int lineno;
    const char *tag;  // NUL-terminated, in the arena
} TypeIgnore;
// The `# type: ignore` comments read so far, in order; returns the count.
int tok_type_ignores(Tokenizer *t, const TypeIgnore **out);

// Single mode: the parser turns the first ENDMARKER into a NEWLINE and
// closes the open indentation levels (DEDENT tokens follow), as CPython's.
void tok_imply_dedents(Tokenizer *t);

// 1 when what the tokenizer has not read yet is only whitespace and
// comments (single mode refuses a second statement).
int tok_rest_is_blank(Tokenizer *t);

// The next token. Returns 0 on success, -1 on error with tok_error() filled.
int tok_next(Tokenizer *t, Token *out);

SyntaxErrorInfo *tok_error(Tokenizer *t);

// Offsets for tokens parsed out of an f-string replacement field: positions
// of tokens on the tokenizer's first line get `col_offset` added, and every
// line number is shifted by `line_offset`.
void tok_set_start_position(Tokenizer *t, int line_offset, int col_offset);

// The decoded UTF-8 text of line `lineno` (1-based) without its newline, or
// NULL. Used to fill SyntaxError.text and to convert byte offsets to
// character offsets.
const char *tok_line_text(Tokenizer *t, int lineno, size_t *len);

// 1 when the recorded error is one CPython's tokenizer raises itself (it then
// replaces a parser error found earlier in the file), 0 for the error codes
// that CPython's parser turns into exceptions (EOF, dedent, tabs...).
int tok_error_is_raised(Tokenizer *t);

// Whether CPython reports parser error columns in characters (the tokenizer
// has an encoding: str input, a BOM or a coding declaration) or in bytes.
int tok_char_offsets(Tokenizer *t);

// CPython's conversion of a parser error's 1-based byte column `col` on
// line `lineno` into SyntaxError.offset: unchanged without an encoding, else
// characters of the line CPython uses (invalid bytes count as U+FFFD).
int tok_error_col(Tokenizer *t, int lineno, int col);

// The text CPython puts in SyntaxError.text for a parser error on `lineno`;
// not NUL-terminated at *len. NULL if none.
const char *tok_error_text(Tokenizer *t, int lineno, size_t *len);

// The cursor's byte offset in its current line (CPython: tok->cur -
// tok->line_start), or 0 before anything was read.
int tok_cursor_col(Tokenizer *t);

// Tell the tokenizer whether the parser is inside an async function, for the
// historic async/await-as-identifier handling (only needed for feature
// versions < 3.7; 3.11 always treats them as keywords).
#endif
