// super.c - the super type: super(C, obj), super(C, C2), super(C) and the
// zero-argument form, which reads the calling frame: its first argument (or
// the cell holding it when the argument is captured) and the cell of the
// `__class__` free variable the compiler creates for methods that mention
// super or __class__.
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "str.h"
#include "tuple.h"
#include "type_internal.h"
#include "../vm/vm.h"


typedef struct SuperObject {
    Object header;
    Type *type;       // the class after which the lookup starts (__thisclass__), or NULL
    Value obj;        // the bound instance or class (__self__), or 0
    Type *obj_type;   // the type whose MRO is searched (__self_class__), or NULL
} SuperObject;

extern Type type_super;

static SuperObject *sup(Value v) {
    return (SuperObject *)val_ptr(v);
}

static void super_trace(Object *o, GcTracer *t) {
    SuperObject *s = (SuperObject *)o;
    gc_trace_object(t, (Object *)s->type);
    gc_trace_value(t, s->obj);
    gc_trace_object(t, (Object *)s->obj_type);
}

// The type whose MRO super(type, obj) searches (CPython's supercheck).
static Type *supercheck(Type *type, Value obj) {
    if (type_check(obj) && type_is_subtype_mro(type_ptr(obj), type)) {
        return type_ptr(obj);
    }
    if (type_is_subtype_mro(type_of(obj), type)) {
        return type_of(obj);
    }
    Value cls = obj_getattr_opt(obj, NAME(__class__));
    if (cls) {
        if (type_check(cls) && type_ptr(cls) != type_of(obj) &&
            type_is_subtype_mro(type_ptr(cls), type)) {
            return type_ptr(cls);
        }
    } else if (err_occurred()) {
        return NULL;
    }
    err_format(&exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static Value super_getattr(Value self, Value name) {
    SuperObject *s = sup(self);
    Type *start = s->obj_type;
    // (a type whose mro() is still running has no MRO yet: plain lookup)
    if (start && start->mro && val_is_str(name) && !str_equal(name, NAME(__class__))) {
        TupleObject *mro = tuple_obj(start->mro);
        size_t i = 0;
        while (i + 1 < mro->len && type_ptr(mro->items[i]) != s->type) {
            i++;
        }
        for (i++; i < mro->len; i++) {
            Type *t = type_ptr(mro->items[i]);
            Value res = dict_get(t->dict, name);
            if (res) {
                DescrGetFunc get = type_of(res)->descr_get;
                if (get) {
                    Value inst = s->obj == val_from_ptr(start) ? 0 : s->obj;
                    return get(res, inst, val_from_ptr(start));
                }
                return res;
            }
            if (err_occurred()) {
                return 0;
            }
        }
    }
    return object_generic_getattr(self, name);
}

static Value super_get(Value self, Value obj, Value type) {
    SuperObject *s = sup(self);
    if (!obj || s->obj) {
        return self;
    }
    Value args[2] = {val_from_ptr(s->type), obj};
    return obj_call(val_from_ptr(type_of(self)), args, 2, 0);
}

static Value super_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(callable);
    Object *o = gc_alloc(t, t->basic_size);
    return o ? val_from_ptr(o) : 0;
}

// The zero-argument form: the frame of the function calling super().
static int super_from_frame(Type **type, Value *obj) {
    Frame *f = vm_current_frame();
    if (!f) {
        err_format(&exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    Code *co = f->code;
    if (co->argcount == 0) {
        err_format(&exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    Value first = f->slots[0];
    // A captured first argument lives in its cell.
    Value argname = tuple_obj(co->varnames)->items[0];
    TupleObject *cells = co->cellvars ? tuple_obj(co->cellvars) : NULL;
    for (size_t i = 0; cells && i < cells->len; i++) {
        if (str_equal(cells->items[i], argname)) {
            Value cell = f->slots[co->nlocals + i];
            first = cell ? ((CellObject *)val_ptr(cell))->value : 0;
            break;
        }
    }
    if (!first) {
        err_format(&exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    TupleObject *frees = co->freevars ? tuple_obj(co->freevars) : NULL;
    for (size_t i = 0; frees && i < frees->len; i++) {
        if (!str_equal(frees->items[i], NAME(__class__))) {
            continue;
        }
        Value cell = f->slots[co->nlocals + co->ncells + i];
        if (!cell || type_of(cell) != &type_cell) {
            err_format(&exc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        Value cls = ((CellObject *)val_ptr(cell))->value;
        if (!cls) {
            err_format(&exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!type_check(cls)) {
            err_format(&exc_RuntimeError, "super(): __class__ is not a type (%s)",
                       obj_type_name(cls));
            return -1;
        }
        *type = type_ptr(cls);
        *obj = first;
        return 0;
    }
    err_format(&exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static Value super_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len) {
        return err_format(&exc_TypeError, "super() takes no keyword arguments");
    }
    if (nargs > 2) {
        return err_format(&exc_TypeError, "super() expected at most 2 arguments, got %zu", nargs);
    }
    Type *type;
    Value obj = 0;
    if (nargs == 0) {
        if (super_from_frame(&type, &obj) < 0) {
            return 0;
        }
    } else {
        if (!type_check(args[0])) {
            return err_format(&exc_TypeError, "super() argument 1 must be a type, not %s",
                              obj_type_name(args[0]));
        }
        type = type_ptr(args[0]);
        obj = nargs == 2 ? args[1] : 0;
    }
    if (obj == VAL_NONE) {
        obj = 0;  // super(C, None) is unbound, as CPython has it (also for a `self = None`)
    }
    Type *obj_type = NULL;
    if (obj && !(obj_type = supercheck(type, obj))) {
        return 0;
    }
    SuperObject *s = sup(self);
    s->type = type;
    s->obj = obj;
    s->obj_type = obj_type;
    return VAL_NONE;
}

static Value super_repr(Value self) {
    SuperObject *s = sup(self);
    const char *tn = s->type ? s->type->name : "NULL";
    if (s->obj_type) {
        return str_format_c("<super: <class '%s'>, <%s object>>", tn, s->obj_type->name);
    }
    return str_format_c("<super: <class '%s'>, NULL>", tn);
}

static Value super_get_thisclass(Value self) {
    Type *t = sup(self)->type;
    return t ? val_from_ptr(t) : VAL_NONE;
}

static Value super_get_self(Value self) {
    Value o = sup(self)->obj;
    return o ? o : VAL_NONE;
}

static Value super_get_self_class(Value self) {
    Type *t = sup(self)->obj_type;
    return t ? val_from_ptr(t) : VAL_NONE;
}

static const GetSetDef super_getset[] = {
    {"__thisclass__", super_get_thisclass, NULL, "the class invoking super()"},
    {"__self__", super_get_self, NULL, "the instance invoking super(); may be None"},
    {"__self_class__", super_get_self_class, NULL, "the type of the instance invoking super(); may be None"},
    {NULL, NULL, NULL, NULL},
};

Type type_super = {
    .header = {&type_type},
    .name = "super",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(SuperObject),
    .base = &type_object,
    .trace = super_trace,
    .repr = super_repr,
    .getattr = super_getattr,
    .descr_get = super_get,
    .new_ = super_new,
    .init = super_init,
    .getset = super_getset,
};
