// runtime_test.c - the object model end to end: runtime_init readies every
// builtin type; then attribute lookup through type dicts and descriptors,
// bound and unbound C methods, and the generic protocol's dispatch and
// error messages. tests/unit/runtime/oracle.py prints the same lines from
// CPython 3.11; runtime_test.sh diffs them.
#include <stdio.h>
#include <string.h>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

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
            // str(e) of a one-argument exception: str(arg), repr(arg) for KeyError
            Value arg = tuple_obj(((ExceptionObject *)val_ptr(exc))->args)->items[0];
            Value r = t == &exc_KeyError ? obj_repr(arg) : obj_str(arg);
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

static Value S(const char *s) { return str_intern_cstr(s); }
static Value I(int64_t i) { return int_from_i64(i); }

static Value call_method(Value obj, const char *name, Value arg, int has_arg) {
    Value m = obj_getattr(obj, S(name));
    if (!m) {
        return 0;
    }
    return has_arg ? obj_call1(m, arg) : obj_call0(m);
}

static __attribute__((noinline)) void scenarios(void) {
    show("repr None", VAL_NONE);
    show("repr NotImplemented", VAL_NOTIMPLEMENTED);
    show("repr Ellipsis", VAL_ELLIPSIS);
    show("repr int type", val_from_ptr(&type_int));

    Value l = list_new(0);
    show("append 5", call_method(l, "append", I(5), 1));
    show("append str", call_method(l, "append", S("x"), 1));
    show("list", l);
    Value unbound = obj_getattr(val_from_ptr(&type_list), S("append"));
    Value args[2] = {l, I(7)};
    show("list.append(l, 7)", obj_call(unbound, args, 2, 0));
    show("list", l);
    show("pop", call_method(l, "pop", 0, 0));
    show("list.nope", obj_getattr(val_from_ptr(&type_list), S("nope")));
    show("l.nope", obj_getattr(l, S("nope")));
    show("(5).foo", obj_getattr(I(5), S("foo")));

    show("1 + 'a'", obj_binop(I(1), S("a"), BINOP_ADD));
    show("[1] + (2,)", obj_binop(list_from((Value[]){I(1)}, 1), tuple_from((Value[]){I(2)}, 1),
                                 BINOP_ADD));
    show("[1] * 'a'", obj_binop(list_from((Value[]){I(1)}, 1), S("a"), BINOP_MUL));
    show("3 * 'ab'", obj_binop(I(3), S("ab"), BINOP_MUL));
    show("'ab' + 'cd'", obj_binop(S("ab"), S("cd"), BINOP_ADD));
    show("2 ** 100", obj_binop(I(2), I(100), BINOP_POW));
    show("1 ** 'a'", obj_binop(I(1), S("a"), BINOP_POW));
    show("1 < 'a'", obj_richcompare(I(1), S("a"), CMP_LT));
    show("[1, 2] < [1, 3]", obj_richcompare(list_from((Value[]){I(1), I(2)}, 2),
                                            list_from((Value[]){I(1), I(3)}, 2), CMP_LT));
    show("-'a'", obj_neg(S("a")));
    show("abs('a')", obj_abs(S("a")));
    show("~1.5", obj_invert(val_from_ptr(0) ? 0 : obj_binop(I(3), I(2), BINOP_TRUEDIV)));
    show_int("hash([])", obj_hash(list_new(0)));
    show_int("hash((1, 2))", obj_hash(tuple_from((Value[]){I(1), I(2)}, 2)));
    show_int("len(5)", obj_len(I(5)));
    show("5[0]", obj_getitem(I(5), I(0)));
    show("iter(5)", obj_iter(I(5)));
    show("5()", obj_call0(I(5)));
    show_int("isinstance(True, int)", obj_isinstance(VAL_TRUE, val_from_ptr(&type_int)));
    show_int("isinstance(1, (str, int))",
             obj_isinstance(I(1), tuple_from((Value[]){val_from_ptr(&type_str),
                                                       val_from_ptr(&type_int)}, 2)));
    show_int("isinstance(1, str)", obj_isinstance(I(1), val_from_ptr(&type_str)));
    show_int("truth []", obj_truthy(list_new(0)));
    show_int("truth [0]", obj_truthy(list_from((Value[]){I(0)}, 1)));
    show_int("truth ''", obj_truthy(S("")));
    show_int("truth None", obj_truthy(VAL_NONE));
    show_int("'b' in 'abc'", obj_contains(S("abc"), S("b")));
    show_int("1 in 5", obj_contains(I(5), I(1)));

    Value d = dict_new();
    obj_setitem(d, S("a"), I(1));
    obj_setitem(d, S("b"), I(2));
    show("d.get('a')", call_method(d, "get", S("a"), 1));
    show("d.get('z')", call_method(d, "get", S("z"), 1));
    show("d.keys()", call_method(d, "keys", 0, 0));
    show("d['z']", obj_getitem(d, S("z")));
    show("dict.fromkeys", obj_getattr(val_from_ptr(&type_dict), S("fromkeys")) ? S("bound") : 0);
    show("object()", obj_call0(val_from_ptr(&type_object)) ? S("object") : 0);
    gc_collect();
    show("list after gc", l);
}

int main(void) {
    int base;
    const char *error;
    if (runtime_init(&base, "0", &error) < 0) {
        printf("runtime_init: %s\n", error);
        return 1;
    }
    scenarios();
    return 0;
}
