// syslogmodule.c - the `syslog` module: the C library's system logger
// (openlog, syslog, closelog, setlogmask), LOG_MASK/LOG_UPTO and the
// priority, facility and option constants.
//
// openlog() keeps its ident string: the C library holds on to the pointer,
// so the str is kept in a GC root until closelog() or the next openlog().
// syslog() before any openlog() opens the log with the script's name
// (the last part of sys.argv[0]), as CPython does.
#include <stdint.h>
#include <string.h>
#include <syslog.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Value syslog_ident;  // the UTF-8 bytes of the ident openlog() was given, or 0
static bool syslog_opened;

// Argument Clinic's 'l': a C long through __index__.
static int syslog_long_arg(Value v, long *out) {
    Value i = obj_index(v);
    int64_t x;
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, &x) < 0) {
        return -1;  // "Python int too large to convert to C long"
    }
    *out = (long)x;
    return 0;
}

// The script's name: sys.argv[0] after its last '/', or None.
static Value syslog_default_ident(void) {
    Value argv = sys_get_object("argv");
    if (!argv || !list_check(argv) || list_obj(argv)->len == 0) {
        return VAL_NONE;
    }
    Value script = list_obj(argv)->items[0];
    if (!val_is_str(script) || str_len(script) == 0) {
        return VAL_NONE;
    }
    const char *s = str_obj(script)->data;
    const char *slash = strrchr(s, '/');
    if (!slash) {
        return script;
    }
    size_t from = (size_t)(slash + 1 - s);
    return str_substr_bytes(script, from, str_obj(script)->nbytes);
}

static Value syslog_do_openlog(Value ident, long logoption, long facility) {
    Value encoded = 0;
    if (ident != VAL_NONE) {
        encoded = codec_encode(ident, "utf-8", "strict");
        if (!encoded) {
            return 0;
        }
    }
    syslog_ident = encoded;
    openlog(encoded ? bytes_data(encoded) : NULL, (int)logoption, (int)facility);
    syslog_opened = true;
    return VAL_NONE;
}

FN(syslog_openlog) {
    static const char *const names[] = {"ident", "logoption", "facility", NULL};
    ArgSpec spec = {"openlog", 0, names, 0, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    long logoption = 0, facility = LOG_USER;
    Value ident = a[0];
    if (ident && !val_is_str(ident)) {
        return err_format(&exc_TypeError, "openlog() argument 1 must be str, not %s",
                          ident == VAL_NONE ? "None" : obj_type_name(ident));
    }
    if ((a[1] && syslog_long_arg(a[1], &logoption) < 0) ||
        (a[2] && syslog_long_arg(a[2], &facility) < 0)) {
        return 0;
    }
    if (!ident) {
        ident = syslog_default_ident();
    }
    return syslog_do_openlog(ident, logoption, facility);
}

// syslog([priority,] message)
FN(syslog_syslog) {
    if (args_no_keywords("syslog", kwnames) < 0) {
        return 0;
    }
    int priority = LOG_INFO;
    Value message;
    if (nargs == 1 && val_is_str(args[0])) {
        message = args[0];
    } else if (nargs == 2 && val_is_str(args[1]) &&
               (int_check(args[0]) || type_of(args[0])->index)) {
        // 'i'; CPython words every argument error of this call as below
        Value i = obj_index(args[0]);
        int64_t x;
        if (!i || int_to_i64(i, &x) < 0 || x > INT32_MAX || x < INT32_MIN) {
            err_clear();
            return err_format(&exc_TypeError, "[priority,] message string");
        }
        priority = (int)x;
        message = args[1];
    } else {
        return err_format(&exc_TypeError, "[priority,] message string");
    }
    Value text = codec_encode(message, "utf-8", "strict");
    if (!text) {
        return 0;
    }
    if (!syslog_opened && !syslog_do_openlog(syslog_default_ident(), 0, LOG_USER)) {
        return 0;
    }
    syslog(priority, "%s", bytes_data(text));
    return VAL_NONE;
}

FN(syslog_closelog) {
    if (method_check_args("syslog.closelog", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (syslog_opened) {
        closelog();
        syslog_ident = 0;
        syslog_opened = false;
    }
    return VAL_NONE;
}

FN(syslog_setlogmask) {
    if (args_no_keywords("setlogmask", kwnames) < 0) {
        return 0;
    }
    if (nargs != 1) {
        return err_format(&exc_TypeError, "mask for priority");
    }
    long mask;
    if (syslog_long_arg(args[0], &mask) < 0) {
        return 0;
    }
    return int_from_i64(setlogmask((int)mask));
}

// PyArg_ParseTuple's "l:NAME" count check.
static int syslog_one_arg(const char *fname, size_t nargs, Value kwnames) {
    if (args_no_keywords(fname, kwnames) < 0) {
        return -1;
    }
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s() takes exactly 1 argument (%zu given)", fname, nargs);
        return -1;
    }
    return 0;
}

// LOG_MASK and LOG_UPTO compute C's int shifts, whose count the machine
// takes modulo 32: LOG_MASK(-1) is -2**31, as in CPython.
FN(syslog_log_mask) {
    long pri;
    if (syslog_one_arg("LOG_MASK", nargs, kwnames) < 0 ||
        syslog_long_arg(args[0], &pri) < 0) {
        return 0;
    }
    return int_from_i64((int32_t)(1u << ((unsigned long)pri & 31)));
}

FN(syslog_log_upto) {
    long pri;
    if (syslog_one_arg("LOG_UPTO", nargs, kwnames) < 0 ||
        syslog_long_arg(args[0], &pri) < 0) {
        return 0;
    }
    return int_from_i64((int32_t)((1u << (((unsigned long)pri + 1) & 31)) - 1u));
}

static const MethodDef syslog_functions[] = {
    {"openlog", syslog_openlog, METH_DEFAULT, NULL},
    {"closelog", syslog_closelog, METH_DEFAULT, NULL},
    {"syslog", syslog_syslog, METH_DEFAULT, NULL},
    {"setlogmask", syslog_setlogmask, METH_DEFAULT, NULL},
    {"LOG_MASK", syslog_log_mask, METH_DEFAULT, NULL},
    {"LOG_UPTO", syslog_log_upto, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Value syslog_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("syslog");
    if (!m || module_add_functions(m, syslog_functions) < 0) {
        return 0;
    }
    static const struct {
        const char *name;
        int value;
    } consts[] = {
        // priorities
        {"LOG_EMERG", LOG_EMERG}, {"LOG_ALERT", LOG_ALERT}, {"LOG_CRIT", LOG_CRIT},
        {"LOG_ERR", LOG_ERR}, {"LOG_WARNING", LOG_WARNING}, {"LOG_NOTICE", LOG_NOTICE},
        {"LOG_INFO", LOG_INFO}, {"LOG_DEBUG", LOG_DEBUG},
        // openlog options
        {"LOG_PID", LOG_PID}, {"LOG_CONS", LOG_CONS}, {"LOG_NDELAY", LOG_NDELAY},
        {"LOG_ODELAY", LOG_ODELAY}, {"LOG_NOWAIT", LOG_NOWAIT}, {"LOG_PERROR", LOG_PERROR},
        // facilities
        {"LOG_KERN", LOG_KERN}, {"LOG_USER", LOG_USER}, {"LOG_MAIL", LOG_MAIL},
        {"LOG_DAEMON", LOG_DAEMON}, {"LOG_AUTH", LOG_AUTH}, {"LOG_LPR", LOG_LPR},
        {"LOG_LOCAL0", LOG_LOCAL0}, {"LOG_LOCAL1", LOG_LOCAL1}, {"LOG_LOCAL2", LOG_LOCAL2},
        {"LOG_LOCAL3", LOG_LOCAL3}, {"LOG_LOCAL4", LOG_LOCAL4}, {"LOG_LOCAL5", LOG_LOCAL5},
        {"LOG_LOCAL6", LOG_LOCAL6}, {"LOG_LOCAL7", LOG_LOCAL7}, {"LOG_SYSLOG", LOG_SYSLOG},
        {"LOG_CRON", LOG_CRON}, {"LOG_UUCP", LOG_UUCP}, {"LOG_NEWS", LOG_NEWS},
        {"LOG_AUTHPRIV", LOG_AUTHPRIV},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (module_add(m, consts[i].name, val_from_smallint(consts[i].value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&syslog_ident);
    gc_add_root(&module);
    module = m;
    return m;
}
