// classes_test.c - classes end to end before the interpreter exists: the
// classes are made by calling `type` (or a metaclass) with dicts whose
// "functions" are C functions wrapped in a small test type that behaves like
// Python's function (it binds as a method, TYPE_METHOD_DESCR). Every line
// printed here is printed by tests/unit/classes/oracle.py from CPython 3.11
// with the same Python written normally; classes_test.sh diffs them.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/set.h"
#include "runtime/shape.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

extern Type type_property, type_staticmethod, type_classmethod, type_super;

// ---- output ------------------------------------------------------------------------

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

static void run(const char *label, int r) {
    if (r < 0) {
        show(label, 0);
    } else {
        printf("%s: ok\n", label);
    }
}

// ---- building blocks ---------------------------------------------------------------------

static Value S(const char *s) { return str_intern_cstr(s); }
static Value I(int64_t i) { return int_from_i64(i); }
static Value TYPE(Type *t) { return val_from_ptr(t); }
#define TUP(...) tuple_from((Value[]){__VA_ARGS__}, sizeof((Value[]){__VA_ARGS__}) / sizeof(Value))
#define LIST(...) list_from((Value[]){__VA_ARGS__}, sizeof((Value[]){__VA_ARGS__}) / sizeof(Value))
static Value EMPTY(void) { return tuple_new(0); }

static Value GET(Value o, const char *name) { return obj_getattr_cstr(o, name); }
static int SET(Value o, const char *name, Value v) { return obj_setattr(o, S(name), v); }
static int DEL(Value o, const char *name) { return obj_setattr(o, S(name), 0); }
static Value CALL(Value f, int n, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        args[i] = va_arg(ap, Value);
    }
    va_end(ap);
    return obj_call(f, args, (size_t)n, 0);
}
// obj.name(args...)
static Value METH(Value o, const char *name, int n, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        args[i] = va_arg(ap, Value);
    }
    va_end(ap);
    Value m = GET(o, name);
    return m ? obj_call(m, args, (size_t)n, 0) : 0;
}
static Value NS(void) { return dict_new(); }
static Value DEF(Value ns, const char *name, Value v) {
    dict_set_cstr(ns, name, v);
    return ns;
}
static Value BOOL(int r) { return r < 0 ? 0 : val_bool(r); }
static Value INT(int64_t r) { return r == -1 && err_occurred() ? 0 : I(r); }

// ---- a stand-in for Python functions ----------------------------------------------------

typedef Value (*PyFn)(const Value *a, size_t n, Value kw);
typedef struct TestFunc {
    Object header;
    PyFn fn;
    const char *name;
} TestFunc;
typedef struct TestMethod {
    Object header;
    Value func, self;
} TestMethod;

static Type type_testmethod;

static Value tf_call(Value f, const Value *args, size_t nargs, Value kw) {
    return ((TestFunc *)val_ptr(f))->fn(args, nargs, kw);
}
static Value tf_get(Value f, Value inst, Value owner) {
    if (!inst) {
        return f;
    }
    TestMethod *m = (TestMethod *)gc_alloc(&type_testmethod, sizeof(TestMethod));
    m->func = f;
    m->self = inst;
    return val_from_ptr(m);
}
static void tm_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((TestMethod *)o)->func);
    gc_trace_value(t, ((TestMethod *)o)->self);
}
static Value tm_call(Value m, const Value *args, size_t nargs, Value kw) {
    TestMethod *tm = (TestMethod *)val_ptr(m);
    size_t nkw = kw ? tuple_obj(kw)->len : 0;
    Value argv[16];
    argv[0] = tm->self;
    memcpy(argv + 1, args, (nargs + nkw) * sizeof(Value));
    return obj_call(tm->func, argv, nargs + 1, kw);
}
static Value tf_repr(Value f) {
    return str_format_c("<function %s>", ((TestFunc *)val_ptr(f))->name);
}
static Value tf_get_name(Value f) { return str_from_cstr(((TestFunc *)val_ptr(f))->name); }
static Value tf_get_doc(Value f) { return VAL_NONE; }
static const GetSetDef tf_getset[] = {
    {"__name__", tf_get_name, NULL, NULL},
    {"__qualname__", tf_get_name, NULL, NULL},
    {"__doc__", tf_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
static Type type_testfunc = {
    .header = {&type_type},
    .name = "function",
    .flags = TYPE_METHOD_DESCR,
    .basic_size = sizeof(TestFunc),
    .call = tf_call,
    .descr_get = tf_get,
    .repr = tf_repr,
    .getset = tf_getset,
};
static Type type_testmethod = {
    .header = {&type_type},
    .name = "method",
    .basic_size = sizeof(TestMethod),
    .trace = tm_trace,
    .call = tm_call,
};

static Value F(const char *name, PyFn fn) {
    TestFunc *f = (TestFunc *)gc_alloc(&type_testfunc, sizeof(TestFunc));
    f->fn = fn;
    f->name = name;
    return val_from_ptr(f);
}
#define FN(nm) static Value nm(const Value *a, size_t n, Value kw)

// A class statement: __module__ '__main__' first, as the compiler puts it.
static Value CLASS(const char *name, Value bases, Value ns) {
    Value d = dict_new();
    dict_set_cstr(d, "__module__", S("__main__"));
    if (dict_merge(d, ns, 1) < 0) {
        return 0;
    }
    return CALL(TYPE(&type_type), 3, S(name), bases, d);
}
// type(name, bases, ns): __module__ goes last, as type() adds it.
static Value TYPECALL(const char *name, Value bases, Value ns) {
    if (!ns || !dict_check(ns)) {
        return CALL(TYPE(&type_type), 3, S(name), bases, ns);
    }
    Value d = dict_copy(ns);
    if (!dict_get_cstr(d, "__module__")) {
        dict_set_cstr(d, "__module__", S("__main__"));
    }
    return CALL(TYPE(&type_type), 3, S(name), bases, d);
}

// ---- the functions of the classes below --------------------------------------------------

FN(ret_A_f) { return S("A.f"); }
FN(ret_A_g) { return S("A.g"); }
FN(ret_B_f) { return S("B.f"); }
FN(ret_C_g) { return S("C.g"); }
FN(ret_method) { return S("method"); }

// V
static Value V_cls;
FN(V_init) { return SET(a[0], "x", a[1]) < 0 ? 0 : VAL_NONE; }
FN(V_repr) {
    Value x = GET(a[0], "x");
    Value r = x ? obj_repr(x) : 0;
    return r ? str_format_c("V(%U)", r) : 0;
}
FN(V_eq) {
    int is = obj_isinstance(a[1], V_cls);
    if (is <= 0) {
        return BOOL(is);
    }
    return obj_richcompare(GET(a[0], "x"), GET(a[1], "x"), CMP_EQ);
}
FN(V_lt) { return obj_richcompare(GET(a[0], "x"), GET(a[1], "x"), CMP_LT); }
FN(V_add) {
    Value o = obj_isinstance(a[1], V_cls) ? GET(a[1], "x") : a[1];
    return CALL(V_cls, 1, obj_binop(GET(a[0], "x"), o, BINOP_ADD));
}
FN(V_radd) { return CALL(V_cls, 1, obj_binop(a[1], GET(a[0], "x"), BINOP_ADD)); }
FN(V_neg) { return CALL(V_cls, 1, obj_neg(GET(a[0], "x"))); }
FN(V_len) { return GET(a[0], "x"); }
FN(V_getitem) { return obj_binop(a[1], I(10), BINOP_MUL); }
FN(V_call) { return TUP(S("called"), tuple_from(a + 1, n - 1)); }
FN(V_contains) { return obj_richcompare(a[1], I(3), CMP_EQ); }
FN(V_index) { return GET(a[0], "x"); }

// It, Seq
FN(It_init) { return SET(a[0], "n", I(0)) < 0 ? 0 : VAL_NONE; }
FN(It_iter) { return a[0]; }
FN(It_next) {
    Value nv = obj_binop(GET(a[0], "n"), I(1), BINOP_ADD);
    SET(a[0], "n", nv);
    if (val_smallint(nv) > 3) {
        return err_set_value(TYPE(&exc_StopIteration));
    }
    return nv;
}
FN(Seq_getitem) {
    if (val_smallint(a[1]) >= 3) {
        return err_set_value(TYPE(&exc_IndexError));
    }
    return I(val_smallint(a[1]) * 2);
}

// N, M
FN(N_init) { return SET(a[0], "v", a[1]) < 0 ? 0 : VAL_NONE; }
FN(N_add) { return S("N.add"); }
FN(N_radd) { return S("N.radd"); }
FN(ret_notimpl) { return VAL_NOTIMPLEMENTED; }
FN(M_radd) { return S("M.radd"); }

// IP
FN(IP_init) { return SET(a[0], "log", list_new(0)) < 0 ? 0 : VAL_NONE; }
FN(IP_iadd) { return list_append(GET(a[0], "log"), a[1]) < 0 ? 0 : a[0]; }
FN(IP_pow) { return TUP(S("pow"), a[1], n > 2 ? a[2] : VAL_NONE); }
FN(IP_rpow) { return TUP(S("rpow"), a[1], n > 2 ? a[2] : VAL_NONE); }

// G, GA, SA
FN(G_getattr) { return obj_binop(S("missing "), a[1], BINOP_ADD); }
FN(GA_getattribute) {
    if (str_equal(a[1], S("boom"))) {
        return err_format(&exc_AttributeError, "boom!");
    }
    return obj_binop(S("ga "), a[1], BINOP_ADD);
}
FN(GA_getattr) { return obj_binop(S("fallback "), a[1], BINOP_ADD); }
FN(SA_setattr) {
    Value args[3] = {a[0], a[1], obj_binop(a[2], I(2), BINOP_MUL)};
    return obj_call(GET(TYPE(&type_object), "__setattr__"), args, 3, 0);
}
FN(SA_delattr) {
    Value args[3] = {a[0], a[1], S("deleted")};
    return obj_call(GET(TYPE(&type_object), "__setattr__"), args, 3, 0);
}

// hashes and conversions
FN(ret_true) { return VAL_TRUE; }
FN(ret_42) { return I(42); }
FN(ret_2pow70) { return obj_binop(I(2), I(70), BINOP_POW); }
FN(ret_m1) { return I(-1); }
FN(ret_x) { return S("x"); }
FN(ret_5) { return I(5); }
FN(ret_1) { return I(1); }
FN(ret_7) { return I(7); }
FN(ret_refreshed) { return S("refreshed"); }
FN(ret_added) { return S("added"); }
FN(ret_L2item) { return S("L2 item"); }

// Ex2
static Value Ex2_cls;
FN(Ex2_init) {
    Value sup = CALL(TYPE(&type_super), 2, Ex2_cls, a[0]);
    Value r = sup ? METH(sup, "__init__", 1, a[1]) : 0;
    return r && SET(a[0], "b", a[2]) == 0 ? VAL_NONE : 0;
}

// PR
FN(PR_init) { return SET(a[0], "_v", I(0)) < 0 ? 0 : VAL_NONE; }
FN(PR_get) { return GET(a[0], "_v"); }
FN(PR_set) { return SET(a[0], "_v", obj_binop(a[1], I(10), BINOP_MUL)) < 0 ? 0 : VAL_NONE; }

// ST
FN(ST_s) { return TUP(S("s"), a[0]); }
FN(ST_c) { return TUP(GET(a[0], "__name__"), a[1]); }

// SU
static Value SU2_cls, SU3_cls;
FN(SU1_who) { return S("SU1"); }
FN(SU1_cw) { return TUP(S("SU1.cw"), GET(a[0], "__name__")); }
FN(SU2_who) {
    Value s = CALL(TYPE(&type_super), 2, SU2_cls, a[0]);
    return s ? obj_binop(S("SU2>"), METH(s, "who", 0), BINOP_ADD) : 0;
}
FN(SU2_cw) {
    Value s = CALL(TYPE(&type_super), 2, SU2_cls, a[0]);
    return s ? METH(s, "cw", 0) : 0;
}
FN(SU3_who) {
    Value s = CALL(TYPE(&type_super), 2, SU3_cls, a[0]);
    return s ? obj_binop(S("SU3>"), METH(s, "who", 0), BINOP_ADD) : 0;
}

// IS, Named, BadName, CG
static Value IS_cls, IS_subs;
FN(IS_init_subclass) {
    Value tag = VAL_NONE;
    if (kw && tuple_obj(kw)->len) {
        tag = a[n];
    }
    return list_append(IS_subs, TUP(GET(a[0], "__name__"), tag)) < 0 ? 0 : VAL_NONE;
}
FN(Named_set_name) { return SET(a[0], "where", TUP(GET(a[1], "__name__"), a[2])) < 0 ? 0 : VAL_NONE; }
FN(BadName_set_name) { return err_format(&exc_ValueError, "no"); }
FN(CG_class_getitem) { return TUP(S("cg"), GET(a[0], "__name__"), a[1]); }

// Meta
static Value Meta_cls;
FN(Meta_new) {
    if (dict_set_cstr(a[3], "made_by", GET(a[0], "__name__")) < 0) {
        return 0;
    }
    Value tn = GET(TYPE(&type_type), "__new__");
    Value args[4] = {a[0], a[1], a[2], a[3]};
    return tn ? obj_call(tn, args, 4, 0) : 0;
}
FN(Meta_hello) { return obj_binop(S("hello from "), GET(a[0], "__name__"), BINOP_ADD); }

// NewOnly, InitOnly, NewOther
FN(NewOnly_new) { return obj_call(GET(TYPE(&type_object), "__new__"), a, n, 0); }
FN(InitOnly_init) { return obj_call(GET(TYPE(&type_object), "__init__"), a, n, 0); }
FN(ret_42_new) { return I(42); }
FN(CB_who) { return S("CB"); }
FN(BX_bx) { return S("BX"); }
FN(BY_bx) { return S("BY"); }

FN(ICM_instancecheck) { return obj_richcompare(a[1], I(5), CMP_EQ); }
FN(ICM_subclasscheck) { return val_bool(a[1] == val_from_ptr(&type_int)); }

static __attribute__((noinline)) void scenarios(void) {
    Value obj = TYPE(&type_object);

    // ---- MRO and method resolution
    Value A = CLASS("A", EMPTY(), DEF(DEF(NS(), "f", F("f", ret_A_f)), "g", F("g", ret_A_g)));
    Value B = CLASS("B", TUP(A), DEF(NS(), "f", F("f", ret_B_f)));
    Value C = CLASS("C", TUP(A), DEF(NS(), "g", F("g", ret_C_g)));
    Value Dc = CLASS("D", TUP(B, C), NS());
    Value d = CALL(Dc, 0);
    show("D.__mro__", GET(Dc, "__mro__"));
    show("D.mro()", METH(Dc, "mro", 0));
    show("d.f()", METH(d, "f", 0));
    show("d.g()", METH(d, "g", 0));
    show("D.__bases__", GET(Dc, "__bases__"));
    show("D.__base__", GET(Dc, "__base__"));
    show("A.__subclasses__()", METH(A, "__subclasses__", 0));
    show("D.__name__", GET(Dc, "__name__"));
    show("D.__qualname__", GET(Dc, "__qualname__"));
    show("repr D", Dc);
    show("type(d)", CALL(TYPE(&type_type), 1, d));
    show("type(D)", CALL(TYPE(&type_type), 1, Dc));
    show("isinstance(d, A)", BOOL(obj_isinstance(d, A)));
    show("mro error", TYPECALL("X", TUP(A, B), NS()));
    show("dup base", TYPECALL("X", TUP(A, A), NS()));
    show("layout conflict", TYPECALL("X", TUP(TYPE(&type_int), TYPE(&type_str)), NS()));
    show("bad base", TYPECALL("X", TUP(TYPE(&type_bool)), NS()));
    show("bases not types", TYPECALL("X", TUP(I(1)), NS()));
    show("type 1 arg", CALL(TYPE(&type_type), 1, I(5)));
    show("type 2 args", CALL(TYPE(&type_type), 2, I(1), I(2)));
    show("type bad name", CALL(TYPE(&type_type), 3, I(1), EMPTY(), NS()));
    show("type bad bases", CALL(TYPE(&type_type), 3, S("X"), list_new(0), NS()));
    show("type bad dict", CALL(TYPE(&type_type), 3, S("X"), EMPTY(), list_new(0)));
    show("type kw", obj_call(TYPE(&type_type), (Value[]){I(1), I(2)}, 1, TUP(S("x"))));
    show("type.__new__ 1", METH(TYPE(&type_type), "__new__", 2, TYPE(&type_type), I(1)));
    show("qualname bad", TYPECALL("X", EMPTY(), DEF(NS(), "__qualname__", I(3))));
    show("qualname", GET(TYPECALL("X", EMPTY(), DEF(NS(), "__qualname__", S("Outer.X"))),
                         "__qualname__"));
    show("qualname not in dict",
         BOOL(obj_contains(GET(TYPECALL("X", EMPTY(), DEF(NS(), "__qualname__", S("Q"))),
                               "__dict__"),
                           S("__qualname__"))));
    show("doc default", GET(TYPECALL("X", EMPTY(), NS()), "__doc__"));
    show("doc", GET(TYPECALL("X", EMPTY(), DEF(NS(), "__doc__", S("hi"))), "__doc__"));
    show("dict keys", list_from_iterable(METH(GET(TYPECALL("X", EMPTY(), DEF(NS(), "a", I(1))),
                                                  "__dict__"), "keys", 0)));
    show("dict proxy", CALL(TYPE(&type_type), 1, GET(TYPECALL("X", EMPTY(), NS()), "__dict__")));
    show("dict proxy item",
         obj_getitem(GET(TYPECALL("X", EMPTY(), DEF(NS(), "a", I(1))), "__dict__"), S("a")));
    show("dict proxy get",
         METH(GET(TYPECALL("X", EMPTY(), DEF(NS(), "a", I(1))), "__dict__"), "get", 2, S("b"),
              I(7)));

    // ---- instances and shapes
    Value P = CLASS("P", EMPTY(), NS());
    Value p = CALL(P, 0);
    SET(p, "x", I(1));
    SET(p, "y", I(2));
    show("p.x", GET(p, "x"));
    show("p.y", GET(p, "y"));
    show("p.z", GET(p, "z"));
    for (int i = 0; i < 12; i++) {
        char name[16];
        snprintf(name, sizeof name, "a%d", i);
        SET(p, name, I(i * i));
    }
    show("p.a11", GET(p, "a11"));
    show("p.a3", GET(p, "a3"));
    DEL(p, "a3");
    show("p.a3 deleted", GET(p, "a3"));
    show("p.a4 after del", GET(p, "a4"));
    show("p.a11 after del", GET(p, "a11"));
    run("del p.a3 again", DEL(p, "a3"));
    SET(p, "a3", S("back"));
    show("p.__dict__", GET(p, "__dict__"));
    SET(p, "after", I(5));
    Value items = list_from_iterable(METH(GET(p, "__dict__"), "items", 0));
    ListObject *il = list_obj(items);
    Value last2[2] = {il->items[il->len - 2], il->items[il->len - 1]};
    show("p.__dict__ after", list_from(last2, 2));
    obj_setitem(GET(p, "__dict__"), S("direct"), I(9));
    show("p.direct", GET(p, "direct"));
    Value q = CALL(P, 0);
    Value kd = dict_new();
    dict_set_cstr(kd, "k", I(1));
    SET(q, "__dict__", kd);
    show("q.k", GET(q, "k"));
    run("q.__dict__ = 1", SET(q, "__dict__", I(1)));
    show("P.x", GET(P, "x"));
    Value q2 = CALL(P, 0);
    SET(q2, "v", I(1));
    DEL(q2, "v");
    show("q2 empty dict", GET(q2, "__dict__"));
    {
        // Instances that get the same attributes in the same order share a shape.
        Value s1 = CALL(P, 0), s2 = CALL(P, 0);
        SET(s1, "m", I(1));
        SET(s1, "n", I(2));
        SET(s2, "m", I(3));
        SET(s2, "n", I(4));
        show("shared shapes", val_bool(instance_attrs(s1)->shape == instance_attrs(s2)->shape &&
                                       instance_attrs(s1)->shape != NULL));
    }
    show("setattr non-str", obj_setattr(q2, I(1), I(2)) < 0 ? 0 : VAL_NONE);

    // ---- class attributes, descriptors order
    Value Q = CLASS("Q", EMPTY(), DEF(DEF(NS(), "cattr", S("class")), "m", F("m", ret_method)));
    Value qq = CALL(Q, 0);
    show("qq.cattr", GET(qq, "cattr"));
    SET(qq, "cattr", S("inst"));
    show("qq.cattr shadowed", GET(qq, "cattr"));
    show("Q.cattr", GET(Q, "cattr"));
    SET(qq, "m", S("not a method"));
    show("qq.m shadowed", GET(qq, "m"));
    SET(Q, "cattr", S("changed"));
    show("Q.cattr changed", GET(Q, "cattr"));
    DEL(Q, "cattr");
    show("Q.cattr deleted", GET(Q, "cattr"));
    run("del Q.nope", DEL(Q, "nope"));
    run("int.x = 1", SET(TYPE(&type_int), "x", I(1)));
    run("object().x = 1", SET(CALL(obj, 0), "x", I(1)));
    run("object().__class__ del", DEL(CALL(obj, 0), "__str__"));

    // ---- __slots__
    Value Sc = CLASS("S", EMPTY(), DEF(NS(), "__slots__", TUP(S("a"), S("__b"))));
    Value s = CALL(Sc, 0);
    show("S.a", GET(Sc, "a"));
    show("s.a unset", GET(s, "a"));
    SET(s, "a", I(5));
    show("s.a", GET(s, "a"));
    run("s.c = 1", SET(s, "c", I(1)));
    SET(s, "_S__b", I(3));
    show("s._S__b", GET(s, "_S__b"));
    DEL(s, "a");
    run("del s.a again", DEL(s, "a"));
    show("S has __dict__", BOOL(obj_hasattr(s, S("__dict__"))));
    Value SD = CLASS("SD", EMPTY(), DEF(NS(), "__slots__", TUP(S("a"), S("__dict__"))));
    Value sd = CALL(SD, 0);
    SET(sd, "z", I(1));
    show("sd.z", GET(sd, "z"));
    show("sd.__dict__", GET(sd, "__dict__"));
    show("slots nonempty int", TYPECALL("X", TUP(TYPE(&type_int)), DEF(NS(), "__slots__", TUP(S("a")))));
    show("slots bad item", TYPECALL("X", EMPTY(), DEF(NS(), "__slots__", TUP(I(1)))));
    show("slots bad ident", TYPECALL("X", EMPTY(), DEF(NS(), "__slots__", TUP(S("1x")))));
    show("slots dict twice",
         TYPECALL("X", EMPTY(), DEF(NS(), "__slots__", TUP(S("__dict__"), S("__dict__")))));
    show("slots conflict",
         TYPECALL("X", EMPTY(), DEF(DEF(NS(), "__slots__", TUP(S("a"))), "a", I(1))));
    show("slots layout",
         TYPECALL("X", TUP(Sc, TYPECALL("T", EMPTY(), DEF(NS(), "__slots__", TUP(S("y"))))), NS()));
    show("slots str",
         obj_getitem(GET(TYPECALL("X", EMPTY(), DEF(NS(), "__slots__", S("abc"))), "__dict__"),
                     S("abc")));

    // ---- dunder slots
    Value vns = NS();
    DEF(vns, "__init__", F("__init__", V_init));
    DEF(vns, "__repr__", F("__repr__", V_repr));
    DEF(vns, "__eq__", F("__eq__", V_eq));
    DEF(vns, "__lt__", F("__lt__", V_lt));
    DEF(vns, "__add__", F("__add__", V_add));
    DEF(vns, "__radd__", F("__radd__", V_radd));
    DEF(vns, "__neg__", F("__neg__", V_neg));
    DEF(vns, "__len__", F("__len__", V_len));
    DEF(vns, "__getitem__", F("__getitem__", V_getitem));
    DEF(vns, "__call__", F("__call__", V_call));
    DEF(vns, "__contains__", F("__contains__", V_contains));
    DEF(vns, "__index__", F("__index__", V_index));
    Value V = V_cls = CLASS("V", EMPTY(), vns);
    show("V(1)", CALL(V, 1, I(1)));
    show("str V", obj_str(CALL(V, 1, I(2))));
    show("V == V", obj_richcompare(CALL(V, 1, I(1)), CALL(V, 1, I(1)), CMP_EQ));
    show("V != V", obj_richcompare(CALL(V, 1, I(1)), CALL(V, 1, I(1)), CMP_NE));
    show("V != V2", obj_richcompare(CALL(V, 1, I(1)), CALL(V, 1, I(2)), CMP_NE));
    show("V < V", obj_richcompare(CALL(V, 1, I(1)), CALL(V, 1, I(2)), CMP_LT));
    show("V > V", obj_richcompare(CALL(V, 1, I(1)), CALL(V, 1, I(2)), CMP_GT));
    show("V <= V", obj_richcompare(CALL(V, 1, I(1)), CALL(V, 1, I(2)), CMP_LE));
    show("hash V", INT(obj_hash(CALL(V, 1, I(1)))));
    show("V.__hash__", GET(V, "__hash__"));
    show("V + V", obj_binop(CALL(V, 1, I(1)), CALL(V, 1, I(2)), BINOP_ADD));
    show("V + 1", obj_binop(CALL(V, 1, I(1)), I(1), BINOP_ADD));
    show("1 + V", obj_binop(I(1), CALL(V, 1, I(5)), BINOP_ADD));
    show("V - 1", obj_binop(CALL(V, 1, I(1)), I(1), BINOP_SUB));
    show("-V", obj_neg(CALL(V, 1, I(3))));
    show("+V", obj_pos(CALL(V, 1, I(3))));
    show("len V", INT(obj_len(CALL(V, 1, I(4)))));
    show("bool V0", BOOL(obj_truthy(CALL(V, 1, I(0)))));
    show("bool V4", BOOL(obj_truthy(CALL(V, 1, I(4)))));
    show("V[3]", obj_getitem(CALL(V, 1, I(1)), I(3)));
    show("V()", CALL(CALL(V, 1, I(1)), 2, I(1), I(2)));
    show("3 in V", BOOL(obj_contains(CALL(V, 1, I(1)), I(3))));
    show("4 in V", BOOL(obj_contains(CALL(V, 1, I(1)), I(4))));
    show("[..][V]", obj_getitem(LIST(I(10), I(20), I(30)), CALL(V, 1, I(2))));
    show("len -1", INT(obj_len(CALL(V, 1, I(-1)))));
    Value It = CLASS("It", EMPTY(),
                     DEF(DEF(DEF(NS(), "__init__", F("__init__", It_init)), "__iter__",
                             F("__iter__", It_iter)),
                         "__next__", F("__next__", It_next)));
    show("list(It())", list_from_iterable(CALL(It, 0)));
    Value Seq = CLASS("Seq", EMPTY(), DEF(NS(), "__getitem__", F("__getitem__", Seq_getitem)));
    show("list(Seq())", list_from_iterable(CALL(Seq, 0)));
    show("2 in Seq", BOOL(obj_contains(CALL(Seq, 0), I(2))));

    // reflected operands, subclass first
    Value nns = NS();
    DEF(nns, "__init__", F("__init__", N_init));
    DEF(nns, "__add__", F("__add__", N_add));
    DEF(nns, "__radd__", F("__radd__", N_radd));
    DEF(nns, "__mul__", F("__mul__", ret_notimpl));
    DEF(nns, "__rmul__", F("__rmul__", ret_notimpl));
    Value N = CLASS("N", EMPTY(), nns);
    Value M = CLASS("M", TUP(N), DEF(NS(), "__radd__", F("__radd__", M_radd)));
    show("N + M", obj_binop(CALL(N, 1, I(1)), CALL(M, 1, I(2)), BINOP_ADD));
    show("M + N", obj_binop(CALL(M, 1, I(1)), CALL(N, 1, I(2)), BINOP_ADD));
    show("N + N", obj_binop(CALL(N, 1, I(1)), CALL(N, 1, I(2)), BINOP_ADD));
    show("N * N", obj_binop(CALL(N, 1, I(1)), CALL(N, 1, I(2)), BINOP_MUL));
    Value K = CLASS("K", TUP(N), NS());
    show("N + K", obj_binop(CALL(N, 1, I(1)), CALL(K, 1, I(2)), BINOP_ADD));
    Value ipns = NS();
    DEF(ipns, "__init__", F("__init__", IP_init));
    DEF(ipns, "__iadd__", F("__iadd__", IP_iadd));
    DEF(ipns, "__pow__", F("__pow__", IP_pow));
    DEF(ipns, "__rpow__", F("__rpow__", IP_rpow));
    Value IP = CLASS("IP", EMPTY(), ipns);
    Value ip = CALL(IP, 0);
    ip = obj_inplace(ip, I(5), BINOP_ADD);
    ip = obj_inplace(ip, I(6), BINOP_ADD);
    show("ip += ", GET(ip, "log"));
    show("IP ** 2", obj_binop(CALL(IP, 0), I(2), BINOP_POW));
    show("2 ** IP", obj_binop(I(2), CALL(IP, 0), BINOP_POW));
    show("pow(IP, 2, 3)", obj_pow3(CALL(IP, 0), I(2), I(3)));

    // __getattr__, __getattribute__, __setattr__, __delattr__
    Value G = CLASS("G", EMPTY(), DEF(DEF(NS(), "y", I(1)), "__getattr__", F("__getattr__", G_getattr)));
    Value g = CALL(G, 0);
    SET(g, "x", I(5));
    show("g.x", GET(g, "x"));
    show("g.y", GET(g, "y"));
    show("g.zz", GET(g, "zz"));
    Value GA = CLASS("GA", EMPTY(),
                     DEF(DEF(NS(), "__getattribute__", F("__getattribute__", GA_getattribute)),
                         "__getattr__", F("__getattr__", GA_getattr)));
    show("ga.q", GET(CALL(GA, 0), "q"));
    show("ga.boom", GET(CALL(GA, 0), "boom"));
    Value SA = CLASS("SA", EMPTY(),
                     DEF(DEF(NS(), "__setattr__", F("__setattr__", SA_setattr)), "__delattr__",
                         F("__delattr__", SA_delattr)));
    Value sa = CALL(SA, 0);
    SET(sa, "v", I(21));
    show("sa.v", GET(sa, "v"));
    DEL(sa, "v");
    show("sa.v del", GET(sa, "v"));

    // __hash__ rules
    Value E1 = CLASS("E1", EMPTY(), DEF(NS(), "__eq__", F("__eq__", ret_true)));
    show("E1 hash", INT(obj_hash(CALL(E1, 0))));
    show("E1.__hash__", GET(E1, "__hash__"));
    Value E2 = CLASS("E2", TUP(E1), DEF(NS(), "__hash__", F("__hash__", ret_42)));
    show("E2 hash", INT(obj_hash(CALL(E2, 0))));
    show("hash big", INT(obj_hash(CALL(CLASS("H1", EMPTY(), DEF(NS(), "__hash__", F("h", ret_2pow70))), 0))));
    show("hash -1", INT(obj_hash(CALL(CLASS("H2", EMPTY(), DEF(NS(), "__hash__", F("h", ret_m1))), 0))));
    show("hash str", INT(obj_hash(CALL(CLASS("H3", EMPTY(), DEF(NS(), "__hash__", F("h", ret_x))), 0))));
    show("repr non-str", obj_repr(CALL(CLASS("R1", EMPTY(), DEF(NS(), "__repr__", F("r", ret_5))), 0)));
    show("bool non-bool", BOOL(obj_truthy(CALL(CLASS("B1", EMPTY(), DEF(NS(), "__bool__", F("b", ret_1))), 0))));
    show("init returns", CALL(CLASS("I1", EMPTY(), DEF(NS(), "__init__", F("i", ret_5))), 0));
    show("len non-int", INT(obj_len(CALL(CLASS("L1", EMPTY(), DEF(NS(), "__len__", F("l", ret_x))), 0))));
    show("len huge", INT(obj_len(CALL(CLASS("L2", EMPTY(), DEF(NS(), "__len__", F("l", ret_2pow70))), 0))));

    // slot refresh after creation
    Value RF = CLASS("RF", EMPTY(), NS());
    Value rf = CALL(RF, 0);
    SET(RF, "__repr__", F("<lambda>", ret_refreshed));
    show("repr after set", obj_repr(rf));
    Value RF2 = CLASS("RF2", TUP(RF), NS());
    show("repr subclass", obj_repr(CALL(RF2, 0)));
    SET(RF, "__len__", F("<lambda>", ret_7));
    show("len after set", INT(obj_len(CALL(RF2, 0))));
    DEL(RF, "__len__");
    show("len after del", INT(obj_len(CALL(RF2, 0))));
    SET(RF, "__eq__", F("<lambda>", ret_true));
    show("eq after set", obj_richcompare(CALL(RF, 0), I(5), CMP_EQ));
    SET(RF, "__add__", F("<lambda>", ret_added));
    show("add after set", obj_binop(CALL(RF2, 0), I(1), BINOP_ADD));

    // builtin subclasses
    Value L = CLASS("L", TUP(TYPE(&type_list)), NS());
    Value l = CALL(L, 1, LIST(I(1), I(2), I(3)));
    show("L[1]", obj_getitem(l, I(1)));
    show("len L", INT(obj_len(l)));
    SET(l, "attr", S("x"));
    show("l.attr", GET(l, "attr"));
    show("L repr", l);
    show("L + 1", obj_binop(l, I(1), BINOP_ADD));
    show("type(L)", CALL(TYPE(&type_type), 1, l));
    Value L2 = CLASS("L2", TUP(TYPE(&type_list)), DEF(NS(), "__getitem__", F("g", ret_L2item)));
    show("L2[0]", obj_getitem(CALL(L2, 1, LIST(I(1))), I(0)));
    show("L2 len", INT(obj_len(CALL(L2, 1, LIST(I(1), I(2))))));
    Value Ex = CLASS("Ex", TUP(TYPE(&exc_Exception)), NS());
    Value ex = CALL(Ex, 2, S("boom"), I(1));
    show("ex.args", GET(ex, "args"));
    SET(ex, "extra", I(3));
    show("ex.extra", GET(ex, "extra"));
    show("str(ex)", obj_str(ex));
    show("repr(ex)", ex);
    Ex2_cls = CLASS("Ex2", TUP(TYPE(&exc_ValueError)), DEF(NS(), "__init__", F("__init__", Ex2_init)));
    show("Ex2 __dict__", GET(CALL(Ex2_cls, 2, I(1), I(2)), "__dict__"));
    show("exc dict", GET(CALL(TYPE(&exc_ValueError), 1, I(1)), "__dict__"));
    Value DD = CLASS("DD", TUP(TYPE(&type_dict)), NS());
    Value dd = obj_call(DD, (Value[]){I(1)}, 0, TUP(S("a")));
    show("DD['a']", obj_getitem(dd, S("a")));
    SET(dd, "q", I(2));
    show("dd.q", GET(dd, "q"));

    // property, staticmethod, classmethod
    Value get = F("get", PR_get), set = F("set", PR_set);
    Value prns = NS();
    DEF(prns, "__init__", F("__init__", PR_init));
    DEF(prns, "get", get);
    DEF(prns, "set", set);
    DEF(prns, "v", CALL(TYPE(&type_property), 4, get, set, VAL_NONE, S("the v")));
    DEF(prns, "r", CALL(TYPE(&type_property), 1, get));
    Value PR = CLASS("PR", EMPTY(), prns);
    show("PR().v", GET(CALL(PR, 0), "v"));
    Value pr = CALL(PR, 0);
    SET(pr, "v", I(4));
    show("pr.v", GET(pr, "v"));
    run("pr.r = 1", SET(pr, "r", I(1)));
    run("del pr.v", DEL(pr, "v"));
    show("PR.v.__doc__", GET(GET(PR, "v"), "__doc__"));
    show("PR.v fget is", val_bool(GET(GET(PR, "v"), "fget") == GET(PR, "get")));
    show("property no get", METH(CALL(TYPE(&type_property), 0), "__get__", 1, I(1)));
    Value stns = NS();
    DEF(stns, "s", CALL(TYPE(&type_staticmethod), 1, F("s", ST_s)));
    DEF(stns, "c", CALL(TYPE(&type_classmethod), 1, F("c", ST_c)));
    Value ST = CLASS("ST", EMPTY(), stns);
    Value ST2 = CLASS("ST2", TUP(ST), NS());
    show("ST.s(1)", METH(ST, "s", 1, I(1)));
    show("ST().s(1)", METH(CALL(ST, 0), "s", 1, I(1)));
    show("ST.c(1)", METH(ST, "c", 1, I(1)));
    show("ST2().c(2)", METH(CALL(ST2, 0), "c", 1, I(2)));
    show("staticmethod call", CALL(obj_getitem(GET(ST, "__dict__"), S("s")), 1, I(5)));
    show("staticmethod args", CALL(TYPE(&type_staticmethod), 0));
    show("classmethod args", CALL(TYPE(&type_classmethod), 2, I(1), I(2)));

    // super
    Value SU1 = CLASS("SU1", EMPTY(),
                      DEF(DEF(NS(), "who", F("who", SU1_who)), "cw",
                          CALL(TYPE(&type_classmethod), 1, F("cw", SU1_cw))));
    SU2_cls = CLASS("SU2", TUP(SU1),
                    DEF(DEF(NS(), "who", F("who", SU2_who)), "cw",
                        CALL(TYPE(&type_classmethod), 1, F("cw", SU2_cw))));
    SU3_cls = CLASS("SU3", TUP(SU2_cls), DEF(NS(), "who", F("who", SU3_who)));
    Value sup = TYPE(&type_super);
    show("SU3().who()", METH(CALL(SU3_cls, 0), "who", 0));
    show("SU3.cw()", METH(SU3_cls, "cw", 0));
    show("super repr", CALL(sup, 2, SU2_cls, CALL(SU3_cls, 0)));
    show("super unbound repr", CALL(sup, 1, SU2_cls));
    show("super bad obj", CALL(sup, 2, SU2_cls, I(1)));
    show("super bad type", CALL(sup, 2, I(1), I(1)));
    show("super missing", GET(CALL(sup, 2, SU2_cls, CALL(SU3_cls, 0)), "nope"));
    show("super __class__", GET(CALL(sup, 2, SU2_cls, CALL(SU3_cls, 0)), "__class__"));
    show("super thisclass", GET(CALL(sup, 2, SU2_cls, CALL(SU3_cls, 0)), "__thisclass__"));
    show("super __get__", METH(METH(CALL(sup, 1, SU2_cls), "__get__", 1, CALL(SU3_cls, 0)), "who", 0));

    // __init_subclass__, __set_name__, __class_getitem__
    IS_subs = list_new(0);
    IS_cls = CLASS("IS", EMPTY(),
                   DEF(DEF(NS(), "subs", IS_subs), "__init_subclass__",
                       F("__init_subclass__", IS_init_subclass)));
    Value isd = dict_new();
    dict_set_cstr(isd, "__module__", S("__main__"));
    Value IS1 = obj_call(TYPE(&type_type), (Value[]){S("IS1"), TUP(IS_cls), isd, S("one")}, 3,
                         TUP(S("tag")));
    CLASS("IS2", TUP(IS1), NS());
    show("IS.subs", GET(IS_cls, "subs"));
    show("init_subclass kw error",
         obj_call(TYPE(&type_type), (Value[]){S("X"), EMPTY(), NS(), I(1)}, 3, TUP(S("bad"))));
    Value Named = CLASS("Named", EMPTY(), DEF(NS(), "__set_name__", F("__set_name__", Named_set_name)));
    Value HasNamed = CLASS("HasNamed", EMPTY(), DEF(NS(), "n1", CALL(Named, 0)));
    show("set_name", GET(GET(HasNamed, "n1"), "where"));
    Value BadName = CLASS("BadName", EMPTY(), DEF(NS(), "__set_name__", F("__set_name__", BadName_set_name)));
    show("set_name error", TYPECALL("X", EMPTY(), DEF(NS(), "b", CALL(BadName, 0))));
    Value CG = CLASS("CG", EMPTY(), DEF(NS(), "__class_getitem__", F("__class_getitem__", CG_class_getitem)));
    show("CG[int]", obj_getitem(CG, I(5)));

    // metaclasses
    Meta_cls = CLASS("Meta", TUP(TYPE(&type_type)),
                     DEF(DEF(NS(), "__new__", F("__new__", Meta_new)), "hello", F("hello", Meta_hello)));
    Value wmd = dict_new();
    dict_set_cstr(wmd, "__module__", S("__main__"));
    Value WithMeta = CALL(Meta_cls, 3, S("WithMeta"), EMPTY(), wmd);
    Value wmd2 = dict_new();
    dict_set_cstr(wmd2, "__module__", S("__main__"));
    Value WithMeta2 = CALL(CALL(TYPE(&type_type), 1, WithMeta), 3, S("WithMeta2"), TUP(WithMeta), wmd2);
    show("type(WithMeta2)", CALL(TYPE(&type_type), 1, WithMeta2));
    show("WithMeta2.made_by", GET(WithMeta2, "made_by"));
    show("WithMeta2.hello()", METH(WithMeta2, "hello", 0));
    Value Meta2 = CLASS("Meta2", TUP(TYPE(&type_type)), NS());
    Value wmd3 = dict_new();
    dict_set_cstr(wmd3, "__module__", S("__main__"));
    Value WithMeta3 = CALL(Meta2, 3, S("WithMeta3"), EMPTY(), wmd3);
    show("metaclass conflict", TYPECALL("X", TUP(WithMeta, WithMeta3), NS()));

    // object construction rules
    show("object(1)", CALL(obj, 1, I(1)));
    show("P(1)", CALL(P, 1, I(1)));
    show("P(x=1)", obj_call(P, (Value[]){I(1)}, 0, TUP(S("x"))));
    Value NewOnly = CLASS("NewOnly", EMPTY(), DEF(NS(), "__new__", F("__new__", NewOnly_new)));
    show("NewOnly(1)", CALL(NewOnly, 1, I(1)));
    Value InitOnly = CLASS("InitOnly", EMPTY(), DEF(NS(), "__init__", F("__init__", InitOnly_init)));
    show("InitOnly(1)", CALL(InitOnly, 1, I(1)));
    show("object.__new__(list)", METH(obj, "__new__", 1, TYPE(&type_list)));
    show("object.__new__(1)", METH(obj, "__new__", 1, I(1)));
    Value NewOther = CLASS("NewOther", EMPTY(), DEF(NS(), "__new__", F("__new__", ret_42_new)));
    show("NewOther()", CALL(NewOther, 0));
    Value Abs = CLASS("Abs", EMPTY(), NS());
    SET(Abs, "__abstractmethods__", frozenset_new(LIST(S("f"), S("g"))));
    show("abstract", CALL(Abs, 0));

    // __class__ assignment
    Value CA = CLASS("CA", EMPTY(), NS());
    Value CB = CLASS("CB", EMPTY(), DEF(NS(), "who", F("who", CB_who)));
    Value ca = CALL(CA, 0);
    SET(ca, "keep", I(1));
    SET(ca, "__class__", CB);
    show("ca class", TUP(GET(CALL(TYPE(&type_type), 1, ca), "__name__"), METH(ca, "who", 0), GET(ca, "keep")));
    run("ca to S", SET(ca, "__class__", Sc));
    run("ca to int", SET(ca, "__class__", TYPE(&type_int)));
    run("ca to 1", SET(ca, "__class__", I(1)));

    // type attribute setters
    Value TN = CLASS("TN", EMPTY(), NS());
    SET(TN, "__name__", S("Renamed"));
    show("renamed", TN);
    run("name int", SET(TN, "__name__", I(1)));
    run("int name", SET(TYPE(&type_int), "__name__", S("x")));
    SET(TN, "__qualname__", S("Q.R"));
    show("requalified", GET(TN, "__qualname__"));
    Value BX = CLASS("BX", EMPTY(), DEF(NS(), "bx", F("bx", BX_bx)));
    Value BY = CLASS("BY", EMPTY(), DEF(NS(), "bx", F("bx", BY_bx)));
    Value BZ = CLASS("BZ", TUP(BX), NS());
    Value bz = CALL(BZ, 0);
    show("bz.bx()", METH(bz, "bx", 0));
    SET(BZ, "__bases__", TUP(BY));
    show("bz.bx() rebased", METH(bz, "bx", 0));
    show("BZ.__mro__", GET(BZ, "__mro__"));
    run("bases empty", SET(BZ, "__bases__", EMPTY()));
    run("bases cycle", SET(BX, "__bases__", TUP(BZ)));
    run("bases layout", SET(BZ, "__bases__", TUP(TYPE(&type_int))));

    // slot wrappers of builtins
    show("int.__add__(1, 2)", METH(TYPE(&type_int), "__add__", 2, I(1), I(2)));
    show("(5).__neg__()", METH(I(5), "__neg__", 0));
    show("int.__add__ repr", GET(TYPE(&type_int), "__add__"));
    show("list.__hash__", GET(TYPE(&type_list), "__hash__"));
    show("[1].__add__(2)", METH(LIST(I(1)), "__add__", 1, I(2)));
    show("object.__eq__", METH(CALL(obj, 0), "__eq__", 1, I(1)));
    show("int.__add__('a', 1)", METH(TYPE(&type_int), "__add__", 2, S("a"), I(1)));
    show("(1).__add__()", METH(I(1), "__add__", 0));
    show("[].__len__()", METH(LIST(I(1), I(2)), "__len__", 0));
    show("object.__init__ args", METH(obj, "__init__", 2, CALL(obj, 0), I(1)));
    show("object.__setattr__ hack", METH(obj, "__setattr__", 3, TYPE(&type_int), S("x"), I(1)));
    show("str(object.__format__)", METH(CALL(obj, 0), "__format__", 1, S("x")));
    show("object.__subclasshook__", METH(obj, "__subclasshook__", 0));
    show("object.__init_subclass__ kw",
         obj_call(GET(P, "__init_subclass__"), (Value[]){I(1)}, 0, TUP(S("x"))));

    // isinstance / issubclass
    show("isinstance(1, 1)", BOOL(obj_isinstance(I(1), I(1))));
    show("issubclass(1, int)", BOOL(obj_issubclass(I(1), TYPE(&type_int))));
    show("issubclass(int, 1)", BOOL(obj_issubclass(TYPE(&type_int), I(1))));
    show("issubclass(bool, (str, int))",
         BOOL(obj_issubclass(TYPE(&type_bool), TUP(TYPE(&type_str), TYPE(&type_int)))));
    Value ICM = CLASS("ICM", TUP(TYPE(&type_type)),
                      DEF(DEF(NS(), "__instancecheck__", F("__instancecheck__", ICM_instancecheck)),
                          "__subclasscheck__", F("__subclasscheck__", ICM_subclasscheck)));
    Value icd = dict_new();
    dict_set_cstr(icd, "__module__", S("__main__"));
    Value ICX = CALL(ICM, 3, S("ICX"), EMPTY(), icd);
    show("isinstance(5, ICX)", BOOL(obj_isinstance(I(5), ICX)));
    show("isinstance(6, ICX)", BOOL(obj_isinstance(I(6), ICX)));
    show("isinstance(ICX(), ICX)", BOOL(obj_isinstance(CALL(ICX, 0), ICX)));
    show("issubclass(int, ICX)", BOOL(obj_issubclass(TYPE(&type_int), ICX)));
    show("issubclass(ICX, ICX)", BOOL(obj_issubclass(ICX, ICX)));
    Value Fake = CLASS("Fake", EMPTY(), DEF(NS(), "__class__", TYPE(&type_int)));
    show("isinstance(Fake(), int)", BOOL(obj_isinstance(CALL(Fake, 0), TYPE(&type_int))));
    Value AB = CLASS("AB", EMPTY(), DEF(NS(), "__bases__", EMPTY()));
    show("isinstance(1, AB())", BOOL(obj_isinstance(I(1), CALL(AB, 0))));
    show("issubclass(AB(), AB())", BOOL(obj_issubclass(CALL(AB, 0), CALL(AB, 0))));

    // typing syntax: GenericAlias and UnionType
    Value Tint = TYPE(&type_int), Tstr = TYPE(&type_str), Tlist = TYPE(&type_list);
    show("list[int]", obj_getitem(Tlist, Tint));
    show("dict[str, list[int]]", obj_getitem(TYPE(&type_dict), TUP(Tstr, obj_getitem(Tlist, Tint))));
    show("tuple[int, ...]", obj_getitem(TYPE(&type_tuple), TUP(Tint, VAL_ELLIPSIS)));
    show("type[int]", obj_getitem(TYPE(&type_type), Tint));
    show("int | None", obj_binop(Tint, VAL_NONE, BINOP_OR));
    show("int | str | int", obj_binop(obj_binop(Tint, Tstr, BINOP_OR), Tint, BINOP_OR));
    show("list[int] | None", obj_binop(obj_getitem(Tlist, Tint), VAL_NONE, BINOP_OR));
    show("int | 1", obj_binop(Tint, I(1), BINOP_OR));
    Value is = obj_binop(Tint, Tstr, BINOP_OR);
    show("isinstance(1, int | str)", BOOL(obj_isinstance(I(1), is)));
    show("isinstance(1.5, int | str)",
         BOOL(obj_isinstance(obj_binop(I(3), I(2), BINOP_TRUEDIV), is)));
    show("issubclass(bool, int | str)", BOOL(obj_issubclass(TYPE(&type_bool), is)));
    show("isinstance(1, list[int])", BOOL(obj_isinstance(I(1), obj_getitem(Tlist, Tint))));
    show("list[int][str]", obj_getitem(obj_getitem(Tlist, Tint), Tstr));
    show("list[int].__origin__", GET(obj_getitem(Tlist, Tint), "__origin__"));
    show("list[int].__args__", GET(obj_getitem(Tlist, Tint), "__args__"));
    show("(int | str).__args__", GET(is, "__args__"));
    show("list[int] == list[int]",
         obj_richcompare(obj_getitem(Tlist, Tint), obj_getitem(Tlist, Tint), CMP_EQ));
    show("(int | str) == (str | int)",
         obj_richcompare(is, obj_binop(Tstr, Tint, BINOP_OR), CMP_EQ));
    show("list[int]([1, 2])", CALL(obj_getitem(Tlist, Tint), 1, LIST(I(1), I(2))));
    show("list[int].__mro_entries__", METH(obj_getitem(Tlist, Tint), "__mro_entries__", 1, EMPTY()));
    show("list[V]", obj_getitem(Tlist, V));
    gc_collect();
}

int main(void) {
    int base;
    const char *error;
    if (runtime_init(&base, "0", &error) < 0) {
        printf("runtime_init: %s\n", error);
        return 1;
    }
    type_ready(&type_testfunc);
    type_ready(&type_testmethod);
    Value *globals[] = {&V_cls, &Ex2_cls, &SU2_cls, &SU3_cls, &IS_cls, &IS_subs, &Meta_cls};
    for (size_t i = 0; i < sizeof globals / sizeof globals[0]; i++) {
        gc_add_root(globals[i]);
    }
    const char *stress = getenv("CLASSES_GC_STRESS");
    if (stress) {
        gc_set_stress((unsigned)atoi(stress));
    }
    scenarios();
    return 0;
}
