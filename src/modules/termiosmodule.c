// termiosmodule.c - the `termios` module: terminal attributes (tcgetattr,
// tcsetattr), line control (tcsendbreak, tcdrain, tcflush, tcflow) and
// the window size (tcgetwinsize, tcsetwinsize), for tty, pty and getpass.
//
// Attributes are CPython's list [iflag, oflag, cflag, lflag, ispeed,
// ospeed, cc]; cc holds one-byte bytes objects, except VMIN and VTIME,
// which are ints when the mode is not canonical. tcsetattr starts from the
// descriptor's current attributes (hidden fields are kept). Failing calls
// raise termios.error(errno, strerror) - an Exception, not an OSError.
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/float.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Value termios_error;

static Value raise_termios(int err) {
    Value a[2] = {int_from_i64(err), str_from_cstr(strerror(err))};
    Value exc = a[1] ? obj_call(termios_error, a, 2, 0) : 0;
    return exc ? err_set_value(exc) : 0;
}

static int c_long(Value v, long *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    int64_t x;
    if (obj_as_int64(v, &x) < 0) {
        return -1;
    }
    *out = (long)x;
    return 0;
}

static int c_int(Value v, int *out) {
    long x;
    if (c_long(v, &x) < 0) {
        return -1;
    }
    if (x > INT32_MAX || x < INT32_MIN) {
        err_format(&exc_OverflowError, "signed integer is %s", x > 0 ? "greater than maximum" : "less than minimum");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// fd and an int argument, for the calls of that shape.
static int fd_and_int(const char *fname, const Value *args, size_t nargs, Value kwnames,
                      int *fd, int *arg) {
    if (args_check_positional(fname, nargs, 2, 2) < 0 || args_no_keywords(fname, kwnames) < 0) {
        return -1;
    }
    return modules_fileno(args[0], fd) < 0 || c_int(args[1], arg) < 0 ? -1 : 0;
}

FN(termios_tcgetattr) {
    if (method_check_args("tcgetattr", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int fd;
    struct termios mode;
    if (modules_fileno(args[0], &fd) < 0) {
        return 0;
    }
    if (tcgetattr(fd, &mode) < 0) {
        return raise_termios(errno);
    }
    Value cc = list_new(NCCS);
    if (!cc) {
        return 0;
    }
    for (int i = 0; i < NCCS; i++) {
        char c = (char)mode.c_cc[i];
        Value b = bytes_from(&c, 1);
        if (!b || list_append(cc, b) < 0) {
            return 0;
        }
    }
    if (!(mode.c_lflag & ICANON)) {
        list_obj(cc)->items[VMIN] = int_from_i64(mode.c_cc[VMIN]);
        list_obj(cc)->items[VTIME] = int_from_i64(mode.c_cc[VTIME]);
    }
    Value items[7] = {int_from_u64(mode.c_iflag), int_from_u64(mode.c_oflag),
                      int_from_u64(mode.c_cflag), int_from_u64(mode.c_lflag),
                      int_from_u64(cfgetispeed(&mode)), int_from_u64(cfgetospeed(&mode)), cc};
    Value l = list_new(7);
    for (int i = 0; l && i < 7; i++) {
        if (!items[i] || list_append(l, items[i]) < 0) {
            return 0;
        }
    }
    return l;
}

FN(termios_tcsetattr) {
    if (args_check_positional("tcsetattr", nargs, 3, 3) < 0 ||
        args_no_keywords("tcsetattr", kwnames) < 0) {
        return 0;
    }
    int fd, when;
    if (modules_fileno(args[0], &fd) < 0 || c_int(args[1], &when) < 0) {
        return 0;
    }
    Value term = args[2];
    if (!list_check(term) || list_obj(term)->len != 7) {
        return err_format(&exc_TypeError, "tcsetattr, arg 3: must be 7 element list");
    }
    struct termios mode;
    if (tcgetattr(fd, &mode) < 0) {
        return raise_termios(errno);
    }
    long v[6];
    for (int i = 0; i < 6; i++) {
        if (c_long(list_obj(term)->items[i], &v[i]) < 0) {
            return 0;
        }
    }
    mode.c_iflag = (tcflag_t)v[0];
    mode.c_oflag = (tcflag_t)v[1];
    mode.c_cflag = (tcflag_t)v[2];
    mode.c_lflag = (tcflag_t)v[3];
    Value cc = list_obj(term)->items[6];
    if (!list_check(cc) || list_obj(cc)->len != NCCS) {
        return err_format(&exc_TypeError, "tcsetattr: attributes[6] must be %d element list", NCCS);
    }
    for (int i = 0; i < NCCS; i++) {
        Value c = list_obj(cc)->items[i];
        if (val_is_bytes(c) && bytes_len(c) == 1) {
            mode.c_cc[i] = (cc_t)bytes_data(c)[0];
        } else if (int_check(c)) {
            long x;
            if (c_long(c, &x) < 0) {
                return 0;
            }
            mode.c_cc[i] = (cc_t)x;
        } else {
            return err_format(&exc_TypeError,
                              "tcsetattr: elements of attributes must be characters or integers");
        }
    }
    if (cfsetispeed(&mode, (speed_t)v[4]) < 0 || cfsetospeed(&mode, (speed_t)v[5]) < 0 ||
        tcsetattr(fd, when, &mode) < 0) {
        return raise_termios(errno);
    }
    return VAL_NONE;
}

FN(termios_tcsendbreak) {
    int fd, duration;
    if (fd_and_int("tcsendbreak", args, nargs, kwnames, &fd, &duration) < 0) {
        return 0;
    }
    return tcsendbreak(fd, duration) < 0 ? raise_termios(errno) : VAL_NONE;
}

FN(termios_tcflush) {
    int fd, queue;
    if (fd_and_int("tcflush", args, nargs, kwnames, &fd, &queue) < 0) {
        return 0;
    }
    return tcflush(fd, queue) < 0 ? raise_termios(errno) : VAL_NONE;
}

FN(termios_tcflow) {
    int fd, action;
    if (fd_and_int("tcflow", args, nargs, kwnames, &fd, &action) < 0) {
        return 0;
    }
    return tcflow(fd, action) < 0 ? raise_termios(errno) : VAL_NONE;
}

FN(termios_tcdrain) {
    if (method_check_args("tcdrain", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int fd;
    if (modules_fileno(args[0], &fd) < 0) {
        return 0;
    }
    return tcdrain(fd) < 0 ? raise_termios(errno) : VAL_NONE;
}

FN(termios_tcgetwinsize) {
    if (method_check_args("tcgetwinsize", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int fd;
    struct winsize w;
    if (modules_fileno(args[0], &fd) < 0) {
        return 0;
    }
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) {
        return raise_termios(errno);
    }
    return tuple_pack2(val_from_smallint(w.ws_row), val_from_smallint(w.ws_col));
}

FN(termios_tcsetwinsize) {
    if (args_check_positional("tcsetwinsize", nargs, 2, 2) < 0 ||
        args_no_keywords("tcsetwinsize", kwnames) < 0) {
        return 0;
    }
    int fd;
    if (modules_fileno(args[0], &fd) < 0) {
        return 0;
    }
    Value ws = args[1];
    int is_seq = list_check(ws) || tuple_check(ws) ||
                 (!dict_check(ws) && type_of(ws)->getitem && type_of(ws)->len);
    int64_t n = is_seq ? obj_len(ws) : -1;
    if (n < 0) {
        err_clear();
    }
    if (n != 2) {
        return err_format(&exc_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
    }
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) {
        return raise_termios(errno);
    }
    long rc[2];
    for (int i = 0; i < 2; i++) {
        Value item = obj_getitem(ws, val_from_smallint(i));
        if (!item || c_long(item, &rc[i]) < 0) {
            return 0;
        }
        if (rc[i] < 0 || rc[i] > 0xFFFF) {
            return err_format(&exc_OverflowError, "winsize value(s) out of range.");
        }
    }
    w.ws_row = (unsigned short)rc[0];
    w.ws_col = (unsigned short)rc[1];
    if (ioctl(fd, TIOCSWINSZ, &w) < 0) {
        return raise_termios(errno);
    }
    return VAL_NONE;
}

static const MethodDef termios_functions[] = {
    {"tcgetattr", termios_tcgetattr, METH_DEFAULT, "Get the tty attributes for file descriptor fd."},
    {"tcsetattr", termios_tcsetattr, METH_DEFAULT, "Set the tty attributes for file descriptor fd."},
    {"tcsendbreak", termios_tcsendbreak, METH_DEFAULT, "Send a break on file descriptor fd."},
    {"tcdrain", termios_tcdrain, METH_DEFAULT, "Wait until all output written to file descriptor fd has been transmitted."},
    {"tcflush", termios_tcflush, METH_DEFAULT, "Discard queued data on file descriptor fd."},
    {"tcflow", termios_tcflow, METH_DEFAULT, "Suspend or resume input or output on file descriptor fd."},
    {"tcgetwinsize", termios_tcgetwinsize, METH_DEFAULT, "Get the tty winsize for file descriptor fd."},
    {"tcsetwinsize", termios_tcsetwinsize, METH_DEFAULT, "Set the tty winsize for file descriptor fd."},
    {NULL, NULL, 0, NULL},
};

typedef struct TermiosConst {
    const char *name;
    long value;
} TermiosConst;

// Every integer constant of CPython's termios that this system defines.
static const TermiosConst termios_constants[] = {
#include "termiosmodule_constants.inc"
#if !defined(VSWTCH) && defined(VSWTC)
    {"VSWTCH", VSWTC},  // Linux spells it VSWTC; CPython exports both
#endif
    {NULL, 0},
};

Value termios_module_init(void) {
    static Value module;  // created once: a re-import gets the same module
    if (module) {
        return module;
    }
    if (!termios_error) {
        gc_add_root(&termios_error);
        Value ns = dict_new();
        if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("termios")) < 0) {
            return 0;
        }
        Value bases = tuple_from((Value[]){val_from_ptr(&exc_Exception)}, 1);
        Value a[3] = {str_from_cstr("error"), bases, ns};
        termios_error = bases && a[0] ? obj_call(val_from_ptr(&type_type), a, 3, 0) : 0;
        if (!termios_error) {
            return 0;
        }
    }
    Value m = module_new_cstr("termios");
    if (!m || module_add_functions(m, termios_functions) < 0 ||
        module_add(m, "error", termios_error) < 0) {
        return 0;
    }
    for (const TermiosConst *c = termios_constants; c->name; c++) {
        if (module_add(m, c->name, int_from_i64(c->value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
