// strings_test.c - unit driver for src/parse/strings.c and src/runtime/unicode_names.c.
//
// Built alone (see tests/unit/strings_test.sh), without the real tokenizer and
// parser: this file stubs the three parser hooks strings.c needs and scans
// string tokens itself. The expression stub understands just enough (a bare
// identifier, placed with the position shift strings.c asks for) to check
// where CPython 3.11 puts f-string expressions.
//
//   strings_test cases FILE   one line per case (cases separated by "\n#---\n"),
//                             in the neutral format tests/unit/strings/oracle.py
//                             prints for python3.11
//   strings_test names        stdin: "NAME<TAB>codepoint-or--1" lines; checks
//                             uni_lookup_name
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/parser_internal.h"
#include "runtime/strbuf.h"
#include "runtime/unicode_names.h"

// ---- stubs for the parser hooks ----------------------------------------------

struct Parser {
    Arena arena;
    int error_set;
    char error[512];
    int error_lineno, error_col;
};

Arena *parser_arena(Parser *p) {
    return &p->arena;
}

void *parser_error_at(Parser *p, int lineno, int col_offset, int end_lineno, int end_col_offset,
                      const char *fmt, ...) {
    if (!p->error_set) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(p->error, sizeof p->error, fmt, ap);
        va_end(ap);
        p->error_set = 1;
        p->error_lineno = lineno;
        p->error_col = col_offset;
    }
    return NULL;
}

// The feature-version check (ast.parse(feature_version=...)): every version here.
int parser_check_version(Parser *p, int minor, const char *what) {
    (void)p, (void)minor, (void)what;
    return 1;
}

// Warnings (an invalid escape) are the compiler's business: not checked here.
void parser_warning(Parser *p, FrontWarningKind kind, int lineno, int col_offset,
                    int end_lineno, int end_col_offset, const char *msg) {
    (void)p, (void)kind, (void)lineno, (void)col_offset, (void)end_lineno, (void)end_col_offset,
        (void)msg;
}

static int is_ident_char(unsigned char c, int first) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
           (!first && c >= '0' && c <= '9');
}

// A bare identifier becomes a Name at its shifted position; anything else an
// "Expr" placeholder (a Name with id "?") at the first non-blank character.
Node *parser_parse_fstring_expr(Parser *p, const char *src, size_t len, int line_offset,
                                int col_offset) {
    int line = 1, col = 0;
    size_t i = 1;  // past "("
    col = 1;
    while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\f')) {
        if (src[i] == '\n') {
            line++;
            col = 0;
        } else {
            col++;
        }
        i++;
    }
    size_t start = i;
    while (i < len && is_ident_char((unsigned char)src[i], i == start)) {
        i++;
    }
    size_t id_end = i;
    while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\f')) {
        i++;
    }
    int is_name = id_end > start && i == len - 1 && src[i] == ')';
    int shift = line == 1 ? col_offset : 0;
    int c0 = col + shift;
    int c1 = is_name ? col + (int)(id_end - start) + shift : c0;
    Node *n = ast_node(&p->arena, NK_Name, line + line_offset, c0, line + line_offset, c1);
    n->v.Name.id = is_name ? arena_strndup(&p->arena, src + start, id_end - start) : "?";
    n->v.Name.ctx = CTX_Load;
    return n;
}

// ---- a tiny scanner for test input: string tokens, blanks, parentheses -------

static int scan_tokens(const char *src, Token *toks, int max) {
    int n = 0, line = 1;
    const char *line_start = src, *s = src;
    while (*s) {
        if (*s == '\n') {
            line++;
            line_start = ++s;
            continue;
        }
        if (*s == ' ' || *s == '\t' || *s == '(' || *s == ')' || *s == '\\') {
            s++;
            continue;
        }
        if (*s == '#') {
            while (*s && *s != '\n') {
                s++;
            }
            continue;
        }
        if (n == max) {
            return -1;
        }
        Token *t = &toks[n++];
        memset(t, 0, sizeof *t);
        t->type = T_STRING;
        t->start = s;
        t->lineno = line;
        t->col_offset = (int)(s - line_start);
        while (strchr("rRbBuUfF", *s) && *s) {
            s++;
        }
        char q = *s;
        if (q != '\'' && q != '"') {
            return -1;
        }
        int triple = s[1] == q && s[2] == q;
        s += triple ? 3 : 1;
        for (;;) {
            if (!*s) {
                return -1;
            }
            if (*s == '\\' && s[1]) {
                if (s[1] == '\n') {
                    line++;
                    line_start = s + 2;
                }
                s += 2;
                continue;
            }
            if (*s == '\n') {
                line++;
                line_start = s + 1;
            }
            if (*s == q && (!triple || (s[1] == q && s[2] == q))) {
                s += triple ? 3 : 1;
                break;
            }
            s++;
        }
        t->end = s;
        t->end_lineno = line;
        t->end_col_offset = (int)(s - line_start);
    }
    return n;
}

// ---- neutral dump (tests/unit/strings/oracle.py prints the same) -------------

static void dump(StrBuf *b, const Node *n) {
    if (!n) {
        sb_puts(b, "None");
        return;
    }
    const char *name = n->kind == NK_Constant         ? "Constant"
                       : n->kind == NK_JoinedStr      ? "JoinedStr"
                       : n->kind == NK_FormattedValue ? "FormattedValue"
                       : n->kind == NK_Name           ? "Name"
                                                      : "?";
    sb_printf(b, "%s@%d:%d-%d:%d", name, n->lineno, n->col_offset, n->end_lineno,
              n->end_col_offset);
    switch (n->kind) {
    case NK_Constant: {
        const ConstValue *v = &n->v.Constant.value;
        sb_puts(b, v->kind == CONST_BYTES ? "(b'" : "('");
        for (size_t i = 0; i < v->str.len; i++) {
            sb_printf(b, "%02x", (unsigned char)v->str.s[i]);
        }
        sb_printf(b, "' kind=%s)", n->v.Constant.kind ? n->v.Constant.kind : "None");
        break;
    }
    case NK_JoinedStr:
        sb_puts(b, "[");
        for (int i = 0; i < n->v.JoinedStr.values->n; i++) {
            if (i) {
                sb_puts(b, ", ");
            }
            dump(b, n->v.JoinedStr.values->a[i]);
        }
        sb_puts(b, "]");
        break;
    case NK_FormattedValue:
        sb_puts(b, "(");
        dump(b, n->v.FormattedValue.value);
        sb_printf(b, " conv=%d spec=", n->v.FormattedValue.conversion);
        dump(b, n->v.FormattedValue.format_spec);
        sb_puts(b, ")");
        break;
    case NK_Name:
        sb_printf(b, "(%s)", n->v.Name.id);
        break;
    default:
        break;
    }
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    StrBuf b;
    sb_init(&b);
    char buf[4096];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0) {
        sb_put(&b, buf, k);
    }
    fclose(f);
    sb_putc(&b, '\0');
    return b.data;
}

static int run_cases(const char *path) {
    char *text = read_file(path);
    if (!text) {
        perror(path);
        return 2;
    }
    const char *sep = "\n#---\n";
    char *s = text;
    for (;;) {
        char *next = strstr(s, sep);
        if (next) {
            *next = '\0';
        }
        Token toks[64];
        int n = scan_tokens(s, toks, 64);
        if (n <= 0) {
            printf("SCAN-ERROR\n");
        } else {
            Parser p;
            memset(&p, 0, sizeof p);
            arena_init(&p.arena);
            Node *node = strings_concat(&p, toks, n);
            StrBuf out;
            sb_init(&out);
            if (node) {
                dump(&out, node);
            } else if (p.error_set) {
                sb_printf(&out, "ERROR %s", p.error);
                if (p.error_lineno != 0) {
                    sb_printf(&out, " @%d:%d", p.error_lineno, p.error_col);
                }
            } else {
                sb_puts(&out, "NULL-WITHOUT-ERROR");
            }
            printf("%s\n", out.data ? out.data : "");
            sb_free(&out);
            arena_free(&p.arena);
        }
        if (!next) {
            break;
        }
        s = next + strlen(sep);
    }
    free(text);
    return 0;
}

static int run_names(void) {
    char line[1024];
    int bad = 0, n = 0;
    while (fgets(line, sizeof line, stdin)) {
        char *tab = strchr(line, '\t');
        if (!tab) {
            continue;
        }
        *tab = '\0';
        long want = strtol(tab + 1, NULL, 10);
        uint32_t cp = 0;
        long got = uni_lookup_name(line, strlen(line), &cp) ? (long)cp : -1;
        n++;
        if (got != want && bad++ < 20) {
            printf("MISMATCH %s: got %ld, want %ld\n", line, got, want);
        }
    }
    printf("names: %d checked, %d wrong\n", n, bad);
    return bad != 0;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "cases") == 0) {
        return run_cases(argv[2]);
    }
    if (argc == 2 && strcmp(argv[1], "names") == 0) {
        return run_names();
    }
    fprintf(stderr, "usage: strings_test cases FILE | strings_test names < LIST\n");
    return 2;
}
