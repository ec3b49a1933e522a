// timemodule.c - the `time` module: clocks and sleep.
//
// The clocks a program times itself with (time, perf_counter, monotonic,
// process_time, thread_time and their _ns forms) and sleep(). The calendar
// half of CPython's module (struct_time, localtime, strftime, ...) is not
// here yet: those names are absent, so `time.strftime` is an AttributeError
// rather than a wrong answer.
#include <errno.h>
#include <math.h>
#include <time.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "modules.h"

static int64_t clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static Value clock_seconds(clockid_t id, const char *name, size_t nargs, Value kwnames) {
    if (method_check_args(name, nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    struct timespec ts;
    clock_gettime(id, &ts);
    return float_from_double((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static Value clock_nanoseconds(clockid_t id, const char *name, size_t nargs, Value kwnames) {
    if (method_check_args(name, nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(clock_ns(id));
}

#define CLOCK_FN(pyname, id)                                                              \
    static Value t_##pyname(Value self, const Value *args, size_t nargs, Value kwnames) {  \
        return clock_seconds(id, #pyname, nargs, kwnames);                                 \
    }                                                                                      \
    static Value t_##pyname##_ns(Value self, const Value *args, size_t nargs,              \
                                 Value kwnames) {                                          \
        return clock_nanoseconds(id, #pyname "_ns", nargs, kwnames);                       \
    }
CLOCK_FN(time, CLOCK_REALTIME)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC)
CLOCK_FN(monotonic, CLOCK_MONOTONIC)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FN(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef CLOCK_FN

static Value t_sleep(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("sleep", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    double secs;
    if (int_check(args[0])) {
        int overflow = 0;
        secs = int_to_double(args[0], &overflow);
        if (overflow) {
            return err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        }
    } else if (type_of(args[0]) == &type_float) {
        secs = float_value(args[0]);
        if (isnan(secs)) {
            return err_format(&exc_ValueError, "Invalid value NaN (not a number)");
        }
    } else {
        return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          obj_type_name(args[0]));
    }
    if (secs < 0) {
        return err_format(&exc_ValueError, "sleep length must be non-negative");
    }
    struct timespec ts = {(time_t)secs, (long)((secs - floor(secs)) * 1e9)};
    // A signal cuts the sleep short: its Python handler runs now, and the
    // sleep resumes unless the handler raised (PEP 475).
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
        if (signal_check_pending() < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

static const MethodDef time_functions[] = {
    {"time", t_time, METH_DEFAULT, "Return the current time in seconds since the Epoch."},
    {"time_ns", t_time_ns, METH_DEFAULT, "Return the current time in nanoseconds since the Epoch."},
    {"perf_counter", t_perf_counter, METH_DEFAULT, "Performance counter for benchmarking."},
    {"perf_counter_ns", t_perf_counter_ns, METH_DEFAULT, "Performance counter in nanoseconds."},
    {"monotonic", t_monotonic, METH_DEFAULT, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", t_monotonic_ns, METH_DEFAULT, "Monotonic clock in nanoseconds."},
    {"process_time", t_process_time, METH_DEFAULT, "Process time for profiling."},
    {"process_time_ns", t_process_time_ns, METH_DEFAULT, "Process time in nanoseconds."},
    {"thread_time", t_thread_time, METH_DEFAULT, "Thread time for profiling."},
    {"thread_time_ns", t_thread_time_ns, METH_DEFAULT, "Thread time in nanoseconds."},
    {"sleep", t_sleep, METH_DEFAULT, "Delay execution for a given number of seconds."},
    {NULL, NULL, 0, NULL},
};

Value timemodule_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    gc_add_root(&module);
    Value m = module_new_cstr("time");
    if (!m || module_add_functions(m, time_functions) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    module = m;
    return m;
}
