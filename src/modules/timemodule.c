// timemodule.c - the `time` module: clocks and sleep.
//
// The clocks a program times itself with (time, perf_counter, monotonic,
// process_time, thread_time and their _ns forms), sleep(), and the calendar
// half over the C library: struct_time, gmtime, localtime, mktime,
// strftime, asctime, ctime, and timezone/altzone/daylight/tzname set as
// CPython's init_timezone does (from January and July of this year).
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/dict.h"
#include "../runtime/namespace.h"
#include "../runtime/str.h"
#include "../runtime/structseq.h"
#include "../runtime/tuple.h"
#include "../vm/vm.h"
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
    for (;;) {
        int r;
        VM_BEGIN_ALLOW_THREADS
        r = nanosleep(&ts, &ts);
        VM_END_ALLOW_THREADS
        if (r == 0 || errno != EINTR) {
            break;
        }
        if (signal_check_pending() < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

// ---- the calendar half -----------------------------------------------------------

static Type type_struct_time;
static const char *const struct_time_fields[] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
};

static Value tm_to_struct(const struct tm *t) {
    Value items[11] = {
        int_from_i64((int64_t)t->tm_year + 1900), val_from_smallint(t->tm_mon + 1),
        val_from_smallint(t->tm_mday), val_from_smallint(t->tm_hour),
        val_from_smallint(t->tm_min), val_from_smallint(t->tm_sec),
        val_from_smallint((t->tm_wday + 6) % 7), val_from_smallint(t->tm_yday + 1),
        val_from_smallint(t->tm_isdst), str_from_cstr(t->tm_zone ? t->tm_zone : ""),
        int_from_i64(t->tm_gmtoff),
    };
    for (int i = 0; i < 11; i++) {
        if (!items[i]) {
            return 0;
        }
    }
    return structseq_new(&type_struct_time, items);
}

// A timestamp argument (None or absent: now) as time_t, rounded toward -inf.
static int timestamp_arg(size_t nargs, const Value *args, time_t *out) {
    if (nargs == 0 || args[0] == VAL_NONE) {
        *out = time(NULL);
        return 0;
    }
    Value v = args[0];
    if (float_check(v)) {
        double d = float_value(v);
        if (isnan(d)) {
            err_format(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    Value i = obj_index(v);
    int64_t n;
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, &n) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)n;
    return 0;
}

static Value convert_time(const char *name, const Value *args, size_t nargs, Value kwnames,
                          struct tm *(*conv)(const time_t *, struct tm *)) {
    if (method_check_args(name, nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    time_t t;
    struct tm tm;
    if (timestamp_arg(nargs, args, &t) < 0) {
        return 0;
    }
    errno = 0;
    if (!conv(&t, &tm)) {
        return err_format(errno == EOVERFLOW ? &exc_OverflowError : &exc_OSError,
                          "timestamp out of range for platform time_t");
    }
    return tm_to_struct(&tm);
}

static Value t_gmtime(Value self, const Value *args, size_t nargs, Value kwnames) {
    return convert_time("gmtime", args, nargs, kwnames, gmtime_r);
}

static Value t_localtime(Value self, const Value *args, size_t nargs, Value kwnames) {
    return convert_time("localtime", args, nargs, kwnames, localtime_r);
}

// A struct_time or a 9-sequence (CPython's gettmarg): 0, or -1 with TypeError.
static int tuple_to_tm(const char *fname, Value v, struct tm *tm) {
    if (!tuple_check(v)) {
        err_format(&exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    TupleObject *t = tuple_obj(v);
    if (t->len != 9) {
        err_format(&exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int64_t f[9];
    for (int i = 0; i < 9; i++) {
        Value x = t->items[i];
        if (!int_check(x)) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       obj_type_name(x));
            return -1;
        }
        if (int_to_i64(x, &f[i]) < 0 || f[i] < INT32_MIN || f[i] > INT32_MAX) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(f[0] - 1900);
    tm->tm_mon = (int)f[1] - 1;
    tm->tm_mday = (int)f[2];
    tm->tm_hour = (int)f[3];
    tm->tm_min = (int)f[4];
    tm->tm_sec = (int)f[5];
    tm->tm_wday = (int)((f[6] + 1) % 7);
    tm->tm_yday = (int)f[7] - 1;
    tm->tm_isdst = (int)f[8];
    if (type_of(v) == &type_struct_time) {
        // the zone fields ride along as attributes of a struct_time
        Value zone = obj_getattr_cstr(v, "tm_zone");
        Value off = zone ? obj_getattr_cstr(v, "tm_gmtoff") : 0;
        err_clear();
        if (zone && val_is_str(zone)) {
            tm->tm_zone = str_obj(zone)->data;
        }
        int64_t g;
        if (off && int_check(off) && int_to_i64(off, &g) == 0) {
            tm->tm_gmtoff = (long)g;
        }
    }
    return 0;
}

// CPython's checktm, for strftime and asctime.
static int check_tm(struct tm *tm) {
    const char *bad = NULL;
    if (tm->tm_mon == -1) {
        tm->tm_mon = 0;
    } else if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        bad = "month out of range";
    }
    if (!bad) {
        if (tm->tm_mday == 0) {
            tm->tm_mday = 1;
        } else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
            bad = "day of month out of range";
        } else if (tm->tm_hour < 0 || tm->tm_hour > 23) {
            bad = "hour out of range";
        } else if (tm->tm_min < 0 || tm->tm_min > 59) {
            bad = "minute out of range";
        } else if (tm->tm_sec < 0 || tm->tm_sec > 61) {
            bad = "seconds out of range";
        } else if (tm->tm_wday < 0) {
            bad = "day of week out of range";
        } else if (tm->tm_yday == -1) {
            tm->tm_yday = 0;
        } else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
            bad = "day of year out of range";
        }
    }
    if (bad) {
        err_format(&exc_ValueError, "%s", bad);
        return -1;
    }
    return 0;
}

static int current_tm(const char *fname, size_t nargs, const Value *args, struct tm *tm) {
    if (nargs == 0 || args[0] == VAL_NONE) {
        time_t now = time(NULL);
        localtime_r(&now, tm);
        return 0;
    }
    return tuple_to_tm(fname, args[0], tm) < 0 || check_tm(tm) < 0 ? -1 : 0;
}

static Value t_mktime(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("mktime", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    struct tm tm;
    if (tuple_to_tm("mktime", args[0], &tm) < 0) {
        return 0;
    }
    tm.tm_wday = -1;  // sentinel: mktime sets it on success
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        return err_format(&exc_OverflowError, "mktime argument out of range");
    }
    return float_from_double((double)t);
}

static Value t_strftime(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("strftime", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "strftime() argument 1 must be str, not %s",
                          obj_type_name(args[0]));
    }
    struct tm tm;
    if (current_tm("strftime", nargs - 1, args + 1, &tm) < 0) {
        return 0;
    }
    if (tm.tm_isdst < -1) {
        tm.tm_isdst = -1;
    } else if (tm.tm_isdst > 1) {
        tm.tm_isdst = 1;
    }
    const char *fmt = str_obj(args[0])->data;
    size_t flen = str_obj(args[0])->nbytes;
    if (memchr(fmt, 0, flen)) {
        return err_format(&exc_ValueError, "embedded null character");
    }
    if (flen == 0) {
        return str_empty();
    }
    for (size_t size = 1024;; size *= 2) {
        char *buf = malloc(size);
        if (!buf) {
            return err_no_memory();
        }
        size_t n = strftime(buf, size, fmt, &tm);
        if (n > 0 || size >= 256 * flen) {
            Value r = str_from_utf8(buf, n);
            free(buf);
            return r;
        }
        free(buf);
    }
}

static Value asctime_of(const struct tm *tm) {
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %lld", wday[tm->tm_wday % 7],
             mon[tm->tm_mon % 12], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
             (long long)tm->tm_year + 1900);
    return str_from_cstr(buf);
}

static Value t_asctime(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("asctime", nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    struct tm tm;
    if (current_tm("asctime", nargs, args, &tm) < 0) {
        return 0;
    }
    return asctime_of(&tm);
}

static Value t_ctime(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("ctime", nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    time_t t;
    struct tm tm;
    if (timestamp_arg(nargs, args, &t) < 0) {
        return 0;
    }
    if (!localtime_r(&t, &tm)) {
        return err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
    }
    return asctime_of(&tm);
}

// timezone, altzone, daylight and tzname from January 1 and July 1 of the
// current year, as CPython's init_timezone.
static int init_timezone(Value m) {
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int year = tm.tm_year;
    struct tm jan = {.tm_year = year, .tm_mday = 1, .tm_isdst = -1};
    struct tm jul = {.tm_year = year, .tm_mon = 6, .tm_mday = 1, .tm_isdst = -1};
    time_t tjan = mktime(&jan), tjul = mktime(&jul);
    localtime_r(&tjan, &jan);
    localtime_r(&tjul, &jul);
    long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
    char janname[16], julname[16];
    snprintf(janname, sizeof janname, "%s", jan.tm_zone ? jan.tm_zone : "");
    snprintf(julname, sizeof julname, "%s", jul.tm_zone ? jul.tm_zone : "");
    long tz = janzone, alt = julzone;
    const char *n0 = janname, *n1 = julname;
    if (janzone < julzone) {  // DST is reversed in the southern hemisphere
        tz = julzone;
        alt = janzone;
        n0 = julname;
        n1 = janname;
    }
    Value names[2] = {str_from_cstr(n0), str_from_cstr(n1)};
    Value tzname = names[0] && names[1] ? tuple_from(names, 2) : 0;
    return !tzname || module_add(m, "timezone", int_from_i64(tz)) < 0 ||
                   module_add(m, "altzone", int_from_i64(alt)) < 0 ||
                   module_add(m, "daylight", val_from_smallint(janzone != julzone)) < 0 ||
                   module_add(m, "tzname", tzname) < 0
               ? -1
               : 0;
}

static Value t_tzset(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("tzset", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    tzset();
    Value m = timemodule_init();
    return m && init_timezone(m) == 0 ? VAL_NONE : 0;
}

// get_clock_info(name): how each clock above is read, as a SimpleNamespace
// (asyncio reads the monotonic clock's resolution).
static Value t_get_clock_info(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const struct {
        const char *name, *implementation;
        clockid_t id;
        int monotonic, adjustable;
    } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, 0, 1},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, 1, 0},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, 1, 0},
    };
    if (method_check_args("get_clock_info", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "get_clock_info() argument 1 must be str, not %s",
                          obj_type_name(args[0]));
    }
    for (size_t i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
        if (strcmp(str_obj(args[0])->data, clocks[i].name) != 0) {
            continue;
        }
        struct timespec res;
        double resolution = clock_getres(clocks[i].id, &res) == 0
                                ? (double)res.tv_sec + (double)res.tv_nsec * 1e-9
                                : 1e-9;
        Value d = dict_new();
        if (!d || dict_set_cstr(d, "implementation", str_from_cstr(clocks[i].implementation)) < 0 ||
            dict_set_cstr(d, "monotonic", val_bool(clocks[i].monotonic)) < 0 ||
            dict_set_cstr(d, "adjustable", val_bool(clocks[i].adjustable)) < 0 ||
            dict_set_cstr(d, "resolution", float_from_double(resolution)) < 0) {
            return 0;
        }
        return namespace_new(d);
    }
    return err_format(&exc_ValueError, "unknown clock");
}

static const MethodDef time_functions[] = {
    {"gmtime", t_gmtime, METH_DEFAULT, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", t_localtime, METH_DEFAULT, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", t_mktime, METH_DEFAULT, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", t_strftime, METH_DEFAULT, "Convert a time tuple to a string according to a format specification."},
    {"asctime", t_asctime, METH_DEFAULT, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", t_ctime, METH_DEFAULT, "Convert a time in seconds since the Epoch to a string in local time."},
    {"tzset", t_tzset, METH_DEFAULT, "Initialize, or reinitialize, the local timezone."},
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
    {"get_clock_info", t_get_clock_info, METH_DEFAULT, "Get information of the specified clock."},
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
    if ((!type_struct_time.name &&
         structseq_init_type_ex(&type_struct_time, "time.struct_time", struct_time_fields, 11, 9,
                                1) < 0) ||
        module_add(m, "struct_time", val_from_ptr(&type_struct_time)) < 0) {
        return 0;
    }
    module = m;  // tzset() finds the module through timemodule_init
    tzset();
    if (init_timezone(m) < 0) {
        module = 0;
        return 0;
    }
    module_obj(m)->builtin = 1;
    module = m;
    return m;
}
