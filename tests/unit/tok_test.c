// tok_test.c - driver for the tokenizer and the Unicode database.
//
//   tok_test tokens FILE...   print the token stream of each file (positions
//                             as "line,col-line,col", byte columns)
//   tok_test errors FILE      each line of FILE is a Python bytes literal body
//                             (escapes \xNN \n \t \r \\ \0 \' \"); tokenize it
//                             to the end and print the first error, if any
//   tok_test unicode          per code point: category, printable, xid flags,
//                             NFKC (hex), for diffing against python3.11
//   tok_test nfkc FILE        NFKC of each line of FILE (UTF-8)
//   tok_test bench FILE...    tokenize all files, print the time
//
// Build: see tests/unit/tok_check.sh.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parse/tokenizer.h"
#include "runtime/arena.h"
#include "runtime/strbuf.h"
#include "runtime/unicode.h"


static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

static void print_error(const SyntaxErrorInfo *e) {
    static const char *kinds[] = {"SyntaxError", "IndentationError", "TabError"};
    printf("%s %s | %d %d", kinds[e->kind], e->msg, e->lineno, e->offset);
    if (e->end_lineno) {
        printf(" %d %d\n", e->end_lineno, e->end_offset);
    } else {
        printf(" None None\n");
    }
}

static void print_escaped(const char *s, size_t n) {
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '"') {
            printf("\\%c", c);
        } else if (c == '\n') {
            printf("\\n");
        } else if (c < 0x20 || c == 0x7f) {
            printf("\\x%02x", c);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

static int dump_tokens(const char *path) {
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        return 1;
    }
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    Tokenizer *t = tok_new(&arena, src, len, TOKMODE_FILE, &err);
    int rc = 0;
    if (!t) {
        print_error(&err);
        rc = 1;
    } else {
        for (;;) {
            Token tk;
            if (tok_next(t, &tk) < 0) {
                print_error(tok_error(t));
                rc = 1;
                break;
            }
            printf("%s", token_names[tk.type]);
            if (tk.type == T_INDENT || tk.type == T_DEDENT || tk.type == T_ENDMARKER) {
                printf("\n");
            } else if (tk.type == T_NEWLINE) {
                printf(" %d\n", tk.lineno);
            } else {
                printf(" ");
                print_escaped(tk.start, (size_t)(tk.end - tk.start));
                printf(" %d,%d-%d,%d\n", tk.lineno, tk.col_offset, tk.end_lineno,
                       tk.end_col_offset);
            }
            if (tk.type == T_ENDMARKER) {
                break;
            }
        }
    }
    arena_free(&arena);
    free(src);
    return rc;
}

// Decode a Python bytes-literal body.
static size_t unescape(const char *s, char *out) {
    size_t n = 0;
    while (*s && *s != '\n') {
        if (*s == '\\' && s[1]) {
            s++;
            switch (*s) {
            case 'n': out[n++] = '\n'; s++; break;
            case 't': out[n++] = '\t'; s++; break;
            case 'r': out[n++] = '\r'; s++; break;
            case '0': out[n++] = '\0'; s++; break;
            case 'x': {
                char hex[3] = {s[1], s[2], 0};
                out[n++] = (char)strtol(hex, NULL, 16);
                s += 3;
                break;
            }
            default: out[n++] = *s++; break;
            }
        } else {
            out[n++] = *s++;
        }
    }
    return n;
}

static int check_errors(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    static char line[1 << 16], src[1 << 16];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '\n' || line[0] == 0) {
            continue;
        }
        size_t n = unescape(line, src);
        Arena arena;
        arena_init(&arena);
        SyntaxErrorInfo err;
        Tokenizer *t = tok_new(&arena, src, n, TOKMODE_FILE, &err);
        line[strcspn(line, "\n")] = 0;
        printf("%s => ", line);
        if (!t) {
            print_error(&err);
        } else {
            int ok = 1;
            for (;;) {
                Token tk;
                if (tok_next(t, &tk) < 0) {
                    printf("%s", tok_error_is_raised(t) ? "" : "[code] ");
                    print_error(tok_error(t));
                    ok = 0;
                    break;
                }
                if (tk.type == T_ENDMARKER) {
                    break;
                }
            }
            if (ok) {
                printf("OK\n");
            }
        }
        arena_free(&arena);
    }
    fclose(f);
    return 0;
}

static int dump_unicode(void) {
    StrBuf sb;
    sb_init(&sb);
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        char u[4];
        int k = utf8_encode(cp, u);
        sb.len = 0;
        uni_nfkc(&sb, u, (size_t)k);
        printf("%X %s %d %d %d", cp, uni_category(cp), uni_is_printable(cp),
               uni_is_xid_start(cp), uni_is_xid_continue(cp));
        if (sb.len != (size_t)k || memcmp(sb.data, u, (size_t)k) != 0) {
            printf(" ");
            for (size_t i = 0; i < sb.len;) {
                uint32_t c;
                int m = utf8_decode(sb.data + i, sb.len - i, &c, 1);
                printf("%s%X", i ? "," : "", c);
                i += (size_t)m;
            }
        }
        printf("\n");
    }
    sb_free(&sb);
    return 0;
}

static int nfkc_lines(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    static char line[1 << 16];
    StrBuf sb;
    sb_init(&sb);
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\n");
        sb.len = 0;
        uni_nfkc(&sb, line, n);
        fwrite(sb.data, 1, sb.len, stdout);
        putchar('\n');
    }
    sb_free(&sb);
    fclose(f);
    return 0;
}

static int bench(int argc, char **argv) {
    size_t total = 0, ntok = 0;
    double secs = 0;
    for (int i = 0; i < argc; i++) {
        size_t len;
        char *src = read_file(argv[i], &len);
        if (!src) {
            continue;
        }
        struct timespec a, b;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
        Arena arena;
        arena_init(&arena);
        SyntaxErrorInfo err;
        Tokenizer *t = tok_new(&arena, src, len, TOKMODE_FILE, &err);
        if (t) {
            Token tk;
            while (tok_next(t, &tk) == 0 && tk.type != T_ENDMARKER) {
                ntok++;
            }
        }
        arena_free(&arena);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
        secs += (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) * 1e-9;
        total += len;
        free(src);
    }
    printf("%d files, %zu bytes, %zu tokens, %.3f s\n", argc, total, ntok, secs);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "tokens") == 0) {
        int rc = 0;
        for (int i = 2; i < argc; i++) {
            if (argc > 3) {
                printf("== %s\n", argv[i]);
            }
            rc |= dump_tokens(argv[i]);
        }
        return rc;
    }
    if (argc == 3 && strcmp(argv[1], "errors") == 0) {
        return check_errors(argv[2]);
    }
    if (argc == 2 && strcmp(argv[1], "unicode") == 0) {
        return dump_unicode();
    }
    if (argc == 3 && strcmp(argv[1], "nfkc") == 0) {
        return nfkc_lines(argv[2]);
    }
    if (argc >= 2 && strcmp(argv[1], "bench") == 0) {
        return bench(argc - 2, argv + 2);
    }
    fprintf(stderr, "usage: tok_test tokens|errors|unicode|nfkc|bench ...\n");
    return 2;
}
