// warningsmodule.c - the `_warnings` module, as much of it as importlib
// needs: warn() and warn_explicit(), which hand over to the pure-Python
// implementation in Lib/warnings.py.
//
// This module deliberately lacks `filters`, `_defaultaction`,
// `_onceregistry` and `_filters_mutated`: warnings.py imports those six
// names from here in one statement, gets ImportError, and keeps its own
// complete Python implementation (filters, registries, formatting). The
// two functions here import `warnings` on first use and call its
// versions; a C function adds no Python frame, so `stacklevel` means the
// same to both.
#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// warnings.<name>, importing warnings through builtins.__import__.
static Value warnings_function(const char *name) {
    Value builtins = builtins_init();
    Value imp = builtins ? obj_getattr_cstr(builtins, "__import__") : 0;
    Value mod = imp ? obj_call1(imp, str_intern_cstr("warnings")) : 0;
    return mod ? obj_getattr_cstr(mod, name) : 0;
}

FN(warnings_warn) {
    static const char *const names[] = {"message", "category", "stacklevel", "source", NULL};
    static const ArgSpec spec = {"warn", 0, names, 1, 4, 0};
    Value a[4];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value f = warnings_function("warn");
    return f ? obj_call(f, args, nargs, kwnames) : 0;
}

FN(warnings_warn_explicit) {
    static const char *const names[] = {"message", "category", "filename", "lineno", "module",
                                        "registry", "module_globals", "source", NULL};
    static const ArgSpec spec = {"warn_explicit", 0, names, 4, 8, 0};
    Value a[8];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value f = warnings_function("warn_explicit");
    return f ? obj_call(f, args, nargs, kwnames) : 0;
}

static const MethodDef warnings_functions[] = {
    {"warn", warnings_warn, METH_DEFAULT, "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", warnings_warn_explicit, METH_DEFAULT, "Low-level interface to warnings functionality."},
    {NULL, NULL, 0, NULL},
};

Value warnings_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("_warnings");
    if (!m || module_add_functions(m, warnings_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr("_warnings provides basic warning filtering "
                                               "support.\nIt is a helper module to speed up "
                                               "interpreter start-up.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
