// range_slice_test.c - the slice and range types, and slicing of list,
// tuple, str and bytes: random slices of random lengths, huge bounds, range
// edge cases and error messages. tests/unit/range_slice/oracle.py prints the
// same lines from CPython 3.11 (the same pseudo-random sequence);
// range_slice_test.sh diffs them.
#include <stdio.h>
#include <string.h>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/range.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

// Print `label: repr(v)` or `label: ExcType: message`.
static void show(const char *label, Value v) {
    if (!v) {
        const char *pending_msg;
        Type *t = err_pending_type(&pending_msg);
        char msg[512];
        snprintf(msg, sizeof msg, "%s", pending_msg ? pending_msg : "");
        Value exc = err_pending_value();
        err_clear();
        if (exc && tuple_obj(((ExceptionObject *)val_ptr(exc))->args)->len == 1) {
            Value arg = tuple_obj(((ExceptionObject *)val_ptr(exc))->args)->items[0];
            Value r = obj_str(arg);
            printf("%s: %s: %s\n", label, t->name, r ? str_obj(r)->data : "?");
            return;
        }
        printf("%s: %s: %s\n", label, t ? t->name : "?", msg);
        return;
    }
    Value r = obj_repr(v);
    if (!r) {
        show(label, 0);
        return;
    }
    printf("%s: %s\n", label, str_obj(r)->data);
}

static void show_int(const char *label, int64_t r) {
    if (r < 0 && err_occurred()) {
        show(label, 0);
        return;
    }
    printf("%s: %lld\n", label, (long long)r);
}

static void show_bool(const char *label, int r) {
    if (r < 0) {
        show(label, 0);
        return;
    }
    show(label, val_bool(r));
}

static Value S(const char *s) { return str_intern_cstr(s); }
static Value I(int64_t i) { return int_from_i64(i); }
static Value POW(int64_t b, int64_t e) { return obj_binop(I(b), I(e), BINOP_POW); }
static Value ADD(Value a, Value b) { return obj_binop(a, b, BINOP_ADD); }
static Value NEG(Value a) { return obj_neg(a); }
static Value MUL(Value a, Value b) { return obj_binop(a, b, BINOP_MUL); }

static Value call_type(Type *t, const Value *args, size_t n) {
    return obj_call(val_from_ptr(t), args, n, 0);
}
static Value RANGE3(Value a, Value b, Value c) {
    Value args[3] = {a, b, c};
    return call_type(&type_range, args, 3);
}
static Value SLICE(Value a, Value b, Value c) {
    Value args[3] = {a, b, c};
    return call_type(&type_slice, args, 3);
}
static Value method(Value obj, const char *name, const Value *args, size_t n) {
    Value m = obj_getattr(obj, S(name));
    return m ? obj_call(m, args, n, 0) : 0;
}
static Value method1(Value obj, const char *name, Value a) { return method(obj, name, &a, 1); }

static uint64_t rng_state = 12345;
static int64_t rnd(int64_t n) {
    rng_state = rng_state * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
    return (int64_t)((rng_state >> 33) % (uint64_t)n);
}

static Value rnd_bound(void) {
    if (rnd(8) == 0) {
        return VAL_NONE;
    }
    return I(rnd(31) - 15);
}
static Value rnd_step(void) {
    if (rnd(5) == 0) {
        return VAL_NONE;
    }
    return I(rnd(11) - 5);
}

// The C-level slice_indices, printed as "start stop step n".
static void show_c_indices(const char *label, Value s, int64_t len) {
    int64_t a, b, c, n;
    if (slice_indices(s, len, &a, &b, &c, &n) < 0) {
        show(label, 0);
        return;
    }
    printf("%s: %lld %lld %lld %lld\n", label, (long long)a, (long long)b, (long long)c,
           (long long)n);
}

static __attribute__((noinline)) void random_slices(void) {
    const char *text = "a\xce\xb2" "c\xce\xb4" "e\xce\xb6" "g\xce\xb7" "i\xce\xb8" "k\xce\xbb" "m";
    Value base_str = str_from_cstr(text);
    char label[64];
    for (int iter = 0; iter < 1500; iter++) {
        int64_t len = rnd(13);
        Value start = rnd_bound();
        Value stop = rnd_bound();
        Value step = rnd_step();
        Value s = slice_new(start, stop, step);
        Value l = list_new(0);
        for (int64_t i = 0; i < len; i++) {
            list_append(l, I(i));
        }
        Value t = tuple_from(list_obj(l)->items, (size_t)len);
        Value str = obj_getitem(base_str, slice_new(VAL_NONE, I(len), VAL_NONE));
        Value b = bytes_from("abcdefghijklm", (size_t)len);
        snprintf(label, sizeof label, "%d %lld %s", iter, (long long)len,
                 str_obj(obj_repr(s))->data);
        printf("%s\n", label);
        show(" list", obj_getitem(l, s));
        show(" tuple", obj_getitem(t, s));
        show(" str", obj_getitem(str, s));
        show(" bytes", obj_getitem(b, s));
        show(" indices", method1(s, "indices", I(len)));
        show_c_indices(" c", s, len);
    }
}

static __attribute__((noinline)) void huge_slices(void) {
    Value bounds[] = {VAL_NONE, I(0), I(3), I(-3), POW(10, 20), NEG(POW(10, 20)), POW(2, 63),
                      NEG(POW(2, 63)), ADD(POW(2, 63), I(-1)), ADD(NEG(POW(2, 63)), I(1)),
                      POW(2, 62), ADD(NEG(POW(2, 62)), I(-1))};
    Value steps[] = {VAL_NONE, I(1), I(-1), I(2), I(-2), POW(10, 20), NEG(POW(10, 20)),
                     POW(2, 63), NEG(POW(2, 63)), POW(2, 62)};
    size_t nb = sizeof bounds / sizeof bounds[0], ns = sizeof steps / sizeof steps[0];
    Value l = list_new(0);
    for (int64_t i = 0; i < 5; i++) {
        list_append(l, I(i));
    }
    Value big = POW(10, 30);
    for (size_t i = 0; i < nb; i++) {
        for (size_t j = 0; j < nb; j++) {
            for (size_t k = 0; k < ns; k++) {
                Value s = slice_new(bounds[i], bounds[j], steps[k]);
                printf("%s\n", str_obj(obj_repr(s))->data);
                show(" list", obj_getitem(l, s));
                show(" indices", method1(s, "indices", I(5)));
                show(" big", method1(s, "indices", big));
                show_c_indices(" c", s, 5);
            }
        }
    }
}

static __attribute__((noinline)) void slice_misc(void) {
    Value slice_t = val_from_ptr(&type_slice);
    show("slice()", call_type(&type_slice, NULL, 0));
    Value four[4] = {I(1), I(2), I(3), I(4)};
    show("slice(1,2,3,4)", call_type(&type_slice, four, 4));
    Value kwn = tuple_from((Value[]){S("x")}, 1);
    show("slice(x=1)", obj_call(slice_t, (Value[]){I(1)}, 1, kwn));
    show("slice(5)", call_type(&type_slice, (Value[]){I(5)}, 1));
    show("slice(1,5)", call_type(&type_slice, (Value[]){I(1), I(5)}, 2));
    Value s = SLICE(S("a"), list_new(0), VAL_NONE);
    show("repr", s);
    show("start", obj_getattr(s, S("start")));
    show("stop", obj_getattr(s, S("stop")));
    show("step", obj_getattr(s, S("step")));
    show("set start", obj_setattr(s, S("start"), I(1)) < 0 ? 0 : VAL_NONE);
    show("hash", obj_hash(s) == -1 ? 0 : VAL_NONE);
    show("indices str", method1(s, "indices", I(3)));
    show("indices()", method(SLICE(I(1), I(2), I(3)), "indices", NULL, 0));
    show("indices -1", method1(SLICE(I(1), I(2), I(3)), "indices", I(-1)));
    show("indices 'a'", method1(SLICE(I(1), I(2), I(3)), "indices", S("a")));
    show("indices step 0", method1(SLICE(I(1), I(2), I(0)), "indices", I(3)));
    show("indices True", method1(SLICE(VAL_TRUE, VAL_NONE, VAL_TRUE), "indices", VAL_TRUE));
    Value a = SLICE(I(1), I(2), VAL_NONE), b = SLICE(I(1), I(3), VAL_NONE);
    show("a < b", obj_richcompare(a, b, CMP_LT));
    show("a > b", obj_richcompare(a, b, CMP_GT));
    show("a == b", obj_richcompare(a, b, CMP_EQ));
    show("a == a2", obj_richcompare(a, SLICE(I(1), I(2), VAL_NONE), CMP_EQ));
    show("a != a2", obj_richcompare(a, SLICE(I(1), I(2), VAL_NONE), CMP_NE));
    show("a <= a2", obj_richcompare(a, SLICE(I(1), I(2), VAL_NONE), CMP_LE));
    show("a == tuple", type_slice.richcompare(a, tuple_pack2(I(1), I(2)), CMP_EQ));
    show("a < tuple", type_slice.richcompare(a, tuple_pack2(I(1), I(2)), CMP_LT));
    show("None < 1", obj_richcompare(SLICE(VAL_NONE, I(1), VAL_NONE), SLICE(I(1), I(1), VAL_NONE), CMP_LT));
    Value l = list_from((Value[]){I(1), I(2), I(3)}, 3);
    show("l[::0]", obj_getitem(l, SLICE(VAL_NONE, VAL_NONE, I(0))));
    show("l['a':]", obj_getitem(l, SLICE(S("a"), VAL_NONE, VAL_NONE)));
    show("l[:1.5]", obj_getitem(l, SLICE(VAL_NONE, obj_binop(I(3), I(2), BINOP_TRUEDIV), VAL_NONE)));
    show("l[True:]", obj_getitem(l, SLICE(VAL_TRUE, VAL_NONE, VAL_NONE)));
    show("t[::'x']", obj_getitem(tuple_from((Value[]){I(1)}, 1), SLICE(VAL_NONE, VAL_NONE, S("x"))));
    show("s[::0]", obj_getitem(S("abc"), SLICE(VAL_NONE, VAL_NONE, I(0))));
    show("b[::0]", obj_getitem(bytes_from_cstr("abc"), SLICE(VAL_NONE, VAL_NONE, I(0))));
    show("s[1.0]", obj_getitem(S("abc"), obj_binop(I(1), I(1), BINOP_TRUEDIV)));
    show("l['a']", obj_getitem(l, S("a")));
    Value t = tuple_from((Value[]){I(1), I(2)}, 2);
    show_bool("t[:] is t", obj_getitem(t, SLICE(VAL_NONE, VAL_NONE, VAL_NONE)) == t);
    show_bool("l[:] is l", obj_getitem(l, SLICE(VAL_NONE, VAL_NONE, VAL_NONE)) == l);
}

static void show_range(const char *name, Value r) {
    char label[200];
    show(name, r);
    if (!r) {
        return;
    }
    RangeObject *ro = range_obj(r);
    snprintf(label, sizeof label, " len");
    show_int(label, obj_len(r));
    show(" length", ro->length);
    show(" start", obj_getattr(r, S("start")));
    show(" stop", obj_getattr(r, S("stop")));
    show(" step", obj_getattr(r, S("step")));
    show_bool(" bool", obj_truthy(r));
    Value big = POW(10, 30);
    Value idx[] = {I(0), I(1), I(-1), I(5), I(-5), POW(10, 19), NEG(POW(10, 19)), big, NEG(big),
                   VAL_TRUE};
    for (size_t i = 0; i < sizeof idx / sizeof idx[0]; i++) {
        snprintf(label, sizeof label, " [%s]", str_obj(obj_repr(idx[i]))->data);
        show(label, obj_getitem(r, idx[i]));
    }
    Value slices[] = {
        SLICE(VAL_NONE, VAL_NONE, I(-1)), SLICE(I(1), I(-1), I(2)), SLICE(POW(10, 20), VAL_NONE, VAL_NONE),
        SLICE(POW(10, 20), NEG(POW(10, 20)), I(-1)), SLICE(I(-3), VAL_NONE, POW(10, 20)),
        SLICE(VAL_NONE, I(3), VAL_NONE), SLICE(VAL_NONE, VAL_NONE, I(0)),
    };
    for (size_t i = 0; i < sizeof slices / sizeof slices[0]; i++) {
        snprintf(label, sizeof label, " %s", str_obj(obj_repr(slices[i]))->data);
        show(label, obj_getitem(r, slices[i]));
    }
    Value step = ro->step;
    Value probes[] = {ro->start, ADD(ro->start, step), ADD(ro->start, MUL(step, I(7))),
                      ro->stop, ADD(ro->stop, I(-1)), ADD(ro->start, I(1)), ADD(ro->stop, NEG(step))};
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        snprintf(label, sizeof label, " probe %zu", i);
        show_bool(label, obj_contains(r, probes[i]));
        show(" index", method1(r, "index", probes[i]));
        show(" count", method1(r, "count", probes[i]));
    }
    Value it = obj_iter(r);
    show(" it type", S(type_of(it)->name));
    for (int i = 0; i < 4; i++) {
        Value x = obj_next(it);
        show(" next", x ? x : (err_occurred() ? 0 : S("<end>")));
    }
}

static __attribute__((noinline)) void range_cases(void) {
    Value p62 = POW(2, 62), p63 = POW(2, 63), e20 = POW(10, 20);
    show_range("r1", RANGE3(ADD(p62, I(-3)), ADD(p62, I(3)), I(1)));
    show_range("r2", RANGE3(ADD(NEG(p62), I(-2)), ADD(NEG(p62), I(2)), I(1)));
    show_range("r3", RANGE3(I(0), p63, I(1)));
    show_range("r4", RANGE3(I(0), ADD(p63, I(-1)), I(1)));
    show_range("r5", RANGE3(I(0), POW(2, 64), p62));
    show_range("r6", RANGE3(e20, NEG(e20), MUL(I(-3), POW(10, 18))));
    show_range("r7", RANGE3(NEG(e20), e20, POW(10, 19)));
    show_range("r8", RANGE3(I(0), ADD(p62, I(-1)), I(1)));
    show_range("r9", RANGE3(NEG(p62), ADD(p62, I(-1)), POW(2, 61)));
    show_range("r10", RANGE3(ADD(p62, I(-1)), NEG(p62), NEG(ADD(p62, I(-1)))));
    show_range("r11", RANGE3(I(10), I(0), I(-3)));
    show_range("r12", RANGE3(I(0), I(0), I(1)));
    show_range("r13", RANGE3(I(5), I(6), I(100)));
    show_range("r14", RANGE3(VAL_TRUE, I(10), VAL_TRUE));
    show_range("r15", RANGE3(NEG(p63), p63, p63));

    Value r = RANGE3(I(0), I(10), I(2));
    show("2.0 in r", val_bool(obj_contains(r, obj_binop(I(4), I(2), BINOP_TRUEDIV)) == 1));
    show("'a' in r", val_bool(obj_contains(r, S("a")) == 1));
    show("index 4.0", method1(r, "index", obj_binop(I(8), I(2), BINOP_TRUEDIV)));
    show("index 'a'", method1(r, "index", S("a")));
    show("index 3", method1(r, "index", I(3)));
    show("index True", method1(RANGE3(I(0), I(3), I(1)), "index", VAL_TRUE));
    show("index False", method1(RANGE3(I(1), I(3), I(1)), "index", VAL_FALSE));
    show("count 4.0", method1(r, "count", obj_binop(I(8), I(2), BINOP_TRUEDIV)));
    show("count()", method(r, "count", NULL, 0));
    show("index()", method(r, "index", NULL, 0));
    show("range()", call_type(&type_range, NULL, 0));
    Value four[4] = {I(1), I(2), I(3), I(4)};
    show("range(1,2,3,4)", call_type(&type_range, four, 4));
    Value kwn = tuple_from((Value[]){S("x")}, 1);
    show("range(x=1)", obj_call(val_from_ptr(&type_range), (Value[]){I(1)}, 1, kwn));
    show("range(1.5)", call_type(&type_range, (Value[]){obj_binop(I(3), I(2), BINOP_TRUEDIV)}, 1));
    show("range('a', 2)", call_type(&type_range, (Value[]){S("a"), I(2)}, 2));
    show("range(1, 2, 0)", RANGE3(I(1), I(2), I(0)));
    show("range(5)['a']", obj_getitem(RANGE3(I(0), I(5), I(1)), S("a")));
    show("range(5)[1.0]", obj_getitem(RANGE3(I(0), I(5), I(1)), obj_binop(I(1), I(1), BINOP_TRUEDIV)));
    show("range(5) < range(6)", obj_richcompare(r, r, CMP_LT));
    show("range == list", type_range.richcompare(r, list_new(0), CMP_EQ));
    show_bool("hash equal (0,0) (5,5)",
              obj_hash(RANGE3(I(0), I(0), I(1))) == obj_hash(RANGE3(I(5), I(5), I(3))));
    show_bool("hash (3,4,1)==(3,9,7)",
              obj_hash(RANGE3(I(3), I(4), I(1))) == obj_hash(RANGE3(I(3), I(9), I(7))));
    show_int("hash (0,10,2)", obj_hash(r) == obj_hash(tuple_from((Value[]){I(5), I(0), I(2)}, 3)));
    show_int("hash big", obj_hash(RANGE3(I(0), e20, I(1))) ==
                             obj_hash(tuple_from((Value[]){e20, I(0), I(1)}, 3)));
    show("list(range(-3))", list_from_iterable(RANGE3(I(0), I(-3), I(1))));
    show("range type", S(type_range.name));
}

static __attribute__((noinline)) void random_ranges(void) {
    char label[64];
    Value prev = RANGE3(I(0), I(0), I(1));
    for (int iter = 0; iter < 600; iter++) {
        int64_t nargs = 1 + rnd(3);
        Value a = I(rnd(41) - 20);
        Value b = I(rnd(41) - 20);
        Value c = I(rnd(11) - 5);
        Value args[3] = {a, b, c};
        Value r = call_type(&type_range, args, (size_t)nargs);
        snprintf(label, sizeof label, "%d", iter);
        show(label, r);
        Value k = I(rnd(41) - 20);
        Value s0 = rnd_bound();
        Value s1 = rnd_bound();
        Value s2 = rnd_step();
        Value s = slice_new(s0, s1, s2);
        if (!r) {
            continue;
        }
        show(" list", list_from_iterable(r));
        show_int(" len", obj_len(r));
        show(" [k]", obj_getitem(r, k));
        show(" [s]", obj_getitem(r, s));
        Value rs = obj_getitem(r, s);
        if (rs) {
            show(" list[s]", list_from_iterable(rs));
        } else {
            err_clear();
            show(" list[s]", S("-"));
        }
        show_bool(" in", obj_contains(r, k));
        show(" index", method1(r, "index", k));
        show(" count", method1(r, "count", k));
        show(" ==prev", obj_richcompare(r, prev, CMP_EQ));
        show(" !=prev", obj_richcompare(r, prev, CMP_NE));
        if (obj_richcompare(r, prev, CMP_EQ) == VAL_TRUE) {
            show_bool(" hash==", obj_hash(r) == obj_hash(prev));
        }
        prev = r;
    }
}

int main(void) {
    int base;
    const char *error;
    if (runtime_init(&base, "0", &error) < 0) {
        printf("runtime_init: %s\n", error);
        return 1;
    }
    random_slices();
    huge_slices();
    slice_misc();
    range_cases();
    random_ranges();
    return 0;
}
