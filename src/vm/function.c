// function.c - function, bound method and cell objects.
//
// A function is a code object plus what a `def` captured when it ran:
// globals, defaults, closure cells. Calling one goes through
// vm_call_function (interp.c); the interpreter's own CALL ops recognize
// functions and bound methods and push the frame without any C recursion.
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "vm.h"

// ---- functions -----------------------------------------------------------------------

static void function_trace(Object *o, GcTracer *t) {
    FunctionObject *f = (FunctionObject *)o;
    gc_trace_object(t, (Object *)f->code);
    gc_trace_value(t, f->globals);
    gc_trace_value(t, f->builtins);
    gc_trace_value(t, f->name);
    gc_trace_value(t, f->qualname);
    gc_trace_value(t, f->module);
    gc_trace_value(t, f->doc);
    gc_trace_value(t, f->defaults);
    gc_trace_value(t, f->kwdefaults);
    gc_trace_value(t, f->closure);
    gc_trace_value(t, f->annotations);
    gc_trace_value(t, f->dict);
}

static uint64_t function_gc_stamp(const Object *o) {
    return ((const FunctionObject *)o)->gc_stamp;
}

Value function_new(Code *code, Value globals) {
    FunctionObject *f = (FunctionObject *)gc_alloc(&type_function, sizeof(FunctionObject));
    if (!f) {
        return 0;
    }
    f->code = code;
    f->globals = globals;
    f->name = code->name;
    f->qualname = code->qualname;
    // __builtins__: a module stands for its dict, anything else serves as
    // a mapping (looked up through __getitem__); missing, the builtins
    Value b = dict_get_cstr(globals, "__builtins__");
    if (b && module_check(b)) {
        b = module_dict(b);
    }
    f->builtins = b ? b : vm_builtins;
    Value m = dict_get_cstr(globals, "__name__");
    f->module = m ? m : VAL_NONE;
    f->doc = VAL_NONE;
    TupleObject *consts = tuple_obj(code->consts);
    if (consts->len && val_is_str(consts->items[0])) {
        f->doc = consts->items[0];
    }
    return val_from_ptr(f);
}

static Value function_repr(Value self) {
    return str_format_c("<function %s at %p>", str_obj(func_obj(self)->qualname)->data,
                        (void *)val_ptr(self));
}

// A function is a non-data descriptor: looked up through an instance, it
// binds to it.
static Value function_descr_get(Value self, Value instance, Value owner) {
    (void)owner;
    if (!instance || instance == VAL_NONE) {
        return self;
    }
    return method_new(self, instance);
}

static Value function_dict(Value self) {
    FunctionObject *f = func_obj(self);
    if (!f->dict) {
        f->dict = dict_new();
        func_changed(f);
    }
    return f->dict;
}

static Value function_getattr(Value self, Value name) {
    Type *t = type_of(self);
    Value descr = type_lookup(t, name);
    if (descr) {
        DescrGetFunc get = type_of(descr)->descr_get;
        if (get && type_of(descr)->descr_set) {
            return get(descr, self, val_from_ptr(t));
        }
    }
    FunctionObject *f = func_obj(self);
    if (f->dict) {
        Value v = dict_get(f->dict, name);
        if (v) {
            return v;
        }
    }
    if (descr) {
        DescrGetFunc get = type_of(descr)->descr_get;
        return get ? get(descr, self, val_from_ptr(t)) : descr;
    }
    return err_format(&exc_AttributeError, "'function' object has no attribute '%s'",
                      str_obj(name)->data);
}

static int function_setattr(Value self, Value name, Value value) {
    Type *t = type_of(self);
    Value descr = type_lookup(t, name);
    if (descr && type_of(descr)->descr_set) {
        return type_of(descr)->descr_set(descr, self, value);
    }
    Value d = function_dict(self);
    if (!d) {
        return -1;
    }
    if (!value) {
        if (dict_del(d, name) < 0) {
            err_clear();
            err_format(&exc_AttributeError, "'function' object has no attribute '%s'",
                       str_obj(name)->data);
            return -1;
        }
        return 0;
    }
    return dict_set(d, name, value);
}

static Value fn_get_name(Value self) { return func_obj(self)->name; }
static int fn_set_name(Value self, Value v) {
    if (!v || !val_is_str(v)) {
        err_format(&exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    func_obj(self)->name = v;
    func_changed(func_obj(self));
    return 0;
}
static Value fn_get_qualname(Value self) { return func_obj(self)->qualname; }
static int fn_set_qualname(Value self, Value v) {
    if (!v || !val_is_str(v)) {
        err_format(&exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    func_obj(self)->qualname = v;
    func_changed(func_obj(self));
    return 0;
}
static Value fn_get_doc(Value self) { return func_obj(self)->doc; }
static int fn_set_doc(Value self, Value v) {
    func_obj(self)->doc = v ? v : VAL_NONE;
    func_changed(func_obj(self));
    return 0;
}
static Value fn_get_module(Value self) { return func_obj(self)->module; }
static int fn_set_module(Value self, Value v) {
    func_obj(self)->module = v ? v : VAL_NONE;
    func_changed(func_obj(self));
    return 0;
}
static Value fn_get_defaults(Value self) {
    Value d = func_obj(self)->defaults;
    return d ? d : VAL_NONE;
}
static int fn_set_defaults(Value self, Value v) {
    if (v == VAL_NONE) {
        v = 0;
    }
    if (v && !tuple_check(v)) {
        err_format(&exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    func_obj(self)->defaults = v && tuple_obj(v)->len ? v : 0;
    func_changed(func_obj(self));
    return 0;
}
static Value fn_get_kwdefaults(Value self) {
    Value d = func_obj(self)->kwdefaults;
    return d ? d : VAL_NONE;
}
static int fn_set_kwdefaults(Value self, Value v) {
    if (v == VAL_NONE) {
        v = 0;
    }
    if (v && !dict_check(v)) {
        err_format(&exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    func_obj(self)->kwdefaults = v;
    func_changed(func_obj(self));
    return 0;
}
static Value fn_get_code(Value self) { return val_from_ptr(func_obj(self)->code); }
static int fn_set_code(Value self, Value v) {
    if (!v || type_of(v) != &type_code) {
        err_format(&exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    Code *c = (Code *)val_ptr(v);
    FunctionObject *f = func_obj(self);
    size_t nclosure = f->closure ? tuple_obj(f->closure)->len : 0;
    if (c->nfrees != nclosure) {
        err_format(&exc_ValueError, "%s() requires a code object with %zu free vars, not %u",
                   str_obj(f->name)->data, nclosure, c->nfrees);
        return -1;
    }
    f->code = c;
    func_changed(f);
    return 0;
}
static Value fn_get_closure(Value self) {
    Value c = func_obj(self)->closure;
    return c ? c : VAL_NONE;
}
static Value fn_get_annotations(Value self) {
    FunctionObject *f = func_obj(self);
    if (!f->annotations) {
        f->annotations = dict_new();
        func_changed(f);
    }
    return f->annotations;
}
static int fn_set_annotations(Value self, Value v) {
    if (v == VAL_NONE) {
        v = 0;
    }
    if (v && !dict_check(v)) {
        err_format(&exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    func_obj(self)->annotations = v;
    func_changed(func_obj(self));
    return 0;
}
static Value fn_get_dict(Value self) { return function_dict(self); }
static int fn_set_dict(Value self, Value v) {
    if (!v) {
        err_format(&exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!dict_check(v)) {
        err_format(&exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                   obj_type_name(v));
        return -1;
    }
    func_obj(self)->dict = v;
    func_changed(func_obj(self));
    return 0;
}

static const GetSetDef function_getset[] = {
    {"__name__", fn_get_name, fn_set_name, NULL},
    {"__qualname__", fn_get_qualname, fn_set_qualname, NULL},
    {"__doc__", fn_get_doc, fn_set_doc, NULL},
    {"__module__", fn_get_module, fn_set_module, NULL},
    {"__defaults__", fn_get_defaults, fn_set_defaults, NULL},
    {"__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults, NULL},
    {"__code__", fn_get_code, fn_set_code, NULL},
    {"__closure__", fn_get_closure, NULL, NULL},
    {"__annotations__", fn_get_annotations, fn_set_annotations, NULL},
    {"__dict__", fn_get_dict, fn_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

// Read-only members, as CPython's (types.MemberDescriptorType is the type
// of FunctionType.__globals__).
static const MemberDef function_members[] = {
    {"__globals__", MEMBER_VALUE_RO, offsetof(FunctionObject, globals), NULL},
    {"__builtins__", MEMBER_VALUE_RO, offsetof(FunctionObject, builtins), NULL},
    {NULL, 0, 0, NULL},
};

// function(code, globals, name=None, argdefs=None, closure=None):
// types.FunctionType, with CPython's checks.
static Value function_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    (void)type;
    static const char *const names[] = {"code", "globals", "name", "argdefs", "closure", NULL};
    static const ArgSpec spec = {"function", 0, names, 2, 5, 0};
    Value a[5];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (type_of(a[0]) != &type_code) {
        return err_format(&exc_TypeError, "function() argument 'code' must be code, not %s",
                          obj_type_name(a[0]));
    }
    if (!dict_check(a[1])) {
        return err_format(&exc_TypeError, "function() argument 'globals' must be dict, not %s",
                          obj_type_name(a[1]));
    }
    Value name = a[2] ? a[2] : VAL_NONE, defaults = a[3] ? a[3] : VAL_NONE;
    Value closure = a[4] ? a[4] : VAL_NONE;
    Code *code = (Code *)val_ptr(a[0]);
    if (name != VAL_NONE && !val_is_str(name)) {
        return err_format(&exc_TypeError, "arg 3 (name) must be None or string");
    }
    if (defaults != VAL_NONE && !tuple_check(defaults)) {
        return err_format(&exc_TypeError, "arg 4 (defaults) must be None or tuple");
    }
    if (!tuple_check(closure)) {
        if (code->nfrees && closure == VAL_NONE) {
            return err_format(&exc_TypeError, "arg 5 (closure) must be tuple");
        }
        if (closure != VAL_NONE) {
            return err_format(&exc_TypeError, "arg 5 (closure) must be None or tuple");
        }
    }
    size_t nclosure = closure == VAL_NONE ? 0 : tuple_obj(closure)->len;
    if (code->nfrees != nclosure) {
        return err_format(&exc_ValueError, "%s requires closure of length %u, not %zu",
                          str_obj(code->name)->data, (unsigned)code->nfrees, nclosure);
    }
    for (size_t i = 0; i < nclosure; i++) {
        Value o = tuple_obj(closure)->items[i];
        if (type_of(o) != &type_cell) {
            return err_format(&exc_TypeError, "arg 5 (closure) expected cell, found %s",
                              obj_type_name(o));
        }
    }
    Value fv = function_new(code, a[1]);
    if (!fv) {
        return 0;
    }
    FunctionObject *f = func_obj(fv);
    if (name != VAL_NONE) {
        f->name = name;
    }
    if (defaults != VAL_NONE) {
        f->defaults = defaults;
    }
    if (nclosure) {
        f->closure = closure;
    }
    return fv;
}

Type type_function = {
    .header = {&type_type},
    .name = "function",
    .new_ = function_tp_new,
    .flags = TYPE_METHOD_DESCR | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(FunctionObject),
    .base = &type_object,
    .trace = function_trace,
    .gc_stamp = function_gc_stamp,
    .repr = function_repr,
    .getattr = function_getattr,
    .setattr = function_setattr,
    .call = vm_call_function,
    .descr_get = function_descr_get,
    .members = function_members,
    .getset = function_getset,
};

// ---- bound methods -------------------------------------------------------------------

static void method_trace(Object *o, GcTracer *t) {
    MethodObject *m = (MethodObject *)o;
    gc_trace_value(t, m->func);
    gc_trace_value(t, m->self);
}

Value method_new(Value func, Value self) {
    MethodObject *m = (MethodObject *)gc_alloc(&type_method, sizeof(MethodObject));
    if (!m) {
        return 0;
    }
    m->func = func;
    m->self = self;
    return val_from_ptr(m);
}

static Value method_call(Value callable, const Value *args, size_t nargs, Value kwnames) {
    MethodObject *m = (MethodObject *)val_ptr(callable);
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    size_t n = nargs + nkw;
    Value small[8];
    Value *v = n + 1 <= 8 ? small : malloc((n + 1) * sizeof(Value));
    if (!v) {
        return err_no_memory();
    }
    v[0] = m->self;
    if (n > 0) {  // args may be NULL when there are none (obj_call0)
        memcpy(v + 1, args, n * sizeof(Value));
    }
    Value r = obj_call(m->func, v, nargs + 1, kwnames);
    if (v != small) {
        free(v);
    }
    return r;
}

static Value method_repr(Value self) {
    MethodObject *m = (MethodObject *)val_ptr(self);
    Value name = obj_getattr_cstr(m->func, "__qualname__");
    if (!name) {
        err_clear();
        name = obj_getattr_cstr(m->func, "__name__");
        if (!name) {
            err_clear();
            name = str_from_cstr("?");
        }
    }
    Value r = obj_repr(m->self);
    if (!r || !val_is_str(name)) {
        return r ? obj_repr(name) : 0;
    }
    return str_format_c("<bound method %s of %s>", str_obj(name)->data, str_obj(r)->data);
}

static Value method_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &type_method) {
        return VAL_NOTIMPLEMENTED;
    }
    MethodObject *x = (MethodObject *)val_ptr(a), *y = (MethodObject *)val_ptr(b);
    int eq = x->self == y->self;
    if (eq) {
        eq = obj_richcompare_bool(x->func, y->func, CMP_EQ);
        if (eq < 0) {
            return 0;
        }
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static int64_t method_hash(Value self) {
    MethodObject *m = (MethodObject *)val_ptr(self);
    int64_t h = obj_hash(m->func);
    if (h == -1) {
        return -1;
    }
    int64_t r = (int64_t)(((uint64_t)(uintptr_t)val_ptr(m->self) >> 4) ^ (uint64_t)h);
    return r == -1 ? -2 : r;
}

// Attributes other than __func__/__self__ come from the function.
static Value method_getattr(Value self, Value name) {
    MethodObject *m = (MethodObject *)val_ptr(self);
    Value descr = type_lookup(type_of(self), name);
    if (descr) {
        DescrGetFunc get = type_of(descr)->descr_get;
        return get ? get(descr, self, val_from_ptr(type_of(self))) : descr;
    }
    return obj_getattr(m->func, name);
}

// (getattr, (self, name)): a bound method pickles as its lookup.
static Value method_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    MethodObject *m = (MethodObject *)val_ptr(self);
    Value name = obj_getattr_cstr(m->func, "__name__");
    Value fn = name && vm_builtins ? dict_get_cstr(vm_builtins, "getattr") : 0;
    Value a = fn ? tuple_pack2(m->self, name) : 0;
    return a ? tuple_pack2(fn, a) : 0;
}

static const MethodDef method_methods[] = {
    {"__reduce__", method_m_reduce, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static Value mt_get_func(Value self) { return ((MethodObject *)val_ptr(self))->func; }
static Value mt_get_self(Value self) { return ((MethodObject *)val_ptr(self))->self; }
static const GetSetDef method_getset[] = {
    {"__func__", mt_get_func, NULL, NULL},
    {"__self__", mt_get_self, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

// method(function, instance): types.MethodType.
static Value method_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    (void)type;
    if (kwnames && tuple_obj(kwnames)->len > 0) {
        return err_format(&exc_TypeError, "method() takes no keyword arguments");
    }
    if (nargs != 2) {
        return err_format(&exc_TypeError, "method expected 2 arguments, got %zu", nargs);
    }
    if (!type_of(args[0])->call) {
        return err_format(&exc_TypeError, "first argument must be callable");
    }
    if (args[1] == VAL_NONE) {
        return err_format(&exc_TypeError, "instance must not be None");
    }
    return method_new(args[0], args[1]);
}

Type type_method = {
    .header = {&type_type},
    .name = "method",
    .new_ = method_tp_new,
    .flags = TYPE_HAS_WEAKREF,
    .basic_size = sizeof(MethodObject),
    .base = &type_object,
    .trace = method_trace,
    .repr = method_repr,
    .richcompare = method_richcompare,
    .hash = method_hash,
    .getattr = method_getattr,
    .call = method_call,
    .getset = method_getset,
    .methods = method_methods,
};

// ---- cells ---------------------------------------------------------------------------

static void cell_trace(Object *o, GcTracer *t) { gc_trace_value(t, ((CellObject *)o)->value); }

Value cell_new(Value contents) {
    CellObject *c = (CellObject *)gc_alloc(&type_cell, sizeof(CellObject));
    if (!c) {
        return 0;
    }
    c->value = contents;
    return val_from_ptr(c);
}

static Value cell_repr(Value self) {
    CellObject *c = (CellObject *)val_ptr(self);
    if (!c->value) {
        return str_format_c("<cell at %p: empty>", (void *)c);
    }
    return str_format_c("<cell at %p: %s object at %p>", (void *)c, obj_type_name(c->value),
                        (void *)val_ptr(c->value));
}

static Value cell_get_contents(Value self) {
    CellObject *c = (CellObject *)val_ptr(self);
    if (!c->value) {
        return err_format(&exc_ValueError, "Cell is empty");
    }
    return c->value;
}
static int cell_set_contents(Value self, Value v) {
    ((CellObject *)val_ptr(self))->value = v;
    return 0;
}
static const GetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value cell_richcompare(Value a, Value b, CompareOp op) {
    if (type_of(b) != &type_cell) {
        return VAL_NOTIMPLEMENTED;
    }
    Value x = ((CellObject *)val_ptr(a))->value, y = ((CellObject *)val_ptr(b))->value;
    if (x && y) {
        return obj_richcompare(x, y, op);
    }
    int c = (x != 0) - (y != 0);  // empty cells sort first
    switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_EQ: return val_bool(c == 0);
    case CMP_NE: return val_bool(c != 0);
    case CMP_GT: return val_bool(c > 0);
    case CMP_GE: return val_bool(c >= 0);
    }
    return 0;
}

// cell([contents]): types.CellType.
static Value cell_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    (void)type;
    if (kwnames && tuple_obj(kwnames)->len > 0) {
        return err_format(&exc_TypeError, "cell() takes no keyword arguments");
    }
    if (nargs > 1) {
        return err_format(&exc_TypeError, "cell expected at most 1 argument, got %zu", nargs);
    }
    return cell_new(nargs ? args[0] : 0);
}

Type type_cell = {
    .header = {&type_type},
    .name = "cell",
    .new_ = cell_tp_new,
    .basic_size = sizeof(CellObject),
    .base = &type_object,
    .trace = cell_trace,
    .repr = cell_repr,
    .richcompare = cell_richcompare,
    .hash = hash_unhashable,
    .getset = cell_getset,
};
