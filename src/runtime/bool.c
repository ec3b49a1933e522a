// bool.c - Python's bool: the two singletons and the subclass of int they
// belong to.
//
// True and False are the static objects true_object and false_object
// (object.h): a bare header, no payload. int.c recognizes them by address
// wherever it reads an int, so every int operation accepts bools and returns
// plain ints (True + True == 2). bool itself only changes repr/str and makes
// &, | and ^ of two bools a bool, as CPython does. Every other slot is int's,
// inherited through `base` by type_ready().
#include "abstract.h"
#include "args.h"
#include "exceptions.h"
#include "int.h"
#include "str.h"
#include "type.h"

__attribute__((aligned(8))) Object true_object = {&type_bool};
__attribute__((aligned(8))) Object false_object = {&type_bool};

static Value bool_repr(Value v) {
    return str_from_cstr(v == VAL_TRUE ? "True" : "False");
}

static inline bool bool_check(Value v) {
    return v == VAL_TRUE || v == VAL_FALSE;
}

static Value bool_and(Value a, Value b) {
    if (bool_check(a) && bool_check(b)) {
        return val_bool(a == VAL_TRUE && b == VAL_TRUE);
    }
    return type_int.binop[BINOP_AND](a, b);
}

static Value bool_or(Value a, Value b) {
    if (bool_check(a) && bool_check(b)) {
        return val_bool(a == VAL_TRUE || b == VAL_TRUE);
    }
    return type_int.binop[BINOP_OR](a, b);
}

static Value bool_xor(Value a, Value b) {
    if (bool_check(a) && bool_check(b)) {
        return val_bool(a != b);
    }
    return type_int.binop[BINOP_XOR](a, b);
}

// bool(x=False, /): the truth of x.
static Value bool_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("bool", kwnames) < 0 || args_check_positional("bool", nargs, 0, 1) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return VAL_FALSE;
    }
    int truth = obj_truthy(args[0]);
    return truth < 0 ? 0 : val_bool(truth);
}

static int bool_bool(Value v) {
    return v == VAL_TRUE;
}

Type type_bool = {
    .header = {&type_type},
    .name = "bool",
    .flags = TYPE_IMMUTABLE | TYPE_INT_SUBCLASS,  // not subclassable
    .basic_size = sizeof(Object),
    .base = &type_int,
    .repr = bool_repr,
    .bool_ = bool_bool,
    .new_ = bool_tp_new,
    .binop = {
        [BINOP_AND] = bool_and,
        [BINOP_XOR] = bool_xor,
        [BINOP_OR] = bool_or,
    },
};
