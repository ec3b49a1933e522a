// descr.c - the descriptor types of the language: property, staticmethod
// and classmethod, with CPython 3.11's behaviour and messages (properties
// name themselves through __set_name__ for their AttributeErrors;
// staticmethod and classmethod copy their callable's __name__, __doc__ ...
// into their own __dict__ as functools.wraps would, and chain to the
// callable's __get__).
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type_internal.h"
#include "../vm/vm.h"


static size_t nkw_of(Value kwnames) {
    return kwnames ? tuple_obj(kwnames)->len : 0;
}

// ---- property ----------------------------------------------------------------------

typedef struct PropertyObject {
    Object header;
    Value fget, fset, fdel, doc;  // 0 reads as None
    Value name;                   // from __set_name__, or 0
    int getter_doc;               // doc came from fget.__doc__
} PropertyObject;

extern Type type_property;

static PropertyObject *prop(Value v) {
    return (PropertyObject *)val_ptr(v);
}

static void property_trace(Object *o, GcTracer *t) {
    PropertyObject *p = (PropertyObject *)o;
    gc_trace_value(t, p->fget);
    gc_trace_value(t, p->fset);
    gc_trace_value(t, p->fdel);
    gc_trace_value(t, p->doc);
    gc_trace_value(t, p->name);
}

static Value or_none(Value v) {
    return v ? v : VAL_NONE;
}

// "property 'x' of 'C' object has no getter" (without the name when unnamed).
static Value property_error(Value self, Value obj, const char *what) {
    PropertyObject *p = prop(self);
    Value qual = type_qualname(type_of(obj));
    if (!qual) {
        return 0;
    }
    if (p->name) {
        Value r = obj_repr(p->name);
        return r ? err_format(&exc_AttributeError, "property %s of '%s' object has no %s",
                              str_obj(r)->data, str_obj(qual)->data, what)
                 : 0;
    }
    return err_format(&exc_AttributeError, "property of '%s' object has no %s",
                      str_obj(qual)->data, what);
}

static Value property_get(Value self, Value obj, Value type) {
    PropertyObject *p = prop(self);
    if (!obj) {
        return self;
    }
    if (!p->fget || p->fget == VAL_NONE) {
        return property_error(self, obj, "getter");
    }
    return obj_call1(p->fget, obj);
}

static int property_set(Value self, Value obj, Value value) {
    PropertyObject *p = prop(self);
    Value f = value ? p->fset : p->fdel;
    if (!f || f == VAL_NONE) {
        property_error(self, obj, value ? "setter" : "deleter");
        return -1;
    }
    Value r = value ? obj_call2(f, obj, value) : obj_call1(f, obj);
    return r ? 0 : -1;
}

static Value property_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(callable);
    Object *o = gc_alloc(t, t->basic_size);
    return o ? val_from_ptr(o) : 0;
}

// Fill a property from fget, fset, fdel, doc (any may be 0 or None).
static int property_fill(Value self, Value fget, Value fset, Value fdel, Value doc) {
    PropertyObject *p = prop(self);
    fget = fget == VAL_NONE ? 0 : fget;
    fset = fset == VAL_NONE ? 0 : fset;
    fdel = fdel == VAL_NONE ? 0 : fdel;
    p->fget = fget;
    p->fset = fset;
    p->fdel = fdel;
    p->getter_doc = 0;
    if ((!doc || doc == VAL_NONE) && fget) {
        doc = obj_getattr_opt(fget, NAME(__doc__));
        if (!doc && err_occurred()) {
            return -1;
        }
        p->getter_doc = 1;
    }
    if (type_of(self) == &type_property) {
        p->doc = doc ? doc : VAL_NONE;
        return 0;
    }
    // A subclass's class dict has its own __doc__, which would shadow the
    // member: the doc goes into the instance.
    return obj_setattr(self, NAME(__doc__), doc ? doc : VAL_NONE);
}

static Value property_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Value vals[4] = {0, 0, 0, 0};
    size_t nkw = nkw_of(kwnames);
    if (nargs > 4) {
        return err_format(&exc_TypeError, "property() takes at most 4 arguments (%zu given)",
                          nargs + nkw);
    }
    if (nargs) {
        memcpy(vals, args, nargs * sizeof(Value));
    }
    for (size_t k = 0; k < nkw; k++) {
        Value kn = tuple_obj(kwnames)->items[k];
        int i = 0;
        while (i < 4 && strcmp(str_obj(kn)->data, names[i]) != 0) {
            i++;
        }
        if (i == 4) {
            return err_format(&exc_TypeError, "'%s' is an invalid keyword argument for property()",
                              str_obj(kn)->data);
        }
        if ((size_t)i < nargs) {
            return err_format(&exc_TypeError,
                              "argument for property() given by name ('%s') and position (%d)",
                              names[i], i + 1);
        }
        vals[i] = args[nargs + k];
    }
    return property_fill(self, vals[0], vals[1], vals[2], vals[3]) < 0 ? 0 : VAL_NONE;
}

// getter/setter/deleter: a copy of the property with one function replaced.
static Value property_copy(Value self, Value fget, Value fset, Value fdel) {
    PropertyObject *p = prop(self);
    Value doc = p->getter_doc && fget ? VAL_NONE : or_none(p->doc);
    if (type_of(self) != &type_property && !(p->getter_doc && fget)) {
        Value d = obj_getattr_opt(self, NAME(__doc__));
        if (!d && err_occurred()) {
            return 0;
        }
        doc = or_none(d);
    }
    Value argv[4] = {or_none(fget ? fget : p->fget), or_none(fset ? fset : p->fset),
                     or_none(fdel ? fdel : p->fdel), doc};
    Value np = obj_call(val_from_ptr(type_of(self)), argv, 4, 0);
    if (np && type_is_subtype(type_of(np), &type_property)) {
        prop(np)->name = p->name;
    }
    return np;
}

static Value property_m_getter(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("getter", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return property_copy(self, args[0], 0, 0);
}

static Value property_m_setter(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("setter", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return property_copy(self, 0, args[0], 0);
}

static Value property_m_deleter(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("deleter", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return property_copy(self, 0, 0, args[0]);
}

static Value property_m_set_name(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (nargs != 2) {
        return err_format(&exc_TypeError, "__set_name__() takes 2 positional arguments but %zu were given",
                          nargs);
    }
    prop(self)->name = args[1];
    return VAL_NONE;
}

// True if any of the functions is abstract (CPython's __isabstractmethod__).
static Value is_abstract(Value f) {
    if (!f || f == VAL_NONE) {
        return VAL_FALSE;
    }
    Value v = obj_getattr_opt(f, NAME(__isabstractmethod__));
    if (!v) {
        return err_occurred() ? 0 : VAL_FALSE;
    }
    int t = obj_truthy(v);
    return t < 0 ? 0 : val_bool(t);
}

static Value property_get_isabstract(Value self) {
    PropertyObject *p = prop(self);
    Value fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        Value r = is_abstract(fs[i]);
        if (r != VAL_FALSE) {
            return r;
        }
    }
    return VAL_FALSE;
}

static Value property_get_fget(Value self) { return or_none(prop(self)->fget); }
static Value property_get_fset(Value self) { return or_none(prop(self)->fset); }
static Value property_get_fdel(Value self) { return or_none(prop(self)->fdel); }
static Value property_get_doc(Value self) { return or_none(prop(self)->doc); }

static int property_set_doc(Value self, Value value) {
    prop(self)->doc = value ? value : VAL_NONE;
    return 0;
}

static const MethodDef property_methods[] = {
    {"getter", property_m_getter, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_m_setter, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_m_deleter, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_m_set_name, METH_DEFAULT, "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

// fget/fset/fdel are read-only members in CPython: their error is a member's.
static int property_set_readonly(Value self, Value value) {
    (void)self;
    (void)value;
    err_format(&exc_AttributeError, "readonly attribute");
    return -1;
}

static const GetSetDef property_getset[] = {
    {"fget", property_get_fget, property_set_readonly, NULL},
    {"fset", property_get_fset, property_set_readonly, NULL},
    {"fdel", property_get_fdel, property_set_readonly, NULL},
    {"__doc__", property_get_doc, property_set_doc, NULL},
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_property = {
    .header = {&type_type},
    .name = "property",
    .text_signature = "(fget=None, fset=None, fdel=None, doc=None)",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(PropertyObject),
    .base = &type_object,
    .trace = property_trace,
    .descr_get = property_get,
    .descr_set = property_set,
    .new_ = property_new,
    .init = property_init,
    .methods = property_methods,
    .getset = property_getset,
};

// ---- staticmethod and classmethod -------------------------------------------------------------
// Both hold a callable and a __dict__ (they are BASETYPE with a dict_offset:
// CPython's copy the wrapped function's attributes into it).

typedef struct WrapperFuncObject {
    Object header;
    Value callable;   // 0 until __init__
    Value dict;
} WrapperFuncObject;

extern Type type_staticmethod, type_classmethod;

static WrapperFuncObject *wf(Value v) {
    return (WrapperFuncObject *)val_ptr(v);
}

static void wrapperfunc_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((WrapperFuncObject *)o)->callable);
    gc_trace_value(t, ((WrapperFuncObject *)o)->dict);
}

static Value wrapperfunc_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(callable);
    Object *o = gc_alloc(t, t->basic_size);
    return o ? val_from_ptr(o) : 0;
}

// functools.wraps(self, callable) as CPython's staticmethod/classmethod do it.
static int copy_wrapped_attrs(Value self, Value callable) {
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                        "__annotations__"};
    for (int i = 0; i < 5; i++) {
        Value name = str_intern_cstr(names[i]);
        Value v = name ? obj_getattr_opt(callable, name) : 0;
        if (!v) {
            if (err_occurred()) {
                return -1;
            }
            continue;
        }
        if (obj_setattr(self, name, v) < 0) {
            return -1;
        }
    }
    return 0;
}

static Value wrapperfunc_init(Value self, const Value *args, size_t nargs, Value kwnames,
                              const char *what) {
    if (nkw_of(kwnames)) {
        return err_format(&exc_TypeError, "%s() takes no keyword arguments", what);
    }
    if (nargs != 1) {
        return err_format(&exc_TypeError, "%s expected 1 argument, got %zu", what, nargs);
    }
    wf(self)->callable = args[0];
    return copy_wrapped_attrs(self, args[0]) < 0 ? 0 : VAL_NONE;
}

Value staticmethod_new(Value callable) {
    WrapperFuncObject *w =
        (WrapperFuncObject *)gc_alloc(&type_staticmethod, sizeof(WrapperFuncObject));
    if (!w) {
        return 0;
    }
    w->callable = callable;
    Value self = val_from_ptr(w);
    return copy_wrapped_attrs(self, callable) < 0 ? 0 : self;
}

static Value staticmethod_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    return wrapperfunc_init(self, args, nargs, kwnames, "staticmethod");
}

static Value classmethod_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    return wrapperfunc_init(self, args, nargs, kwnames, "classmethod");
}

static Value staticmethod_get(Value self, Value obj, Value type) {
    Value c = wf(self)->callable;
    if (!c) {
        return err_format(&exc_RuntimeError, "uninitialized staticmethod object");
    }
    return c;
}

static Value staticmethod_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value c = wf(self)->callable;
    if (!c) {
        return err_format(&exc_RuntimeError, "uninitialized staticmethod object");
    }
    return obj_call(c, args, nargs, kwnames);
}

static Value classmethod_get(Value self, Value obj, Value type) {
    Value c = wf(self)->callable;
    if (!c) {
        return err_format(&exc_RuntimeError, "uninitialized classmethod object");
    }
    if (!type) {
        type = val_from_ptr(type_of(obj));
    }
    DescrGetFunc get = type_of(c)->descr_get;
    if (get) {
        return get(c, type, type);
    }
    return method_new(c, type);
}

static Value wrapperfunc_repr(Value self, const char *what) {
    Value c = wf(self)->callable;
    if (!c) {
        return str_format_c("<%s(NULL)>", what);  // CPython crashes; do something sane
    }
    Value r = obj_repr(c);
    return r ? str_format_c("<%s(%U)>", what, r) : 0;
}

static Value staticmethod_repr(Value self) {
    return wrapperfunc_repr(self, "staticmethod");
}

static Value classmethod_repr(Value self) {
    return wrapperfunc_repr(self, "classmethod");
}

static Value wrapperfunc_get_func(Value self) {
    return or_none(wf(self)->callable);
}

static Value wrapperfunc_get_isabstract(Value self) {
    return is_abstract(wf(self)->callable);
}

static Value wrapperfunc_get_dict(Value self) {
    return object_get_dict(self);
}

static int wrapperfunc_set_dict(Value self, Value value) {
    return object_set_dict(self, value);
}

static const GetSetDef wrapperfunc_getset[] = {
    {"__func__", wrapperfunc_get_func, NULL, NULL},
    {"__wrapped__", wrapperfunc_get_func, NULL, NULL},
    {"__isabstractmethod__", wrapperfunc_get_isabstract, NULL, NULL},
    {"__dict__", wrapperfunc_get_dict, wrapperfunc_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_staticmethod = {
    .header = {&type_type},
    .name = "staticmethod",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(WrapperFuncObject),
    .base = &type_object,
    .trace = wrapperfunc_trace,
    .repr = staticmethod_repr,
    .descr_get = staticmethod_get,
    .call = staticmethod_call,
    .new_ = wrapperfunc_new,
    .init = staticmethod_init,
    .getset = wrapperfunc_getset,
    .dict_offset = offsetof(WrapperFuncObject, dict),
};

Type type_classmethod = {
    .header = {&type_type},
    .name = "classmethod",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(WrapperFuncObject),
    .base = &type_object,
    .trace = wrapperfunc_trace,
    .repr = classmethod_repr,
    .descr_get = classmethod_get,
    .new_ = wrapperfunc_new,
    .init = classmethod_init,
    .getset = wrapperfunc_getset,
    .dict_offset = offsetof(WrapperFuncObject, dict),
};
