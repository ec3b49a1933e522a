// tracemallocmodule.c - the `_tracemalloc` module, without tracing.
//
// krait's collector does not record where objects were allocated yet, so
// tracing cannot start: start() raises NotImplementedError. Everything else
// answers as CPython's module does while it is not tracing (which is all
// the standard library asks when it is not told to trace: warnings and
// test.support call is_tracing() and _get_object_traceback()).
#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static int no_args(const char *name, size_t nargs, Value kwnames) {
    return method_check_args(name, nargs, kwnames, 0, 0);
}

FN(tm_is_tracing) {
    return no_args("is_tracing", nargs, kwnames) < 0 ? 0 : VAL_FALSE;
}

FN(tm_clear_traces) {
    return no_args("clear_traces", nargs, kwnames) < 0 ? 0 : VAL_NONE;
}

FN(tm_reset_peak) {
    return no_args("reset_peak", nargs, kwnames) < 0 ? 0 : VAL_NONE;
}

FN(tm_stop) {
    return no_args("stop", nargs, kwnames) < 0 ? 0 : VAL_NONE;
}

FN(tm_get_traces) {
    return no_args("_get_traces", nargs, kwnames) < 0 ? 0 : list_new(0);
}

FN(tm_get_traceback_limit) {
    return no_args("get_traceback_limit", nargs, kwnames) < 0 ? 0 : int_from_i64(1);
}

// Nothing is traced: no memory is in use for traces.
FN(tm_get_traced_memory) {
    if (no_args("get_traced_memory", nargs, kwnames) < 0) {
        return 0;
    }
    Value zero[2] = {int_from_i64(0), int_from_i64(0)};
    return tuple_from(zero, 2);
}

FN(tm_get_tracemalloc_memory) {
    return no_args("get_tracemalloc_memory", nargs, kwnames) < 0 ? 0 : int_from_i64(0);
}

FN(tm_get_object_traceback) {
    return method_check_args("_get_object_traceback", nargs, kwnames, 1, 1) < 0 ? 0 : VAL_NONE;
}

FN(tm_start) {
    if (args_no_keywords("_tracemalloc.start", kwnames) < 0 || args_check_positional("start", nargs, 0, 1) < 0) {
        return 0;
    }
    if (nargs == 1) {
        Value n = obj_index(args[0]);
        int64_t frames;
        if (!n) {
            return 0;
        }
        if (int_to_i64(n, &frames) < 0 || frames < 1 || frames > 65535) {
            err_clear();
            return err_format(&exc_ValueError, "the number of frames must be in range [1; 65535]");
        }
    }
    return err_format(&exc_NotImplementedError,
                      "tracemalloc.start(): krait does not trace allocations yet");
}

static const MethodDef tracemalloc_functions[] = {
    {"is_tracing", tm_is_tracing, METH_DEFAULT,
     "Return True if the tracemalloc module is tracing Python memory allocations."},
    {"clear_traces", tm_clear_traces, METH_DEFAULT,
     "Clear traces of memory blocks allocated by Python."},
    {"_get_traces", tm_get_traces, METH_DEFAULT,
     "Get traces of all memory blocks allocated by Python."},
    {"_get_object_traceback", tm_get_object_traceback, METH_DEFAULT,
     "Get the traceback where the Python object obj was allocated."},
    {"start", tm_start, METH_DEFAULT, "Start tracing Python memory allocations."},
    {"stop", tm_stop, METH_DEFAULT, "Stop tracing Python memory allocations."},
    {"get_traceback_limit", tm_get_traceback_limit, METH_DEFAULT,
     "Get the maximum number of frames stored in the traceback of a trace."},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory, METH_DEFAULT,
     "Get the memory usage in bytes of the tracemalloc module."},
    {"get_traced_memory", tm_get_traced_memory, METH_DEFAULT,
     "Get the current size and peak size of memory blocks traced by tracemalloc."},
    {"reset_peak", tm_reset_peak, METH_DEFAULT,
     "Set the peak size of memory blocks traced by tracemalloc to the current size."},
    {NULL, NULL, 0, NULL},
};

Value tracemalloc_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("_tracemalloc");
    if (!m || module_add_functions(m, tracemalloc_functions) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
