// tokenizer.c - Python 3.11 source bytes -> tokens, as CPython's C tokenizer.
//
// krait's front end must accept and reject exactly what CPython 3.11 does and
// report errors at the same line and column, so this file follows the
// *behaviour* of CPython's Parser/tokenizer.c closely, including its quirks:
//
// - The whole source is prepared up front (tok_new): newlines are translated
//   (\r\n and \r become \n, a final \n is added), a UTF-8 BOM is dropped, a
//   PEP 263 declaration on line 1 or 2 is honoured and the text decoded to
//   UTF-8. Without a declaration the bytes are NOT validated: invalid UTF-8
//   in a comment is fine, in an identifier it is a "(unicode error)", in a
//   string literal it is the literal decoder's business (the parser's).
// - Tokens are produced on demand, one scan over the buffer per token, with
//   CPython's state machine: tok_nextc hands out bytes line by line (so that
//   lineno and line_start move exactly when CPython's do), tok_backup steps
//   back one byte.
// - Errors come in two flavours, as in CPython. Some are raised by the
//   tokenizer itself (CPython's syntaxerror(): bad numbers, unterminated
//   strings, bracket mismatches, invalid characters); their offset is a
//   character count up to the tokenizer's cursor. Others are error codes that
//   CPython's parser turns into exceptions (E_EOF, E_DEDENT, E_TABSPACE,
//   E_TOODEEP, E_LINECONT, E_DECODE); we compute the same message and
//   position here, so the parser only has to copy tok_error(). The parser may
//   need the difference (see tok_error_is_raised).
// - Parser-style positions are byte offsets that CPython converts to
//   characters only when the tokenizer has an encoding (a BOM, a coding
//   declaration, or str input); for plain bytes without a declaration the
//   reported offset stays a byte offset + 1. tok_char_offsets tells which.
//   The conversion counts in CPython's "error line", which after a
//   multi-line token starts at that token's first line (CPython's tok->buf),
//   with invalid bytes counted as the 3 bytes of U+FFFD: tok_error_col and
//   tok_error_text give the parser the same conversion and text.
// - CPython's input quirks are kept: a trailing \r\n gains an extra empty
//   line; a NUL byte is refused up front (a ValueError in CPython).
// - INDENT, DEDENT and ENDMARKER carry col_offset == end_col_offset == -1,
//   like CPython's tokens (their start pointer is NULL there). Our Token's
//   `start` then points where CPython's cursor was, so that an error "at"
//   such a token can use (start - line text) as CPython uses tok->cur.
// - Characters that are no token at all ('$', '?', '`', a lone '!') come back
//   as T_ERRORTOKEN with tok_next returning 0: CPython passes them to the
//   parser as OP, which then fails with "invalid syntax" at that token.
#include "tokenizer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/strbuf.h"
#include "../runtime/unicode.h"
#include "codecs_source.h"

enum {
    TABSIZE = 8,
    MAXINDENT = 100,  // CPython's limit on indentation levels
    MAXLEVEL = 200,   // and on nested brackets
};

// CPython's tok->done codes that matter here.
typedef enum TokDone {
    DONE_OK = 0,
    DONE_EOF,      // E_EOF: input exhausted
    DONE_ERROR,    // an error is recorded in t->err
} TokDone;

struct Tokenizer {
    Arena *arena;
    const char *buf;         // decoded text then NUL; exec input ends with '\n'
    const char *bufend;      // the NUL
    const char *cur;         // next byte to hand out
    const char *inp;         // end of the current line (after its '\n')
    const char *line_start;  // start of the current line
    // CPython's tok->buf: the start of the line where the current token
    // began. A token that reads more lines (a string, a backslash
    // continuation) leaves it behind; some error columns count from it.
    const char *bufstart;
    const char *start;       // start of the current token
    const char *multi_line_start;  // line_start where the current string began
    int first_lineno;        // line where the current string began
    int lineno;
    TokDone done;
    int atbol;    // at beginning of line
    int pendin;   // pending INDENT (>0) or DEDENT (<0) tokens
    int indent;   // current indentation level
    int indstack[MAXINDENT];
    int altindstack[MAXINDENT];
    int level;    // bracket nesting
    char parenstack[MAXLEVEL];
    int parenlinenostack[MAXLEVEL];
    int parencolstack[MAXLEVEL];
    int char_offsets;   // CPython's tok->encoding != NULL
    int err_raised;     // the error is a directly raised one (see tok_error_is_raised)
    // tok_set_start_position
    int line_offset;    // added to every line number
    int col_shift;      // added to columns of tokens that end on the first line
    // lazy index of line starts for tok_line_text
    const char **lines;
    int nlines;
    SyntaxErrorInfo err;
    SyntaxErrorInfo *warnings;  // the caller's report, where warnings go (or NULL)
    // tok_enable_type_comments
    int type_comments;
    TypeIgnore *ignores;
    int nignores, ignores_cap;
};

const char *const token_names[T__COUNT] = {
#define TOK_NAME_(name, spelling) #name,
    TOKEN_TYPES(TOK_NAME_)
#undef TOK_NAME_
};

const char *const token_spellings[T__COUNT] = {
#define TOK_SPELL_(name, spelling) spelling,
    TOKEN_TYPES(TOK_SPELL_)
#undef TOK_SPELL_
};

const char *const keyword_names[KW__COUNT] = {
    NULL,
#define KW_NAME_(name) #name,
    KEYWORDS(KW_NAME_)
#undef KW_NAME_
};

// ---------------------------------------------------------------------------
// Error recording

// Text of the line that starts at `ls`: up to (not including) its '\n'.
static size_t line_len(const char *ls) {
    const char *nl = strchr(ls, '\n');
    return nl ? (size_t)(nl - ls) : strlen(ls);
}

static void err_set_text(Tokenizer *t, const char *ls, size_t n) {
    t->err.text = arena_strndup(t->arena, ls, n);
}

static void err_vformat(Tokenizer *t, const char *fmt, va_list ap) {
    vsnprintf(t->err.msg, sizeof t->err.msg, fmt, ap);
}

// CPython's _syntaxerror_range: an error raised by the tokenizer itself at
// the current line. col/end_col < 0 mean "characters up to the cursor".
static int tok_raise_range(Tokenizer *t, int col, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int tok_raise_range(Tokenizer *t, int col, int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    memset(&t->err, 0, sizeof t->err);
    t->err.set = 1;
    t->err.kind = SE_SYNTAX;
    err_vformat(t, fmt, ap);
    va_end(ap);
    if (col < 0) {
        col = (int)utf8_replace_count(t->line_start, (size_t)(t->cur - t->line_start));
    }
    if (end_col < 0) {
        end_col = col;
    }
    t->err.lineno = t->err.end_lineno = t->lineno + t->line_offset;
    t->err.offset = col;
    t->err.end_offset = end_col;
    err_set_text(t, t->line_start, line_len(t->line_start));
    t->done = DONE_ERROR;
    t->err_raised = 1;
    return -1;
}

#define tok_raise(t, ...) tok_raise_range((t), -1, -1, __VA_ARGS__)

// Line `lineno` (1-based, unshifted) of the buffer, or NULL.
static const char *line_ptr(Tokenizer *t, int lineno);

// CPython's _PyPegen_byte_offset_to_character_offset(line, col): the line is
// first decoded with errors="replace" and re-encoded, so each invalid
// sequence occupies the 3 bytes of U+FFFD; then the first `col` bytes of that
// are decoded again (a character cut in half still counts as one), and an
// offset past the end is clamped to one past it (the NUL counts).
static int byte_to_char_offset(const char *line, size_t len, int col) {
    size_t i = 0, vpos = 0;
    int chars = 0;
    while (i < len && vpos < (size_t)col) {
        int valid;
        size_t k = utf8_next_replace(line + i, len - i, &valid);
        vpos += valid ? k : 3;
        i += k;
        chars++;
    }
    if (vpos < (size_t)col) {
        chars++;  // clamped past the end: the terminating NUL
    }
    return chars;
}

// The text CPython's parser errors use for line `lineno` (unshifted): on the
// current line, its buffer from tok->buf to the end of the line (several
// lines after a multi-line token, newline included); on an earlier line, that
// line without its newline.
static const char *error_line(Tokenizer *t, int lineno, size_t *len) {
    if (lineno == t->lineno && t->inp > t->bufstart) {
        *len = (size_t)(t->inp - t->bufstart);
        return t->bufstart;
    }
    const char *ls = line_ptr(t, lineno);
    *len = ls ? line_len(ls) : 0;
    return ls;
}

// CPython's _PyPegen_raise_error_known_location for a tokenizer error code:
// col and end_col are 1-based byte columns (end_col <= 0: unknown), turned
// into characters when CPython would do so. end_lineno 0 means "None".
static int tok_parser_error(Tokenizer *t, SyntaxErrorKind kind, int lineno, int col,
                            int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
static int tok_parser_error(Tokenizer *t, SyntaxErrorKind kind, int lineno, int col,
                            int end_lineno, int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    memset(&t->err, 0, sizeof t->err);
    t->err.set = 1;
    t->err.kind = kind;
    err_vformat(t, fmt, ap);
    va_end(ap);
    size_t len = 0;
    const char *ls = error_line(t, lineno, &len);
    if (ls) {
        err_set_text(t, ls, len);
    }
    if (t->char_offsets && ls) {
        col = byte_to_char_offset(ls, len, col);
        if (end_col > 0) {
            end_col = byte_to_char_offset(ls, len, end_col);
        }
    }
    t->err.lineno = lineno + t->line_offset;
    t->err.offset = col;
    t->err.end_lineno = end_lineno ? end_lineno + t->line_offset : 0;
    t->err.end_offset = end_col;
    t->done = DONE_ERROR;
    t->err_raised = 0;
    return -1;
}

// E_EOF reaching the parser: an unclosed bracket, or a bare "unexpected EOF"
// reported (as pegen does for a token without position) at the cursor.
// Flagged at_eof: the parser reports these only when it has no better error.
static int tok_error_eof(Tokenizer *t) {
    if (t->level > 0) {
        int i = t->level - 1;
        tok_parser_error(t, SE_SYNTAX, t->parenlinenostack[i], t->parencolstack[i] + 1,
                         t->parenlinenostack[i], 0, "'%c' was never closed", t->parenstack[i]);
    } else {
        tok_parser_error(t, SE_SYNTAX, t->lineno, (int)(t->cur - t->line_start), t->lineno, -1,
                         "unexpected EOF while parsing");
    }
    t->err.at_eof = 1;
    return -1;
}

// ---------------------------------------------------------------------------
// Reading bytes

static inline int tok_nextc(Tokenizer *t) {
    if (t->cur != t->inp) {
        return (unsigned char)*t->cur++;
    }
    if (t->done != DONE_OK) {
        return EOF;
    }
    if (t->inp == t->bufend) {
        t->done = DONE_EOF;
        return EOF;
    }
    t->lineno++;
    if (!t->start) {
        t->bufstart = t->cur;
    }
    t->line_start = t->cur;
    const char *nl = memchr(t->cur, '\n', (size_t)(t->bufend - t->cur));
    t->inp = nl ? nl + 1 : t->bufend;
    return (unsigned char)*t->cur++;
}

static inline void tok_backup(Tokenizer *t, int c) {
    if (c != EOF) {
        t->cur--;
    }
}

// Byte classes: 1 = may start an identifier, 2 = may continue one. Bytes
// >= 128 are both: non-ASCII identifiers are validated afterwards.
static const unsigned char ident_class[256] = {
    ['0' ... '9'] = 2, ['a' ... 'z'] = 3, ['A' ... 'Z'] = 3, ['_'] = 3, [128 ... 255] = 3,
};

static inline int is_potential_identifier_start(int c) {
    return c != EOF && (ident_class[c] & 1);
}

static inline int is_potential_identifier_char(int c) {
    return c != EOF && (ident_class[c] & 2);
}

static inline int is_digit(int c) {
    return c >= '0' && c <= '9';
}

static inline int is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// ---------------------------------------------------------------------------
// Keywords: dispatch on length and first letter, then one memcmp.

static Keyword keyword_lookup(const char *s, size_t n) {
#define KW_IS(lit, kw)                                                                  \
    do {                                                                                \
        if (n == sizeof(lit) - 1 && memcmp(s, lit, sizeof(lit) - 1) == 0) {             \
            return kw;                                                                  \
        }                                                                               \
    } while (0)
    if (n < 2 || n > 8) {
        return KW_NONE;
    }
    switch (s[0]) {
    case 'F': KW_IS("False", KW_False); break;
    case 'N': KW_IS("None", KW_None); break;
    case 'T': KW_IS("True", KW_True); break;
    case 'a':
        KW_IS("and", KW_and); KW_IS("as", KW_as); KW_IS("assert", KW_assert);
        KW_IS("async", KW_async); KW_IS("await", KW_await);
        break;
    case 'b': KW_IS("break", KW_break); break;
    case 'c': KW_IS("class", KW_class); KW_IS("continue", KW_continue); break;
    case 'd': KW_IS("def", KW_def); KW_IS("del", KW_del); break;
    case 'e':
        KW_IS("elif", KW_elif); KW_IS("else", KW_else); KW_IS("except", KW_except);
        break;
    case 'f':
        KW_IS("finally", KW_finally); KW_IS("for", KW_for); KW_IS("from", KW_from);
        break;
    case 'g': KW_IS("global", KW_global); break;
    case 'i':
        KW_IS("if", KW_if); KW_IS("import", KW_import); KW_IS("in", KW_in); KW_IS("is", KW_is);
        break;
    case 'l': KW_IS("lambda", KW_lambda); break;
    case 'n': KW_IS("nonlocal", KW_nonlocal); KW_IS("not", KW_not); break;
    case 'o': KW_IS("or", KW_or); break;
    case 'p': KW_IS("pass", KW_pass); break;
    case 'r': KW_IS("raise", KW_raise); KW_IS("return", KW_return); break;
    case 't': KW_IS("try", KW_try); break;
    case 'w': KW_IS("while", KW_while); KW_IS("with", KW_with); break;
    case 'y': KW_IS("yield", KW_yield); break;
    default: break;
    }
    return KW_NONE;
#undef KW_IS
}

// ---------------------------------------------------------------------------
// Identifiers

// PEP 3131 check of a NAME holding non-ASCII bytes (CPython's
// verify_identifier). On failure the error is recorded and 0 returned.
static int verify_identifier(Tokenizer *t) {
    const char *s = t->start;
    size_t n = (size_t)(t->cur - t->start);
    char msg[256];
    if (utf8_strict_error(s, n, msg, sizeof msg)) {
        // E_DECODE: pegen reports "(unicode error) ..." at the cursor (the
        // ERRORTOKEN has no position), end offset unknown.
        tok_parser_error(t, SE_SYNTAX, t->lineno, (int)(t->cur - t->line_start), t->lineno, -1,
                         "(unicode error) %s", msg);
        // CPython has a UnicodeDecodeError pending here: if this error turns
        // up while checking the rest of the source after a parser error, that
        // exception (msg without the "(unicode error) " prefix) is what
        // ast.parse raises.
        t->err_raised = 1;
        return 0;
    }
    size_t i = 0;
    int first = 1;
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp, 0);
        int ok = first ? (uni_is_xid_start(cp) || cp == '_') : uni_is_xid_continue(cp);
        if (!ok) {
            // Point just after the offending character.
            t->cur = s + i + k;
            if (uni_is_printable(cp)) {
                char utf8[5];
                int m = utf8_encode(cp, utf8);
                utf8[m] = 0;
                tok_raise(t, "invalid character '%s' (U+%04X)", utf8, (unsigned)cp);
            } else {
                tok_raise(t, "invalid non-printable character U+%04X", (unsigned)cp);
            }
            return 0;
        }
        first = 0;
        i += (size_t)k;
    }
    return 1;
}

// ---------------------------------------------------------------------------
// Numbers

// After a number: is `test` next, followed by a non-identifier character?
// Consumes nothing.
static int lookahead(Tokenizer *t, const char *test) {
    const char *s = test;
    const char *save = t->cur;
    int res = 0;
    for (;;) {
        int c = tok_nextc(t);
        if (*s == 0) {
            res = !is_potential_identifier_char(c);
        } else if (c == (unsigned char)*s) {
            s++;
            continue;
        }
        break;
    }
    t->cur = save;
    return res;
}

// CPython's verify_end_of_number: a number directly followed by one of the
// keywords that may follow a number in valid code is accepted (CPython warns);
// directly followed by another identifier character it is an error.
static int verify_end_of_number(Tokenizer *t, int c, const char *kind) {
    int r = 0;
    if (c == 'a') {
        r = lookahead(t, "nd");
    } else if (c == 'e') {
        r = lookahead(t, "lse");
    } else if (c == 'f') {
        r = lookahead(t, "or");
    } else if (c == 'i') {
        int c2 = tok_nextc(t);
        if (c2 == 'f' || c2 == 'n' || c2 == 's') {
            r = 1;
        }
        tok_backup(t, c2);
    } else if (c == 'o') {
        r = lookahead(t, "r");
    } else if (c == 'n') {
        r = lookahead(t, "ot");
    }
    if (r) {
        // Debian's CPython 3.11 accepts `1if x else y` with a SyntaxWarning,
        // located before the keyword's first letter.
        if (t->warnings) {
            int col = (int)utf8_replace_count(t->line_start, (size_t)(t->cur - 1 - t->line_start));
            int line = t->lineno + t->line_offset;
            front_warning(t->arena, t->warnings, FW_SYNTAX, line, col, line, col,
                          "invalid %s literal", kind);
        }
        return 1;
    }
    if (is_potential_identifier_char(c)) {
        tok_backup(t, c);
        tok_raise(t, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

// Digits with single underscores between them; returns the first byte after
// them, or 0 after recording an error.
static int tok_decimal_tail(Tokenizer *t) {
    int c;
    for (;;) {
        do {
            c = tok_nextc(t);
        } while (is_digit(c));
        if (c != '_') {
            break;
        }
        c = tok_nextc(t);
        if (!is_digit(c)) {
            tok_backup(t, c);
            tok_raise(t, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

// A number starting with c (a digit, or '.' already consumed when
// `after_dot`). Returns 0 on success with t->cur after the number.
static int tok_number(Tokenizer *t, int c, int after_dot) {
    if (after_dot) {
        goto fraction;
    }
    if (c == '0') {
        c = tok_nextc(t);
        if (c == 'x' || c == 'X') {
            c = tok_nextc(t);
            do {
                if (c == '_') {
                    c = tok_nextc(t);
                }
                if (!is_xdigit(c)) {
                    tok_backup(t, c);
                    return tok_raise(t, "invalid hexadecimal literal");
                }
                do {
                    c = tok_nextc(t);
                } while (is_xdigit(c));
            } while (c == '_');
            if (!verify_end_of_number(t, c, "hexadecimal")) {
                return -1;
            }
        } else if (c == 'o' || c == 'O') {
            c = tok_nextc(t);
            do {
                if (c == '_') {
                    c = tok_nextc(t);
                }
                if (c < '0' || c >= '8') {
                    if (is_digit(c)) {
                        return tok_raise(t, "invalid digit '%c' in octal literal", c);
                    }
                    tok_backup(t, c);
                    return tok_raise(t, "invalid octal literal");
                }
                do {
                    c = tok_nextc(t);
                } while ('0' <= c && c < '8');
            } while (c == '_');
            if (is_digit(c)) {
                return tok_raise(t, "invalid digit '%c' in octal literal", c);
            }
            if (!verify_end_of_number(t, c, "octal")) {
                return -1;
            }
        } else if (c == 'b' || c == 'B') {
            c = tok_nextc(t);
            do {
                if (c == '_') {
                    c = tok_nextc(t);
                }
                if (c != '0' && c != '1') {
                    if (is_digit(c)) {
                        return tok_raise(t, "invalid digit '%c' in binary literal", c);
                    }
                    tok_backup(t, c);
                    return tok_raise(t, "invalid binary literal");
                }
                do {
                    c = tok_nextc(t);
                } while (c == '0' || c == '1');
            } while (c == '_');
            if (is_digit(c)) {
                return tok_raise(t, "invalid digit '%c' in binary literal", c);
            }
            if (!verify_end_of_number(t, c, "binary")) {
                return -1;
            }
        } else {
            int nonzero = 0;
            // Maybe an old-style octal; in any case "0" and "0_0" are fine.
            for (;;) {
                if (c == '_') {
                    c = tok_nextc(t);
                    if (!is_digit(c)) {
                        tok_backup(t, c);
                        return tok_raise(t, "invalid decimal literal");
                    }
                }
                if (c != '0') {
                    break;
                }
                c = tok_nextc(t);
            }
            const char *zeros_end = t->cur;
            if (is_digit(c)) {
                nonzero = 1;
                c = tok_decimal_tail(t);
                if (c == 0) {
                    return -1;
                }
            }
            if (c == '.') {
                c = tok_nextc(t);
                goto fraction;
            } else if (c == 'e' || c == 'E') {
                goto exponent;
            } else if (c == 'j' || c == 'J') {
                goto imaginary;
            } else if (nonzero) {
                tok_backup(t, c);
                // CPython passes byte columns here, unconverted.
                return tok_raise_range(t, (int)(t->start + 1 - t->line_start),
                                       (int)(zeros_end - t->line_start),
                                       "leading zeros in decimal integer literals are not "
                                       "permitted; use an 0o prefix for octal integers");
            }
            if (!verify_end_of_number(t, c, "decimal")) {
                return -1;
            }
        }
    } else {
        c = tok_decimal_tail(t);
        if (c == 0) {
            return -1;
        }
        if (c == '.') {
            c = tok_nextc(t);
        fraction:
            if (is_digit(c)) {
                c = tok_decimal_tail(t);
                if (c == 0) {
                    return -1;
                }
            }
        }
        if (c == 'e' || c == 'E') {
            int e;
        exponent:
            e = c;
            c = tok_nextc(t);
            if (c == '+' || c == '-') {
                c = tok_nextc(t);
                if (!is_digit(c)) {
                    tok_backup(t, c);
                    return tok_raise(t, "invalid decimal literal");
                }
            } else if (!is_digit(c)) {
                tok_backup(t, c);
                if (!verify_end_of_number(t, e, "decimal")) {
                    return -1;
                }
                tok_backup(t, e);
                return 0;
            }
            c = tok_decimal_tail(t);
            if (c == 0) {
                return -1;
            }
        }
        if (c == 'j' || c == 'J') {
        imaginary:
            c = tok_nextc(t);
            if (!verify_end_of_number(t, c, "imaginary")) {
                return -1;
            }
        } else if (!verify_end_of_number(t, c, "decimal")) {
            return -1;
        }
    }
    tok_backup(t, c);
    return 0;
}

// ---------------------------------------------------------------------------
// Operators

static int op_one(int c) {
    switch (c) {
    case '(': return T_LPAR;
    case ')': return T_RPAR;
    case '[': return T_LSQB;
    case ']': return T_RSQB;
    case ':': return T_COLON;
    case ',': return T_COMMA;
    case ';': return T_SEMI;
    case '+': return T_PLUS;
    case '-': return T_MINUS;
    case '*': return T_STAR;
    case '/': return T_SLASH;
    case '|': return T_VBAR;
    case '&': return T_AMPER;
    case '<': return T_LESS;
    case '>': return T_GREATER;
    case '=': return T_EQUAL;
    case '.': return T_DOT;
    case '%': return T_PERCENT;
    case '{': return T_LBRACE;
    case '}': return T_RBRACE;
    case '~': return T_TILDE;
    case '^': return T_CIRCUMFLEX;
    case '@': return T_AT;
    default: return T_ERRORTOKEN;  // CPython's OP: the parser rejects it
    }
}

// Two-character operators; T_ERRORTOKEN when c1 c2 is none.
static int op_two(int c1, int c2) {
    switch (c1) {
    case '!': return c2 == '=' ? T_NOTEQUAL : T_ERRORTOKEN;
    case '%': return c2 == '=' ? T_PERCENTEQUAL : T_ERRORTOKEN;
    case '&': return c2 == '=' ? T_AMPEREQUAL : T_ERRORTOKEN;
    case '*':
        return c2 == '*' ? T_DOUBLESTAR : c2 == '=' ? T_STAREQUAL : T_ERRORTOKEN;
    case '+': return c2 == '=' ? T_PLUSEQUAL : T_ERRORTOKEN;
    case '-': return c2 == '=' ? T_MINEQUAL : c2 == '>' ? T_RARROW : T_ERRORTOKEN;
    case '/': return c2 == '/' ? T_DOUBLESLASH : c2 == '=' ? T_SLASHEQUAL : T_ERRORTOKEN;
    case ':': return c2 == '=' ? T_COLONEQUAL : T_ERRORTOKEN;
    case '<':
        // "<>" is NOTEQUAL for Barry-as-FLUFL; the parser rejects its spelling.
        return c2 == '<' ? T_LEFTSHIFT : c2 == '=' ? T_LESSEQUAL : c2 == '>' ? T_NOTEQUAL
                                                                            : T_ERRORTOKEN;
    case '=': return c2 == '=' ? T_EQEQUAL : T_ERRORTOKEN;
    case '>':
        return c2 == '=' ? T_GREATEREQUAL : c2 == '>' ? T_RIGHTSHIFT : T_ERRORTOKEN;
    case '@': return c2 == '=' ? T_ATEQUAL : T_ERRORTOKEN;
    case '^': return c2 == '=' ? T_CIRCUMFLEXEQUAL : T_ERRORTOKEN;
    case '|': return c2 == '=' ? T_VBAREQUAL : T_ERRORTOKEN;
    default: return T_ERRORTOKEN;
    }
}

static int op_three(int c1, int c2, int c3) {
    if (c3 != '=') {
        return T_ERRORTOKEN;
    }
    if (c1 == '*' && c2 == '*') {
        return T_DOUBLESTAREQUAL;
    }
    if (c1 == '/' && c2 == '/') {
        return T_DOUBLESLASHEQUAL;
    }
    if (c1 == '<' && c2 == '<') {
        return T_LEFTSHIFTEQUAL;
    }
    if (c1 == '>' && c2 == '>') {
        return T_RIGHTSHIFTEQUAL;
    }
    return T_ERRORTOKEN;
}

// ---------------------------------------------------------------------------
// The token loop

// Backslash-newline: returns the first byte of the next line (not consumed),
// or -1 with the error recorded.
static int tok_continuation_line(Tokenizer *t) {
    int c = tok_nextc(t);
    if (c != '\n') {
        // E_LINECONT: pegen reports it at (cur - buf - 1) + 1, end unknown.
        return tok_parser_error(t, SE_SYNTAX, t->lineno, (int)(t->cur - t->bufstart),
                                t->lineno, 0,
                                "unexpected character after line continuation character");
    }
    c = tok_nextc(t);
    if (c == EOF) {
        t->cur = t->inp;
        return tok_error_eof(t);
    }
    tok_backup(t, c);
    return c;
}

// CPython's indenterror (E_TABSPACE), reported at column 1.
static int tok_indent_error(Tokenizer *t) {
    t->cur = t->inp;
    return tok_parser_error(t, SE_TAB, t->lineno, 1, t->lineno, 0,
                            "inconsistent use of tabs and spaces in indentation");
}

// The core: one token into *tk with CPython's raw positions (start/end
// pointers; NULL start for tokens without a position).
static int is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A comment from t->start ('#') to `end` with type comments on: 0 for a
// plain comment, T_TYPE_COMMENT (with *text after the "type:" prefix), or 1
// for a `type: ignore`, which is recorded here. -1 when out of memory.
static int tok_type_comment(Tokenizer *t, const char *end, const char **text) {
    static const char prefix[] = "# type: ";
    const char *p = t->start;
    for (const char *q = prefix; *q; q++) {
        if (*q == ' ') {
            while (p < end && (*p == ' ' || *p == '\t')) {
                p++;
            }
        } else if (p < end && *p == *q) {
            p++;
        } else {
            return 0;
        }
    }
    const char *after = p + 6;
    int ignore = end - p >= 6 && memcmp(p, "ignore", 6) == 0 &&
                 !(end > after && ((unsigned char)*after >= 128 || is_ascii_alnum(*after)));
    if (!ignore) {
        *text = p;
        return T_TYPE_COMMENT;
    }
    if (t->nignores == t->ignores_cap) {
        int cap = t->ignores_cap ? 2 * t->ignores_cap : 8;
        TypeIgnore *bigger = arena_alloc(t->arena, (size_t)cap * sizeof *bigger);
        if (!bigger) {
            return tok_parser_error(t, SE_MEMORY, t->lineno, 0, t->lineno, 0, "%s", "");
        }
        if (t->nignores) {
            memcpy(bigger, t->ignores, (size_t)t->nignores * sizeof *bigger);
        }
        t->ignores = bigger;
        t->ignores_cap = cap;
    }
    const char *tag = arena_strndup(t->arena, after, (size_t)(end - after));
    if (!tag) {
        return tok_parser_error(t, SE_MEMORY, t->lineno, 0, t->lineno, 0, "%s", "");
    }
    t->ignores[t->nignores++] = (TypeIgnore){t->lineno + t->line_offset, tag};
    return 1;
}

static int tok_get(Tokenizer *t, int *type, const char **pstart, const char **pend) {
    int c;
    int blankline;
    *pstart = *pend = NULL;

nextline:
    t->start = NULL;
    blankline = 0;

    if (t->atbol) {
        int col = 0, altcol = 0, cont_line_col = 0;
        t->atbol = 0;
        for (;;) {
            c = tok_nextc(t);
            if (c == ' ') {
                col++, altcol++;
            } else if (c == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol = altcol + 1;
            } else if (c == '\014') {
                col = altcol = 0;
            } else if (c == '\\') {
                // The first backslash after the indentation fixes its width.
                cont_line_col = cont_line_col ? cont_line_col : col;
                if ((c = tok_continuation_line(t)) == -1) {
                    return -1;
                }
            } else {
                break;
            }
        }
        tok_backup(t, c);
        if (c == '#' || c == '\n') {
            // Whitespace/comment-only lines do not affect indentation.
            blankline = 1;
        }
        if (!blankline && t->level == 0) {
            col = cont_line_col ? cont_line_col : col;
            altcol = cont_line_col ? cont_line_col : altcol;
            if (col == t->indstack[t->indent]) {
                if (altcol != t->altindstack[t->indent]) {
                    return tok_indent_error(t);
                }
            } else if (col > t->indstack[t->indent]) {
                if (t->indent + 1 >= MAXINDENT) {
                    t->cur = t->inp;
                    return tok_parser_error(t, SE_INDENTATION, t->lineno, 1, t->lineno, 0,
                                            "too many levels of indentation");
                }
                if (altcol <= t->altindstack[t->indent]) {
                    return tok_indent_error(t);
                }
                t->pendin++;
                t->indstack[++t->indent] = col;
                t->altindstack[t->indent] = altcol;
            } else {
                while (t->indent > 0 && col < t->indstack[t->indent]) {
                    t->pendin--;
                    t->indent--;
                }
                if (col != t->indstack[t->indent]) {
                    // E_DEDENT: reported at the cursor, which CPython moves
                    // to the end of the line.
                    t->cur = t->inp;
                    return tok_parser_error(t, SE_INDENTATION, t->lineno,
                                            (int)(t->cur - t->line_start), t->lineno, -1,
                                            "unindent does not match any outer indentation "
                                            "level");
                }
                if (altcol != t->altindstack[t->indent]) {
                    return tok_indent_error(t);
                }
            }
        }
    }

    t->start = t->cur;
    if (t->pendin != 0) {
        if (t->pendin < 0) {
            t->pendin++;
            *type = T_DEDENT;
        } else {
            t->pendin--;
            *type = T_INDENT;
        }
        return 0;
    }

again:
    t->start = NULL;
    do {
        c = tok_nextc(t);
    } while (c == ' ' || c == '\t' || c == '\014');
    t->start = t->cur - 1;

    if (c == '#') {
        // A comment runs to the end of the line; the NEWLINE token that
        // follows keeps the comment's start as its start, as in CPython.
        const char *nl = memchr(t->cur, '\n', (size_t)(t->inp - t->cur));
        const char *text = NULL;
        int kind = t->type_comments ? tok_type_comment(t, nl ? nl : t->inp, &text) : 0;
        if (kind < 0) {
            return -1;
        }
        if (kind == T_TYPE_COMMENT) {
            t->cur = nl ? nl : t->inp;  // the newline comes next
            *pstart = text;
            *pend = t->cur;
            *type = T_TYPE_COMMENT;
            return 0;
        }
        t->cur = nl ? nl + 1 : t->inp;
        c = nl ? '\n' : EOF;
    }

    if (c == EOF) {
        if (t->level) {
            return tok_error_eof(t);
        }
        if (t->done == DONE_EOF) {
            *type = T_ENDMARKER;
            return 0;
        }
        return -1;
    }

    // Identifier, or the prefix of a string.
    if (is_potential_identifier_start(c)) {
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
        int nonascii = 0;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
                saw_b = 1;
            } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
                // u"" is backwards-compatibility only: no combinations.
                saw_u = 1;
            } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
                saw_r = 1;
            } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
                saw_f = 1;
            } else {
                break;
            }
            c = tok_nextc(t);
            if (c == '"' || c == '\'') {
                goto letter_quote;
            }
        }
        if (is_potential_identifier_char(c)) {
            // Scan the rest in place: a line always ends with '\n', which
            // stops the scan inside the current line.
            const unsigned char *p = (const unsigned char *)t->cur;
            nonascii = c >= 128;
            while (is_potential_identifier_char(*p)) {
                nonascii |= *p >= 128;
                p++;
            }
            t->cur = (const char *)p;
        } else {
            tok_backup(t, c);
        }
        if (nonascii && !verify_identifier(t)) {
            return -1;
        }
        *pstart = t->start;
        *pend = t->cur;
        *type = T_NAME;
        return 0;
    }

    if (c == '\n') {
        t->atbol = 1;
        if (blankline || t->level > 0) {
            goto nextline;
        }
        *pstart = t->start;
        *pend = t->cur - 1;  // the '\n' is not part of the token
        *type = T_NEWLINE;
        return 0;
    }

    if (c == '.') {
        c = tok_nextc(t);
        if (is_digit(c)) {
            if (tok_number(t, c, 1) < 0) {
                return -1;
            }
            *pstart = t->start;
            *pend = t->cur;
            *type = T_NUMBER;
            return 0;
        } else if (c == '.') {
            c = tok_nextc(t);
            if (c == '.') {
                *pstart = t->start;
                *pend = t->cur;
                *type = T_ELLIPSIS;
                return 0;
            }
            tok_backup(t, c);
            tok_backup(t, '.');
        } else {
            tok_backup(t, c);
        }
        *pstart = t->start;
        *pend = t->cur;
        *type = T_DOT;
        return 0;
    }

    if (is_digit(c)) {
        if (tok_number(t, c, 0) < 0) {
            return -1;
        }
        *pstart = t->start;
        *pend = t->cur;
        *type = T_NUMBER;
        return 0;
    }

letter_quote:
    if (c == '\'' || c == '"') {
        int quote = c;
        int quote_size = 1;
        int end_quote_size = 0;
        // A string's position is its first line's, its end the last line's.
        t->first_lineno = t->lineno;
        t->multi_line_start = t->line_start;
        c = tok_nextc(t);
        if (c == quote) {
            c = tok_nextc(t);
            if (c == quote) {
                quote_size = 3;
            } else {
                end_quote_size = 1;  // the empty string
            }
        }
        if (c != quote) {
            tok_backup(t, c);
        }
        while (end_quote_size != quote_size) {
            c = tok_nextc(t);
            if (c == EOF || (quote_size == 1 && c == '\n')) {
                // Reported from the string's first character.
                int detected = t->lineno;
                t->cur = t->start + 1;
                t->line_start = t->multi_line_start;
                t->lineno = t->first_lineno;
                if (quote_size == 3) {
                    return tok_raise(t,
                                     "unterminated triple-quoted string literal (detected at "
                                     "line %d)",
                                     detected + t->line_offset);
                }
                return tok_raise(t, "unterminated string literal (detected at line %d)",
                                 detected + t->line_offset);
            }
            if (c == quote) {
                end_quote_size++;
            } else {
                end_quote_size = 0;
                if (c == '\\') {
                    tok_nextc(t);  // the escaped byte, whatever it is
                }
            }
        }
        *pstart = t->start;
        *pend = t->cur;
        *type = T_STRING;
        return 0;
    }

    if (c == '\\') {
        if (tok_continuation_line(t) == -1) {
            return -1;
        }
        goto again;
    }

    {
        int c2 = tok_nextc(t);
        int tt = op_two(c, c2);
        if (tt != T_ERRORTOKEN) {
            int c3 = tok_nextc(t);
            int tt3 = op_three(c, c2, c3);
            if (tt3 != T_ERRORTOKEN) {
                tt = tt3;
            } else {
                tok_backup(t, c3);
            }
            *pstart = t->start;
            *pend = t->cur;
            *type = tt;
            return 0;
        }
        tok_backup(t, c2);
    }

    switch (c) {
    case '(':
    case '[':
    case '{':
        if (t->level >= MAXLEVEL) {
            return tok_raise(t, "too many nested parentheses");
        }
        t->parenstack[t->level] = (char)c;
        t->parenlinenostack[t->level] = t->lineno;
        t->parencolstack[t->level] = (int)(t->start - t->line_start);
        t->level++;
        break;
    case ')':
    case ']':
    case '}': {
        if (!t->level) {
            return tok_raise(t, "unmatched '%c'", c);
        }
        t->level--;
        int opening = t->parenstack[t->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            if (t->parenlinenostack[t->level] != t->lineno) {
                return tok_raise(t,
                                 "closing parenthesis '%c' does not match opening "
                                 "parenthesis '%c' on line %d",
                                 c, opening, t->parenlinenostack[t->level] + t->line_offset);
            }
            return tok_raise(t,
                             "closing parenthesis '%c' does not match opening parenthesis '%c'",
                             c, opening);
        }
        break;
    }
    default:
        break;
    }

    if (c < 0x20 || c == 0x7f) {  // ASCII only here: c >= 128 started a NAME
        return tok_raise(t, "invalid non-printable character U+%04X", (unsigned)c);
    }

    *pstart = t->start;
    *pend = t->cur;
    *type = op_one(c);
    return 0;
}

int tok_next(Tokenizer *t, Token *out) {
    memset(out, 0, sizeof *out);
    if (t->done == DONE_ERROR) {
        return -1;
    }
    int type = T_ERRORTOKEN;
    const char *start, *end;
    if (tok_get(t, &type, &start, &end) < 0) {
        out->type = T_ERRORTOKEN;
        out->start = out->end = t->cur;
        out->lineno = out->end_lineno = t->lineno + t->line_offset;
        out->col_offset = out->end_col_offset = -1;
        return -1;
    }
    out->type = (unsigned char)type;
    const char *ls = type == T_STRING ? t->multi_line_start : t->line_start;
    int lineno = type == T_STRING ? t->first_lineno : t->lineno;
    int col = start && start >= ls ? (int)(start - ls) : -1;
    int end_col = end && end >= t->line_start ? (int)(end - t->line_start) : -1;
    // f-string expressions: columns shift only while on the first line.
    if (t->lineno == 1 && t->col_shift) {
        col += t->col_shift;
        end_col += t->col_shift;
    }
    out->lineno = lineno + t->line_offset;
    out->end_lineno = t->lineno + t->line_offset;
    out->col_offset = col;
    out->end_col_offset = end_col;
    if (start) {
        out->start = start;
        out->end = end;
    } else {
        // No position (INDENT, DEDENT, ENDMARKER): point at the cursor.
        out->start = out->end = t->cur;
    }
    if (type == T_NAME) {
        out->kw = (unsigned char)keyword_lookup(start, (size_t)(end - start));
    }
    return 0;
}

SyntaxErrorInfo *tok_error(Tokenizer *t) {
    return &t->err;
}

int tok_error_is_raised(Tokenizer *t) {
    return t->err.set && t->err_raised;
}

int tok_char_offsets(Tokenizer *t) {
    return t->char_offsets;
}

int tok_cursor_col(Tokenizer *t) {
    return (int)(t->cur - t->line_start);
}

// Not in tokenizer.h yet. CPython's column conversion for a parser error at
// 1-based byte column `col` of line `lineno` (as the parser sees it, shifted):
// unchanged without an encoding, else characters counted in the error line
// CPython uses (see error_line), invalid bytes as U+FFFD, clamped.
int tok_error_col(Tokenizer *t, int lineno, int col) {
    if (!t->char_offsets || col < 0) {
        return col;
    }
    size_t len = 0;
    const char *ls = error_line(t, lineno - t->line_offset, &len);
    return ls ? byte_to_char_offset(ls, len, col) : col;
}

// Not in tokenizer.h yet. The text of SyntaxError.text for a parser error on
// line `lineno` (shifted), as CPython picks it (see error_line); not
// NUL-terminated at *len.
const char *tok_error_text(Tokenizer *t, int lineno, size_t *len) {
    return error_line(t, lineno - t->line_offset, len);
}

void tok_set_start_position(Tokenizer *t, int line_offset, int col_offset) {
    t->line_offset = line_offset;
    t->col_shift = col_offset;
}

static void build_line_index(Tokenizer *t) {
    int n = 0;
    for (const char *p = t->buf; p < t->bufend; p++) {
        n += *p == '\n';
    }
    t->lines = arena_alloc(t->arena, sizeof(const char *) * (size_t)(n + 1));
    t->nlines = 0;
    if (!t->lines) {
        return;
    }
    const char *p = t->buf;
    while (p < t->bufend) {
        t->lines[t->nlines++] = p;
        const char *nl = memchr(p, '\n', (size_t)(t->bufend - p));
        p = nl ? nl + 1 : t->bufend;
    }
}

static const char *line_ptr(Tokenizer *t, int lineno) {
    if (!t->lines) {
        build_line_index(t);
    }
    if (lineno < 1 || lineno > t->nlines) {
        return NULL;
    }
    return t->lines[lineno - 1];
}

const char *tok_line_text(Tokenizer *t, int lineno, size_t *len) {
    const char *ls = line_ptr(t, lineno - t->line_offset);
    if (!ls) {
        return NULL;
    }
    if (len) {
        *len = line_len(ls);
    }
    return ls;
}

// ---------------------------------------------------------------------------
// Input preparation

// CPython's translate_newlines: \r\n and \r -> \n, and a final newline
// for exec input (a file, or compile(..., 'exec')).
static char *translate_newlines(Arena *a, const char *s, size_t n, int exec_input,
                                size_t *outlen) {
    char *buf = arena_alloc(a, n + 2);
    if (!buf) {
        return NULL;
    }
    char *o = buf;
    const char *cr = memchr(s, '\r', n);
    size_t i = cr ? (size_t)(cr - s) : n;
    memcpy(o, s, i);
    o += i;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '\r') {
            c = '\n';
            if (i + 1 < n && s[i + 1] == '\n') {
                i++;
            }
        }
        *o++ = c;
    }
    // CPython adds the final newline when the last byte it *copied* is not
    // one; a trailing \r\n leaves its loop on the NUL, so such input gets
    // an extra empty line.
    if (exec_input &&
        (o == buf || o[-1] != '\n' || (n >= 2 && s[n - 2] == '\r' && s[n - 1] == '\n'))) {
        *o++ = '\n';
    }
    *o = 0;
    *outlen = (size_t)(o - buf);
    return buf;
}

static int is_alnum(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// CPython's get_normal_name: the two spellings the tokenizer knows itself.
static const char *normal_encoding_name(const char *s) {
    char buf[13];
    int i;
    for (i = 0; i < 12; i++) {
        int c = (unsigned char)s[i];
        if (c == 0) {
            break;
        }
        buf[i] = c == '_' ? '-' : (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    buf[i] = 0;
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0) {
        return "utf-8";
    }
    if (strcmp(buf, "latin-1") == 0 || strcmp(buf, "iso-8859-1") == 0 ||
        strcmp(buf, "iso-latin-1") == 0 || strncmp(buf, "latin-1-", 8) == 0 ||
        strncmp(buf, "iso-8859-1-", 11) == 0 || strncmp(buf, "iso-latin-1-", 12) == 0) {
        return "iso-8859-1";
    }
    return s;
}

// CPython's get_coding_spec over s[0..size): the coding name (normalized) in
// a comment-only line, written into spec; 0 when there is none.
static int get_coding_spec(const char *s, long size, char *spec, size_t specsize) {
    long i;
    for (i = 0; i < size - 6; i++) {
        if (s[i] == '#') {
            break;
        }
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\014') {
            return 0;
        }
    }
    for (; i < size - 6; i++) {
        const char *p = s + i;
        if (memcmp(p, "coding", 6) != 0) {
            continue;
        }
        p += 6;
        if (p[0] != ':' && p[0] != '=') {
            continue;
        }
        do {
            p++;
        } while (p[0] == ' ' || p[0] == '\t');
        const char *begin = p;
        while (is_alnum((unsigned char)p[0]) || p[0] == '-' || p[0] == '_' || p[0] == '.') {
            p++;
        }
        if (begin < p) {
            size_t n = (size_t)(p - begin);
            if (n >= specsize) {
                n = specsize - 1;
            }
            char raw[256];
            memcpy(raw, begin, n);
            raw[n] = 0;
            const char *q = normal_encoding_name(raw);
            size_t m = strlen(q);
            if (m >= specsize) {
                m = specsize - 1;
            }
            memcpy(spec, q, m);
            spec[m] = 0;
            return 1;
        }
    }
    return 0;
}

// The coding declaration of buf[0..n) (newlines translated, no BOM): on
// line 1, else on line 2 if line 1 holds only a comment or whitespace.
// 1 with the name in spec, else 0.
static int find_coding_spec(const char *buf, size_t n, char *spec, size_t specsize) {
    const char *nl1 = memchr(buf, '\n', n);
    const char *nl2 = nl1 ? memchr(nl1 + 1, '\n', (size_t)(buf + n - nl1 - 1)) : NULL;
    if (!nl1) {
        return 0;
    }
    if (get_coding_spec(buf, (long)(nl1 - buf), spec, specsize)) {
        return 1;
    }
    for (const char *p = buf; p < nl1; p++) {
        if (*p == '#' || *p == '\n' || *p == '\r') {
            break;
        }
        if (*p != ' ' && *p != '\t' && *p != '\014') {
            return 0;
        }
    }
    return nl2 && get_coding_spec(nl1 + 1, (long)(nl2 - nl1), spec, specsize);
}

int tok_script_non_utf8(const char *src, size_t len, int *lineno, unsigned char *badbyte) {
    if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0) {
        return 0;
    }
    char spec[256];
    if (find_coding_spec(src, len, spec, sizeof spec)) {
        return 0;
    }
    int line = 1;
    size_t i = 0;
    while (i < len) {
        if (src[i] == '\n') {
            line++;
        }
        int valid;
        size_t k = utf8_next_replace(src + i, len - i, &valid);
        if (!valid) {
            *lineno = line;
            *badbyte = (unsigned char)src[i];
            return 1;
        }
        i += k ? k : 1;
    }
    return 0;
}

// Init-time errors are reported as CPython's tokenizer-init errors: lineno 0,
// offset -1, no text.
static Tokenizer *init_error(SyntaxErrorInfo *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static Tokenizer *init_error(SyntaxErrorInfo *err, const char *fmt, ...) {
    if (!err) {
        return NULL;
    }
    memset(err, 0, sizeof *err);
    err->set = 1;
    err->kind = SE_SYNTAX;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->lineno = 0;
    err->offset = -1;
    return NULL;
}

Tokenizer *tok_new(Arena *arena, const char *src, size_t len, TokenizerMode mode,
                   SyntaxErrorInfo *err) {
    return tok_new_input(arena, src, len, mode, 1, err);
}

void tok_enable_type_comments(Tokenizer *t) {
    t->type_comments = 1;
}

int tok_type_ignores(Tokenizer *t, const TypeIgnore **out) {
    *out = t->ignores;
    return t->nignores;
}

void tok_imply_dedents(Tokenizer *t) {
    t->pendin = -t->indent;
    t->indent = 0;
}

int tok_rest_is_blank(Tokenizer *t) {
    for (const char *c = t->cur; c < t->bufend; c++) {
        if (*c == '#') {
            const char *nl = memchr(c, '\n', (size_t)(t->bufend - c));
            if (!nl) {
                return 1;
            }
            c = nl;
        } else if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\014') {
            return 0;
        }
    }
    return 1;
}

Tokenizer *tok_new_input(Arena *arena, const char *src, size_t len, TokenizerMode mode,
                         int exec_input, SyntaxErrorInfo *err) {
    if (err) {
        memset(err, 0, sizeof *err);
    }
    if (memchr(src, 0, len)) {
        // compile() refuses these before tokenizing: a ValueError in CPython.
        return init_error(err, "source code string cannot contain null bytes");
    }
    Tokenizer *t = arena_alloc(arena, sizeof *t);
    if (!t) {
        return init_error(err, "out of memory");
    }
    t->arena = arena;
    t->warnings = err;
    size_t n;
    char *buf = translate_newlines(arena, src, len, exec_input, &n);
    if (!buf) {
        return init_error(err, "out of memory");
    }
    if (mode == TOKMODE_STRING) {
        t->char_offsets = 1;
    } else {
        int bom = 0;
        char encoding[256] = "";
        if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
            buf += 3;
            n -= 3;
            bom = 1;
            strcpy(encoding, "utf-8");
        }
        char spec[256];
        int found = find_coding_spec(buf, n, spec, sizeof spec);
        const char *decode_with = NULL;
        if (found) {
            if (bom) {
                if (strcmp(encoding, spec) != 0) {
                    return init_error(err, "encoding problem: %s with BOM", spec);
                }
            } else {
                snprintf(encoding, sizeof encoding, "%s", spec);
                if (strcmp(spec, "utf-8") != 0) {
                    decode_with = encoding;
                }
            }
        }
        t->char_offsets = encoding[0] != 0;
        if (decode_with) {
            StrBuf out;
            sb_init(&out);
            char msg[256];
            SourceCodecResult r = source_decode(decode_with, buf, n, &out, msg, sizeof msg);
            if (r != SRC_CODEC_OK) {
                sb_free(&out);
                return init_error(err, "%s", msg);
            }
            char *copy = arena_alloc(arena, out.len + 1);
            if (!copy) {
                sb_free(&out);
                return init_error(err, "out of memory");
            }
            memcpy(copy, out.data, out.len);
            copy[out.len] = 0;
            n = out.len;
            buf = copy;
            sb_free(&out);
            if (memchr(buf, 0, n)) {
                return init_error(err, "source code string cannot contain null bytes");
            }
        }
    }
    t->buf = buf;
    t->bufend = buf + n;
    t->cur = t->inp = t->line_start = t->bufstart = buf;
    t->atbol = 1;
    return t;
}

void front_warning(Arena *arena, SyntaxErrorInfo *err, FrontWarningKind kind, int lineno,
                   int offset, int end_lineno, int end_offset, const char *fmt, ...) {
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    size_t len = strlen(msg);
    FrontWarning *w = arena_alloc(arena, sizeof *w + len + 1);
    if (!w) {
        return;
    }
    w->next = NULL;
    w->kind = kind;
    w->lineno = lineno;
    w->offset = offset;
    w->end_lineno = end_lineno;
    w->end_offset = end_offset;
    memcpy(w->msg, msg, len + 1);
    if (err->warnings_last) {
        err->warnings_last->next = w;
    } else {
        err->warnings = w;
    }
    err->warnings_last = w;
}
