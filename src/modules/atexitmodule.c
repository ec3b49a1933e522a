// atexitmodule.c - the `atexit` module: functions run when the interpreter
// exits, last registered first.
//
// The callbacks are (func, args, kwargs) triples in one list. run.c calls
// atexit_run_callbacks() when the program ends (after an uncaught
// exception has been reported, before the exit finalizers and the final
// flush, as CPython's Py_FinalizeEx does). A callback that raises is
// reported as unraisable ("Exception ignored in atexit callback: <func>")
// and the others still run.
#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Value callbacks;   // a list of (func, args tuple, kwargs dict or None)

static int ensure_callbacks(void) {
    if (callbacks) {
        return 0;
    }
    gc_add_root(&callbacks);
    callbacks = list_new(0);
    return callbacks ? 0 : -1;
}

FN(atexit_register) {
    if (nargs < 1) {
        return err_format(&exc_TypeError, "register() takes at least 1 argument (0 given)");
    }
    Value func = args[0];
    if (!type_of(func)->call) {
        return err_format(&exc_TypeError, "the first argument must be callable");
    }
    Value fargs = tuple_from(args + 1, nargs - 1);
    Value kw = VAL_NONE;
    size_t nkw = args_nkw(kwnames);
    if (!fargs || ensure_callbacks() < 0) {
        return 0;
    }
    if (nkw) {
        kw = dict_new();
        if (!kw) {
            return 0;
        }
        for (size_t i = 0; i < nkw; i++) {
            if (dict_set(kw, tuple_obj(kwnames)->items[i], args[nargs + i]) < 0) {
                return 0;
            }
        }
    }
    Value entry[3] = {func, fargs, kw};
    Value t = tuple_from(entry, 3);
    if (!t || list_append(callbacks, t) < 0) {
        return 0;
    }
    return func;
}

// Unregistering leaves a hole (None) where each match was, as CPython's
// array of callbacks does: _ncallbacks() still counts it.
FN(atexit_unregister) {
    if (method_check_args("atexit.unregister", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    for (size_t i = 0; callbacks && i < list_obj(callbacks)->len; i++) {
        Value entry = list_obj(callbacks)->items[i];
        if (entry == VAL_NONE) {
            continue;
        }
        int eq = obj_richcompare_bool(tuple_obj(entry)->items[0], args[0], CMP_EQ);
        if (eq < 0) {
            return 0;
        }
        if (eq && i < list_obj(callbacks)->len && list_obj(callbacks)->items[i] == entry) {
            list_obj(callbacks)->items[i] = VAL_NONE;
        }
    }
    return VAL_NONE;
}

// Run the callbacks, last first, skipping the ones unregistered meanwhile,
// then forget them all, also those registered while running (CPython).
static void run_callbacks(void) {
    if (!callbacks) {
        return;
    }
    for (size_t i = list_obj(callbacks)->len; i-- > 0;) {
        if (i >= list_obj(callbacks)->len) {
            continue;
        }
        Value entry = list_obj(callbacks)->items[i];
        if (entry == VAL_NONE) {
            continue;
        }
        Value func = tuple_obj(entry)->items[0];
        Value kw = tuple_obj(entry)->items[2];
        Value r = obj_call_tuple_dict(func, tuple_obj(entry)->items[1], kw == VAL_NONE ? 0 : kw);
        if (!r) {
            Value exc = err_fetch();
            sys_write_unraisable(exc, "Exception ignored in atexit callback", func);
        }
    }
    list_clear(callbacks);
}

void atexit_run_callbacks(void) {
    run_callbacks();
}

FN(atexit_run_exitfuncs) {
    if (method_check_args("atexit._run_exitfuncs", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    run_callbacks();
    return VAL_NONE;
}

FN(atexit_clear) {
    if (method_check_args("atexit._clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (callbacks) {
        list_clear(callbacks);
    }
    return VAL_NONE;
}

FN(atexit_ncallbacks) {
    if (method_check_args("atexit._ncallbacks", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(callbacks ? (int64_t)list_obj(callbacks)->len : 0);
}

static const MethodDef atexit_functions[] = {
    {"register", atexit_register, METH_DEFAULT,
     "Register a function to be executed upon normal program termination"},
    {"unregister", atexit_unregister, METH_DEFAULT,
     "Unregister an exit function which was previously registered using atexit.register"},
    {"_run_exitfuncs", atexit_run_exitfuncs, METH_DEFAULT, "Run all registered exit functions."},
    {"_clear", atexit_clear, METH_DEFAULT, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", atexit_ncallbacks, METH_DEFAULT, "Return the number of registered exit functions."},
    {NULL, NULL, 0, NULL},
};

Value atexit_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("atexit");
    if (!m || module_add_functions(m, atexit_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr("allow programmer to define multiple exit "
                                               "functions to be executed\nupon normal program "
                                               "termination.\n\nTwo public functions, register "
                                               "and unregister, are defined.\n")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
