// module.h - the module type: a namespace dict with a name.
//
// A module's attributes are its dict (`__dict__`): __name__, __doc__,
// __package__, __loader__ and __spec__ live there like any global of the
// module's code, which runs with that dict as its globals. Attribute access
// looks at the type first (so `m.__dict__` and `m.__class__` work), then the
// dict, then a `__getattr__` function in the dict (PEP 562).
//
// The builtin modules written in C (builtins, sys, ...) are listed with
// their init functions in src/modules/modules.c; the import system asks
// modules_find_builtin() there.
#ifndef KRAIT_MODULE_H
#define KRAIT_MODULE_H

#include "object.h"
#include "type.h"

typedef struct ModuleObject {
    Object header;
    Value dict;         // the namespace
    int builtin;        // created by a builtin module's init: repr says "(built-in)"
} ModuleObject;

extern Type type_module;

static inline int module_check(Value v) {
    return val_is_ptr(v) && type_is_subtype(val_ptr(v)->type, &type_module);
}
static inline ModuleObject *module_obj(Value v) { return (ModuleObject *)val_ptr(v); }

// A new module named `name` (a str), as types.ModuleType(name) makes it:
// its dict holds __name__, __doc__ (None), __package__, __loader__ and
// __spec__ (None). 0 on MemoryError.
Value module_new(Value name);
Value module_new_cstr(const char *name);

// The module's namespace (a dict).
static inline Value module_dict(Value m) { return module_obj(m)->dict; }

// The module's __name__ as a str, or 0 with SystemError "nameless module".
Value module_name(Value m);

// Put `value` into the module's dict under `name`. 0 or -1.
int module_add(Value m, const char *name, Value value);

// Add a builtin function for each MethodDef (NULL-name terminated): the
// functions are bound to the module (their __self__) and their __module__
// is the module's name. 0 or -1.
int module_add_functions(Value m, const MethodDef *defs);

// The attribute slots, for types and code that reuse them.
Value module_getattr(Value m, Value name);
int module_setattr(Value m, Value name, Value value);

#endif
