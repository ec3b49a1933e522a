// str_test.c - the driver for tests/unit/str_test.sh: str and bytes (str.c,
// bytes.c, hash.c) against CPython 3.11.
//
//   str_test cases [KNOB] < CASES  run the case lines (tests/unit/str/gen_cases.py),
//                              one output line each, as tests/unit/str/oracle.py
//                              prints them under python3.11. KNOB (a driver built
//                              with -DSTR_TEST_KNOBS): wide, scalar or two-way
//   str_test fmt               the str_format_c cases (oracle.py fmt: ctypes'
//                              PyUnicode_FromFormat)
//   str_test gc                collections in the middle of everything (index,
//                              interning, shared strings); prints PASS/FAIL
//   str_test bench MB          timings ("perf:" lines)
//
// Values in case lines: s:HEX (a str, its generalized UTF-8 in hex), b:HEX
// (bytes), i:DECIMAL, f:FLOAT, T, F, N (True, False, None), h:CLASS (an
// instance of a class below).
//
// The abstract protocol is replaced by a minimal binop/compare dispatch
// with CPython's generic messages; see also the stand-ins below.
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/hash.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "runtime/unicode.h"

const char *__asan_default_options(void);
const char *__asan_default_options(void) {
    return "detect_stack_use_after_return=0:allocator_may_return_null=1";
}

// ---- stand-ins (weak: a real definition, when linked, wins) -----------------------
// The driver links str.c, bytes.c and hash.c with only the collector, the
// errors, strbuf and unicode: the object, type, int, float and bool files
// are being written and pull in the whole runtime. These stand-ins give
// the int and bool types IntObject's layout and an index slot, as int.c does.

#define WEAK __attribute__((weak))

#ifdef STR_TEST_KNOBS
extern int str_test_wide_index, str_test_find_mode;
#endif

static Value t_int_index(Value v) {
    return v;
}
static Value t_bool_index(Value v) {
    return val_from_smallint(v == VAL_TRUE);
}
WEAK Type type_type = {.header = {&type_type}, .name = "type", .base = &type_object};
WEAK Type type_object = {.header = {&type_type}, .name = "object", .flags = TYPE_BASETYPE};
WEAK Type type_int = {
    .header = {&type_type}, .name = "int", .flags = TYPE_BASETYPE | TYPE_INT_SUBCLASS,
    .base = &type_object, .index = t_int_index,
};
WEAK Type type_bool = {
    .header = {&type_type}, .name = "bool", .flags = TYPE_INT_SUBCLASS,
    .base = &type_int, .index = t_bool_index,
};
WEAK Type type_float = {.header = {&type_type}, .name = "float", .base = &type_object};
static Type t_none_type = {.header = {&type_type}, .name = "NoneType", .base = &type_object};
static Type t_ni_type = {.header = {&type_type}, .name = "NotImplementedType",
                         .base = &type_object};
WEAK Object none_object = {&t_none_type}, true_object = {&type_bool},
            false_object = {&type_bool}, notimplemented_object = {&t_ni_type},
            ellipsis_object = {&t_none_type};

WEAK int type_is_subtype(const Type *a, const Type *b) {
    for (const Type *t = a; t; t = t->base) {
        if (t == b) {
            return 1;
        }
    }
    return 0;
}
WEAK void int_repr_i64(StrBuf *out, int64_t v) {
    sb_printf(out, "%" PRId64, v);
}
WEAK void float_repr(StrBuf *out, double x) {
    sb_printf(out, "%.17g", x);
}

static const char *t_binop_symbol[] = {"+", "-", "*"};

// Classes as a class statement would make them (heap types), for the cases:
//   X: nothing; N: __index__ -> 3; R: __radd__/__rmul__ -> 'radd'/'rmul';
//   NR: __index__ -> 2 and __rmul__ -> 'rmul'; NI: __index__ -> 2 and
//   __rmul__ -> NotImplemented. (oracle.py defines the same.)
static Value t_index_3(Value v) {
    return val_from_smallint(3);
}
static Value t_index_2(Value v) {
    return val_from_smallint(2);
}
static Type t_class_X, t_class_N, t_class_R, t_class_NR, t_class_NI;
static Value t_reflected(Value a, Value b, const char *result) {
    Type *t = type_of(b);
    if (t == &t_class_R || t == &t_class_NR) {
        return str_from_cstr(result);
    }
    return VAL_NOTIMPLEMENTED;  // no __add__/__mul__, and NI's __rmul__ declines
}
static Value t_radd(Value a, Value b) {
    return t_reflected(a, b, "radd");
}
static Value t_rmul(Value a, Value b) {
    return t_reflected(a, b, "rmul");
}
#define T_CLASS(nm, idx, add, mul)                                                       \
    static Type t_class_##nm = {.header = {&type_type}, .name = #nm,                    \
                                .flags = TYPE_HEAP | TYPE_BASETYPE, .base = &type_object, \
                                .basic_size = sizeof(Object), .index = idx,              \
                                .binop = {[BINOP_ADD] = add, [BINOP_MUL] = mul}};
T_CLASS(X, NULL, NULL, NULL)
T_CLASS(N, t_index_3, NULL, NULL)
T_CLASS(R, NULL, t_radd, t_rmul)
T_CLASS(NR, t_index_2, NULL, t_rmul)
T_CLASS(NI, t_index_2, NULL, t_rmul)
#undef T_CLASS

// CPython's PyNumber_Add / PyNumber_Multiply for operands of unrelated
// types, as abstract.c does them: binary_op1, then the sequence slots
// (concat of the left operand; repeat of whichever operand is a sequence,
// when the count has __index__), then the generic message.
static Value t_binop(Value a, Value b, BinOp op) {
    Type *ta = type_of(a), *tb = type_of(b);
    BinaryFunc fa = ta->binop[op], fb = tb->binop[op];
    if (fa) {
        Value r = fa(a, b);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (fb && fb != fa) {
        Value r = fb(a, b);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (op == BINOP_ADD && ta->seq_concat) {
        return ta->seq_concat(a, b);
    }
    if (op == BINOP_MUL && (ta->seq_repeat || tb->seq_repeat)) {
        Value seq = ta->seq_repeat ? a : b, count = ta->seq_repeat ? b : a;
        Type *tc = type_of(count);
        if (!val_is_smallint(count) && !(tc->flags & TYPE_INT_SUBCLASS) && !tc->index) {
            return err_format(&exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                              tc->name);
        }
        return type_of(seq)->seq_repeat(seq, count);
    }
    return err_format(&exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                      t_binop_symbol[op], ta->name, tb->name);
}

static const char *t_cmp_symbol[] = {"<", "<=", "==", "!=", ">", ">="};
static const CompareOp t_cmp_swapped[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

static Value t_compare(Value a, Value b, CompareOp op) {
    Type *ta = type_of(a), *tb = type_of(b);
    if (ta->richcompare) {
        Value r = ta->richcompare(a, b, op);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (tb->richcompare) {
        Value r = tb->richcompare(b, a, t_cmp_swapped[op]);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (op == CMP_EQ) {
        return val_bool(a == b);
    }
    if (op == CMP_NE) {
        return val_bool(a != b);
    }
    return err_format(&exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                      t_cmp_symbol[op], ta->name, tb->name);
}

// ---- values from case tokens --------------------------------------------------------

static size_t t_unhex(const char *h, char **out) {
    size_t n = strlen(h) / 2;
    char *buf = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned x;
        sscanf(h + 2 * i, "%2x", &x);
        buf[i] = (char)x;
    }
    buf[n] = 0;
    *out = buf;
    return n;
}

// A big int in IntObject's layout, from decimal digits.
static Value t_make_bigint(const char *dec) {
    int negative = dec[0] == '-';
    if (negative) {
        dec++;
    }
    uint64_t limbs[8] = {0};
    size_t n = 0;
    for (const char *p = dec; *p; p++) {
        unsigned __int128 carry = (unsigned)(*p - '0');
        for (size_t k = 0; k < n; k++) {
            unsigned __int128 x = (unsigned __int128)limbs[k] * 10 + carry;
            limbs[k] = (uint64_t)x;
            carry = x >> 64;
        }
        if (carry && n < 8) {
            limbs[n++] = (uint64_t)carry;
        }
    }
    IntObject *o = (IntObject *)gc_alloc(&type_int, sizeof(IntObject) + n * sizeof(uint64_t));
    o->size = negative ? -(int64_t)n : (int64_t)n;
    memcpy(o->limbs, limbs, n * sizeof *limbs);
    return val_from_ptr(o);
}

static Value t_value(const char *tok) {
    if (strcmp(tok, "T") == 0) {
        return VAL_TRUE;
    }
    if (strcmp(tok, "F") == 0) {
        return VAL_FALSE;
    }
    if (strcmp(tok, "N") == 0) {
        return VAL_NONE;
    }
    if (tok[0] == 'h') {
        Type *classes[] = {&t_class_X, &t_class_N, &t_class_R, &t_class_NR, &t_class_NI};
        for (size_t k = 0; k < sizeof classes / sizeof *classes; k++) {
            if (strcmp(tok + 2, classes[k]->name) == 0) {
                return val_from_ptr(gc_alloc(classes[k], sizeof(Object)));
            }
        }
    }
    if (tok[0] == 'i') {
        errno = 0;
        long long v = strtoll(tok + 2, NULL, 10);
        if (errno == 0 && smallint_fits(v)) {
            return val_from_smallint(v);
        }
        return t_make_bigint(tok + 2);
    }
    if (tok[0] == 'f') {
        Value v;
        if (!flonum_encode(strtod(tok + 2, NULL), &v)) {
            fprintf(stderr, "str_test: only flonums here: %s\n", tok);
            exit(2);
        }
        return v;
    }
    char *buf;
    size_t n = t_unhex(tok + 2, &buf);
    Value v = tok[0] == 's' ? str_from_utf8(buf, n) : bytes_from(buf, n);
    free(buf);
    return v;
}

// ---- printing ---------------------------------------------------------------------

static void t_print_error(void) {
    const char *msg;
    Type *t = err_pending_type(&msg);
    printf("%s: %s", t ? t->name : "NO-EXCEPTION", msg ? msg : "");
    err_clear();
}

// repr(v), as the oracle prints it; long strings as their length and hash.
static void t_print_value(Value v) {
    if (v == 0) {
        t_print_error();
        return;
    }
    if (val_is_smallint(v)) {
        printf("%" PRId64, val_smallint(v));
        return;
    }
    if (v == VAL_TRUE || v == VAL_FALSE) {
        printf("%s", v == VAL_TRUE ? "True" : "False");
        return;
    }
    if (val_is_str(v) && str_len(v) > 200) {
        printf("<str len %zu hash %" PRId64 ">", str_len(v), str_hash(v));
        return;
    }
    if (val_is_bytes(v) && bytes_len(v) > 200) {
        printf("<bytes len %zu hash %" PRId64 ">", bytes_len(v), bytes_hash(v));
        return;
    }
    Value r = type_of(v)->repr(v);
    fwrite(str_obj(r)->data, 1, str_obj(r)->nbytes, stdout);
}

// ---- the case commands ------------------------------------------------------------------

static void t_adjust(int64_t len, const char *a, const char *b, int64_t step, int64_t *start,
                     int64_t *stop) {
    // slice.indices(len)
    int64_t lo = step < 0 ? -1 : 0, hi = step < 0 ? len - 1 : len;
    const char *src[2] = {a, b};
    int64_t *dst[2] = {start, stop};
    for (int k = 0; k < 2; k++) {
        if (strcmp(src[k], "N") == 0) {
            *dst[k] = (k == 0) == (step < 0) ? hi : lo;
            continue;
        }
        int64_t x = strtoll(src[k], NULL, 10);
        if (x < 0) {
            x += len;
            if (x < lo) {
                x = lo;
            }
        } else if (x > hi) {
            x = hi;
        }
        *dst[k] = x;
    }
}

static void t_items(Value v) {
    int64_t n = type_of(v)->len(v);
    printf("%" PRId64 ":", n);
    // A fixed permutation (7919 is prime; the oracle skips lengths it divides).
    for (int64_t k = 0; k < n; k++) {
        int64_t i = (k * 7919 + 13) % n;
        Value item = type_of(v)->getitem(v, val_from_smallint(i));
        printf(" %" PRIu32, val_is_str(v) ? str_getitem_cp(item, 0) : (uint32_t)val_smallint(item));
    }
    printf(" |");
    for (int64_t k = 1; k <= n; k++) {
        Value item = type_of(v)->getitem(v, val_from_smallint(-k));
        printf(" %" PRIu32, val_is_str(v) ? str_getitem_cp(item, 0) : (uint32_t)val_smallint(item));
    }
    if (val_is_str(v)) {
        printf(" | ");
        // str_getitem_cp directly, from the end
        for (int64_t k = n - 1; k >= 0; k--) {
            printf("%" PRIu32 " ", str_getitem_cp(v, (size_t)k));
        }
    }
}

static void t_iter(Value v) {
    Value it = type_of(v)->iter(v);
    Type *t = type_of(it);
    printf("%s", t->name);
    Value item;
    while ((item = t->iternext(it)) != 0) {
        printf(" ");
        t_print_value(item);
    }
    if (t->iternext(it) != 0) {
        printf(" MORE");
    }
}

static void t_case(char *line) {
    char *tok[8];
    int n = 0;
    for (char *p = strtok(line, " \n"); p && n < 8; p = strtok(NULL, " \n")) {
        tok[n++] = p;
    }
    if (n == 0) {
        return;
    }
    const char *op = tok[0];
    if (strcmp(op, "info") == 0) {
        Value v = t_value(tok[1]);
        Type *t = type_of(v);
        printf("%" PRId64 " ", t->len(v));
        t_print_value(t->repr(v));
        printf(" ");
        Value s = t->str(v);
        t_print_value(s);
        if (val_is_str(v)) {
            printf(" %d", s == v);
        }
    } else if (strcmp(op, "items") == 0) {
        t_items(t_value(tok[1]));
    } else if (strcmp(op, "getitem") == 0) {
        Value v = t_value(tok[1]);
        t_print_value(type_of(v)->getitem(v, t_value(tok[2])));
    } else if (strcmp(op, "add") == 0 || strcmp(op, "mul") == 0) {
        t_print_value(t_binop(t_value(tok[1]), t_value(tok[2]), op[0] == 'a' ? BINOP_ADD
                                                                           : BINOP_MUL));
    } else if (strcmp(op, "cmp") == 0) {
        Value a = t_value(tok[1]), b = t_value(tok[2]);
        for (int k = 0; k < 6; k++) {
            if (k) {
                printf(" ");
            }
            t_print_value(t_compare(a, b, (CompareOp)k));
        }
    } else if (strcmp(op, "contains") == 0) {
        Value a = t_value(tok[1]), b = t_value(tok[2]);
        int r = type_of(a)->contains(a, b);
        if (r < 0) {
            t_print_error();
        } else {
            printf("%s", r ? "True" : "False");
        }
    } else if (strcmp(op, "find") == 0) {
        char *h, *x;
        size_t hn = t_unhex(tok[1] + 2, &h), xn = t_unhex(tok[2] + 2, &x);
        printf("%" PRId64, str_find_bytes(h, hn, x, xn));
        free(h);
        free(x);
    } else if (strcmp(op, "hash") == 0) {
        Value v = t_value(tok[1]);
        printf("%" PRId64, type_of(v)->hash(v));
        if (val_is_str(v)) {
            // the same from the bytes alone, and through a fresh object
            StrObject *s = str_obj(v);
            if (str_hash_utf8(s->data, s->nbytes) != str_hash(v)) {
                printf(" str_hash_utf8 differs");
            }
        }
    } else if (strcmp(op, "hashflag") == 0) {
        printf("%d", hash_randomization());
    } else if (strcmp(op, "slice") == 0) {
        Value v = t_value(tok[1]);
        int64_t step = strcmp(tok[4], "N") == 0 ? 1 : strtoll(tok[4], NULL, 10);
        int64_t len = type_of(v)->len(v), start, stop;
        t_adjust(len, tok[2], tok[3], step, &start, &stop);
        t_print_value(val_is_str(v) ? str_slice(v, start, stop, step)
                                    : bytes_slice(v, start, stop, step));
    } else if (strcmp(op, "iter") == 0) {
        t_iter(t_value(tok[1]));
    } else if (strcmp(op, "intern") == 0) {
        Value a = t_value(tok[1]), b = t_value(tok[1]);
        Value ia = str_intern(a), ib = str_intern(b);
        StrObject *s = str_obj(a);
        Value ic = str_intern_utf8(s->data, s->nbytes);
        printf("%s %s %s", ia == ib ? "True" : "False", ia == ic ? "True" : "False",
               str_equal(ia, a) ? "True" : "False");
    } else {
        printf("unknown case %s", op);
    }
}

// ---- str_format_c cases (the same list is in oracle.py) ----------------------------------------

static void t_fmt(void) {
    Value s_abc = str_from_cstr("abc");
    Value s_uni = str_from_cstr("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    Value s_quote = str_from_cstr("it's"), b_x = bytes_from("\x00\xffq'", 4);
    Value cases[] = {
        str_format_c("plain text"),
        str_format_c(""),
        str_format_c("%d|%i|%u|%x", -42, 17, 3000000000u, 255u),
        str_format_c("%5d|%05d|%3d|%.3d", 42, 42, 12345, 7),
        str_format_c("%ld|%lu|%lld|%llu", -1L, 18446744073709551615UL, (long long)INT64_MIN,
                     18446744073709551615ULL),
        str_format_c("%zd|%zu|%zi", (ptrdiff_t)-7, (size_t)7, (ptrdiff_t)INT64_MIN),
        str_format_c("%s and %s", "one", "two"),
        str_format_c("[%.3s]", "abcdef"),
        str_format_c("[%10s][%.2s]", "right", "left"),
        str_format_c("%s", "caf\xc3\xa9 \xe2\x82\xac"),
        str_format_c("%c%c%c", 65, 0xe9, 0x1F600),
        str_format_c("100%%"),
        str_format_c("%R", s_abc),
        str_format_c("%R|%S", s_quote, s_quote),
        str_format_c("%R %S", s_uni, s_uni),
        str_format_c("%R", b_x),
        str_format_c("%S", b_x),
        str_format_c("[%.2R][%.1S][%8S][%5R]", s_abc, s_uni, s_abc, s_abc),
        str_format_c("%R %R", val_from_smallint(-5), val_from_smallint(123456789012345)),
        str_format_c("%S %R", val_from_smallint(0), s_abc),
        str_format_c("%s/%d/%R/%s", "mix", 3, s_uni, "end"),
        str_format_c("name '%.200s' is not defined", "spam"),
        str_format_c("'%.50s' object has no attribute '%U'", "int", s_abc),
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        t_print_value(cases[i]);
        printf("\n");
    }
    // Beyond CPython 3.11's PyUnicode_FromFormat: %T (the oracle prints
    // type(x).__name__), and printf's %X %o and - + flags (the oracle uses
    // Python's % operator, which agrees with printf on these).
    Value t_cases[] = {
        str_format_c("%T", s_abc),
        str_format_c("%T", b_x),
        str_format_c("%T", val_from_smallint(1)),
        str_format_c("%T", VAL_TRUE),
        str_format_c("%X|%o|%-5d|%+d|%#x|%zx", 255u, 8u, 42, 42, 255u, (size_t)4096),
        str_format_c("[%-6S][%6T]", s_uni, s_abc),
    };
    for (size_t i = 0; i < sizeof t_cases / sizeof *t_cases; i++) {
        t_print_value(t_cases[i]);
        printf("\n");
    }
}

// ---- garbage collection ------------------------------------------------------------------

static int gc_failures;
#define GC_CHECK(cond, ...)                                   \
    do {                                                      \
        if (!(cond)) {                                        \
            gc_failures++;                                    \
            printf("FAIL gc: " __VA_ARGS__);                  \
            printf("\n");                                     \
        }                                                     \
    } while (0)

// Values kept only where the collector cannot see them (XOR-ed), to check
// that the table, not the stack, keeps interned strings alive.
#define HIDE UINT64_C(0x5a5a5a5a5a5a5a5a)

static void __attribute__((noinline)) t_gc_work(void) {
    gc_set_stress(7);
    // Long non-ASCII strings indexed (index objects built) and kept.
    enum { NSTR = 40 };
    Value keep[NSTR];
    for (int k = 0; k < NSTR; k++) {
        char buf[4096];
        size_t n = 0;
        for (int i = 0; i < 1000; i++) {
            uint32_t cp = (uint32_t)((i * 37 + k * 101) % 3 == 0 ? 0x4e00 + i : 'a' + i % 26);
            n += (size_t)utf8_encode(cp, buf + n);
            if (n > sizeof buf - 8) {
                break;
            }
        }
        keep[k] = str_from_utf8(buf, n);
        (void)str_getitem_cp(keep[k], 500);  // builds the index
        Value junk = str_repeat(keep[k], 3);
        (void)junk;
    }
    gc_collect();
    for (int k = 0; k < NSTR; k++) {
        Value v = keep[k];
        size_t pos = 0;
        const unsigned char *d = (const unsigned char *)str_obj(v)->data;
        for (size_t i = 0; i < str_len(v); i++) {
            uint32_t cp;
            int len = utf8_decode((const char *)d + pos, str_obj(v)->nbytes - pos, &cp, 1);
            GC_CHECK(str_getitem_cp(v, i) == cp, "string %d index %zu", k, i);
            pos += (size_t)len;
        }
    }
    // Interned strings survive with no other reference.
    uint64_t hidden[100];
    for (int k = 0; k < 100; k++) {
        char name[32];
        snprintf(name, sizeof name, "ident_%d_\xc3\xa9", k);
        hidden[k] = str_intern_cstr(name) ^ HIDE;
    }
    for (int k = 0; k < 20; k++) {
        gc_collect();
        Value junk = str_from_cstr("garbage that reuses cells");
        (void)junk;
    }
    for (int k = 0; k < 100; k++) {
        char name[32];
        snprintf(name, sizeof name, "ident_%d_\xc3\xa9", k);
        Value v = str_intern_cstr(name);
        GC_CHECK(v == (hidden[k] ^ HIDE), "interned %d lost its identity", k);
        GC_CHECK(strcmp(str_obj(v)->data, name) == 0, "interned %d changed", k);
    }
    // Shared one-character strings and b'' survive too.
    uint64_t c = str_char(0xe9) ^ HIDE, e = bytes_from("", 0) ^ HIDE;
    for (int k = 0; k < 5; k++) {
        gc_collect();
    }
    GC_CHECK(str_char(0xe9) == (c ^ HIDE), "str_char cache");
    GC_CHECK(bytes_from("", 0) == (e ^ HIDE), "b'' singleton");
    // Iterators keep their string.
    Value it = type_str.iter(str_from_cstr("\xc3\xa9t\xc3\xa9 \xe2\x82\xac"));
    gc_collect();
    size_t count = 0;
    while (type_of(it)->iternext(it) != 0) {
        count++;
        gc_collect();
    }
    GC_CHECK(count == 5, "iterator count %zu", count);
    gc_set_stress(0);
    printf("%s gc (%d failures)\n", gc_failures ? "FAIL" : "PASS", gc_failures);
}

// ---- benchmarks ------------------------------------------------------------------------------

static double t_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void t_bench(double mb) {
    // A ~1 MB non-ASCII string: mostly ASCII words with Latin-1, CJK and an
    // emoji mixed in (as real text), and the same positions as the oracle's.
    size_t target = (size_t)(mb * 1e6);
    char *buf = malloc(target + 8);
    size_t n = 0;
    uint64_t x = 12345;
    while (n + 4 <= target) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        unsigned r = (unsigned)(x >> 33) % 100;
        uint32_t cp = r < 70 ? 'a' + (x >> 40) % 26 : r < 85 ? 0xe0 + (x >> 40) % 32
                    : r < 98 ? 0x4e00 + (x >> 40) % 1000 : 0x1F600 + (x >> 40) % 64;
        n += (size_t)utf8_encode(cp, buf + n);
    }
    Value s = str_from_utf8(buf, n);
    size_t len = str_len(s);
    enum { NQ = 2000000 };
    int64_t *pos = malloc(NQ * sizeof *pos);
    for (size_t k = 0; k < NQ; k++) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        pos[k] = (int64_t)((x >> 20) % len);
    }
    double t0 = t_now();
    (void)str_getitem_cp(s, len / 2);  // builds the index
    double t1 = t_now();
    uint64_t sum = 0;
    for (size_t k = 0; k < NQ; k++) {
        Value c = type_str.getitem(s, val_from_smallint(pos[k]));
        sum += str_obj(c)->data[0];
    }
    double t2 = t_now();
    printf("perf: s[i] on a %.1f MB non-ASCII str (%zu code points), random i: %.1f ns/op "
           "(index built in %.2f ms; checksum %" PRIu64 ")\n",
           (double)n / 1e6, len, (t2 - t1) * 1e9 / NQ, (t1 - t0) * 1e3, sum % 1000);
    // Sequential.
    t1 = t_now();
    for (size_t k = 0; k < len; k++) {
        Value c = type_str.getitem(s, val_from_smallint((int64_t)k));
        sum += str_obj(c)->data[0];
    }
    t2 = t_now();
    printf("perf: s[i] sequential over it: %.1f ns/op\n", (t2 - t1) * 1e9 / (double)len);

    // `in` on long strings: a needle absent from the text, short and long,
    // and a repetitive adversarial case.
    struct {
        const char *what;
        const char *needle;
    } needles[] = {
        {"absent 5-char ASCII", "qzqzq"},
        {"absent 12-char", "\xe4\xb8\x80zzzzzzzzzz\xe4\xb8\x80"},
        {"absent 40-char", "the quick brown fox jumps over the lazy dog!"},
    };
    for (size_t k = 0; k < sizeof needles / sizeof *needles; k++) {
        Value nd = str_from_cstr(needles[k].needle);
        int reps = 200;
        t1 = t_now();
        int found = 0;
        for (int r = 0; r < reps; r++) {
            found += type_str.contains(s, nd);
        }
        t2 = t_now();
        printf("perf: `in`, %s needle over %.1f MB: %.1f us/op (%.2f GB/s, found %d)\n",
               needles[k].what, (double)n / 1e6, (t2 - t1) * 1e6 / reps,
               (double)n * reps / (t2 - t1) / 1e9, found);
    }
    char *rep = malloc(target + 1);
    memset(rep, 'a', target);
    rep[target] = 0;
    Value hay = str_from_utf8(rep, target);
    char needle[1001];
    memset(needle, 'a', 1000);
    needle[999] = 'b';
    needle[1000] = 0;
    Value nd = str_from_cstr(needle);
    t1 = t_now();
    int found = type_str.contains(hay, nd);
    t2 = t_now();
    printf("perf: `in`, 'a'*999+'b' in 'a'*%zu: %.1f us (found %d)\n", target,
           (t2 - t1) * 1e6, found);
    needle[9] = 'b';
    needle[10] = 0;
    nd = str_from_cstr(needle);
    t1 = t_now();
    found = type_str.contains(hay, nd);
    t2 = t_now();
    printf("perf: `in`, 'a'*9+'b' in 'a'*%zu: %.1f us (found %d)\n", target, (t2 - t1) * 1e6,
           found);
    memset(needle, 'a', 1000);
    needle[500] = 'b';
    nd = str_from_utf8(needle, 1000);
    t1 = t_now();
    found = type_str.contains(hay, nd);
    t2 = t_now();
    printf("perf: `in`, 'a'*500+'b'+'a'*499 in 'a'*%zu: %.1f us (found %d)\n", target,
           (t2 - t1) * 1e6, found);
    // Hashing (uncached: fresh objects).
    t1 = t_now();
    int64_t hsum = 0;
    for (int r = 0; r < 20; r++) {
        hsum += str_hash_utf8(rep, target);
    }
    t2 = t_now();
    printf("perf: hash of a %.1f MB ASCII str: %.2f GB/s (%" PRId64 ")\n", (double)target / 1e6,
           (double)target * 20 / (t2 - t1) / 1e9, hsum & 1);
    t1 = t_now();
    for (int r = 0; r < 5; r++) {
        hsum += str_hash_utf8(str_obj(s)->data, str_obj(s)->nbytes);
    }
    t2 = t_now();
    printf("perf: hash of the non-ASCII str (UCS-4 in CPython terms): %.1f M code points/s\n",
           (double)len * 5 / (t2 - t1) / 1e6);
    free(rep);
    free(buf);
    free(pos);
}

static int __attribute__((noinline)) t_main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "cases";
    if (strcmp(mode, "cases") == 0) {
#ifdef STR_TEST_KNOBS
        const char *knob = argc > 2 ? argv[2] : "";
        str_test_wide_index = strcmp(knob, "wide") == 0;
        str_test_find_mode = strcmp(knob, "scalar") == 0 ? 1 : strcmp(knob, "two-way") == 0 ? 2 : 0;
#endif
        char *line = NULL;
        size_t cap = 0;
        while (getline(&line, &cap, stdin) > 0) {
            t_case(line);
            printf("\n");
            if (err_occurred()) {
                printf("LEAKED EXCEPTION: ");
                t_print_error();
                printf("\n");
            }
        }
        free(line);
    } else if (strcmp(mode, "fmt") == 0) {
        t_fmt();
    } else if (strcmp(mode, "gc") == 0) {
        t_gc_work();
        return gc_failures != 0;
    } else if (strcmp(mode, "bench") == 0) {
        t_bench(argc > 2 ? atof(argv[2]) : 1.0);
    }
    return 0;
}

int main(int argc, char **argv) {
    gc_init(&argc);
    return t_main(argc, argv);
}
