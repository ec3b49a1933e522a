// strmethods_test.c - str's methods, the format mini-language (format(),
// f-strings, __format__ of str/int/float/complex/object), str.format /
// format_map, % formatting and str.encode. Every line of
// tests/unit/strmethods/*.cases is a Python expression, evaluated here
// with tests/unit/lib/mini_eval.h on krait's runtime; oracle.py prints the
// same lines from CPython 3.11 and strmethods_test.sh compares them.
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/format.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"
#include "runtime/unicode.h"

#include "lib/mini_eval.h"

// format(value, format_spec='') with the builtin's argument errors.
static Value fn_format(const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("format", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    if (nargs == 2 && !val_is_str(args[1])) {
        return err_format(&exc_TypeError, "format() argument 2 must be str, not %s",
                          obj_type_name(args[1]));
    }
    return obj_format(args[0], nargs == 2 ? args[1] : 0);
}

static Value fn_repr(const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("repr", nargs, kwnames, 1, 1) < 0 ? 0 : obj_repr(args[0]);
}

static Value fn_ascii(const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("ascii", nargs, kwnames, 1, 1) < 0 ? 0 : obj_ascii(args[0]);
}

static Value fn_len(const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("len", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t n = obj_len(args[0]);
    return n < 0 ? 0 : int_from_i64(n);
}

static Value fn_chr(const Value *args, size_t nargs, Value kwnames) {
    int64_t i;
    if (method_check_args("chr", nargs, kwnames, 1, 1) < 0 || obj_as_int64(args[0], &i) < 0) {
        return 0;
    }
    if (i < 0 || i > 0x10FFFF) {
        return err_format(&exc_ValueError, "chr() arg not in range(0x110000)");
    }
    return str_char((uint32_t)i);
}

static Value fn_ord(const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("ord", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0]) || str_len(args[0]) != 1) {
        return err_format(&exc_TypeError, "ord() expected a character");
    }
    return int_from_i64(str_getitem_cp(args[0], 0));
}

// list(iterable), until the list type's constructor is reachable here.
static Value fn_list(const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list", nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    return nargs ? list_from_iterable(args[0]) : list_new(0);
}

static Value fn_iter(const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("iter", nargs, kwnames, 1, 1) < 0 ? 0 : obj_iter(args[0]);
}

// byte_range(a, b): bytes(range(a, b)); char_range(a, b): the str of a..b-1.
static Value fn_byte_range(const Value *args, size_t nargs, Value kwnames) {
    int64_t a, b;
    if (method_check_args("byte_range", nargs, kwnames, 2, 2) < 0 ||
        obj_as_int64(args[0], &a) < 0 || obj_as_int64(args[1], &b) < 0) {
        return 0;
    }
    char buf[256];
    for (int64_t i = a; i < b; i++) {
        buf[i - a] = (char)i;
    }
    return bytes_from(buf, (size_t)(b - a));
}

static Value fn_char_range(const Value *args, size_t nargs, Value kwnames) {
    int64_t a, b;
    if (method_check_args("char_range", nargs, kwnames, 2, 2) < 0 ||
        obj_as_int64(args[0], &a) < 0 || obj_as_int64(args[1], &b) < 0) {
        return 0;
    }
    StrBuf sb;
    sb_init(&sb);
    for (int64_t i = a; i < b; i++) {
        char t[4];
        sb_put(&sb, t, (size_t)utf8_encode((uint32_t)i, t));
    }
    return str_from_strbuf(&sb);
}

static const MiniFunc mini_funcs[] = {
    {"byte_range", fn_byte_range}, {"char_range", fn_char_range},
    {"format", fn_format}, {"repr", fn_repr}, {"ascii", fn_ascii}, {"len", fn_len},
    {"chr", fn_chr}, {"ord", fn_ord}, {"list", fn_list}, {"iter", fn_iter}, {NULL, NULL},
};

static Value mini_convert(Value v, int conversion) {
    switch (conversion) {
    case 'r': return obj_repr(v);
    case 's': return obj_str(v);
    default: return obj_ascii(v);
    }
}

static Value mini_format(Value v, Value spec) {
    return obj_format(v, spec);
}

static __attribute__((noinline)) int run(void) {
    glob_t g;
    if (glob("tests/unit/strmethods/*.cases", 0, NULL, &g) != 0) {
        printf("no case files\n");
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        FILE *f = fopen(g.gl_pathv[i], "r");
        if (!f) {
            printf("cannot open %s\n", g.gl_pathv[i]);
            return 1;
        }
        ssize_t n;
        while ((n = getline(&line, &cap, f)) >= 0) {
            if (n > 0 && line[n - 1] == '\n') {
                line[--n] = 0;
            }
            const char *p = line;
            while (*p == ' ' || *p == '\t') {
                p++;
            }
            if (*p == 0 || *p == '#') {
                continue;
            }
            mini_eval_line(line);
            fflush(stdout);
        }
        fclose(f);
    }
    free(line);
    globfree(&g);
    return 0;
}

int main(void) {
    int base;
    const char *error;
    if (runtime_init(&base, "0", &error) < 0) {
        printf("runtime_init: %s\n", error);
        return 1;
    }
    return run();
}
