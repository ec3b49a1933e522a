// weakrefmodule.c - the `_weakref` module: what Lib/weakref.py and
// Lib/_weakrefset.py import. The types and functions live in
// runtime/weakref.c.
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/weakref.h"
#include "modules.h"

static const MethodDef weakref_module_methods[] = {
    {"getweakrefcount", weakref_m_getweakrefcount, METH_DEFAULT,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", weakref_m_getweakrefs, METH_DEFAULT,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", weakref_m_proxy, METH_DEFAULT,
     "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", weakref_m_remove_dead_weakref, METH_DEFAULT,
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL},
};

Value weakref_module_init(void) {
    Value m = module_new_cstr("_weakref");
    if (!m || module_add_functions(m, weakref_module_methods) < 0 ||
        module_add(m, "ref", val_from_ptr(&type_weakref)) < 0 ||
        module_add(m, "ReferenceType", val_from_ptr(&type_weakref)) < 0 ||
        module_add(m, "ProxyType", val_from_ptr(&type_weakproxy)) < 0 ||
        module_add(m, "CallableProxyType", val_from_ptr(&type_weakcallableproxy)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Weak-reference support module.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    return m;
}
