// containers_test.c - driver for tuple, list, dict, set and frozenset.
//
// It computes; tests/unit/containers/oracle.py computes the same scenarios
// with CPython 3.11 (PYTHONHASHSEED=0), and containers_test.sh diffs the two
// outputs section by section. Both sides draw their random operations from
// the same splitmix64 generator, so a scenario is a seed.
//   containers_test [STRESS]     every scenario; STRESS > 0 runs the collector
//                                every STRESS allocations (checks tracing)
//   containers_test bench N      sort timings on N ints (random, sorted, ...)
//
// It links the whole runtime and starts it with runtime_init (str hashes
// with PYTHONHASHSEED=0, as the oracle). Two test types are defined here (a
// callable used as a sort key, and W, an object with a counting __lt__). Lines starting with
// "selfcheck" are C-only checks (dict versions) that the script counts.
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define WEAK __attribute__((weak))

// ---- the real runtime (runtime_init) is linked; a few local helpers ---------------------

static const char *op_symbol(CompareOp op) {
    static const char *const symbols[] = {"<", "<=", "==", "!=", ">", ">="};
    return symbols[op];
}

// KeyError(key) raised with err_set_value carries its key in the exception
// object: err_fetch gives it back once error.c has it; until then the
// scenarios name the key they expect in key_hint.
extern Value err_fetch(void) __attribute__((weak));
static Value key_hint;

// ---- output and test types ---------------------------------------------------------------

static void print_value(Value v) {
    Value r = obj_repr(v);
    if (!r) {
        printf("<repr failed>");
        err_clear();
        return;
    }
    fwrite(str_obj(r)->data, 1, str_obj(r)->nbytes, stdout);
}

// Print the pending exception as the oracle prints `type(e).__name__, str(e)`.
static void print_error(void) {
    const char *msg;
    Type *t = err_pending_type(&msg);
    if (!t) {
        printf("no exception\n");
        return;
    }
    if (t == &exc_KeyError && msg[0] == 0) {
        // KeyError(key): str() is the key's repr.
        Value key = key_hint;
        if (err_fetch) {
            Value e = err_fetch();
            key = tuple_obj(((ExceptionObject *)val_ptr(e))->args)->items[0];
        }
        err_clear();
        printf("%s: ", t->name);
        print_value(key);
        putchar('\n');
        return;
    }
    if (t == &exc_KeyError) {
        printf("%s: '%s'\n", t->name, msg);  // a message: str() shows its repr
    } else {
        printf("%s: %s\n", t->name, msg);
    }
    err_clear();
}

static void show(const char *label, Value v) {
    printf("%s ", label);
    if (!v) {
        print_error();
        return;
    }
    print_value(v);
    putchar('\n');
}

static Value S(const char *s) { return str_from_cstr(s); }
static Value I(int64_t i) { return val_from_smallint(i); }

// Call a method from the type's MethodDef table by name.
static Value call_method_kw(Value self, const char *name, const Value *args, size_t nargs,
                            Value kwnames) {
    for (const MethodDef *m = type_of(self)->methods; m && m->name; m++) {
        if (strcmp(m->name, name) == 0) {
            Value target = (m->flags & METH_CLASS) ? val_from_ptr(type_of(self)) : self;
            return m->fn(target, args, nargs, kwnames);
        }
    }
    fprintf(stderr, "no method %s.%s\n", type_of(self)->name, name);
    exit(2);
}
static Value M(Value self, const char *name, int nargs, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++) {
        args[i] = va_arg(ap, Value);
    }
    va_end(ap);
    return call_method_kw(self, name, args, (size_t)nargs, 0);
}

// A sort key function: kind 0 x % 10, 1 -x, 2 (x % 3, -x), 3 str(x),
// 4 fails at the 5th call with ValueError.
typedef struct KeyFunc {
    Object header;
    int kind;
    int calls;
} KeyFunc;
static Value pymod(int64_t a, int64_t b) {
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        r += b;
    }
    return I(r);
}
static Value keyfunc_call(Value f, const Value *args, size_t nargs, Value kwnames) {
    KeyFunc *k = (KeyFunc *)val_ptr(f);
    int64_t x = val_smallint(args[0]);
    k->calls++;
    switch (k->kind) {
    case 0: return pymod(x, 10);
    case 1: return I(-x);
    case 2: return tuple_pack2(pymod(x, 3), I(-x));
    case 3: {
        char buf[32];
        snprintf(buf, sizeof buf, "%" PRId64, x);
        return S(buf);
    }
    default:
        if (k->calls == 5) {
            return err_format(&exc_ValueError, "key failed");
        }
        return args[0];
    }
}
static Type type_keyfunc = {.header = {&type_type}, .name = "function",
                            .basic_size = sizeof(KeyFunc), .call = keyfunc_call};
static Value keyfunc(int kind) {
    KeyFunc *k = (KeyFunc *)gc_alloc(&type_keyfunc, sizeof(KeyFunc));
    k->kind = kind;
    return val_from_ptr(k);
}

// W: an object whose < is given by a formula (consistent or not) and counted.
typedef struct WObject {
    Object header;
    int64_t v;
} WObject;
static long w_compares;
static int w_mode;  // 0: by value; 1: an inconsistent order
static Value w_richcompare(Value a, Value b, CompareOp op);
static Value w_repr(Value v) { return str_format_c("W(%" PRId64 ")", ((WObject *)val_ptr(v))->v); }
static Type type_w = {.header = {&type_type}, .name = "W", .basic_size = sizeof(WObject),
                      .richcompare = w_richcompare, .repr = w_repr};
static Value w_richcompare(Value a, Value b, CompareOp op) {
    if (op != CMP_LT || type_of(a) != &type_w || type_of(b) != &type_w) {
        return VAL_NOTIMPLEMENTED;
    }
    int64_t x = ((WObject *)val_ptr(a))->v, y = ((WObject *)val_ptr(b))->v;
    w_compares++;
    if (w_mode == 0) {
        return val_bool(x < y);
    }
    return val_bool(((x * 7 + y * 13) % 5) < 2);
}
static Value W(int64_t v) {
    WObject *w = (WObject *)gc_alloc(&type_w, sizeof(WObject));
    w->v = v;
    return val_from_ptr(w);
}

// ---- the random generator (the oracle has the same one) ----------------------------------

static uint64_t rng;
static uint64_t next_u64(void) {
    uint64_t z = (rng += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}
static int64_t rnd(int64_t n) { return (int64_t)(next_u64() % (uint64_t)n); }

// An int element: mostly small, sometimes with equal low bits (long probe
// chains), sometimes negative.
static int64_t rand_int_key(int64_t space) {
    int64_t r = rnd(10);
    if (r < 6) {
        return rnd(space) - space / 4;
    }
    if (r < 8) {
        int64_t high = rnd(16);
        return high << (8 + rnd(30));
    }
    return rnd(space) * 8;
}
static Value rand_key(int64_t space, int strs) {
    int64_t k = rand_int_key(space);
    if (strs && rnd(2)) {
        char buf[32];
        snprintf(buf, sizeof buf, "s%" PRId64, k);
        return S(buf);
    }
    return I(k);
}

static void section(const char *name) {
    printf("== %s\n", name);
}

// ---- scenarios ----------------------------------------------------------------------------

static long selfcheck_fail, selfcheck_pass;
static void selfcheck(int ok, const char *what) {
    if (ok) {
        selfcheck_pass++;
    } else {
        selfcheck_fail++;
        printf("selfcheck FAIL %s\n", what);
    }
}

static void scenario_dict(uint64_t seed, int nops, int64_t space, int strs) {
    char name[64];
    snprintf(name, sizeof name, "dict seed=%" PRIu64 " strs=%d", seed, strs);
    section(name);
    rng = seed;
    Value d = dict_new();
    for (int step = 0; step < nops; step++) {
        int64_t r = rnd(100);
        Value k = rand_key(space, strs);
        uint64_t before = dict_version(d);
        int64_t len_before = dict_len(d);
        if (r < 40) {
            dict_setitem(d, k, I(step));
            selfcheck(dict_version(d) != before, "version after set");
        } else if (r < 55) {
            key_hint = k;
            if (dict_setitem(d, k, 0) < 0) {
                printf("del ");
                print_error();
                selfcheck(dict_version(d) == before, "version after failed del");
            } else {
                selfcheck(dict_version(d) != before, "version after del");
            }
        } else if (r < 65) {
            show("get", M(d, "get", 2, k, I(-1)));
        } else if (r < 72) {
            show("pop", M(d, "pop", 2, k, I(-1)));
            selfcheck((dict_len(d) != len_before) == (dict_version(d) != before),
                      "version after pop");
        } else if (r < 76) {
            show("popitem", M(d, "popitem", 0));
        } else if (r < 80) {
            show("setdefault", M(d, "setdefault", 2, k, I(step)));
        } else if (r < 81) {
            dict_clear(d);
            selfcheck(dict_version(d) != before, "version after clear");
        } else if (r < 83) {
            d = dict_copy(d);
        } else if (r < 86) {
            int c = dict_contains(d, k);
            printf("in %s\n", c ? "True" : "False");
        } else if (r < 88) {
            key_hint = k;
            Value got = dict_getitem(d, k);
            show("getitem", got);
        } else {
            printf("len %" PRId64 "\n", dict_len(d));
        }
        if (step % 97 == 0) {
            show("items", dict_items(d));
        }
    }
    show("final", d);
    show("keys", dict_view_keys(d));
    show("values", dict_view_values(d));
}

// A random set of up to n ints, as set(list).
static Value rand_set(int n, int64_t space) {
    Value l = list_new(0);
    int64_t count = rnd(n + 1);
    for (int64_t i = 0; i < count; i++) {
        list_append(l, I(rand_int_key(space)));
    }
    return set_new(l);
}

static void scenario_set(uint64_t seed, int nops, int64_t space, int strs) {
    char name[64];
    snprintf(name, sizeof name, "set seed=%" PRIu64 " strs=%d", seed, strs);
    section(name);
    rng = seed;
    Value s = set_new(0);
    for (int step = 0; step < nops; step++) {
        int64_t r = rnd(100);
        Value k = rand_key(space, strs);
        if (r < 35) {
            set_add(s, k);
        } else if (r < 45) {
            set_discard(s, k);
        } else if (r < 50) {
            key_hint = k;
            Value res = M(s, "remove", 1, k);
            if (!res) {
                printf("remove ");
                print_error();
            }
        } else if (r < 53) {
            show("pop", set_pop(s));
        } else if (r < 56) {
            Value o = rand_set(12, space);
            s = set_binop_or(s, o);
        } else if (r < 59) {
            Value o = rand_set(40, space);
            s = set_binop_and(s, o);
        } else if (r < 62) {
            Value o = rand_set(12, space);
            s = set_binop_sub(s, o);
        } else if (r < 65) {
            Value o = rand_set(12, space);
            s = set_binop_xor(s, o);
        } else if (r < 68) {
            Value o = rand_set(12, space);
            type_set.inplace[BINOP_OR](s, o);
        } else if (r < 70) {
            Value o = rand_set(40, space);
            type_set.inplace[BINOP_AND](s, o);
        } else if (r < 72) {
            Value o = rand_set(12, space);
            type_set.inplace[BINOP_SUB](s, o);
        } else if (r < 74) {
            Value o = rand_set(12, space);
            type_set.inplace[BINOP_XOR](s, o);
        } else if (r < 76) {
            s = set_copy(s);
        } else if (r < 78) {
            Value l = list_from_iterable(s);
            s = set_new(l);  // rebuilt in iteration order
        } else if (r < 80) {
            Value o = rand_set(12, space);
            Value l = list_from_iterable(o);
            M(s, "update", 1, l);
        } else if (r < 82) {
            Value o = rand_set(30, space);
            Value l = list_from_iterable(o);
            show("intersection", M(s, "intersection", 1, l));
        } else if (r < 84) {
            Value o = rand_set(12, space);
            Value l = list_from_iterable(o);
            show("difference", M(s, "difference", 1, l));
        } else if (r < 86) {
            Value o = rand_set(12, space);
            Value l = list_from_iterable(o);
            show("symdiff", M(s, "symmetric_difference", 1, l));
        } else if (r < 88) {
            Value o = rand_set(30, space);
            show("le", set_richcompare(s, o, CMP_LE));
            show("ge", set_richcompare(s, o, CMP_GE));
            show("lt", set_richcompare(s, o, CMP_LT));
            show("eq", set_richcompare(s, set_copy(s), CMP_EQ));
            show("disjoint", M(s, "isdisjoint", 1, o));
        } else if (r < 90) {
            show("fs", frozenset_new(s));
            printf("hash %" PRId64 "\n", frozenset_hash(frozenset_new(s)));
        } else if (r < 91) {
            set_clear(s);
        } else if (r < 93) {
            Value o = rand_set(20, space);
            Value l = list_from_iterable(o);
            M(s, "difference_update", 1, l);
        } else if (r < 95) {
            Value o = rand_set(60, space);
            Value l = list_from_iterable(o);
            M(s, "intersection_update", 1, l);
        } else {
            int c = set_contains(s, k);
            printf("in %s\n", c ? "True" : "False");
        }
        show("s", s);
    }
}

// Nested tuples and frozensets of ints (and strs): their hashes.
static Value rand_hashable(int depth, int strs) {
    int64_t r = rnd(10);
    if (depth > 2 || r < 5) {
        return rand_key(1000, strs);
    }
    int64_t n = rnd(6);
    Value t = tuple_new((size_t)n);
    for (int64_t i = 0; i < n; i++) {
        tuple_obj(t)->items[i] = rand_hashable(depth + 1, strs);
    }
    if (r < 8) {
        return t;
    }
    return frozenset_new(t);
}

static void scenario_hashes(uint64_t seed, int n, int strs) {
    char name[64];
    snprintf(name, sizeof name, "hashes seed=%" PRIu64 " strs=%d", seed, strs);
    section(name);
    rng = seed;
    for (int i = 0; i < n; i++) {
        Value v = rand_hashable(0, strs);
        int64_t h = obj_hash(v);
        print_value(v);
        printf(" %" PRId64 "\n", h);
    }
    // Edge cases: the empty ones, hash -1 items, a tuple of one.
    Value e = tuple_new(0);
    printf("() %" PRId64 "\n", tuple_hash(e));
    printf("fs() %" PRId64 "\n", frozenset_hash(frozenset_new(0)));
    Value m1 = I(-1);
    printf("(-1,) %" PRId64 "\n", tuple_hash(tuple_from(&m1, 1)));
    printf("fs(-1,-2) %" PRId64 "\n", frozenset_hash(frozenset_new(tuple_pack2(I(-1), I(-2)))));
}

static Value rand_list(int64_t n, int pattern) {
    Value l = list_new(0);
    for (int64_t i = 0; i < n; i++) {
        int64_t v;
        switch (pattern) {
        case 0: v = rnd(1000000) - 500000; break;         // random
        case 1: v = i * 3; break;                         // sorted
        case 2: v = n - i; break;                         // reversed
        case 3: v = rnd(5); break;                        // few distinct
        case 4: v = (i % 50) * 7 + rnd(3); break;         // sawtooth runs
        case 5: v = i + (rnd(20) == 0 ? rnd(n) : 0); break;  // nearly sorted
        default: v = (i % 2) ? i : n - i; break;          // interleaved
        }
        list_append(l, I(v));
    }
    return l;
}

static Value sort_kw(Value l, Value key, int reverse) {
    Value kwvals[2];
    Value names[2];
    size_t nkw = 0;
    if (key) {
        names[nkw] = S("key");
        kwvals[nkw++] = key;
    }
    if (reverse >= 0) {
        names[nkw] = S("reverse");
        kwvals[nkw++] = val_bool(reverse);
    }
    return call_method_kw(l, "sort", kwvals, 0, nkw ? tuple_from(names, nkw) : 0);
}

static void scenario_sort(uint64_t seed) {
    char name[64];
    snprintf(name, sizeof name, "sort seed=%" PRIu64, seed);
    section(name);
    rng = seed;
    static const int64_t sizes[] = {0, 1, 2, 3, 7, 31, 64, 65, 100, 257, 1000, 3000};
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        for (int pattern = 0; pattern < 7; pattern++) {
            int64_t n = sizes[si];
            Value l = rand_list(n, pattern);
            int keykind = (int)rnd(5);
            int reverse = (int)rnd(3) - 1;
            Value key = keykind < 4 ? keyfunc(keykind) : 0;
            Value r = sort_kw(l, key, reverse);
            printf("n=%" PRId64 " p=%d key=%d rev=%d ", n, pattern, keykind, reverse);
            if (!r) {
                print_error();
            }
            // Print a digest for long lists, everything for short ones.
            if (n <= 100) {
                show("", l);
            } else {
                uint64_t h = 0;
                for (size_t i = 0; i < list_obj(l)->len; i++) {
                    h = h * 1000003 + (uint64_t)val_smallint(list_obj(l)->items[i]);
                }
                printf("digest %" PRIu64 "\n", h);
            }
        }
    }
    // Strings, tuples, a failing key, W with counted comparisons.
    Value l = list_new(0);
    for (int i = 0; i < 200; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "w%" PRId64, rnd(1000));
        list_append(l, S(buf));
    }
    sort_kw(l, 0, -1);
    show("strs", l);
    l = rand_list(150, 3);
    Value r = sort_kw(l, keyfunc(4), -1);
    printf("failing key: ");
    if (!r) {
        print_error();
    }
    show("after", l);
    for (int mode = 0; mode < 2; mode++) {
        for (int64_t n = 10; n <= 2000; n *= 3) {
            w_mode = mode;
            w_compares = 0;
            Value wl = list_new(0);
            for (int64_t i = 0; i < n; i++) {
                list_append(wl, W(mode == 0 && rnd(3) ? i + rnd(8) : rnd(n)));
            }
            sort_kw(wl, 0, (int)rnd(2));
            printf("W mode=%d n=%" PRId64 " compares=%ld ", mode, n, w_compares);
            if (n <= 30) {
                show("", wl);
            } else {
                uint64_t h = 0;
                for (size_t i = 0; i < list_obj(wl)->len; i++) {
                    h = h * 1000003 + (uint64_t)((WObject *)val_ptr(list_obj(wl)->items[i]))->v;
                }
                printf("digest %" PRIu64 "\n", h);
            }
        }
    }
}

static void scenario_list(uint64_t seed, int nops) {
    char name[64];
    snprintf(name, sizeof name, "list seed=%" PRIu64, seed);
    section(name);
    rng = seed;
    Value l = list_new(0);
    for (int step = 0; step < nops; step++) {
        int64_t r = rnd(100);
        int64_t n = (int64_t)list_obj(l)->len;
        Value x = I(rnd(20));
        Value idx = I(rnd(2 * n + 3) - n - 1);
        if (r < 25) {
            M(l, "append", 1, x);
        } else if (r < 35) {
            M(l, "insert", 2, I(rnd(2 * n + 5) - n - 2), x);
        } else if (r < 45) {
            show("pop", rnd(2) ? M(l, "pop", 0) : M(l, "pop", 1, idx));
        } else if (r < 50) {
            show("remove", M(l, "remove", 1, x));
        } else if (r < 55) {
            if (rnd(2)) {
                show("index", M(l, "index", 1, x));
            } else {
                Value a = I(rnd(5) - 2);
                Value b = I(rnd(12) - 3);
                show("index", M(l, "index", 3, x, a, b));
            }
        } else if (r < 60) {
            show("count", M(l, "count", 1, x));
        } else if (r < 63) {
            M(l, "reverse", 0);
        } else if (r < 68) {
            Value o = rand_list(rnd(4), 3);
            M(l, "extend", 1, rnd(2) ? o : tuple_from(list_obj(o)->items, list_obj(o)->len));
        } else if (r < 73) {
            show("getitem", list_getitem(l, idx));
        } else if (r < 78) {
            if (list_setitem(l, idx, x) < 0) {
                printf("setitem ");
                print_error();
            }
        } else if (r < 82) {
            if (list_setitem(l, idx, 0) < 0) {
                printf("delitem ");
                print_error();
            }
        } else if (r < 84) {
            l = type_list.binop[BINOP_ADD](l, rand_list(rnd(3), 3));
        } else if (r < 86) {
            if (n < 30) {
                l = type_list.binop[BINOP_MUL](I(rnd(4) - 1), l);
            }
        } else if (r < 88) {
            if (n < 30) {
                type_list.inplace[BINOP_MUL](l, I(rnd(3)));
            }
        } else if (r < 90) {
            type_list.inplace[BINOP_ADD](l, tuple_pack2(x, x));
        } else if (r < 92) {
            Value o = list_from(list_obj(l)->items, list_obj(l)->len);
            if (list_obj(o)->len && rnd(2)) {
                list_obj(o)->items[rnd((int64_t)list_obj(o)->len)] = x;
            }
            if (rnd(3) == 0) {
                M(o, "append", 1, x);
            }
            for (CompareOp op = CMP_LT; op <= CMP_GE; op++) {
                show(op_symbol(op), list_richcompare(l, o, op));
            }
        } else if (r < 94) {
            show("contains", val_bool(list_contains(l, x)));
        } else if (r < 95) {
            M(l, "clear", 0);
        } else {
            l = M(l, "copy", 0);
        }
        show("l", l);
    }
    Value t = tuple_from(list_obj(l)->items, list_obj(l)->len);
    show("tuple", t);
    show("t+t", type_tuple.binop[BINOP_ADD](t, t));
    show("t*2", type_tuple.binop[BINOP_MUL](t, I(2)));
    show("t.index", M(t, "index", 1, I(3)));
    show("t.count", M(t, "count", 1, I(3)));
    show("t[-1]", tuple_getitem(t, I(-1)));
    show("t[99]", tuple_getitem(t, I(99)));
    show("t<t", tuple_richcompare(t, t, CMP_LT));
    show("t<=t", tuple_richcompare(t, t, CMP_LE));
}

static Value dict_view_richcompare_for_test(Value a, Value b, CompareOp op) {
    return type_of(a)->richcompare(a, b, op);
}

static void scenario_misc(void) {
    section("recursive reprs");
    Value l = list_from((Value[]){I(1), I(2)}, 2);
    list_append(l, l);
    show("l", l);
    Value d = dict_new();
    dict_set(d, I(1), d);
    dict_set(d, S("x"), l);
    show("d", d);
    Value t = tuple_pack2(l, d);
    list_append(l, t);
    show("t", t);
    show("keys", dict_view_keys(d));
    show("items", dict_view_items(d));
    show("values", dict_view_values(d));
    show("single", tuple_from((Value[]){I(5)}, 1));
    show("empty", tuple_new(0));
    show("emptyset", set_new(0));
    show("emptyfs", frozenset_new(0));
    show("fs", frozenset_new(list_from((Value[]){I(3), I(1), I(2)}, 3)));
    show("nested", set_new(list_from((Value[]){frozenset_new(0), frozenset_new(tuple_pack2(I(1), I(2)))}, 2)));

    section("constructors");
    Value kw_x = tuple_from((Value[]){S("x")}, 1);
    Value T_list = val_from_ptr(&type_list), T_tuple = val_from_ptr(&type_tuple);
    Value T_dict = val_from_ptr(&type_dict), T_set = val_from_ptr(&type_set);
    Value T_fs = val_from_ptr(&type_frozenset);
    Value nl = type_list.new_(T_list, NULL, 0, 0);
    type_list.init(nl, (Value[]){tuple_pack2(I(3), I(4))}, 1, 0);
    show("list((3,4))", nl);
    show("list(1,2)", type_list.init(nl, (Value[]){I(1), I(2)}, 2, 0));
    show("list(x=1)", type_list.init(nl, (Value[]){I(1)}, 0, kw_x));
    show("list(5)", type_list.init(nl, (Value[]){I(5)}, 1, 0));
    show("tuple([1,2])", type_tuple.new_(T_tuple, (Value[]){list_from((Value[]){I(1), I(2)}, 2)}, 1, 0));
    show("tuple()", type_tuple.new_(T_tuple, NULL, 0, 0));
    show("tuple(1,2)", type_tuple.new_(T_tuple, (Value[]){I(1), I(2)}, 2, 0));
    show("tuple(x=1)", type_tuple.new_(T_tuple, (Value[]){I(1)}, 0, kw_x));
    Value nd = type_dict.new_(T_dict, NULL, 0, 0);
    type_dict.init(nd, (Value[]){list_from((Value[]){tuple_pack2(I(1), I(2))}, 1), I(3)}, 1, kw_x);
    show("dict([(1,2)],x=3)", nd);
    show("dict(1,2)", type_dict.init(nd, (Value[]){I(1), I(2)}, 2, 0));
    Value ns = type_set.new_(T_set, NULL, 0, 0);
    type_set.init(ns, (Value[]){list_from((Value[]){I(9), I(1), I(9)}, 3)}, 1, 0);
    show("set([9,1,9])", ns);
    show("set(1,2)", type_set.init(ns, (Value[]){I(1), I(2)}, 2, 0));
    show("set(x=1)", type_set.init(ns, (Value[]){I(1)}, 0, kw_x));
    show("frozenset([2,1])", type_frozenset.new_(T_fs, (Value[]){list_from((Value[]){I(2), I(1)}, 2)}, 1, 0));
    show("frozenset(1,2)", type_frozenset.new_(T_fs, (Value[]){I(1), I(2)}, 2, 0));
    show("frozenset(x=1)", type_frozenset.new_(T_fs, (Value[]){I(1)}, 0, kw_x));

    section("errors");
    Value e = list_new(0);
    show("pop empty", M(e, "pop", 0));
    show("append()", M(e, "append", 0));
    show("append(1,2)", M(e, "append", 2, I(1), I(2)));
    show("insert(1)", M(e, "insert", 1, I(1)));
    show("insert('a',1)", M(e, "insert", 2, S("a"), I(1)));
    show("pop('a')", M(e, "pop", 1, S("a")));
    show("pop(1,2)", M(e, "pop", 2, I(1), I(2)));
    show("remove", M(e, "remove", 1, I(1)));
    show("index", M(e, "index", 1, I(1)));
    show("index('a')", M(e, "index", 1, S("a")));
    show("index()", M(e, "index", 0));
    show("index(1,2,3,4)", M(e, "index", 4, I(1), I(2), I(3), I(4)));
    show("index(1,'a')", M(e, "index", 2, I(1), S("a")));
    show("count()", M(e, "count", 0));
    show("reverse(1)", M(e, "reverse", 1, I(1)));
    show("extend(1)", M(e, "extend", 1, I(1)));
    show("sort(1)", call_method_kw(e, "sort", (Value[]){I(1)}, 1, 0));
    show("sort(foo=1)", call_method_kw(e, "sort", (Value[]){I(1)}, 0, tuple_from((Value[]){S("foo")}, 1)));
    show("sort(reverse='a')", call_method_kw(list_from((Value[]){I(2), I(1)}, 2), "sort", (Value[]){S("a")}, 0, tuple_from((Value[]){S("reverse")}, 1)));
    show("sort mixed", sort_kw(list_from((Value[]){I(2), S("a")}, 2), 0, -1));
    show("append(x=1)", call_method_kw(e, "append", (Value[]){I(1)}, 0, tuple_from((Value[]){S("x")}, 1)));
    show("l['a']", list_getitem(e, S("a")));
    show("l[0]", list_getitem(e, I(0)));
    printf("l[0]=1 %d ", list_setitem(e, I(0), I(1)));
    print_error();
    printf("l['a']=1 %d ", list_setitem(e, S("a"), I(1)));
    print_error();
    show("t['a']", tuple_getitem(tuple_new(0), S("a")));
    show("t.index", M(tuple_new(0), "index", 1, I(1)));
    show("t.count()", M(tuple_new(0), "count", 0));
    Value dd = dict_new();
    key_hint = I(1);
    show("d[1]", dict_getitem(dd, I(1)));
    key_hint = tuple_pack2(I(1), I(2));
    show("d[(1,2)]", dict_getitem(dd, key_hint));
    show("d[[]]", dict_getitem(dd, list_new(0)));
    show("d[[]]=1", dict_setitem(dd, list_new(0), I(1)) < 0 ? 0 : VAL_NONE);
    key_hint = I(1);
    show("d.pop(1)", M(dd, "pop", 1, I(1)));
    show("d.popitem()", M(dd, "popitem", 0));
    show("d.get()", M(dd, "get", 0));
    show("d.get(1,2,3)", M(dd, "get", 3, I(1), I(2), I(3)));
    show("d.pop()", M(dd, "pop", 0));
    show("d.setdefault()", M(dd, "setdefault", 0));
    show("d.keys(1)", M(dd, "keys", 1, I(1)));
    show("d.update(1)", M(dd, "update", 1, I(1)));
    show("d.update([1])", M(dd, "update", 1, list_from((Value[]){I(1)}, 1)));
    show("d.update([(1,2,3)])", M(dd, "update", 1, list_from((Value[]){tuple_from((Value[]){I(1), I(2), I(3)}, 3)}, 1)));
    show("d.update([(1,2),[3,4]])", M(dd, "update", 1, list_from((Value[]){tuple_pack2(I(1), I(2)), list_from((Value[]){I(3), I(4)}, 2)}, 2)));
    show("d", dd);
    Value se = set_new(0);
    show("set.pop", set_pop(se));
    key_hint = I(3);
    show("set.remove", M(se, "remove", 1, I(3)));
    key_hint = tuple_pack2(I(1), I(2));
    show("set.remove((1,2))", M(se, "remove", 1, key_hint));
    show("set.add([])", M(se, "add", 1, list_new(0)));
    show("set.add()", M(se, "add", 0));
    show("{1} in set", val_bool(set_contains(set_new(list_from((Value[]){frozenset_new(list_from((Value[]){I(1)}, 1))}, 1)), set_new(list_from((Value[]){I(1)}, 1)))));
    show("hash(list)", obj_hash(e) == -1 ? 0 : VAL_NONE);
    show("hash(set)", obj_hash(se) == -1 ? 0 : VAL_NONE);
    show("hash(dict)", obj_hash(dd) == -1 ? 0 : VAL_NONE);

    section("mutation during iteration");
    Value md = dict_new();
    for (int i = 0; i < 5; i++) {
        dict_set(md, I(i), I(i));
    }
    Value it = dict_iter(md);
    show("next", obj_next(it));
    dict_set(md, I(10), I(10));
    show("next", obj_next(it));
    show("next again", obj_next(it));
    it = dict_iter(md);
    show("next", obj_next(it));
    dict_del(md, I(10));
    dict_set(md, I(11), I(11));
    show("next keys changed", obj_next(it));
    show("next", obj_next(it));
    show("next", obj_next(it));
    show("next", obj_next(it));
    show("next", obj_next(it));
    Value ms = set_new(list_from((Value[]){I(1), I(2), I(3)}, 3));
    it = set_iter(ms);
    show("set next", obj_next(it));
    set_add(ms, I(4));
    show("set next", obj_next(it));
    Value ml = list_from((Value[]){I(1), I(2)}, 2);
    it = list_iter(ml);
    show("list next", obj_next(it));
    list_append(ml, I(3));
    show("list next", obj_next(it));
    show("list next", obj_next(it));
    show("list next end", obj_next(it) ? VAL_TRUE : VAL_FALSE);

    section("views");
    Value vd = dict_new();
    for (int i = 0; i < 8; i++) {
        dict_set(vd, I(i * 3), I(i));
    }
    Value ks = dict_view_keys(vd), is = dict_view_items(vd);
    Value other = set_new(list_from((Value[]){I(0), I(3), I(100), I(-1)}, 4));
    show("keys & set", type_dict_keys.binop[BINOP_AND](ks, other));
    show("set & keys", type_dict_keys.binop[BINOP_AND](other, ks));
    show("keys | set", type_dict_keys.binop[BINOP_OR](ks, other));
    show("keys - set", type_dict_keys.binop[BINOP_SUB](ks, other));
    show("set - keys", type_dict_keys.binop[BINOP_SUB](other, ks));
    show("keys ^ set", type_dict_keys.binop[BINOP_XOR](ks, other));
    show("keys & list", type_dict_keys.binop[BINOP_AND](ks, list_from((Value[]){I(6), I(7)}, 2)));
    show("items & list", type_dict_items.binop[BINOP_AND](is, list_from((Value[]){tuple_pack2(I(3), I(1)), tuple_pack2(I(3), I(2))}, 2)));
    show("items contains", val_bool(type_dict_items.contains(is, tuple_pack2(I(6), I(2)))));
    show("keys == set", dict_view_richcompare_for_test(ks, set_new(ks), CMP_EQ));
    show("keys < set", dict_view_richcompare_for_test(ks, set_new(ks), CMP_LT));
    show("keys <= set", dict_view_richcompare_for_test(ks, set_new(ks), CMP_LE));
    show("d | d", type_dict.binop[BINOP_OR](vd, dict_copy(vd)));
    Value d2 = dict_new();
    dict_set(d2, I(100), I(1));
    dict_set(d2, I(0), I(9));
    show("d | d2", type_dict.binop[BINOP_OR](vd, d2));
    show("d == d", dict_richcompare(vd, dict_copy(vd), CMP_EQ));
    show("d == d2", dict_richcompare(vd, d2, CMP_EQ));
    show("d != d2", dict_richcompare(vd, d2, CMP_NE));
    show("fromkeys", M(vd, "fromkeys", 2, list_from((Value[]){I(5), I(1), I(5)}, 3), I(0)));
}


// ---- benchmark ----------------------------------------------------------------------------

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void bench(int64_t n) {
    static const char *names[] = {"random", "sorted", "reversed", "few-distinct", "sawtooth",
                                  "nearly-sorted"};
    for (int pattern = 0; pattern < 6; pattern++) {
        rng = 42;
        Value l = rand_list(n, pattern);
        Value copy = list_from(list_obj(l)->items, list_obj(l)->len);
        double best = 1e9;
        for (int rep = 0; rep < 5; rep++) {
            memcpy(list_obj(copy)->items, list_obj(l)->items, (size_t)n * sizeof(Value));
            double t0 = now();
            list_sort(copy, 0, 0);
            double t = now() - t0;
            if (t < best) {
                best = t;
            }
        }
        printf("sort %-14s n=%" PRId64 " %.2f ms\n", names[pattern], n, best * 1e3);
    }
}

static int run(int argc, char **argv) {
    if (argc > 2 && strcmp(argv[1], "bench") == 0) {
        bench(atoll(argv[2]));
        return 0;
    }
    if (argc > 1) {
        gc_set_stress((unsigned)atoi(argv[1]));
    }
    for (uint64_t seed = 1; seed <= 6; seed++) {
        scenario_dict(seed, 600, 60 + (int64_t)seed * 40, seed % 2 == 0);
    }
    for (uint64_t seed = 1; seed <= 8; seed++) {
        scenario_set(seed, 300, 30 + (int64_t)seed * 30, seed % 4 == 0);
    }
    scenario_hashes(1, 300, 0);
    scenario_hashes(2, 300, 1);
    scenario_sort(1);
    scenario_sort(2);
    for (uint64_t seed = 1; seed <= 3; seed++) {
        scenario_list(seed, 400);
    }
    scenario_misc();
    printf("selfcheck %ld passed, %ld failed\n", selfcheck_pass, selfcheck_fail);
    return selfcheck_fail != 0;
}

int main(int argc, char **argv) {
    const char *error;
    if (runtime_init(&argc, "0", &error) < 0) {
        printf("runtime_init: %s\n", error);
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);  // a crash keeps the lines before it
    return run(argc, argv);
}
