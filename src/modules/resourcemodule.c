// resourcemodule.c - the `resource` module: process resource limits
// (getrlimit, setrlimit, prlimit), usage counters (getrusage as
// resource.struct_rusage) and getpagesize, for test.support, multiprocessing
// helpers and programs that raise their descriptor limit.
//
// Limits are ints with RLIM_INFINITY shown as -1, as CPython's (it stores
// rlim_t through a signed long long). CPython's errors: an unknown
// resource is ValueError "invalid resource specified", a soft limit above
// the hard one "current limit exceeds maximum limit", raising the hard
// limit without the privilege "not allowed to raise maximum limit".
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/float.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/structseq.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Type type_struct_rusage;

static int c_int(Value v, int *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    int64_t x;
    if (obj_as_int64(v, &x) < 0 || x > INT32_MAX || x < INT32_MIN) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

static int resource_arg(Value v, int *out) {
    if (c_int(v, out) < 0) {
        return -1;
    }
    if (*out < 0 || *out >= RLIM_NLIMITS) {
        err_format(&exc_ValueError, "invalid resource specified");
        return -1;
    }
    return 0;
}

static Value limit_value(rlim_t v) {
    return int_from_i64((int64_t)(long long)v);
}

static Value limits_value(const struct rlimit *rl) {
    Value soft = limit_value(rl->rlim_cur), hard = limit_value(rl->rlim_max);
    return soft && hard ? tuple_pack2(soft, hard) : 0;
}

// A (soft, hard) sequence of two ints.
static int limits_arg(Value v, struct rlimit *rl) {
    Value t = tuple_from_iterable(v);
    if (!t) {
        return -1;
    }
    if (tuple_obj(t)->len != 2) {
        err_format(&exc_ValueError, "expected a tuple of 2 integers");
        return -1;
    }
    int64_t x[2];
    for (int i = 0; i < 2; i++) {
        Value item = tuple_obj(t)->items[i];
        if (float_check(item) || (!int_check(item) && !type_of(item)->index)) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       obj_type_name(item));
            return -1;
        }
        if (obj_as_int64(item, &x[i]) < 0) {
            return -1;
        }
    }
    rl->rlim_cur = (rlim_t)x[0];
    rl->rlim_max = (rlim_t)x[1];
    return 0;
}

static Value limit_error(int err) {
    if (err == EINVAL) {
        return err_format(&exc_ValueError, "current limit exceeds maximum limit");
    }
    if (err == EPERM) {
        return err_format(&exc_ValueError, "not allowed to raise maximum limit");
    }
    return err_from_errno(err, 0, 0);
}

FN(resource_getrlimit) {
    if (method_check_args("getrlimit", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int res;
    struct rlimit rl;
    if (resource_arg(args[0], &res) < 0) {
        return 0;
    }
    if (getrlimit((__rlimit_resource_t)res, &rl) < 0) {
        return err_from_errno(errno, 0, 0);
    }
    return limits_value(&rl);
}

FN(resource_setrlimit) {
    if (args_check_positional("setrlimit", nargs, 2, 2) < 0 ||
        args_no_keywords("setrlimit", kwnames) < 0) {
        return 0;
    }
    int res;
    struct rlimit rl;
    if (resource_arg(args[0], &res) < 0 || limits_arg(args[1], &rl) < 0) {
        return 0;
    }
    if (setrlimit((__rlimit_resource_t)res, &rl) < 0) {
        return limit_error(errno);
    }
    return VAL_NONE;
}

FN(resource_prlimit) {
    if (args_check_positional("prlimit", nargs, 2, 3) < 0 ||
        args_no_keywords("prlimit", kwnames) < 0) {
        return 0;
    }
    int pid, res;
    struct rlimit new_rl, old_rl;
    if (c_int(args[0], &pid) < 0 || resource_arg(args[1], &res) < 0 ||
        (nargs == 3 && limits_arg(args[2], &new_rl) < 0)) {
        return 0;
    }
    if (prlimit((pid_t)pid, (__rlimit_resource_t)res, nargs == 3 ? &new_rl : NULL, &old_rl) < 0) {
        return errno == EINVAL ? err_format(&exc_ValueError, "current limit exceeds maximum limit")
                               : err_from_errno(errno, 0, 0);
    }
    return limits_value(&old_rl);
}

static Value seconds(struct timeval tv) {
    return float_from_double((double)tv.tv_sec + (double)tv.tv_usec * 1e-6);
}

FN(resource_getrusage) {
    if (method_check_args("getrusage", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int who;
    if (c_int(args[0], &who) < 0) {
        return 0;
    }
    struct rusage ru;
    if (getrusage(who, &ru) < 0) {
        if (errno == EINVAL) {
            return err_format(&exc_ValueError, "invalid who parameter");
        }
        return err_from_errno(errno, 0, 0);
    }
    Value items[16] = {
        seconds(ru.ru_utime),         seconds(ru.ru_stime),       int_from_i64(ru.ru_maxrss),
        int_from_i64(ru.ru_ixrss),    int_from_i64(ru.ru_idrss),  int_from_i64(ru.ru_isrss),
        int_from_i64(ru.ru_minflt),   int_from_i64(ru.ru_majflt), int_from_i64(ru.ru_nswap),
        int_from_i64(ru.ru_inblock),  int_from_i64(ru.ru_oublock), int_from_i64(ru.ru_msgsnd),
        int_from_i64(ru.ru_msgrcv),   int_from_i64(ru.ru_nsignals), int_from_i64(ru.ru_nvcsw),
        int_from_i64(ru.ru_nivcsw),
    };
    for (int i = 0; i < 16; i++) {
        if (!items[i]) {
            return 0;
        }
    }
    return structseq_new(&type_struct_rusage, items);
}

FN(resource_getpagesize) {
    if (method_check_args("getpagesize", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(sysconf(_SC_PAGESIZE));
}

static const MethodDef resource_functions[] = {
    {"getrlimit", resource_getrlimit, METH_DEFAULT, NULL},
    {"setrlimit", resource_setrlimit, METH_DEFAULT, NULL},
    {"prlimit", resource_prlimit, METH_DEFAULT, NULL},
    {"getrusage", resource_getrusage, METH_DEFAULT, NULL},
    {"getpagesize", resource_getpagesize, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Value resource_module_init(void) {
    static Value module;  // created once: a re-import gets the same module
    if (module) {
        return module;
    }
    static const char *const fields[] = {
        "ru_utime",   "ru_stime",   "ru_maxrss", "ru_ixrss",  "ru_idrss",  "ru_isrss",
        "ru_minflt",  "ru_majflt",  "ru_nswap",  "ru_inblock", "ru_oublock", "ru_msgsnd",
        "ru_msgrcv",  "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
    };
    static const struct {
        const char *name;
        long value;
    } constants[] = {
#define C_(n) {#n, n},
        C_(RLIMIT_AS) C_(RLIMIT_CORE) C_(RLIMIT_CPU) C_(RLIMIT_DATA) C_(RLIMIT_FSIZE)
        C_(RLIMIT_MEMLOCK) C_(RLIMIT_MSGQUEUE) C_(RLIMIT_NICE) C_(RLIMIT_NOFILE) C_(RLIMIT_NPROC)
        C_(RLIMIT_OFILE) C_(RLIMIT_RSS) C_(RLIMIT_RTPRIO) C_(RLIMIT_RTTIME) C_(RLIMIT_SIGPENDING)
        C_(RLIMIT_STACK) C_(RUSAGE_CHILDREN) C_(RUSAGE_SELF) C_(RUSAGE_THREAD)
#undef C_
    };
    if (!type_struct_rusage.name &&
        structseq_init_type(&type_struct_rusage, "resource.struct_rusage", fields, 16, 1) < 0) {
        return 0;
    }
    Value m = module_new_cstr("resource");
    if (!m || module_add_functions(m, resource_functions) < 0 ||
        module_add(m, "struct_rusage", val_from_ptr(&type_struct_rusage)) < 0 ||
        module_add(m, "error", val_from_ptr(&exc_OSError)) < 0 ||
        module_add(m, "RLIM_INFINITY", limit_value(RLIM_INFINITY)) < 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
        if (module_add(m, constants[i].name, int_from_i64(constants[i].value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
