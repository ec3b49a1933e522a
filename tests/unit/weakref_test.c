// weakref_test.c - weak references, finalizers and the pending-work queue
// (src/runtime/weakref.c, finalize.c, gc.c's weak table and finalizer
// registry), driven from C on the real runtime.
//
//   weakref_test [stress_every]
// Prints "PASS name" / "FAIL name: why" per test and ends with
// "weakref_test: N passed, N failed". With stress_every > 0 the collector
// also runs at every N-th allocation.
//
// Test objects (TObj: an id and two traced Values; weakrefable; optionally
// with a C finalizer) are made by noinline helpers and kept in `keep`, an
// array of registered roots; dropping one is `keep[i] = 0`. Raw pointers to
// objects that must die are kept only in unscanned C globals (the collector
// scans the stack and registered roots, not .data/.bss), and the stack below
// the test is cleared before each collection, so a dropped object is
// really unreachable. Callbacks are TCall objects whose call logs
// "cb<tag>" into `log_buf`; finalizers log "fin<id>".
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/finalize.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/weakref.h"

// ---- bookkeeping ---------------------------------------------------------------------

static int tests_passed, tests_failed, test_errors;
static char test_first_error[512];

static void expect_(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void expect_(int ok, const char *fmt, ...) {
    if (ok) {
        return;
    }
    if (test_errors++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(test_first_error, sizeof test_first_error, fmt, ap);
        va_end(ap);
    }
}
#define EXPECT(cond, ...) expect_((cond), __VA_ARGS__)

static char log_buf[4096];
static void log_add(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void log_add(const char *fmt, ...) {
    size_t n = strlen(log_buf);
    if (n + 2 >= sizeof log_buf) {
        return;  // full (the stress test finalizes too many to log)
    }
    if (n) {
        log_buf[n++] = ' ';
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(log_buf + n, sizeof log_buf - n, fmt, ap);
    va_end(ap);
}

#define NKEEP 64
static Value keep[NKEEP];

// Clear everything a test may have left.
static void reset(void) {
    memset(keep, 0, sizeof keep);
    log_buf[0] = 0;
    err_clear();
}

static void run_test(const char *name, void (*fn)(void)) {
    reset();
    test_errors = 0;
    fn();
    if (err_occurred()) {
        expect_(0, "an exception is left pending");
        err_clear();
    }
    reset();
    finalize_collect();  // leave nothing pending for the next test
    log_buf[0] = 0;
    if (test_errors == 0) {
        printf("PASS %s\n", name);
        tests_passed++;
    } else {
        printf("FAIL %s: %s (%d errors)\n", name, test_first_error, test_errors);
        tests_failed++;
    }
    fflush(stdout);
}

// Zero the stack below the caller so that dead frames' pointers are gone.
__attribute__((noinline, no_sanitize_address)) static void clear_stack(void) {
    char buf[64 * 1024];
    memset(buf, 0, sizeof buf);
    __asm__ volatile("" : : "r"(buf) : "memory");
}

__attribute__((noinline)) static size_t collect(void) {
    clear_stack();
    return finalize_collect();
}

// A plain collection: nothing run afterwards.
__attribute__((noinline)) static void collect_only(void) {
    clear_stack();
    gc_collect();
}

static const char *repr_of(Value v) {
    static char buf[256];
    Value r = v ? obj_repr(v) : 0;
    snprintf(buf, sizeof buf, "%s", r ? str_obj(r)->data : "<error>");
    if (!r) {
        err_clear();
    }
    return buf;
}

// The pending exception as "Type: message", cleared; "" if none.
static const char *take_error(void) {
    static char buf[256];
    buf[0] = 0;
    Value exc = err_fetch();
    if (exc) {
        Value s = obj_str(exc);
        snprintf(buf, sizeof buf, "%s: %s", type_of(exc)->name, s ? str_obj(s)->data : "?");
        err_clear();
    }
    return buf;
}

// ---- test types ---------------------------------------------------------------------

typedef struct TObj {
    Object header;
    int64_t id;
    Value a, b;
} TObj;

static void tobj_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((TObj *)o)->a);
    gc_trace_value(t, ((TObj *)o)->b);
}

static Type type_tobj = {
    .header = {&type_type},
    .name = "TObj",
    .flags = TYPE_HAS_WEAKREF,
    .basic_size = sizeof(TObj),
    .trace = tobj_trace,
};

// Finalizable: logs "fin<id>"; resurrects itself into keep[resurrect_slot]
// when that is >= 0.
static int resurrect_slot = -1;
static int finalize_raises;
static Value tfin_finalize(Value self) {
    log_add("fin%lld", (long long)((TObj *)val_ptr(self))->id);
    if (resurrect_slot >= 0) {
        keep[resurrect_slot] = self;
    }
    if (finalize_raises) {
        return err_format(&exc_ValueError, "finalizer failed");
    }
    return VAL_NONE;
}

static Type type_tfin = {
    .header = {&type_type},
    .name = "TFin",
    .flags = TYPE_HAS_WEAKREF,
    .basic_size = sizeof(TObj),
    .trace = tobj_trace,
    .finalize = tfin_finalize,
};

// A callable that logs "cb<tag>" and checks it got a dead weakref.
typedef struct TCall {
    Object header;
    int64_t tag;
    int raises;
} TCall;

static int callbacks_with_live_referent;
static Value tcall_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    TCall *c = (TCall *)val_ptr(self);
    log_add("cb%lld", (long long)c->tag);
    if (nargs != 1 || !weakref_check(args[0]) || weakref_referent(args[0]) != VAL_NONE) {
        callbacks_with_live_referent++;
    }
    if (c->raises) {
        return err_format(&exc_ZeroDivisionError, "division by zero");
    }
    return VAL_NONE;
}

static Type type_tcall = {
    .header = {&type_type},
    .name = "TCall",
    .flags = TYPE_HAS_WEAKREF,
    .basic_size = sizeof(TCall),
    .call = tcall_call,
};

__attribute__((noinline)) static Value new_obj(Type *t, int64_t id) {
    TObj *o = (TObj *)gc_alloc(t, sizeof(TObj));
    if (!o) {
        return 0;
    }
    o->id = id;  // a TFin is registered by gc_alloc
    return val_from_ptr(o);
}

__attribute__((noinline)) static Value new_cb(int64_t tag) {
    TCall *c = (TCall *)gc_alloc(&type_tcall, sizeof(TCall));
    if (!c) {
        return 0;
    }
    c->tag = tag;
    return val_from_ptr(c);
}

// keep[slot] = ref(keep[target], cb<tag>) (tag < 0: no callback).
__attribute__((noinline)) static void make_ref(int slot, int target, int64_t tag) {
    keep[slot] = weakref_new_ref(keep[target], tag >= 0 ? new_cb(tag) : 0);
}

__attribute__((noinline)) static void make_obj(int slot, Type *t, int64_t id) {
    keep[slot] = new_obj(t, id);
}

static int is_dead(int slot) {
    return weakref_referent(keep[slot]) == VAL_NONE;
}

// ---- tests -------------------------------------------------------------------------------

static void test_ref_dies(void) {
    make_obj(0, &type_tobj, 1);
    make_ref(1, 0, -1);
    EXPECT(weakref_referent(keep[1]) == keep[0], "ref() is not the referent");
    EXPECT(weakref_count(keep[0]) == 1, "getweakrefcount %lld", (long long)weakref_count(keep[0]));
    collect();
    EXPECT(!is_dead(1), "a referent held by a root died");
    keep[0] = 0;
    collect();
    EXPECT(is_dead(1), "the referent survived");
    char want[64];
    snprintf(want, sizeof want, "<weakref at %p; dead>", (void *)val_ptr(keep[1]));
    EXPECT(strcmp(repr_of(keep[1]), want) == 0, "repr %s", repr_of(keep[1]));
}

static void test_callback(void) {
    make_obj(0, &type_tobj, 1);
    make_ref(1, 0, 7);
    EXPECT(obj_getattr_cstr(keep[1], "__callback__") != VAL_NONE, "__callback__ is None");
    keep[0] = 0;
    collect_only();
    EXPECT(is_dead(1), "not cleared by the collection");
    EXPECT(log_buf[0] == 0, "a callback ran inside the collection: %s", log_buf);
    EXPECT(gc_pending_work == 1, "pending work %zu", gc_pending_work);
    EXPECT(obj_getattr_cstr(keep[1], "__callback__") == VAL_NONE,
           "__callback__ not None once due");
    finalize_run_pending();
    EXPECT(strcmp(log_buf, "cb7") == 0, "log '%s'", log_buf);
    EXPECT(callbacks_with_live_referent == 0, "a callback saw a live referent");
    collect();
    EXPECT(strcmp(log_buf, "cb7") == 0, "callback ran twice: '%s'", log_buf);
}

// The callback of a weakref that dies with its referent is not called.
static void test_dead_weakref_no_callback(void) {
    make_obj(0, &type_tobj, 1);
    make_ref(1, 0, 3);
    make_ref(2, 0, 4);
    keep[0] = 0;
    keep[1] = 0;
    collect();
    EXPECT(strcmp(log_buf, "cb4") == 0, "log '%s'", log_buf);
}

// A weakref that dies before its referent leaves the referent's list.
static void test_weakref_dies_first(void) {
    make_obj(0, &type_tobj, 1);
    for (int i = 1; i <= 5; i++) {
        make_ref(i, 0, i);
    }
    keep[2] = keep[4] = 0;
    collect();
    EXPECT(weakref_count(keep[0]) == 3, "count %lld", (long long)weakref_count(keep[0]));
    keep[1] = 0;
    collect();
    EXPECT(weakref_count(keep[0]) == 2, "count %lld", (long long)weakref_count(keep[0]));
    keep[0] = 0;
    collect();
    EXPECT(strcmp(log_buf, "cb5 cb3") == 0, "log '%s'", log_buf);
}

// CPython's list order and the reuse of the basic ref and proxy.
static void test_order_and_reuse(void) {
    make_obj(0, &type_tobj, 1);
    make_ref(1, 0, 11);
    make_ref(2, 0, -1);
    keep[3] = weakref_new_ref(keep[0], VAL_NONE);
    EXPECT(keep[3] == keep[2], "ref(o, None) is not the basic ref");
    make_ref(4, 0, 12);
    keep[5] = weakref_new_proxy(keep[0], 0);
    keep[6] = weakref_new_proxy(keep[0], 0);
    EXPECT(keep[5] == keep[6], "the basic proxy is not reused");
    EXPECT(type_of(keep[5]) == &type_weakproxy, "a TObj proxy is %s", type_of(keep[5])->name);
    make_ref(7, 0, 13);
    EXPECT(keep[7] != keep[1] && keep[1] != keep[4], "refs with callbacks are shared");
    Value list = weakref_list(keep[0]);
    int order[] = {2, 5, 7, 4, 1};
    EXPECT(list && list_obj(list)->len == 5, "getweakrefs has %zu items",
           list ? list_obj(list)->len : 0);
    for (size_t i = 0; list && i < 5 && i < list_obj(list)->len; i++) {
        EXPECT(list_obj(list)->items[i] == keep[order[i]], "getweakrefs[%zu] is wrong", i);
    }
    list = 0;
    keep[0] = 0;
    collect();
    EXPECT(strcmp(log_buf, "cb13 cb12 cb11") == 0, "log '%s'", log_buf);
    EXPECT(is_dead(5), "proxy alive");
}

static void test_not_weakrefable(void) {
    Value bad[] = {int_from_i64(1), str_from_cstr("s"), tuple_new(0), list_new(0), dict_new(),
                   VAL_NONE};
    const char *names[] = {"int", "str", "tuple", "list", "dict", "NoneType"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char want[128];
        snprintf(want, sizeof want, "TypeError: cannot create weak reference to '%s' object",
                 names[i]);
        EXPECT(weakref_new_ref(bad[i], 0) == 0, "ref(%s) worked", names[i]);
        const char *got = take_error();
        EXPECT(strcmp(got, want) == 0, "%s", got);
        EXPECT(weakref_new_proxy(bad[i], 0) == 0, "proxy(%s) worked", names[i]);
        take_error();
        EXPECT(weakref_count(bad[i]) == 0, "count of %s", names[i]);
    }
    Value s = set_new(0);
    Value r = weakref_new_ref(s, 0);
    EXPECT(r && weakref_referent(r) == s, "ref(set()) failed: %s", take_error());
    Value f = frozenset_new(0);
    EXPECT(weakref_new_ref(f, 0) != 0, "ref(frozenset()) failed: %s", take_error());
    // A static type: outside the heap, never dies.
    keep[0] = weakref_new_ref(val_from_ptr(&type_int), 0);
    collect();
    EXPECT(keep[0] && weakref_referent(keep[0]) == val_from_ptr(&type_int), "ref(int) died");
    char want[128];
    snprintf(want, sizeof want, "<weakref at %p; to 'type' at %p>", (void *)val_ptr(keep[0]),
             (void *)&type_int);
    // type objects have __name__ once classes land; accept both forms.
    const char *got = repr_of(keep[0]);
    EXPECT(strncmp(got, want, strlen(want) - 1) == 0, "repr %s", got);
}

static void test_hash_and_equality(void) {
    make_obj(0, &type_tobj, 1);
    make_obj(1, &type_tobj, 2);
    make_ref(2, 0, 1);
    make_ref(3, 0, 2);
    make_ref(4, 1, -1);
    int64_t h = obj_hash(keep[2]);
    EXPECT(h == obj_hash(keep[0]), "hash(ref) != hash(referent)");
    EXPECT(obj_richcompare_bool(keep[2], keep[3], CMP_EQ) == 1, "refs to one object unequal");
    EXPECT(obj_richcompare_bool(keep[2], keep[4], CMP_EQ) == 0, "refs to two objects equal");
    EXPECT(obj_richcompare_bool(keep[2], keep[4], CMP_NE) == 1, "!= is wrong");
    Value lt = obj_richcompare(keep[2], keep[3], CMP_LT);
    EXPECT(lt == 0, "< worked");
    const char *err = take_error();
    EXPECT(strcmp(err, "TypeError: '<' not supported between instances of "
                       "'weakref.ReferenceType' and 'weakref.ReferenceType'") == 0,
           "%s", err);
    keep[0] = keep[1] = 0;
    collect();
    EXPECT(obj_hash(keep[2]) == h, "the cached hash changed");
    EXPECT(obj_hash(keep[4]) == -1, "hash of a dead never-hashed ref");
    err = take_error();
    EXPECT(strcmp(err, "TypeError: weak object has gone away") == 0, "%s", err);
    EXPECT(obj_richcompare_bool(keep[2], keep[3], CMP_EQ) == 0, "dead refs compare by referent");
    EXPECT(obj_richcompare_bool(keep[2], keep[2], CMP_EQ) == 1, "a dead ref != itself");
}

static void test_call_and_repr(void) {
    make_obj(0, &type_tobj, 1);
    make_ref(1, 0, -1);
    Value r = obj_call(keep[1], NULL, 0, 0);
    EXPECT(r == keep[0], "ref() is not the referent");
    Value arg = int_from_i64(1);
    EXPECT(obj_call(keep[1], &arg, 1, 0) == 0, "ref(1) worked");
    const char *err = take_error();
    EXPECT(strcmp(err, "TypeError: weakref expected 0 arguments, got 1") == 0, "%s", err);
    char want[128];
    snprintf(want, sizeof want, "<weakref at %p; to 'TObj' at %p>", (void *)val_ptr(keep[1]),
             (void *)val_ptr(keep[0]));
    EXPECT(strcmp(repr_of(keep[1]), want) == 0, "repr %s", repr_of(keep[1]));
    // The type's constructor: ref(o), ref(o, cb), the argument errors.
    Value ref_type = val_from_ptr(&type_weakref);
    Value r2 = obj_call(ref_type, &keep[0], 1, 0);
    EXPECT(r2 == keep[1], "weakref.ref(o) is not the basic ref");
    EXPECT(obj_call(ref_type, NULL, 0, 0) == 0, "ref() worked");
    err = take_error();
    EXPECT(strcmp(err, "TypeError: __new__ expected at least 1 argument, got 0") == 0, "%s", err);
    Value three[3] = {keep[0], VAL_NONE, VAL_NONE};
    EXPECT(obj_call(ref_type, three, 3, 0) == 0, "ref(a, b, c) worked");
    err = take_error();
    EXPECT(strcmp(err, "TypeError: __new__ expected at most 2 arguments, got 3") == 0, "%s", err);
    Value kw = tuple_new(1);
    tuple_obj(kw)->items[0] = str_intern_cstr("callback");
    EXPECT(obj_call(ref_type, three, 2, kw) == 0, "ref(o, callback=None) worked");
    err = take_error();
    EXPECT(strcmp(err, "TypeError: ref() takes no keyword arguments") == 0, "%s", err);
    EXPECT(obj_call(val_from_ptr(&type_weakproxy), three, 1, 0) == 0, "ProxyType() worked");
    err = take_error();
    EXPECT(strcmp(err, "TypeError: cannot create 'weakref.ProxyType' instances") == 0, "%s", err);
}

static void test_proxy(void) {
    keep[0] = set_new(0);
    for (int i = 0; i < 3; i++) {
        set_add(keep[0], int_from_i64(i));
    }
    keep[1] = weakref_new_proxy(keep[0], 0);
    Value p = keep[1];
    EXPECT(obj_len(p) == 3, "len(proxy)");
    EXPECT(obj_contains(p, int_from_i64(2)) == 1, "2 in proxy");
    EXPECT(obj_richcompare_bool(p, keep[0], CMP_EQ) == 1, "proxy == referent");
    EXPECT(obj_truthy(p) == 1, "bool(proxy)");
    Value s = obj_str(p);
    EXPECT(s && strcmp(str_obj(s)->data, "{0, 1, 2}") == 0, "str(proxy)");
    Value u = obj_binop(p, keep[0], BINOP_OR);
    EXPECT(u && obj_len(u) == 3, "proxy | set: %s", take_error());
    Value it = obj_iter(p);
    int n = 0;
    while (it && obj_next(it)) {
        n++;
    }
    EXPECT(n == 3 && !err_occurred(), "iterating a proxy gave %d", n);
    EXPECT(obj_hash(p) == -1, "a proxy is hashable");
    const char *err = take_error();
    EXPECT(strcmp(err, "TypeError: unhashable type: 'weakref.ProxyType'") == 0, "%s", err);
    char want[160];
    snprintf(want, sizeof want, "<weakproxy at %p to set at %p>", (void *)val_ptr(p),
             (void *)val_ptr(keep[0]));
    EXPECT(strcmp(repr_of(p), want) == 0, "repr %s", repr_of(p));
    keep[0] = 0;
    p = s = u = it = 0;
    collect();
    p = keep[1];
    EXPECT(obj_len(p) == -1, "len of a dead proxy");
    err = take_error();
    EXPECT(strcmp(err, "ReferenceError: weakly-referenced object no longer exists") == 0, "%s",
           err);
    snprintf(want, sizeof want, "<weakproxy at %p to NoneType at %p>", (void *)val_ptr(p),
             (void *)&none_object);
    EXPECT(strcmp(repr_of(p), want) == 0, "repr %s", repr_of(p));
    EXPECT(obj_richcompare(p, p, CMP_EQ) == 0, "a dead proxy compares");
    take_error();
    // A callable referent gets a CallableProxyType.
    make_obj(2, &type_tcall, 0);
    Value cp = weakref_new_proxy(keep[2], 0);
    EXPECT(cp && type_of(cp) == &type_weakcallableproxy, "proxy of a callable is %s",
           cp ? type_of(cp)->name : take_error());
}

static void test_finalizer_then_callback(void) {
    make_obj(0, &type_tfin, 1);
    make_ref(1, 0, 2);
    keep[0] = 0;
    collect();
    EXPECT(strcmp(log_buf, "fin1 cb2") == 0, "log '%s'", log_buf);
    EXPECT(is_dead(1), "a finalized object survived");
    collect();
    EXPECT(strcmp(log_buf, "fin1 cb2") == 0, "ran again: '%s'", log_buf);
}

// The finalizer stores the object: it lives on, its weakrefs too; it is
// never finalized again, and its weakrefs die with it later.
static void test_resurrection(void) {
    make_obj(0, &type_tfin, 1);
    make_ref(1, 0, 2);
    resurrect_slot = 5;
    keep[0] = 0;
    collect();
    resurrect_slot = -1;
    EXPECT(strcmp(log_buf, "fin1") == 0, "log '%s'", log_buf);
    EXPECT(!is_dead(1) && weakref_referent(keep[1]) == keep[5], "the resurrected object's ref");
    EXPECT(!gc_finalizer_registered(val_ptr(keep[5])), "still registered");
    keep[5] = 0;
    collect();
    EXPECT(strcmp(log_buf, "fin1 cb2") == 0, "log '%s'", log_buf);
    EXPECT(is_dead(1), "never freed");
}

// A finalizable container is finalized before the finalizable object it
// holds, whatever their creation order; a cycle of two, once each.
static void test_finalizer_order(void) {
    make_obj(0, &type_tfin, 1);   // contents, created first
    make_obj(1, &type_tfin, 2);   // container
    ((TObj *)val_ptr(keep[1]))->a = keep[0];
    make_obj(2, &type_tfin, 3);
    make_obj(3, &type_tfin, 4);
    ((TObj *)val_ptr(keep[2]))->a = keep[3];
    ((TObj *)val_ptr(keep[3]))->a = keep[2];
    make_ref(4, 0, 5);
    keep[0] = keep[1] = keep[2] = keep[3] = 0;
    size_t found = collect();
    EXPECT(strcmp(log_buf, "fin2 fin1 fin3 fin4 cb5") == 0, "log '%s'", log_buf);
    EXPECT(found >= 4, "collect found %zu unreachable", found);
    collect();
    EXPECT(strcmp(log_buf, "fin2 fin1 fin3 fin4 cb5") == 0, "log '%s'", log_buf);
}

// An error in a callback or finalizer is reported and the others still run;
// the exception pending before the run is pending after it.
static void test_errors_are_unraisable(void) {
    make_obj(0, &type_tobj, 1);
    make_ref(1, 0, 1);
    ((TCall *)val_ptr(((GcWeakRef *)val_ptr(keep[1]))->callback))->raises = 1;
    make_ref(2, 0, 2);
    make_obj(3, &type_tfin, 3);
    keep[0] = keep[3] = 0;
    finalize_raises = 1;
    collect_only();
    err_format(&exc_KeyError, "outer");
    fprintf(stderr, "weakref_test: two unraisable reports follow\n");
    finalize_run_pending();
    finalize_raises = 0;
    const char *err = take_error();
    EXPECT(strcmp(err, "KeyError: 'outer'") == 0, "pending after the run: %s", err);
    EXPECT(strcmp(log_buf, "fin3 cb2 cb1") == 0, "log '%s'", log_buf);
}

static void test_remove_dead_weakref(void) {
    make_obj(0, &type_tobj, 1);
    make_obj(1, &type_tobj, 2);
    make_ref(2, 0, -1);
    make_ref(3, 1, -1);
    keep[4] = dict_new();
    dict_set(keep[4], int_from_i64(1), keep[2]);
    dict_set(keep[4], int_from_i64(2), keep[3]);
    dict_set(keep[4], int_from_i64(3), int_from_i64(3));
    keep[0] = 0;
    collect();
    for (int k = 1; k <= 4; k++) {
        Value args[2] = {keep[4], int_from_i64(k)};
        Value r = weakref_m_remove_dead_weakref(0, args, 2, 0);
        if (k == 3) {
            const char *err = take_error();
            EXPECT(!r && strcmp(err, "TypeError: not a weakref") == 0, "%s", err);
        } else {
            EXPECT(r == VAL_NONE, "_remove_dead_weakref(d, %d): %s", k, take_error());
        }
    }
    EXPECT(dict_len(keep[4]) == 2, "dict has %lld items", (long long)dict_len(keep[4]));
    EXPECT(dict_get(keep[4], int_from_i64(2)) == keep[3], "a live ref was removed");
}

// The heap walk sees live objects.
static void test_visit_and_walk(void) {
    make_obj(0, &type_tobj, 1);
    make_obj(1, &type_tobj, 2);
    ((TObj *)val_ptr(keep[0]))->a = keep[1];
    ((TObj *)val_ptr(keep[0]))->b = int_from_i64(5);
    collect();
    size_t n;
    Object **all = gc_heap_objects(&n);
    int found0 = 0, found1 = 0;
    for (size_t i = 0; i < n; i++) {
        found0 += all[i] == val_ptr(keep[0]);
        found1 += all[i] == val_ptr(keep[1]);
    }
    free(all);
    EXPECT(found0 == 1 && found1 == 1, "the heap walk found %d and %d", found0, found1);
}

static Value visited[8];
static int nvisited;
static void visit_one(Value v, void *arg) {
    if (nvisited < 8) {
        visited[nvisited++] = v;
    }
}

static void test_referents(void) {
    make_obj(0, &type_tobj, 1);
    make_obj(1, &type_tobj, 2);
    ((TObj *)val_ptr(keep[0]))->a = keep[1];
    ((TObj *)val_ptr(keep[0]))->b = int_from_i64(5);
    nvisited = 0;
    gc_visit_referents(val_ptr(keep[0]), visit_one, NULL);
    EXPECT(nvisited == 2 && visited[0] == keep[1] && visited[1] == int_from_i64(5),
           "visited %d values", nvisited);
}

// Many objects, refs and finalizers, half dropped at random, for several
// rounds: every ref of a dropped object dies and its callback (if its ref
// is kept) runs once; every kept object's refs live.
#define STRESS_N 3000
static Value stress_objs, stress_refs;  // lists, rooted
static uint64_t rng_state = 88172645463325252u;
static uint64_t rng(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}
static int stress_calls[STRESS_N * 3];
static Value stress_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    stress_calls[((TCall *)val_ptr(self))->tag]++;
    return VAL_NONE;
}
static Type type_stresscall = {
    .header = {&type_type},
    .name = "StressCall",
    .basic_size = sizeof(TCall),
    .call = stress_call,
};

__attribute__((noinline)) static void stress_fill(void) {
    stress_objs = list_new(0);
    stress_refs = list_new(0);
    for (int i = 0; i < STRESS_N; i++) {
        Value o = new_obj(i % 5 == 0 ? &type_tfin : &type_tobj, 1000 + i);
        list_append(stress_objs, o);
        for (int k = 0; k < 3; k++) {
            Value cb = 0;
            if (rng() % 2) {
                TCall *c = (TCall *)gc_alloc(&type_stresscall, sizeof(TCall));
                c->tag = i * 3 + k;
                cb = val_from_ptr(c);
            }
            Value r = rng() % 4 ? weakref_new_ref(o, cb) : weakref_new_proxy(o, cb);
            list_append(stress_refs, r);
        }
    }
}

__attribute__((noinline)) static void stress_drop(int round) {
    for (int i = 0; i < STRESS_N; i++) {
        if (list_obj(stress_objs)->items[i] != VAL_NONE && rng() % 3 == 0) {
            list_obj(stress_objs)->items[i] = VAL_NONE;
        }
    }
}

static void test_stress(void) {
    gc_add_root(&stress_objs);
    gc_add_root(&stress_refs);
    memset(stress_calls, 0, sizeof stress_calls);
    stress_fill();
    int retained = 0;
    for (int round = 0; round < 4; round++) {
        stress_drop(round);
        collect();
        for (int i = 0; i < STRESS_N; i++) {
            int alive = list_obj(stress_objs)->items[i] != VAL_NONE;
            for (int k = 0; k < 3; k++) {
                Value r = list_obj(stress_refs)->items[i * 3 + k];
                GcWeakRef *w = (GcWeakRef *)val_ptr(r);
                int dead = w->referent == NULL;
                EXPECT(!(dead && alive), "object %d ref %d died while kept", i, k);
                if (!dead && !alive) {
                    retained++;  // a stale stack word may keep an object: allow a few
                }
                if (alive) {
                    EXPECT(w->referent == val_ptr(list_obj(stress_objs)->items[i]),
                           "object %d ref %d points elsewhere", i, k);
                }
                EXPECT(stress_calls[i * 3 + k] <= 1, "callback %d ran twice", i * 3 + k);
                if (dead && w->callback) {
                    expect_(0, "object %d ref %d: dead with a callback", i, k);
                }
            }
        }
    }
    EXPECT(retained <= 3 * 8, "%d refs of dropped objects stayed alive", retained);
    // Each callback that was due ran once: those refs have callback 0 now
    // and a dead referent; count them against the calls.
    int calls = 0;
    for (int i = 0; i < STRESS_N * 3; i++) {
        calls += stress_calls[i];
    }
    EXPECT(calls > STRESS_N / 4, "only %d callbacks ran", calls);
    stress_objs = stress_refs = 0;
    collect();
}

// ---- the gc and _weakref modules --------------------------------------------------------

static Value call_attr(Value m, const char *name, const Value *args, size_t nargs) {
    Value f = obj_getattr_cstr(m, name);
    return f ? obj_call(f, args, nargs, 0) : 0;
}

static Value callback_log;  // the gc.callbacks callback appends its phase here (a list)
static Value gc_callback(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (nargs == 2 && list_append(callback_log, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static void test_gc_module(void) {
    Value gc = gcmodule_init();
    EXPECT(gc != 0, "gcmodule_init: %s", take_error());
    if (!gc) {
        return;
    }
    make_obj(0, &type_tfin, 1);
    make_ref(1, 0, 2);
    keep[0] = 0;
    clear_stack();
    Value n = call_attr(gc, "collect", NULL, 0);
    EXPECT(n && val_is_smallint(n) && val_smallint(n) >= 1, "collect() returned %s", repr_of(n));
    EXPECT(strcmp(log_buf, "fin1 cb2") == 0, "log '%s'", log_buf);
    Value gen = int_from_i64(3);
    EXPECT(call_attr(gc, "collect", &gen, 1) == 0, "collect(3) worked");
    const char *err = take_error();
    EXPECT(strcmp(err, "ValueError: invalid generation") == 0, "%s", err);
    // callbacks: ("start", info) and ("stop", info) around a collection.
    static const MethodDef cbdef = {"cb", gc_callback, METH_DEFAULT, NULL};
    gc_add_root(&callback_log);
    callback_log = list_new(0);
    Value cbs = obj_getattr_cstr(gc, "callbacks");
    list_append(cbs, builtin_function_new(&cbdef, 0, 0));
    call_attr(gc, "collect", NULL, 0);
    list_clear(cbs);
    EXPECT(strcmp(repr_of(callback_log), "['start', 'stop']") == 0, "callbacks saw %s",
           repr_of(callback_log));
    callback_log = 0;
    // switches and thresholds
    call_attr(gc, "disable", NULL, 0);
    EXPECT(call_attr(gc, "isenabled", NULL, 0) == VAL_FALSE, "disable()");
    call_attr(gc, "enable", NULL, 0);
    EXPECT(call_attr(gc, "isenabled", NULL, 0) == VAL_TRUE, "enable()");
    EXPECT(strcmp(repr_of(call_attr(gc, "get_threshold", NULL, 0)), "(700, 10, 10)") == 0,
           "get_threshold");
    Value t[2] = {int_from_i64(100), int_from_i64(5)};
    call_attr(gc, "set_threshold", t, 2);
    EXPECT(strcmp(repr_of(call_attr(gc, "get_threshold", NULL, 0)), "(100, 5, 10)") == 0,
           "set_threshold");
    t[0] = int_from_i64(700);
    t[1] = int_from_i64(10);
    call_attr(gc, "set_threshold", t, 2);
    EXPECT(call_attr(gc, "set_threshold", NULL, 0) == 0, "set_threshold() worked");
    err = take_error();
    EXPECT(strcmp(err, "TypeError: set_threshold() takes at least 1 argument (0 given)") == 0,
           "%s", err);
    Value stats = call_attr(gc, "get_stats", NULL, 0);
    EXPECT(stats && list_obj(stats)->len == 3, "get_stats %s", repr_of(stats));
    Value count = call_attr(gc, "get_count", NULL, 0);
    EXPECT(count && tuple_check(count) && tuple_obj(count)->len == 3, "get_count %s",
           repr_of(count));
    EXPECT(strcmp(repr_of(call_attr(gc, "get_freeze_count", NULL, 0)), "0") == 0, "freeze count");
    // is_tracked, is_finalized
    Value probes[] = {int_from_i64(1), str_from_cstr("s"), list_new(0), dict_new(), tuple_new(0),
                      val_from_ptr(&type_int), set_new(0)};
    const char *tracked = "FFTFFFT";
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        Value r = call_attr(gc, "is_tracked", &probes[i], 1);
        EXPECT(r == val_bool(tracked[i] == 'T'), "is_tracked(%s) is %s", repr_of(probes[i]),
               repr_of(r));
    }
    make_obj(3, &type_tfin, 3);
    EXPECT(call_attr(gc, "is_finalized", &keep[3], 1) == VAL_FALSE, "is_finalized before");
    // get_referents / get_referrers
    make_obj(4, &type_tobj, 4);
    make_obj(5, &type_tobj, 5);
    ((TObj *)val_ptr(keep[4]))->a = keep[5];
    Value refs = call_attr(gc, "get_referents", &keep[4], 1);
    EXPECT(refs && list_obj(refs)->len == 1 && list_obj(refs)->items[0] == keep[5],
           "get_referents %s", repr_of(refs));
    refs = call_attr(gc, "get_referrers", &keep[5], 1);
    int found = 0;
    for (size_t i = 0; refs && i < list_obj(refs)->len; i++) {
        found += list_obj(refs)->items[i] == keep[4];
    }
    EXPECT(found == 1, "get_referrers %s", repr_of(refs));
}

static void test_weakref_module(void) {
    Value m = weakref_module_init();
    EXPECT(m != 0, "weakref_module_init: %s", take_error());
    if (!m) {
        return;
    }
    make_obj(0, &type_tobj, 1);
    keep[1] = call_attr(m, "ref", &keep[0], 1);
    keep[2] = call_attr(m, "proxy", &keep[0], 1);
    Value n = call_attr(m, "getweakrefcount", &keep[0], 1);
    EXPECT(n == int_from_i64(2), "getweakrefcount %s", repr_of(n));
    Value l = call_attr(m, "getweakrefs", &keep[0], 1);
    EXPECT(l && list_obj(l)->len == 2 && list_obj(l)->items[0] == keep[1] &&
               list_obj(l)->items[1] == keep[2],
           "getweakrefs %s", repr_of(l));
    EXPECT(obj_getattr_cstr(m, "ReferenceType") == val_from_ptr(&type_weakref), "ReferenceType");
    EXPECT(call_attr(m, "proxy", NULL, 0) == 0, "proxy() worked");
    const char *err = take_error();
    EXPECT(strcmp(err, "TypeError: proxy expected at least 1 argument, got 0") == 0, "%s", err);
}

// ---- main -------------------------------------------------------------------------------

__attribute__((noinline)) static int run_all(void) {
    type_ready(&type_tobj);
    type_ready(&type_tfin);
    type_ready(&type_tcall);
    type_ready(&type_stresscall);
    if (!(type_tfin.flags & TYPE_HAS_FINALIZER)) {
        printf("FAIL type_ready: a finalize slot did not set TYPE_HAS_FINALIZER\n");
        tests_failed++;
    }
    run_test("ref_dies", test_ref_dies);
    run_test("callback", test_callback);
    run_test("dead_weakref_no_callback", test_dead_weakref_no_callback);
    run_test("weakref_dies_first", test_weakref_dies_first);
    run_test("order_and_reuse", test_order_and_reuse);
    run_test("not_weakrefable", test_not_weakrefable);
    run_test("hash_and_equality", test_hash_and_equality);
    run_test("call_and_repr", test_call_and_repr);
    run_test("proxy", test_proxy);
    run_test("finalizer_then_callback", test_finalizer_then_callback);
    run_test("resurrection", test_resurrection);
    run_test("finalizer_order", test_finalizer_order);
    run_test("errors_are_unraisable", test_errors_are_unraisable);
    run_test("remove_dead_weakref", test_remove_dead_weakref);
    run_test("visit_and_walk", test_visit_and_walk);
    run_test("referents", test_referents);
    run_test("gc_module", test_gc_module);
    run_test("weakref_module", test_weakref_module);
    run_test("stress", test_stress);
    printf("weakref_test: %d passed, %d failed\n", tests_passed, tests_failed);
    return tests_failed != 0;
}

int main(int argc, char **argv) {
    int base;
    const char *error;
    if (runtime_init(&base, "0", &error) < 0) {
        printf("runtime_init: %s\n", error);
        return 1;
    }
    for (int i = 0; i < NKEEP; i++) {
        gc_add_root(&keep[i]);
    }
    unsigned every = argc > 1 ? (unsigned)atoi(argv[1]) : 0;
    if (every) {
        gc_set_stress(every);
    }
    return run_all();
}
