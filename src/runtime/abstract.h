// abstract.h - the generic object protocol: what `repr(x)`, `x + y`,
// `x[k]`, `f(*args)`, `hash(x)` ... do for any Value, dispatching on the
// operands' type slots with CPython's rules (reflected operands, subclass
// priority, NotImplemented, the exact TypeError messages).
//
// Everything returns 0 (or -1 for int results) with an exception pending on
// failure; see object.h. The runtime calls back into Python code only
// through these functions and vm/call.h.
#ifndef KRAIT_ABSTRACT_H
#define KRAIT_ABSTRACT_H

#include "object.h"

// ---- object protocol --------------------------------------------------------
Value obj_repr(Value v);                 // a str
Value obj_str(Value v);                  // a str
int64_t obj_hash(Value v);               // -1 with TypeError for unhashable
Value obj_richcompare(Value a, Value b, CompareOp op);
int obj_richcompare_bool(Value a, Value b, CompareOp op);  // identity implies == for EQ/NE
int obj_truthy(Value v);                 // 1, 0, or -1
int obj_isinstance(Value v, Value cls);  // cls may be a tuple; __instancecheck__ honoured
int obj_issubclass(Value derived, Value cls);

// ---- attributes ---------------------------------------------------------------
// `name` must be a str (interned names are fastest).
Value obj_getattr(Value v, Value name);
Value obj_getattr_cstr(Value v, const char *name);
// Like obj_getattr but a missing attribute returns 0 with NO exception.
Value obj_getattr_opt(Value v, Value name);
int obj_setattr(Value v, Value name, Value value);  // value 0 deletes
int obj_hasattr(Value v, Value name);

// ---- calls ----------------------------------------------------------------------
// Positional args, then keyword values named by the tuple `kwnames` (or 0).
Value obj_call(Value f, const Value *args, size_t nargs, Value kwnames);
Value obj_call0(Value f);
Value obj_call1(Value f, Value a);
Value obj_call2(Value f, Value a, Value b);
// f(*args_tuple, **kwargs_dict_or_0)
Value obj_call_tuple_dict(Value f, Value args, Value kwargs);
Value obj_call_method(Value self, const char *name, const Value *args, size_t nargs);

// ---- numbers --------------------------------------------------------------------
Value obj_binop(Value a, Value b, BinOp op);
Value obj_inplace(Value a, Value b, BinOp op);
Value obj_pow3(Value a, Value b, Value mod);
Value obj_neg(Value a);
Value obj_pos(Value a);
Value obj_invert(Value a);
Value obj_abs(Value a);
Value obj_index(Value a);                // __index__: an int, or TypeError
// CPython's PyNumber_Index: an exact int; a strict int subclass returned by
// __index__ is converted with a DeprecationWarning.
Value obj_index_exact(Value a);
// A C integer from an object with __index__; OverflowError if it does not fit.
int obj_as_int64(Value a, int64_t *out);
// For sequence indexes: like obj_as_int64 but clamps to +-INT64_MAX on
// overflow when `clamp`, else IndexError "cannot fit 'int' into an index-sized integer".
int obj_as_index(Value a, int64_t *out, int clamp);

// ---- containers -------------------------------------------------------------------
int64_t obj_len(Value v);
// CPython's PyObject_LengthHint: len(o) when that works, else
// o.__length_hint__(), else dflt; -1 with an exception on error.
int64_t obj_length_hint(Value o, int64_t dflt);
Value obj_getitem(Value v, Value key);
int obj_setitem(Value v, Value key, Value value);  // value 0 deletes
int obj_contains(Value container, Value item);

// ---- iteration --------------------------------------------------------------------
Value obj_iter(Value v);
// The next item, or 0: with no exception when exhausted, with one on error.
Value obj_next(Value iter);      // 0 at the end (a StopIteration is cleared) or on error
Value obj_next_raw(Value iter);  // tp_iternext itself: a StopIteration(value) stays pending

// ---- strings of type names for messages ----------------------------------------------
// The `tp_name` of v's type as CPython shows it in messages ("int", "list").
const char *obj_type_name(Value v);

#endif
