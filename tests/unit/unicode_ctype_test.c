// unicode_ctype_test.c - str's case mappings and isX predicates for every
// assigned code point (private use, surrogates and unassigned ones
// sampled), through the Python-visible methods, plus the context rules
// that depend on the cased and case-ignorable properties (title() and the
// final sigma of lower()). tests/unit/unicode_ctype/oracle.py prints the
// same lines from CPython 3.11; unicode_ctype_test.sh compares them.
#include <stdio.h>
#include <string.h>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"

static Value call0(Value s, const char *name) {
    Value r = obj_call_method(s, name, NULL, 0);
    if (!r) {
        printf("error in %s\n", name);
        err_clear();
    }
    return r;
}

static int truth(Value s, const char *name) {
    Value r = call0(s, name);
    return r == VAL_TRUE;
}

static void put_mapped(Value s, Value r) {
    if (!r || str_equal(r, s)) {
        putchar('=');
        return;
    }
    size_t n = str_len(r);
    for (size_t i = 0; i < n; i++) {
        printf(i ? ".%x" : "%x", str_getitem_cp(r, i));
    }
}

static Value concat3(const char *a, Value s, const char *b) {
    return str_concat(str_concat(str_from_cstr(a), s), str_from_cstr(b));
}

static void describe(uint32_t cp) {
    Value s = str_char(cp);
    static const char *const maps[] = {"lower", "upper", "title", "casefold", "swapcase",
                                       "capitalize"};
    printf("%x:", cp);
    for (int i = 0; i < 6; i++) {
        if (i) {
            putchar(',');
        }
        put_mapped(s, call0(s, maps[i]));
    }
    putchar(':');
    static const char *const preds[] = {"isalpha", "isdecimal", "isdigit", "isnumeric",
                                        "isspace", "islower", "isupper", "istitle",
                                        "isprintable", "isidentifier"};
    for (int i = 0; i < 10; i++) {
        putchar('0' + truth(s, preds[i]));
    }
    putchar('0' + truth(concat3("a", s, ""), "isidentifier"));
    putchar('0' + truth(s, "isalnum"));
    Value lines = call0(s, "splitlines");
    putchar('0' + (lines && list_obj(lines)->len == 1 && str_len(list_obj(lines)->items[0]) == 0));
    Value l1 = call0(concat3("A", s, "\xce\xa3"), "lower");
    putchar('0' + (l1 && str_getitem_cp(l1, str_len(l1) - 1) == 0x3C2));
    Value l2 = call0(concat3("A\xce\xa3", s, ""), "lower");
    putchar('0' + (l2 && str_getitem_cp(l2, 1) == 0x3C2));
    Value t = call0(concat3("", s, "a"), "title");
    putchar('0' + (t && str_getitem_cp(t, str_len(t) - 1) == 'a'));
    Value sp = call0(s, "split");
    putchar('0' + (sp && list_obj(sp)->len == 0));
    Value st = call0(s, "strip");
    putchar('0' + (st && str_len(st) == 0));
}

static int selected(uint32_t cp) {
    const char *cat = uni_category(cp);
    if (strcmp(cat, "Cn") == 0) {
        return cp % 4093 == 0;
    }
    if (strcmp(cat, "Co") == 0 || strcmp(cat, "Cs") == 0) {
        return cp % 61 == 0;
    }
    return 1;
}

static __attribute__((noinline)) void run(void) {
    for (uint32_t block = 0; block < 0x110000; block += 64) {
        int any = 0;
        for (uint32_t cp = block; cp < block + 64; cp++) {
            if (!selected(cp)) {
                continue;
            }
            if (any) {
                putchar(' ');
            }
            any = 1;
            describe(cp);
        }
        if (any) {
            putchar('\n');
        }
    }
}

int main(void) {
    int base;
    const char *error;
    if (runtime_init(&base, "0", &error) < 0) {
        printf("runtime_init: %s\n", error);
        return 1;
    }
    run();
    return 0;
}
