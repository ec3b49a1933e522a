// strings.c - string, bytes and f-string literals: adjacent STRING tokens -> one node.
//
// CPython 3.11 does not tokenize f-strings: an f-string is one STRING token,
// and the parser's action for `STRING+` takes the tokens apart itself. This
// file reproduces that action (Parser/string_parser.c and
// _PyPegen_concatenate_strings in 3.11) behaviour for behaviour, because
// `ast.dump(..., include_attributes=True)` exposes all of it:
//
//  * Values. A str value is generalized UTF-8 (an escape such as '\ud800'
//    yields a lone surrogate, stored as 3 bytes); a bytes value is raw bytes.
//    Escapes are decoded as CPython's 'unicodeescape' and bytes-escape codecs
//    do. CPython first rewrites every non-ASCII character of a literal as a
//    10-byte "\UXXXXXXXX" escape (and a backslash followed by a non-ASCII
//    character, or ending the text, as "\u005c", i.e. a literal backslash)
//    before running the codec, so the positions in its decode errors count
//    that rewritten text: "é\x" fails "in position 10-11". decode_str keeps a
//    virtual position that follows the rewritten text instead of building it.
//    Invalid escapes ("\d", octal above \377) only warn in 3.11 (we do not
//    emit warnings); the backslash stays. Invalid UTF-8, which the tokenizer
//    lets through inside literals, fails as CPython's utf-8 codec fails.
//
//  * Concatenation. Plain str parts and the literal parts of f-strings are
//    appended to one pending literal; empty parts vanish. When a replacement
//    field follows, the pending literal becomes one Constant. Without any
//    f-string the result is a single Constant; with one, a JoinedStr. Bytes
//    cannot mix with str ("cannot mix bytes and nonbytes literals").
//
//  * Positions (3.11's quirks, kept on purpose). The result spans the first
//    token's start to the last token's end, and so does every Constant and
//    FormattedValue directly inside it -- and every FormattedValue of a
//    format spec. A format spec's JoinedStr, and the Constant that ends it,
//    get the position of the one token they appear in. A Constant's `kind`
//    is "u" when the token its position comes from starts with a lower-case
//    'u' (so `U"x"` has no kind).
//
//  * Replacement fields. The field's expression text is found by scanning
//    (tracking quotes and brackets; backslashes and '#' are errors), then
//    parsed as "(" + text + ")" by parser_parse_fstring_expr with the shift
//    CPython's fstring_find_expr_location computes: the line offset is the
//    token's line plus the newlines before the '{', minus one; the column
//    offset is the '{' column (plus the token's column if the '{' is on the
//    token's first line) -- unless only blanks separate the '{' from a
//    newline, in which case the column part is 0. The parser applies the
//    column shift to the tokens that end on the first line of "(...)".
//    This interface is enough to place every node as CPython does.
//
//  * Errors. Unless the expression parser reports one itself, every error
//    here is located as CPython's RAISE_SYNTAX_ERROR locates it: at the last
//    token the parser has fetched, which is the token after the strings (the
//    `STRING+` loop had to look at it to stop). We cannot see that token, so
//    we call parser_error_at with lineno 0 -- NEEDED FROM parser.c: treat
//    lineno == 0 as "at the last token fetched" (p->tokens[p->fill-1]).
//    (An error raised while parsing a field's expression is the sub-parser's
//    own: CPython reports its offsets relative to "(...)", i.e. minus the
//    column shift, and prefixes "f-string: " unless the tokenizer raised it.)
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../runtime/strbuf.h"
#include "../runtime/unicode_names.h"
#include "parser_internal.h"

// parser_error_at(lineno = STR_AT_LAST_TOKEN): see the essay.
enum { STR_AT_LAST_TOKEN = 0 };

// CPython's MAXLEVEL: bracket nesting tracked inside one replacement field.
enum { FSTRING_MAX_PAREN = 200 };

typedef struct StrCtx {
    Parser *p;
    Arena *arena;
    const Token *first, *last;  // the whole run of STRING tokens
    const Token *cur;           // the token being decoded
    int warned;                 // cur's invalid escape warning is recorded
} StrCtx;

// The pieces of one JoinedStr under construction (CPython's FstringParser).
typedef struct FState {
    StrBuf lit;       // pending literal text, not yet a Constant
    Node **items;     // finished values (arena memory)
    int n, cap;
    int fmode;        // saw an f-string: the result is a JoinedStr
} FState;

static void *str_error(StrCtx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void *str_error(StrCtx *c, const char *fmt, ...) {
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return parser_error_at(c->p, STR_AT_LAST_TOKEN, 0, -1, -1, "%s", msg);
}

// An invalid escape such as "\d": a DeprecationWarning in 3.11, once per
// literal (for its first one), located at the literal's token.
static void str_invalid_escape(StrCtx *c, char e) {
    if (c->warned || !c->cur) {
        return;
    }
    c->warned = 1;
    char msg[64];
    snprintf(msg, sizeof msg, "invalid escape sequence '\\%c'", e);
    parser_warning(c->p, FW_DEPRECATION, c->cur->lineno, c->cur->col_offset, c->cur->end_lineno,
                   c->cur->end_col_offset, msg);
}

static void *str_nomem(StrCtx *c) {
    return str_error(c, "out of memory");
}

// ---- values -----------------------------------------------------------------

// Generalized UTF-8: surrogates are encoded like any other code point.
static void put_code_point(StrBuf *b, uint32_t cp) {
    char buf[4];
    int n;
    if (cp < 0x80) {
        buf[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        buf[0] = (char)(0xF0 | (cp >> 18));
        buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sb_put(b, buf, (size_t)n);
}

// Length of the UTF-8 sequence starting at s (the source is valid UTF-8; be
// defensive anyway and never step past end).
static size_t utf8_seq_len(const char *s, const char *end) {
    unsigned char c = (unsigned char)*s;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n > (size_t)(end - s)) {
        n = (size_t)(end - s);
    }
    return n;
}

static int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// The single-character escapes shared by str and bytes; -1 if `e` is not one.
static int simple_escape(char e) {
    switch (e) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'b': return '\b';
    case 'f': return '\f';
    case 't': return '\t';
    case 'n': return '\n';
    case 'r': return '\r';
    case 'v': return '\v';
    case 'a': return '\a';
    default: return -1;
    }
}

// The tokenizer lets invalid UTF-8 through inside string literals (as 3.11
// does); decoding the literal then fails like CPython's UTF-8 codec, with
// positions relative to the text it was given. Returns -1 after reporting.
static int check_utf8(StrCtx *c, const char *text, size_t len) {
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned char b = s[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        int need;
        unsigned char lo = 0x80, hi = 0xBF;  // range of the first continuation byte
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            lo = b == 0xE0 ? 0xA0 : 0x80;
            hi = b == 0xED ? 0x9F : 0xBF;  // no surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            lo = b == 0xF0 ? 0x90 : 0x80;
            hi = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            str_error(c, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: "
                         "invalid start byte", b, i);
            return -1;
        }
        for (int k = 1; k <= need; k++) {
            if (i + (size_t)k >= len) {
                if (len - i == 1) {
                    str_error(c, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                                 "position %zu: unexpected end of data", b, i);
                } else {
                    str_error(c, "(unicode error) 'utf-8' codec can't decode bytes in position "
                                 "%zu-%zu: unexpected end of data", i, len - 1);
                }
                return -1;
            }
            unsigned char cb = s[i + (size_t)k];
            if (k == 1 ? (cb < lo || cb > hi) : (cb < 0x80 || cb > 0xBF)) {
                if (k == 1) {
                    str_error(c, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                                 "position %zu: invalid continuation byte", b, i);
                } else {
                    str_error(c, "(unicode error) 'utf-8' codec can't decode bytes in position "
                                 "%zu-%zu: invalid continuation byte", i, i + (size_t)k - 1);
                }
                return -1;
            }
        }
        i += (size_t)need + 1;
    }
    return 0;
}

// Before it decodes escapes, CPython decodes each run of non-ASCII bytes on
// its own (that is where UTF-8 errors come from, before any escape error).
static int check_utf8_runs(StrCtx *c, const char *s, size_t len) {
    const char *end = s + len;
    while (s < end) {
        if ((unsigned char)*s < 0x80) {
            s++;
            continue;
        }
        const char *run = s;
        while (s < end && (unsigned char)*s >= 0x80) {
            s++;
        }
        if (check_utf8(c, run, (size_t)(s - run)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int unicode_escape_error(StrCtx *c, size_t start, size_t end, const char *reason) {
    // UnicodeDecodeError.__str__: the byte at `start` is always the backslash.
    if (end == start + 1) {
        str_error(c, "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %zu: %s",
                  start, reason);
    } else {
        str_error(c, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                  start, end - 1, reason);
    }
    return -1;
}

// Decode the escapes of str literal text s[0..len) and append the value.
// `vpos` follows the position in CPython's rewritten text (see the essay).
static int decode_str(StrCtx *c, const char *s, size_t len, StrBuf *out) {
    if (check_utf8_runs(c, s, len) < 0) {
        return -1;
    }
    const char *end = s + len;
    size_t vpos = 0;
    while (s < end) {
        if (*s != '\\') {
            // a run without escapes: copy it whole
            const char *run_end = memchr(s, '\\', (size_t)(end - s));
            if (!run_end) {
                run_end = end;
            }
            sb_put(out, s, (size_t)(run_end - s));
            for (; s < run_end; s++) {
                unsigned char ch = (unsigned char)*s;
                vpos += ch < 0x80 ? 1 : ch >= 0xC0 ? 10 : 0;  // 10 per non-ASCII code point
            }
            continue;
        }
        if (s + 1 >= end || (unsigned char)s[1] >= 0x80) {
            // rewritten as "\u005c": a literal backslash, no escape
            sb_putc(out, '\\');
            s++;
            vpos += 6;
            continue;
        }
        size_t start = vpos;
        char e = s[1];
        s += 2;
        vpos += 2;
        int simple = simple_escape(e);
        if (simple >= 0) {
            sb_putc(out, (char)simple);
            continue;
        }
        const char *reason;
        int count;
        switch (e) {
        case '\n':
            continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(e - '0');
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++) {
                v = v * 8 + (uint32_t)(*s++ - '0');
                vpos++;
            }
            put_code_point(out, v);  // > 0o377 only warns in 3.11
            continue;
        }
        case 'x':
            count = 2;
            reason = "truncated \\xXX escape";
            goto hex;
        case 'u':
            count = 4;
            reason = "truncated \\uXXXX escape";
            goto hex;
        case 'U':
            count = 8;
            reason = "truncated \\UXXXXXXXX escape";
        hex: {
            uint32_t v = 0;
            for (; count > 0; count--) {
                int d = s < end ? hex_value((unsigned char)*s) : -1;
                if (d < 0) {
                    return unicode_escape_error(c, start, vpos, reason);
                }
                v = v * 16 + (uint32_t)d;
                s++;
                vpos++;
            }
            if (v > 0x10FFFF) {
                return unicode_escape_error(c, start, vpos, "illegal Unicode character");
            }
            put_code_point(out, v);
            continue;
        }
        case 'N': {
            reason = "malformed \\N character escape";
            if (s < end && *s == '{') {
                s++;
                vpos++;
                const char *name = s;
                while (s < end && *s != '}') {
                    if ((unsigned char)*s >= 0x80) {
                        s += utf8_seq_len(s, end);
                        vpos += 10;
                    } else {
                        s++;
                        vpos++;
                    }
                }
                if (s < end && s > name) {
                    size_t name_len = (size_t)(s - name);
                    s++;
                    vpos++;
                    uint32_t cp;
                    if (uni_lookup_name(name, name_len, &cp)) {
                        put_code_point(out, cp);
                        continue;
                    }
                    reason = "unknown Unicode character name";
                }
            }
            return unicode_escape_error(c, start, vpos, reason);
        }
        default:
            // invalid escape: a DeprecationWarning in 3.11; both characters stay
            str_invalid_escape(c, e);
            sb_putc(out, '\\');
            sb_putc(out, e);
            continue;
        }
    }
    return 0;
}

// Decode the escapes of bytes literal text s[0..len) (ASCII) and append them.
static int decode_bytes(StrCtx *c, const char *s, size_t len, StrBuf *out) {
    const char *begin = s, *end = s + len;
    while (s < end) {
        if (*s != '\\') {
            sb_putc(out, *s++);
            continue;
        }
        s++;
        if (s == end) {
            str_error(c, "(value error) Trailing \\ in string");
            return -1;
        }
        char e = *s++;
        int simple = simple_escape(e);
        if (simple >= 0) {
            sb_putc(out, (char)simple);
            continue;
        }
        switch (e) {
        case '\n':
            break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(e - '0');
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++) {
                v = v * 8 + (unsigned)(*s++ - '0');
            }
            sb_putc(out, (char)(v & 0xFF));  // > 0o377: truncated, with a warning
            break;
        }
        case 'x':
            if (s + 1 < end && hex_value((unsigned char)s[0]) >= 0 &&
                hex_value((unsigned char)s[1]) >= 0) {
                sb_putc(out, (char)(hex_value((unsigned char)s[0]) * 16 +
                                    hex_value((unsigned char)s[1])));
                s += 2;
                break;
            }
            str_error(c, "(value error) invalid \\x escape at position %td", s - 2 - begin);
            return -1;
        default:
            // invalid escape: keep the backslash, rescan the character
            str_invalid_escape(c, e);
            sb_putc(out, '\\');
            s--;
            break;
        }
    }
    return 0;
}

// ---- tokens -------------------------------------------------------------------

typedef struct StrToken {
    int bytes, raw, fmode;
    const char *body;  // between the quotes
    size_t len;
} StrToken;

static void split_token(const Token *t, StrToken *st) {
    const char *s = t->start;
    st->bytes = st->raw = st->fmode = 0;
    for (;; s++) {
        char ch = *s;
        if (ch == 'b' || ch == 'B') {
            st->bytes = 1;
        } else if (ch == 'r' || ch == 'R') {
            st->raw = 1;
        } else if (ch == 'f' || ch == 'F') {
            st->fmode = 1;
        } else if (ch != 'u' && ch != 'U') {
            break;
        }
    }
    // s is at the opening quote; the token ends with the matching quote(s)
    size_t total = (size_t)(t->end - s);
    size_t q = (total >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
    st->body = s + q;
    st->len = total >= 2 * q ? total - 2 * q : 0;
}

// ---- building nodes ---------------------------------------------------------

static Node *make_str_constant(StrCtx *c, const char *s, size_t len, const Token *from,
                               const Token *to) {
    Node *n = ast_node(c->arena, NK_Constant, from->lineno, from->col_offset, to->end_lineno,
                       to->end_col_offset);
    char *copy = arena_strndup(c->arena, s ? s : "", len);
    if (!n || !copy) {
        return str_nomem(c);
    }
    n->v.Constant.value.kind = CONST_STR;
    n->v.Constant.value.str.s = copy;
    n->v.Constant.value.str.len = len;
    n->v.Constant.kind = from->start[0] == 'u' ? "u" : NULL;
    return n;
}

static int fstate_append(StrCtx *c, FState *st, Node *n) {
    if (st->n == st->cap) {
        int cap = st->cap ? st->cap * 2 : 8;
        Node **items = arena_alloc(c->arena, (size_t)cap * sizeof(Node *));
        if (!items) {
            str_nomem(c);
            return -1;
        }
        if (st->n) {
            memcpy(items, st->items, (size_t)st->n * sizeof(Node *));
        }
        st->items = items;
        st->cap = cap;
    }
    st->items[st->n++] = n;
    return 0;
}

// Turn the pending literal (if any) into a Constant spanning from..to.
static int fstate_flush(StrCtx *c, FState *st, const Token *from, const Token *to) {
    if (st->lit.len == 0) {
        return 0;
    }
    Node *n = make_str_constant(c, st->lit.data, st->lit.len, from, to);
    st->lit.len = 0;
    if (!n) {
        return -1;
    }
    return fstate_append(c, st, n);
}

static Node *fstate_joined(StrCtx *c, FState *st, const Token *from, const Token *to) {
    if (fstate_flush(c, st, from, to) < 0) {
        return NULL;
    }
    Node *n = ast_node(c->arena, NK_JoinedStr, from->lineno, from->col_offset, to->end_lineno,
                       to->end_col_offset);
    Seq *values = ast_seq(c->arena, st->n);
    if (!n || !values) {
        return str_nomem(c);
    }
    for (int i = 0; i < st->n; i++) {
        values->a[i] = st->items[i];
    }
    n->v.JoinedStr.values = values;
    return n;
}

// ---- f-strings ----------------------------------------------------------------

static int fstring_concat(StrCtx *c, FState *st, const char **pos, const char *end, int raw,
                          int level, const Token *t);

// Scan literal text up to an undoubled brace or the end, appending its value
// to st->lit. Returns 1 after a doubled brace (call again), 0 when stopped at
// '{', '}' or the end, -1 on error.
static int fstring_literal(StrCtx *c, FState *st, const char **pos, const char *end, int raw,
                           int level) {
    const char *s = *pos, *start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                // skip "\N{...}" so its braces are not fields; the character
                // after "\N" is consumed whatever it is (3.11 does the same)
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                }
                continue;
            }
            // "\{" warns in 3.11 (apart from the decoding of the literal
            // part, which may warn again); the brace then acts as a brace
            if (ch == '{') {
                int warned = c->warned;
                c->warned = 0;
                str_invalid_escape(c, '{');
                c->warned = warned;
            }
        }
        if (ch == '{' || ch == '}') {
            if (level == 0) {
                if (s < end && *s == ch) {
                    *pos = s + 1;  // keep one brace, skip the other
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    str_error(c, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *pos = s;
done:
    if (s > start) {
        if (raw) {
            if (check_utf8(c, start, (size_t)(s - start)) < 0) {
                return -1;
            }
            sb_put(&st->lit, start, (size_t)(s - start));
        } else {
            c->warned = 0;  // each literal part warns for its first bad escape, as CPython
            if (decode_str(c, start, (size_t)(s - start), &st->lit) < 0) {
                return -1;
            }
        }
    }
    return result;
}

// Where the expression starting after `brace` (inside token t) must be placed
// (see the essay: CPython's fstring_find_expr_location + fstring_compile_expr).
static void fstring_expr_location(const Token *t, const char *brace, int *line_offset,
                                  int *col_offset) {
    int newline_after_brace = 1;
    for (const char *q = brace + 1;; q++) {
        if (q >= t->end) {
            newline_after_brace = 0;
            break;
        }
        if (*q == '}' || *q == '\n') {
            break;
        }
        if (*q != ' ' && *q != '\t' && *q != '\f') {
            newline_after_brace = 0;
            break;
        }
    }
    int cols = 0, lines = 0;
    if (!newline_after_brace) {
        const char *q = brace;
        while (q > t->start && *q != '\n') {
            q--;
        }
        cols = (int)(brace - q);
        if (*q == '\n') {
            cols -= 1;
        }
    }
    for (const char *q = t->start; q < brace; q++) {
        lines += *q == '\n';
    }
    *line_offset = t->lineno + lines - 1;
    *col_offset = lines != 0 ? cols : t->col_offset + cols;
}

// Parse the expression text [expr_start, expr_end) of a replacement field.
static Node *fstring_compile_expr(StrCtx *c, const char *expr_start, const char *expr_end,
                                  const Token *t) {
    const char *s = expr_start;
    while (s < expr_end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) {
        s++;
    }
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
            return str_error(c, "f-string: expression required before '%c'", *expr_end);
        }
        return str_error(c, "f-string: empty expression not allowed");
    }
    size_t len = (size_t)(expr_end - expr_start);
    char *src = arena_alloc(c->arena, len + 3);
    if (!src) {
        return str_nomem(c);
    }
    src[0] = '(';
    memcpy(src + 1, expr_start, len);
    src[len + 1] = ')';
    src[len + 2] = '\0';
    int line_offset, col_offset;
    fstring_expr_location(t, expr_start - 1, &line_offset, &col_offset);
    return parser_parse_fstring_expr(c->p, src, len + 2, line_offset, col_offset);
}

static Node *fstring_parse_spec(StrCtx *c, const char **pos, const char *end, int raw, int level,
                                const Token *t);

// Parse the replacement field at *pos (a '{') into a FormattedValue. For a
// "=" field, *text/*text_len receive the literal text to put before it.
static Node *fstring_field(StrCtx *c, const char **pos, const char *end, int raw, int level,
                           const Token *t, const char **text, size_t *text_len) {
    *text = NULL;
    *text_len = 0;
    if (level >= 2) {
        return str_error(c, "f-string: expressions nested too deeply");
    }
    const char *s = *pos + 1;
    const char *expr_start = s;
    char quote = 0;
    int triple = 0;
    char parens[FSTRING_MAX_PAREN];
    int depth = 0;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\') {
            return str_error(c, "f-string expression part cannot include a backslash");
        }
        if (quote) {
            if (ch == quote) {
                if (!triple) {
                    quote = 0;
                } else if (s + 2 < end && s[1] == ch && s[2] == ch) {
                    s += 2;
                    quote = 0;
                    triple = 0;
                }
            }
        } else if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) {
                triple = 1;
                s += 2;
            } else {
                triple = 0;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= FSTRING_MAX_PAREN) {
                return str_error(c, "f-string: too many nested parenthesis");
            }
            parens[depth++] = ch;
        } else if (ch == '#') {
            return str_error(c, "f-string expression part cannot include '#'");
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' ||
                                  ch == '<')) {
            // "!=", "==", "<=", ">=" are operators, not the end of the expression
            if (s + 1 < end && s[1] == '=' && ch != ':' && ch != '}') {
                s++;
                continue;
            }
            if (ch == '<' || ch == '>') {
                continue;
            }
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (depth == 0) {
                return str_error(c, "f-string: unmatched '%c'", ch);
            }
            char opening = parens[--depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                return str_error(c,
                                 "f-string: closing parenthesis '%c' does not match opening "
                                 "parenthesis '%c'",
                                 ch, opening);
            }
        }
    }
    const char *expr_end = s;
    if (quote) {
        return str_error(c, "f-string: unterminated string");
    }
    if (depth) {
        return str_error(c, "f-string: unmatched '%c'", parens[depth - 1]);
    }
    if (s >= end) {
        goto expecting_brace;
    }
    // the expression first, so its errors win over those of what follows
    Node *expr = fstring_compile_expr(c, expr_start, expr_end, t);
    if (!expr) {
        return NULL;
    }
    if (*s == '=') {
        if (!parser_check_version(c->p, 8, "f-string: self documenting expressions are")) {
            return NULL;
        }
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
                           *s == '\v')) {
            s++;
        }
        if (s >= end) {
            goto expecting_brace;
        }
        *text = expr_start;
        *text_len = (size_t)(s - expr_start);
        if (check_utf8(c, *text, *text_len) < 0) {
            return NULL;
        }
    }
    int conversion = -1;
    if (*s == '!') {
        s++;
        if (s >= end) {
            goto expecting_brace;
        }
        conversion = (unsigned char)*s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            return str_error(c, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
    }
    if (s >= end) {
        goto expecting_brace;
    }
    Node *spec = NULL;
    if (*s == ':') {
        s++;
        if (s >= end) {
            goto expecting_brace;
        }
        spec = fstring_parse_spec(c, &s, end, raw, level + 1, t);
        if (!spec) {
            return NULL;
        }
    }
    if (s >= end || *s != '}') {
        goto expecting_brace;
    }
    *pos = s + 1;
    if (*text && !spec && conversion == -1) {
        conversion = 'r';
    }
    Node *n = ast_node(c->arena, NK_FormattedValue, c->first->lineno, c->first->col_offset,
                       c->last->end_lineno, c->last->end_col_offset);
    if (!n) {
        return str_nomem(c);
    }
    n->v.FormattedValue.value = expr;
    n->v.FormattedValue.conversion = conversion;
    n->v.FormattedValue.format_spec = spec;
    return n;

expecting_brace:
    return str_error(c, "f-string: expecting '}'");
}

// Parse f-string text from *pos (body of token t, ending at end) into st.
// Level 0 is the f-string itself, level 1 a format spec.
static int fstring_concat(StrCtx *c, FState *st, const char **pos, const char *end, int raw,
                          int level, const Token *t) {
    st->fmode = 1;
    for (;;) {
        int r = fstring_literal(c, st, pos, end, raw, level);
        if (r < 0) {
            return -1;
        }
        if (r == 1) {
            continue;
        }
        if (*pos >= end || **pos == '}') {
            break;
        }
        const char *text;
        size_t text_len;
        Node *field = fstring_field(c, pos, end, raw, level, t, &text, &text_len);
        if (!field) {
            return -1;
        }
        if (text_len) {
            sb_put(&st->lit, text, text_len);
        }
        if (fstate_flush(c, st, c->first, c->last) < 0 || fstate_append(c, st, field) < 0) {
            return -1;
        }
    }
    if (level == 0 && *pos < end - 1) {
        str_error(c, "f-string: unexpected end of string");
        return -1;
    }
    if (level != 0 && (*pos >= end || **pos != '}')) {
        str_error(c, "f-string: expecting '}'");
        return -1;
    }
    return 0;
}

static Node *fstring_parse_spec(StrCtx *c, const char **pos, const char *end, int raw, int level,
                                const Token *t) {
    FState st = {0};
    sb_init(&st.lit);
    Node *n = NULL;
    if (fstring_concat(c, &st, pos, end, raw, level, t) == 0) {
        n = fstate_joined(c, &st, t, t);
    }
    sb_free(&st.lit);
    return n;
}

// ---- the entry point ----------------------------------------------------------

Node *strings_concat(Parser *p, const Token *toks, int n) {
    StrCtx c = {p, parser_arena(p), &toks[0], &toks[n - 1], NULL, 0};
    FState st = {0};
    StrBuf bytes;
    sb_init(&st.lit);
    sb_init(&bytes);
    int bytesmode = 0;
    Node *result = NULL;

    for (int i = 0; i < n; i++) {
        const Token *t = &toks[i];
        c.cur = t;
        c.warned = 0;
        StrToken tok;
        split_token(t, &tok);
        if (tok.bytes) {
            for (size_t k = 0; k < tok.len; k++) {
                if ((unsigned char)tok.body[k] >= 0x80) {
                    str_error(&c, "bytes can only contain ASCII literal characters");
                    goto out;
                }
            }
        }
        // CPython decodes a plain literal before checking the mix
        StrBuf *dest = tok.bytes ? &bytes : &st.lit;
        size_t mark = dest->len;
        if (!tok.fmode) {
            // without a backslash, CPython decodes the text as plain UTF-8
            if (tok.raw || !memchr(tok.body, '\\', tok.len)) {
                if (!tok.bytes && check_utf8(&c, tok.body, tok.len) < 0) {
                    goto out;
                }
                sb_put(dest, tok.body, tok.len);
            } else if ((tok.bytes ? decode_bytes : decode_str)(&c, tok.body, tok.len, dest) < 0) {
                goto out;
            }
        }
        if (i != 0 && bytesmode != tok.bytes) {
            dest->len = mark;
            str_error(&c, "cannot mix bytes and nonbytes literals");
            goto out;
        }
        bytesmode = tok.bytes;
        if (tok.fmode && !parser_check_version(c.p, 6, "Format strings are")) {
            goto out;
        }
        if (tok.fmode) {
            const char *pos = tok.body;
            if (fstring_concat(&c, &st, &pos, tok.body + tok.len, tok.raw, 0, t) < 0) {
                goto out;
            }
        }
    }

    if (bytesmode) {
        result = ast_node(c.arena, NK_Constant, c.first->lineno, c.first->col_offset,
                          c.last->end_lineno, c.last->end_col_offset);
        char *copy = arena_strndup(c.arena, bytes.data ? bytes.data : "", bytes.len);
        if (!result || !copy) {
            result = str_nomem(&c);
            goto out;
        }
        result->v.Constant.value.kind = CONST_BYTES;
        result->v.Constant.value.str.s = copy;
        result->v.Constant.value.str.len = bytes.len;
    } else if (!st.fmode) {
        result = make_str_constant(&c, st.lit.data, st.lit.len, c.first, c.last);
    } else {
        result = fstate_joined(&c, &st, c.first, c.last);
    }
out:
    sb_free(&st.lit);
    sb_free(&bytes);
    return result;
}
