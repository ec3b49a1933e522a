// excgroup_test.c - exception groups: construction and its errors, the two
// bases of ExceptionGroup, derive/split/subgroup and the metadata their
// parts copy, exc_group_match (one except* clause), and try/except*
// statements played by hand through exc_group_match and
// exc_group_prep_reraise the way the interpreter runs them. Every line is
// compared with tests/unit/excgroup/oracle.py run by CPython 3.11.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/range.h"
#include "runtime/runtime.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

// `label: repr(v)`, or `label: ExcType: str(exc)` through err_fetch.
static void show(const char *label, Value v) {
    Value r = v ? obj_repr(v) : 0;
    if (r) {
        printf("%s: %s\n", label, str_obj(r)->data);
        return;
    }
    Value exc = err_fetch();
    if (!exc) {
        printf("%s: <no exception pending>\n", label);
        return;
    }
    Value s = obj_str(exc);
    printf("%s: %s: %s\n", label, type_of(exc)->name, s ? str_obj(s)->data : "<str failed>");
    if (!s) {
        err_clear();
    }
}

static Value S(const char *s) { return str_from_cstr(s); }
static Value I(int64_t i) { return int_from_i64(i); }
#define N VAL_NONE

static Value vec(int tuple, int n, va_list ap) {
    Value items[16];
    for (int i = 0; i < n; i++) {
        items[i] = va_arg(ap, Value);
    }
    return tuple ? tuple_from(items, n) : list_from(items, n);
}

static Value T(int n, ...) {
    va_list ap;
    va_start(ap, n);
    Value v = vec(1, n, ap);
    va_end(ap);
    return v;
}

static Value L(int n, ...) {
    va_list ap;
    va_start(ap, n);
    Value v = vec(0, n, ap);
    va_end(ap);
    return v;
}

// t(args...)
static Value C(Type *t, int n, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        args[i] = va_arg(ap, Value);
    }
    va_end(ap);
    return obj_call(val_from_ptr(t), args, n, 0);
}

// t(*args, kw=kwv)
static Value CK(Type *t, int n, const char *kw, Value kwv, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, kwv);
    for (int i = 0; i < n; i++) {
        args[i] = va_arg(ap, Value);
    }
    va_end(ap);
    args[n] = kwv;
    Value k = S(kw);
    return obj_call(val_from_ptr(t), args, n, tuple_from(&k, 1));
}

#define TY(t) val_from_ptr(&exc_##t)
static Value V(int i) { return C(&exc_ValueError, 1, I(i)); }
static Value TE(int i) { return C(&exc_TypeError, 1, I(i)); }
static Value K(int i) { return C(&exc_KeyError, 1, I(i)); }
static Value O(int i) { return C(&exc_OSError, 1, I(i)); }
static Value R(const char *s) { return C(&exc_RuntimeError, 1, S(s)); }
static Value EG(const char *msg, Value excs) { return C(&exc_ExceptionGroup, 2, S(msg), excs); }
static Value BEG(const char *msg, Value excs) {
    return C(&exc_BaseExceptionGroup, 2, S(msg), excs);
}

static Value A(Value v, const char *name) { return v ? obj_getattr_cstr(v, name) : 0; }

// v.name(args...)
static Value M(Value v, const char *name, int n, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        args[i] = va_arg(ap, Value);
    }
    va_end(ap);
    if (!v) {
        return 0;
    }
    // As Python code runs it (LOAD_METHOD): the type's method with v first,
    // so that errors name the defining class (a bound method names type(v)).
    Value d = type_lookup(type_of(v), S(name));
    if (!d) {
        return obj_call_method(v, name, args, n);
    }
    Value full[9] = {v};
    for (int i = 0; i < n; i++) {
        full[i + 1] = args[i];
    }
    return obj_call(d, full, n + 1, 0);
}

// v.name(kw=kwv)
static Value MK(Value v, const char *name, int n, Value arg, const char *kw, Value kwv) {
    Value d = v ? type_lookup(type_of(v), S(name)) : 0;
    Value args[3] = {v, arg, kwv};
    Value k = S(kw);
    if (n == 0) {
        args[1] = kwv;
    }
    return d ? obj_call(d, args, n + 1, tuple_from(&k, 1)) : 0;
}

static Value IS(Value a, Value b) { return a && b ? val_bool(a == b) : 0; }
static Value ITEM(Value tuple, size_t i) { return tuple ? tuple_obj(tuple)->items[i] : 0; }

static Value SET(Value v, const char *name, Value value) {
    return v && obj_setattr(v, S(name), value) == 0 ? VAL_NONE : 0;
}

// repr, type, str, args, message and exceptions of a constructed group.
static void show_eg(const char *label, Value v) {
    char l[200];
    show(label, v);
    if (!v) {
        return;
    }
    static const char *const parts[] = {"type", "str", "args", "message", "exceptions"};
    for (int i = 0; i < 5; i++) {
        snprintf(l, sizeof l, "%s %s", label, parts[i]);
        Value p = i == 0 ? val_from_ptr(type_of(v)) : i == 1 ? obj_str(v) : A(v, parts[i]);
        show(l, p);
    }
}

static const char *R_(Value v) {
    Value r = v ? obj_repr(v) : 0;
    if (!r) {
        err_clear();
        return "<error>";
    }
    return str_obj(r)->data;
}

// The metadata a part of a split copies from its group.
static void meta(const char *label, Value v) {
    if (!v) {
        show(label, v);
        return;
    }
    if (v == VAL_NONE) {
        printf("%s: None\n", label);
        return;
    }
    Value notes = obj_getattr_opt(v, S("__notes__"));
    printf("%s: %s cause=%s context=%s suppress=%s tb=%s notes=%s\n", label, R_(v),
           R_(A(v, "__cause__")), R_(A(v, "__context__")), R_(A(v, "__suppress_context__")),
           R_(A(v, "__traceback__")), notes ? R_(notes) : "'<none>'");
}

// One except* clause: what it sees, and what is left.
static void egmatch(const char *label, Value exc, Value type) {
    Value match, rest;
    if (exc_group_match(exc, type, &match, &rest) < 0) {
        show(label, 0);
        return;
    }
    printf("%s: %s / %s\n", label, R_(match), R_(rest));
}

// ---- try/except* played the way the interpreter runs it ---------------------------------
// Clause i: `except* types[i]:` whose body passes (action 0), re-raises
// (PASS_RAISE), or raises a new exception (whose __context__ becomes the
// part it handles).

#define PASS 0
#define RERAISE 1

typedef struct Clause {
    Value type;
    Value action;  // PASS, RERAISE or an exception
} Clause;

static Value trystar(Value orig, const Clause *clauses, int n) {
    Value raised = list_new(0);
    Value rest = orig;
    for (int i = 0; i < n && rest != VAL_NONE; i++) {
        Value match;
        if (exc_group_match(rest, clauses[i].type, &match, &rest) < 0) {
            return 0;
        }
        if (match == VAL_NONE || clauses[i].action == PASS) {
            continue;
        }
        if (clauses[i].action == RERAISE) {
            list_append(raised, match);
        } else {
            ((ExceptionObject *)val_ptr(clauses[i].action))->context = match;
            list_append(raised, clauses[i].action);
        }
    }
    list_append(raised, rest);
    return exc_group_prep_reraise(orig, raised);
}

// A caught exception has a traceback the exceptions raised in the clauses
// do not share; without tracebacks here, a context plays that part.
static Value caught(Value exc) {
    ((ExceptionObject *)val_ptr(exc))->context = C(&exc_KeyError, 1, S("orig"));
    return exc;
}

static void prep(const char *label, Value orig, int n, ...) {
    Clause clauses[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        clauses[i].type = va_arg(ap, Value);
        clauses[i].action = va_arg(ap, Value);
    }
    va_end(ap);
    show(label, trystar(caught(orig), clauses, n));
}

static Value G(void) {
    return EG("eg", L(3, V(1), TE(2), EG("in", L(2, O(3), K(4)))));
}

static __attribute__((noinline)) void construction(void) {
    show_eg("EG('m', [V(1), T(2)])", EG("m", L(2, V(1), TE(2))));
    show_eg("EG('m', (V(1),))", EG("m", T(1, V(1))));
    show_eg("BEG('m', [V(1)])", BEG("m", L(1, V(1))));
    show_eg("BEG('m', [KeyboardInterrupt()])", BEG("m", L(1, C(&exc_KeyboardInterrupt, 0))));
    show_eg("BEG('m', [V(), SystemExit(3)])",
            BEG("m", L(2, C(&exc_ValueError, 0), C(&exc_SystemExit, 1, I(3)))));
    Value v = C(&exc_ValueError, 0);
    show_eg("EG('', [V()]*3)", EG("", L(3, v, v, v)));
    show_eg("EG('h\xc3\xa9llo \xe2\x9c\x93', [V()])", EG("h\xc3\xa9llo \xe2\x9c\x93", L(1, v)));
    show_eg("EG('m', [EG('in', [V(1)]), T(2)])", EG("m", L(2, EG("in", L(1, V(1))), TE(2))));
    show("EG('m')", C(&exc_ExceptionGroup, 1, S("m")));
    show("EG()", C(&exc_ExceptionGroup, 0));
    show("EG('m', [V()], 3)", C(&exc_ExceptionGroup, 3, S("m"), L(1, v), I(3)));
    show("EG(1, [V()])", C(&exc_ExceptionGroup, 2, I(1), L(1, v)));
    show("EG(b'x', [V()])", C(&exc_ExceptionGroup, 2, bytes_from_cstr("x"), L(1, v)));
    show("EG('m', [V()], x=1)", CK(&exc_ExceptionGroup, 2, "x", I(1), S("m"), L(1, v)));
    show("EG('m', exceptions=[V()])", CK(&exc_ExceptionGroup, 1, "exceptions", L(1, v), S("m")));
    show("EG('m', 5)", EG("m", I(5)));
    show("EG('m', None)", EG("m", N));
    show("EG('m', {V()})", EG("m", set_new(L(1, v))));
    Value d = dict_new();
    dict_set(d, I(1), v);
    show("EG('m', {1: V()})", EG("m", d));
    show("EG('m', [])", EG("m", L(0)));
    show("EG('m', ())", EG("m", T(0)));
    show("EG('m', 'ab')", EG("m", S("ab")));
    show("EG('m', range(3))", EG("m", C(&type_range, 1, I(3))));
    show("EG('m', [V(), 1])", EG("m", L(2, v, I(1))));
    show("EG('m', [V(), V])", EG("m", L(2, v, TY(ValueError))));
    show("EG('m', [KeyboardInterrupt()])", EG("m", L(1, C(&exc_KeyboardInterrupt, 0))));
    show("EG('m', [V(), GeneratorExit()])", EG("m", L(2, v, C(&exc_GeneratorExit, 0))));
    show("BEG('m', [V(), 2])", BEG("m", L(2, v, I(2))));
}

static __attribute__((noinline)) void types_and_derive(void) {
    show("ExceptionGroup.__mro__", exc_ExceptionGroup.mro);
    show("ExceptionGroup.__bases__", exc_ExceptionGroup.bases);
    show("BaseExceptionGroup.__mro__", exc_BaseExceptionGroup.mro);
    Value eg = EG("m", L(1, V(0)));
    Value beg = BEG("m", L(1, C(&exc_SystemExit, 0)));
    show("isinstance(EG, Exception)", val_bool(obj_isinstance(eg, TY(Exception))));
    show("isinstance(EG, BaseExceptionGroup)",
         val_bool(obj_isinstance(eg, TY(BaseExceptionGroup))));
    show("isinstance(BEG, Exception)", val_bool(obj_isinstance(beg, TY(Exception))));
    show("issubclass(ExceptionGroup, Exception)",
         val_bool(type_is_subtype(&exc_ExceptionGroup, &exc_Exception)));
    show("EG.message = 'x'", SET(eg, "message", S("x")));
    show("EG.exceptions = ()", SET(eg, "exceptions", T(0)));

    eg = EG("eg", L(2, V(1), TE(2)));
    show("derive([K(3)])", M(eg, "derive", 1, L(1, K(3))));
    show("type(derive([K(3)]))", val_from_ptr(type_of(M(eg, "derive", 1, L(1, K(3))))));
    show("derive([KeyboardInterrupt()])",
         M(eg, "derive", 1, L(1, C(&exc_KeyboardInterrupt, 0))));
    show("derive(())", M(eg, "derive", 1, T(0)));
    show("derive(5)", M(eg, "derive", 1, I(5)));
    show("derive()", M(eg, "derive", 0));
    show("derive([V()], 1)", M(eg, "derive", 2, L(1, V(0)), I(1)));
    show("derive(x=1)", MK(eg, "derive", 0, 0, "x", I(1)));
}

static __attribute__((noinline)) void split_subgroup(void) {
    Value eg = EG("eg", L(4, V(1), TE(2), EG("in", L(3, O(3), V(4), K(5))), K(6)));
    show("split(V)", M(eg, "split", 1, TY(ValueError)));
    show("split(T)", M(eg, "split", 1, TY(TypeError)));
    show("split(LookupError)", M(eg, "split", 1, TY(LookupError)));
    show("split((V, K))", M(eg, "split", 1, T(2, TY(ValueError), TY(KeyError))));
    show("split((V, T, O, K))",
         M(eg, "split", 1, T(4, TY(ValueError), TY(TypeError), TY(OSError), TY(KeyError))));
    show("split(Exception)", M(eg, "split", 1, TY(Exception)));
    show("split(Exception)[0] is eg", IS(ITEM(M(eg, "split", 1, TY(Exception)), 0), eg));
    show("split(ExceptionGroup)[0] is eg",
         IS(ITEM(M(eg, "split", 1, TY(ExceptionGroup)), 0), eg));
    show("split(BaseExceptionGroup)[0] is eg",
         IS(ITEM(M(eg, "split", 1, TY(BaseExceptionGroup)), 0), eg));
    show("split(ZeroDivisionError)", M(eg, "split", 1, TY(ZeroDivisionError)));
    show("split(ZeroDivisionError)[1] is eg",
         IS(ITEM(M(eg, "split", 1, TY(ZeroDivisionError)), 1), eg));
    show("split(())", M(eg, "split", 1, T(0)));
    show("split(int)", M(eg, "split", 1, val_from_ptr(&type_int)));
    show("split((V, int))", M(eg, "split", 1, T(2, TY(ValueError), val_from_ptr(&type_int))));
    show("split([V])", M(eg, "split", 1, L(1, TY(ValueError))));
    show("split(None)", M(eg, "split", 1, N));
    show("split(V())", M(eg, "split", 1, V(0)));
    show("split(len)", M(eg, "split", 1, A(L(0), "append")));
    show("split()", M(eg, "split", 0));
    show("split(V, T)", M(eg, "split", 2, TY(ValueError), TY(TypeError)));
    show("split(x=V)", MK(eg, "split", 0, 0, "x", TY(ValueError)));
    show("subgroup(V)", M(eg, "subgroup", 1, TY(ValueError)));
    show("subgroup(O)", M(eg, "subgroup", 1, TY(OSError)));
    show("subgroup(ZeroDivisionError)", M(eg, "subgroup", 1, TY(ZeroDivisionError)));
    show("subgroup(Exception) is eg", IS(M(eg, "subgroup", 1, TY(Exception)), eg));
    show("subgroup((T, K))", M(eg, "subgroup", 1, T(2, TY(TypeError), TY(KeyError))));
    show("subgroup(1)", M(eg, "subgroup", 1, I(1)));
    show("subgroup()", M(eg, "subgroup", 0));
    show("subgroup(V, x=1)", MK(eg, "subgroup", 1, TY(ValueError), "x", I(1)));

    Value beg = BEG("beg", L(3, V(1), C(&exc_KeyboardInterrupt, 0),
                             BEG("in", L(2, C(&exc_SystemExit, 1, I(2)), TE(3)))));
    show("beg", beg);
    Value parts = M(beg, "split", 1, TY(Exception));
    show("beg.split(Exception)", parts);
    show("types of beg.split(Exception)",
         T(2, val_from_ptr(type_of(ITEM(parts, 0))), val_from_ptr(type_of(ITEM(parts, 1)))));
    show("beg.split(SystemExit)", M(beg, "split", 1, TY(SystemExit)));
    show("beg.subgroup(BaseException) is beg", IS(M(beg, "subgroup", 1, TY(BaseException)), beg));
    parts = M(eg, "split", 1, TY(ValueError));
    Value first = ITEM(A(eg, "exceptions"), 0);
    show("shared leaves", L(2, IS(ITEM(A(ITEM(parts, 0), "exceptions"), 0), first),
                            IS(ITEM(A(ITEM(parts, 1), "exceptions"), 0), first)));
}

static __attribute__((noinline)) void split_metadata(void) {
    Value c1 = C(&exc_KeyError, 1, S("cause")), c2 = C(&exc_KeyError, 1, S("context"));
    Value eg = EG("eg", L(2, V(1), TE(2)));
    SET(eg, "__cause__", c1);
    SET(eg, "__context__", c2);
    SET(eg, "__suppress_context__", VAL_FALSE);
    M(eg, "add_note", 1, S("note 1"));
    Value parts = M(eg, "split", 1, TY(ValueError));
    Value m = ITEM(parts, 0), r = ITEM(parts, 1);
    meta("meta eg", eg);
    meta("meta match", m);
    meta("meta rest", r);
    show("match.__cause__ is cause", IS(A(m, "__cause__"), c1));
    show("match.__context__ is context", IS(A(m, "__context__"), c2));
    Value mn = A(m, "__notes__"), rn = A(r, "__notes__"), en = A(eg, "__notes__");
    show("notes copied", val_bool(mn && rn && en && mn != en && rn != mn));
    SET(eg, "__notes__", T(2, S("a"), S("b")));
    meta("tuple notes", ITEM(M(eg, "split", 1, TY(TypeError)), 0));
    SET(eg, "__notes__", I(5));
    meta("int notes", ITEM(M(eg, "split", 1, TY(TypeError)), 0));
    SET(eg, "__notes__", 0);
    meta("no notes", M(eg, "subgroup", 1, TY(TypeError)));
    Value inner = EG("in", L(2, TE(2), V(3)));
    Value eg2 = EG("eg2", L(2, V(1), inner));
    M(inner, "add_note", 1, S("inner"));
    parts = M(eg2, "split", 1, TY(TypeError));
    meta("nested match", ITEM(parts, 0));
    meta("nested match inner", ITEM(A(ITEM(parts, 0), "exceptions"), 0));
    meta("nested rest inner", ITEM(A(ITEM(parts, 1), "exceptions"), 1));
}

static __attribute__((noinline)) void except_star(void) {
    egmatch("naked V by V", V(1), TY(ValueError));
    egmatch("naked V by Exception", V(1), TY(Exception));
    egmatch("naked V by (T, V)", V(1), T(2, TY(TypeError), TY(ValueError)));
    egmatch("naked V by T", V(1), TY(TypeError));
    egmatch("naked KeyboardInterrupt by BaseException", C(&exc_KeyboardInterrupt, 0),
            TY(BaseException));
    egmatch("group by V", EG("eg", L(2, V(1), TE(2))), TY(ValueError));
    egmatch("group by Exception", EG("eg", L(2, V(1), TE(2))), TY(Exception));
    egmatch("group by K", EG("eg", L(2, V(1), TE(2))), TY(KeyError));
    egmatch("nested by (V, O)", EG("eg", L(2, V(1), EG("in", L(2, O(2), TE(3))))),
            T(2, TY(ValueError), TY(OSError)));
    egmatch("naked by ExceptionGroup", V(1), TY(ExceptionGroup));
    egmatch("group by (V, BaseExceptionGroup)", EG("eg", L(1, V(1))),
            T(2, TY(ValueError), TY(BaseExceptionGroup)));
    egmatch("naked by int", V(1), val_from_ptr(&type_int));
    egmatch("naked by (V, 1)", V(1), T(2, TY(ValueError), I(1)));
    egmatch("naked by (V, (T,))", V(1), T(2, TY(ValueError), T(1, TY(TypeError))));

    Value VE = TY(ValueError), TYE = TY(TypeError), OE = TY(OSError), P = PASS, RR = RERAISE;
    prep("reraise V, new for T", G(), 2, VE, RR, TYE, R("new"));
    prep("handle V and O", G(), 2, VE, P, OE, P);
    prep("handle all", G(), 4, VE, P, TYE, P, TY(LookupError), P, OE, P);
    prep("handle Exception", G(), 1, TY(Exception), P);
    prep("reraise Exception", G(), 1, TY(Exception), RR);
    prep("reraise V and T", G(), 2, VE, RR, TYE, RR);
    prep("reraise O only", G(), 1, OE, RR);
    prep("new in two clauses", G(), 2, VE, R("a"), OE, R("b"));
    prep("one new, all handled", G(), 1, TY(Exception), R("only"));
    prep("one new, rest re-raised", G(), 1, VE, R("only"));
    prep("new in two clauses, all handled", G(), 2, VE, R("a"), T(3, TYE, OE, TY(KeyError)),
         R("b"));
    prep("new group raised", G(), 1, TYE, EG("new", L(1, R("x"))));
    prep("tuple clause reraise", G(), 1, T(2, VE, OE), RR);
    prep("nothing matches", G(), 1, TY(ZeroDivisionError), P);
    prep("naked reraise", V(1), 1, VE, RR);
    prep("naked handled", V(1), 1, VE, P);
    prep("naked new", V(1), 1, VE, C(&exc_TypeError, 1, S("t")));
    prep("naked unmatched", K(1), 2, VE, P, TYE, RR);
    prep("naked second clause", K(1), 2, VE, P, TY(LookupError), RR);
    Value ki = C(&exc_KeyboardInterrupt, 0);
    prep("base group reraise", BEG("b", L(2, ki, V(1))), 1, TY(KeyboardInterrupt), RR);
    prep("base group handled K", BEG("b", L(2, ki, V(1))), 1, TY(KeyboardInterrupt), P);
    Value g = G();
    M(g, "add_note", 1, S("note"));
    prep("reraise V of a group with notes", g, 1, VE, RR);
    g = G();
    M(g, "add_note", 1, S("note"));
    prep("reraise V, new for T, with notes", g, 2, VE, RR, TYE, R("new"));
}

int main(void) {
    int stack_base;
    const char *error;
    if (runtime_init(&stack_base, "0", &error) < 0) {
        fprintf(stderr, "runtime_init: %s\n", error);
        return 1;
    }
    construction();
    types_and_derive();
    split_subgroup();
    split_metadata();
    except_star();
    return 0;
}
