// module.c - the module type (see module.h).
#include "module.h"

#include <stddef.h>
#include <string.h>

#include "abstract.h"
#include "args.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "list.h"
#include "str.h"

static void module_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((ModuleObject *)o)->dict);
}

static ModuleObject *module_alloc(Type *t) {
    ModuleObject *m = (ModuleObject *)gc_alloc(t, t->basic_size);
    if (!m) {
        return NULL;
    }
    m->dict = dict_new();
    return m->dict ? m : NULL;
}

// What module.__init__ puts into the dict.
static int module_init_dict(Value dict, Value name, Value doc) {
    if (dict_set_cstr(dict, "__name__", name) < 0 || dict_set_cstr(dict, "__doc__", doc) < 0 ||
        dict_set_cstr(dict, "__package__", VAL_NONE) < 0 ||
        dict_set_cstr(dict, "__loader__", VAL_NONE) < 0 ||
        dict_set_cstr(dict, "__spec__", VAL_NONE) < 0) {
        return -1;
    }
    return 0;
}

Value module_new(Value name) {
    ModuleObject *m = module_alloc(&type_module);
    if (!m || module_init_dict(m->dict, name, VAL_NONE) < 0) {
        return 0;
    }
    return val_from_ptr(m);
}

Value module_new_cstr(const char *name) {
    Value n = str_intern_cstr(name);
    return n ? module_new(n) : 0;
}

Value module_name(Value m) {
    Value name = dict_get_cstr(module_dict(m), "__name__");
    if (!name || !val_is_str(name)) {
        if (!err_occurred()) {
            err_format(&exc_SystemError, "nameless module");
        }
        return 0;
    }
    return name;
}

int module_add(Value m, const char *name, Value value) {
    if (!value) {
        return -1;
    }
    Value key = str_intern_cstr(name);
    return key ? dict_set(module_dict(m), key, value) : -1;
}

int module_add_functions(Value m, const MethodDef *defs) {
    Value modname = module_name(m);
    if (!modname) {
        return -1;
    }
    for (const MethodDef *d = defs; d->name; d++) {
        if (module_add(m, d->name, builtin_function_new(d, m, modname)) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---- attributes ------------------------------------------------------------------

// Whether the module's __spec__._initializing is true (it is being imported).
static int module_initializing(Value dict) {
    Value spec = dict_get_cstr(dict, "__spec__");
    if (!spec || spec == VAL_NONE) {
        err_clear();
        return 0;
    }
    Value flag = obj_getattr_opt(spec, str_intern_cstr("_initializing"));
    int r = flag ? obj_truthy(flag) : 0;
    if (r < 0) {
        r = 0;
    }
    err_clear();
    return r;
}

Value module_getattr(Value self, Value name) {
    ModuleObject *m = module_obj(self);
    Type *t = type_of(self);
    Value descr = type_lookup(t, name);
    if (!descr && err_occurred()) {
        return 0;
    }
    DescrGetFunc get = descr ? type_of(descr)->descr_get : NULL;
    if (get && type_of(descr)->descr_set) {
        return get(descr, self, val_from_ptr(t));
    }
    Value v = dict_get(m->dict, name);
    if (v) {
        return v;
    }
    if (err_occurred()) {
        return 0;
    }
    if (get) {
        return get(descr, self, val_from_ptr(t));
    }
    if (descr) {
        return descr;
    }
    Value hook = dict_get_cstr(m->dict, "__getattr__");
    if (hook) {
        return obj_call1(hook, name);
    }
    if (err_occurred()) {
        return 0;
    }
    Value modname = dict_get_cstr(m->dict, "__name__");
    if (!modname || !val_is_str(modname)) {
        err_clear();
        return err_format(&exc_AttributeError, "module has no attribute '%s'",
                          str_obj(name)->data);
    }
    if (module_initializing(m->dict)) {
        return err_format(&exc_AttributeError,
                          "partially initialized module '%s' has no attribute '%s' "
                          "(most likely due to a circular import)",
                          str_obj(modname)->data, str_obj(name)->data);
    }
    return err_format(&exc_AttributeError, "module '%s' has no attribute '%s'",
                      str_obj(modname)->data, str_obj(name)->data);
}

int module_setattr(Value self, Value name, Value value) {
    ModuleObject *m = module_obj(self);
    Type *t = type_of(self);
    Value descr = type_lookup(t, name);
    if (!descr && err_occurred()) {
        return -1;
    }
    DescrSetFunc set = descr ? type_of(descr)->descr_set : NULL;
    if (set) {
        return set(descr, self, value);
    }
    if (value) {
        return dict_set(m->dict, name, value);
    }
    int r = dict_del(m->dict, name);
    if (r == 0) {
        err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                   str_obj(name)->data);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

// ---- repr --------------------------------------------------------------------------
// What importlib's _module_repr shows: the spec's origin, else __file__, else
// the loader, else nothing; builtin modules made before importlib say
// "(built-in)".
static Value module_repr(Value self) {
    ModuleObject *m = module_obj(self);
    Value name = dict_get_cstr(m->dict, "__name__");
    err_clear();
    if (!name || !val_is_str(name)) {
        name = str_intern_cstr("?");
    }
    Value spec = dict_get_cstr(m->dict, "__spec__");
    err_clear();
    if (spec && spec != VAL_NONE) {
        Value origin = obj_getattr_opt(spec, str_intern_cstr("origin"));
        if (!origin && err_occurred()) {
            return 0;
        }
        if (origin && origin != VAL_NONE) {
            Value has_location = obj_getattr_opt(spec, str_intern_cstr("has_location"));
            if (!has_location && err_occurred()) {
                return 0;
            }
            int loc = has_location ? obj_truthy(has_location) : 0;
            if (loc < 0) {
                return 0;
            }
            return loc ? str_format_c("<module %R from %R>", name, origin)
                       : str_format_c("<module %R (%S)>", name, origin);
        }
    }
    Value file = dict_get_cstr(m->dict, "__file__");
    err_clear();
    if (file && val_is_str(file)) {
        return str_format_c("<module %R from %R>", name, file);
    }
    Value loader = dict_get_cstr(m->dict, "__loader__");
    err_clear();
    if (loader && loader != VAL_NONE) {
        return str_format_c("<module %R (%R)>", name, loader);
    }
    if (m->builtin) {
        return str_format_c("<module %R (built-in)>", name);
    }
    return str_format_c("<module %R>", name);
}

// ---- construction ------------------------------------------------------------------

static Value module_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    ModuleObject *m = module_alloc((Type *)val_ptr(type));
    return m ? val_from_ptr(m) : 0;
}

static const char *const module_init_names[] = {"name", "doc", NULL};
static const ArgSpec module_init_spec = {"module", 0, module_init_names, 1, 2, 0};

// module.__init__(name, doc=None)
static Value module_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value a[2];
    if (args_unpack(&module_init_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (!val_is_str(a[0])) {
        return err_format(&exc_TypeError, "module() argument 'name' must be str, not %s",
                          obj_type_name(a[0]));
    }
    if (module_init_dict(module_dict(self), a[0], a[1] ? a[1] : VAL_NONE) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// ---- methods and getsets ---------------------------------------------------------------

// module.__dir__(): the dict's __dir__() if it has one, else its keys.
static Value module_m_dir(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("module.__dir__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value dict = module_dict(self);
    Value hook = dict_get_cstr(dict, "__dir__");
    if (hook) {
        return obj_call0(hook);
    }
    if (err_occurred()) {
        return 0;
    }
    return dict_keys(dict);
}

static const MethodDef module_methods[] = {
    {"__dir__", module_m_dir, METH_NO_KEYWORDS, "Implement dir(module)."},
    {NULL, NULL, 0, NULL},
};

// __annotations__: created empty in the dict on first use (3.10+).
static Value module_get_annotations(Value self) {
    Value dict = module_dict(self);
    Value a = dict_get_cstr(dict, "__annotations__");
    if (a || err_occurred()) {
        return a;
    }
    a = dict_new();
    if (!a || dict_set_cstr(dict, "__annotations__", a) < 0) {
        return 0;
    }
    return a;
}

static int module_set_annotations(Value self, Value value) {
    Value dict = module_dict(self);
    if (value) {
        return dict_set_cstr(dict, "__annotations__", value);
    }
    int r = dict_del(dict, str_intern_cstr("__annotations__"));
    if (r == 0) {
        err_format(&exc_AttributeError, "__annotations__");
        return -1;
    }
    return r < 0 ? -1 : 0;
}

static const GetSetDef module_getset[] = {
    {"__annotations__", module_get_annotations, module_set_annotations, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MemberDef module_members[] = {
    {"__dict__", MEMBER_VALUE_RO, offsetof(ModuleObject, dict), NULL},
    {NULL, 0, 0, NULL},
};

Type type_module = {
    .header = {&type_type},
    .name = "module",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(ModuleObject),
    // Subclasses share the module's dict rather than adding their own.
    .dict_offset = offsetof(ModuleObject, dict),
    .base = &type_object,
    .trace = module_trace,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .new_ = module_tp_new,
    .init = module_tp_init,
    .methods = module_methods,
    .members = module_members,
    .getset = module_getset,
};
