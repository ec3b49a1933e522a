// symtable_test.c - driver for the symbol table and compile-time checks.
//
//   symtable_test check FILE...   compile_check() verdict per file
//   symtable_test dump FILE...    the symbol table, as _symtable shows it
//   symtable_test code FILE...    per function scope: what its code object shows
//
// Each file prints "@@ PATH" and then its lines; tests/unit/symtable_oracle.py
// prints the same format from CPython 3.11 and symtable_compare.py diffs
// the two. Formats:
//   check: "OK" or "!Class<TAB>lineno<TAB>offset<TAB>end_lineno<TAB>end_offset<TAB>msg"
//          (a parse error is reported the same way)
//   dump:  one line per block, preorder, indented by depth:
//            "<type> <name> <lineno> nested=<0|1> params=<a,b,...>"
//          then one line per symbol, sorted by name: "  <name> <flags> <scope>"
// A file whose first line is "# compile: WORD..." is compiled with options:
// mode=eval / mode=single, top_level_await, annotations (the future flag
// given to compile()), optimize (-O).
//   code:  one line per function-like block, sorted:
//            "<name> <firstlineno> args=<argcount>,<posonly>,<kwonly> vars=<params>
//             cell=<cellvars> free=<freevars> flags=<gen|coro|agen|->"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/check.h"
#include "compile/symtable.h"
#include "parse/parser.h"
#include "runtime/strbuf.h"

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (!buf) {
            fclose(f);
            return NULL;
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        cap *= 2;
        buf = realloc(buf, cap + 1);
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

static const char *error_class(const SyntaxErrorInfo *e) {
    switch (e->kind) {
    case SE_INDENTATION:
        return "IndentationError";
    case SE_TAB:
        return "TabError";
    case SE_MEMORY:
    case SE_RECURSION:
        return "TooDeep";  // MemoryError / RecursionError: one class
    case SE_UNICODE_DECODE:
        return "UnicodeDecodeError";
    default:
        return "SyntaxError";
    }
}

static void print_error(const SyntaxErrorInfo *e) {
    if (e->kind == SE_MEMORY || e->kind == SE_RECURSION) {
        printf("!TooDeep\n");
        return;
    }
    printf("!%s\t%d\t%d\t%d\t%d\t%s\n", error_class(e), e->lineno, e->offset, e->end_lineno,
           e->end_offset, e->msg);
}

static void dump_block(const SymBlock *b, int depth) {
    static const char *const kinds[] = {"function", "class", "module", "annotation"};
    printf("%*s%s %s %d nested=%d params=", depth * 4, "", kinds[b->kind], b->name, b->lineno,
           (int)b->nested);
    for (int i = 0; i < b->nparams; i++) {
        printf("%s%s", i ? "," : "", b->params[i]);
    }
    printf("\n");
    const Symbol **sorted = malloc(sizeof(Symbol *) * (size_t)(b->nsyms + 1));
    for (int i = 0; i < b->nsyms; i++) {
        sorted[i] = &b->syms[i];
    }
    // insertion sort by name: blocks are small
    for (int i = 1; i < b->nsyms; i++) {
        const Symbol *s = sorted[i];
        int j = i;
        while (j > 0 && strcmp(sorted[j - 1]->name, s->name) > 0) {
            sorted[j] = sorted[j - 1];
            j--;
        }
        sorted[j] = s;
    }
    for (int i = 0; i < b->nsyms; i++) {
        printf("%*s  %s %d %d\n", depth * 4, "", sorted[i]->name, sorted[i]->flags, sorted[i]->scope);
    }
    free(sorted);
    for (int i = 0; i < b->nchildren; i++) {
        dump_block(b->children[i], depth + 1);
    }
}

// Function-like blocks as code objects show them. The first line is the
// first decorator's for a decorated def.
typedef struct Lines {
    char **v;
    int n, cap;
} Lines;

static void add_line(Lines *l, char *s) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = realloc(l->v, sizeof(char *) * (size_t)l->cap);
    }
    l->v[l->n++] = s;
}

static void join(StrBuf *b, Ident *names, int n) {
    for (int i = 0; i < n; i++) {
        sb_printf(b, "%s%s", i ? "," : "", names[i]);
    }
}

static void code_block(const SymBlock *b, Lines *out) {
    if (b->kind != BLOCK_MODULE) {
        StrBuf s;
        sb_init(&s);
        int first = b->lineno;
        const Node *n = b->node;
        if (b->kind != BLOCK_MODULE &&
            (n->kind == NK_FunctionDef || n->kind == NK_AsyncFunctionDef || n->kind == NK_ClassDef)) {
            Seq *decos = n->kind == NK_ClassDef ? n->v.ClassDef.decorator_list
                                                : n->v.FunctionDef.decorator_list;
            if (decos && decos->n) {
                first = ((Node *)decos->a[0])->lineno;
            }
        }
        const char *name = b->kind == BLOCK_CLASS ? b->name
                           : b->comprehension == COMP_LIST ? "<listcomp>"
                           : b->comprehension == COMP_SET ? "<setcomp>"
                           : b->comprehension == COMP_DICT ? "<dictcomp>"
                           : b->comprehension == COMP_GENEXP ? "<genexpr>"
                           : n->kind == NK_Lambda ? "<lambda>" : b->name;
        sb_printf(&s, "%s %d args=%d,%d,%d vars=", name, first, b->argcount, b->posonlyargcount,
                  b->kwonlyargcount);
        join(&s, b->params, b->nparams);
        sb_puts(&s, " cell=");
        join(&s, b->cellvars, b->ncellvars);
        sb_puts(&s, " free=");
        join(&s, b->freevars, b->nfreevars);
        const char *flags = "-";
        if (b->kind == BLOCK_FUNCTION) {
            if (b->coroutine && b->generator) {
                flags = "agen";
            } else if (b->coroutine) {
                flags = "coro";
            } else if (b->generator) {
                flags = "gen";
            }
        }
        sb_printf(&s, " flags=%s", flags);
        add_line(out, s.data);
    }
    for (int i = 0; i < b->nchildren; i++) {
        code_block(b->children[i], out);
    }
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct Options {
    ParseMode mode;
    int flags, optimize;
} Options;

static Options read_options(const char *src) {
    Options o = {PARSE_FILE, 0, 0};
    if (strncmp(src, "# compile:", 10) != 0) {
        return o;
    }
    const char *end = strchr(src, '\n');
    size_t n = end ? (size_t)(end - src) : strlen(src);
    char line[256];
    snprintf(line, sizeof line, "%.*s", (int)(n - 10), src + 10);
    for (char *w = strtok(line, " \t\r"); w; w = strtok(NULL, " \t\r")) {
        if (strcmp(w, "mode=eval") == 0) {
            o.mode = PARSE_EVAL;
        } else if (strcmp(w, "mode=single") == 0) {
            o.mode = PARSE_SINGLE;
        } else if (strcmp(w, "top_level_await") == 0) {
            o.flags |= COMPILE_ALLOW_TOP_LEVEL_AWAIT;
        } else if (strcmp(w, "annotations") == 0) {
            o.flags |= FUTURE_ANNOTATIONS;
        } else if (strcmp(w, "optimize") == 0) {
            o.optimize = 1;
        }
    }
    return o;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s check|dump|code FILE...\n", argv[0]);
        return 2;
    }
    const char *mode = argv[1];
    for (int i = 2; i < argc; i++) {
        printf("@@ %s\n", argv[i]);
        size_t len;
        char *src = read_file(argv[i], &len);
        if (!src) {
            printf("!OSError\n");
            continue;
        }
        Arena arena;
        arena_init(&arena);
        SyntaxErrorInfo err = {0};
        Options opt = read_options(src);
        Node *mod = parse_source(&arena, src, len, TOKMODE_FILE, opt.mode, &err);
        if (!mod) {
            print_error(&err);
        } else if (strcmp(mode, "check") == 0) {
            if (compile_check(&arena, mod, opt.flags, opt.optimize, NULL, &err) < 0) {
                print_error(&err);
            } else {
                printf("OK\n");
            }
        } else {
            int features, last;
            SymTable *st = NULL;
            if (strcmp(mode, "code") == 0) {
                // as compile() sees it: errors first, then the table
                compile_check(&arena, mod, opt.flags, opt.optimize, &st, &err);
            } else if (future_parse(mod, &features, &last, &err) == 0) {
                int flags = features | (opt.flags & FUTURE_ANNOTATIONS) | SYMTABLE_UNOPTIMIZED;
                st = symtable_build(&arena, mod, flags, &err);
            }
            if (!st) {
                print_error(&err);
            } else if (strcmp(mode, "dump") == 0) {
                dump_block(symtable_top(st), 0);
            } else {
                Lines lines = {0};
                code_block(symtable_top(st), &lines);
                if (lines.n) {
                    qsort(lines.v, (size_t)lines.n, sizeof(char *), cmp_str);
                }
                for (int k = 0; k < lines.n; k++) {
                    printf("%s\n", lines.v[k]);
                    free(lines.v[k]);
                }
                free(lines.v);
            }
        }
        arena_free(&arena);
        free(src);
        fflush(stdout);
    }
    return 0;
}
