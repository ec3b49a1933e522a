// pwdmodule.c - the `pwd` module: the password database (getpwuid,
// getpwnam, getpwall) as pwd.struct_passwd records, for os.path.expanduser,
// getpass, shutil.chown, tarfile...
//
// Text fields are decoded as file names are (UTF-8, surrogateescape). A
// missing entry raises KeyError with CPython's message; a uid that does
// not fit uid_t is "not found" too, as in CPython's getpwuid.
// modules_id_arg, CPython's _Py_Uid_Converter / _Py_Gid_Converter with
// their messages, is shared with grp.
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/float.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/structseq.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

int modules_id_arg(Value v, const char *what, uint32_t *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "%s should be integer, not %s", what, obj_type_name(v));
        return -1;
    }
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    int64_t x;
    if (int_to_i64(i, &x) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "%s is %s", what,
                   int_sign(i) < 0 ? "less than minimum" : "greater than maximum");
        return -1;
    }
    if (x == -1) {
        *out = (uint32_t)-1;
        return 0;
    }
    // CPython's converter reports any in-range long that does not fit
    // the 32-bit id as "less than minimum".
    if (x < 0 || x > (int64_t)UINT32_MAX) {
        err_format(&exc_OverflowError, "%s is less than minimum", what);
        return -1;
    }
    *out = (uint32_t)x;
    return 0;
}

// An id as CPython's _PyLong_FromUid prints it: (uid_t)-1 is -1.
Value modules_id_value(uint32_t id) {
    return id == (uint32_t)-1 ? val_from_smallint(-1) : int_from_u64(id);
}

static Type type_struct_passwd;

static Value fs_text(const char *s) {
    return codec_decode(0, s ? s : "", s ? strlen(s) : 0, "utf-8", "surrogateescape");
}

static Value passwd_value(const struct passwd *p) {
    Value items[7] = {fs_text(p->pw_name), fs_text(p->pw_passwd), modules_id_value(p->pw_uid),
                      modules_id_value(p->pw_gid), fs_text(p->pw_gecos), fs_text(p->pw_dir),
                      fs_text(p->pw_shell)};
    for (int i = 0; i < 7; i++) {
        if (!items[i]) {
            return 0;
        }
    }
    return structseq_new(&type_struct_passwd, items);
}

static long buffer_size(void) {
    long n = sysconf(_SC_GETPW_R_SIZE_MAX);
    return n > 0 ? n : 1024;
}

// Look up by uid (name NULL) or by name: the record, 0 with errno 0 when
// there is none, or 0 with errno set on failure.
static Value lookup(const char *name, uid_t uid) {
    long size = buffer_size();
    for (;;) {
        char *buf = malloc((size_t)size);
        if (!buf) {
            return err_no_memory();
        }
        struct passwd pw, *res = NULL;
        int err = name ? getpwnam_r(name, &pw, buf, (size_t)size, &res)
                       : getpwuid_r(uid, &pw, buf, (size_t)size, &res);
        if (err == ERANGE && size < (1L << 24)) {
            free(buf);
            size *= 2;
            continue;
        }
        Value r = res ? passwd_value(res) : 0;
        free(buf);
        if (!res) {
            if (err && err != ENOENT && err != ESRCH && err != EBADF && err != EPERM) {
                return err_from_errno(err, 0, 0);
            }
            errno = 0;
        }
        return r;
    }
}

static Value key_error(Value msg) {
    Value exc = msg ? obj_call1(val_from_ptr(&exc_KeyError), msg) : 0;
    return exc ? err_set_value(exc) : 0;
}

FN(pwd_getpwuid) {
    if (method_check_args("getpwuid", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    uint32_t uid;
    if (modules_id_arg(args[0], "uid", &uid) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            return key_error(str_from_cstr("getpwuid(): uid not found"));
        }
        return 0;
    }
    Value r = lookup(NULL, uid);
    if (r || err_occurred()) {
        return r;
    }
    Value id = modules_id_value(uid);
    return key_error(id ? str_format_c("getpwuid(): uid not found: %S", id) : 0);
}

FN(pwd_getpwnam) {
    if (method_check_args("getpwnam", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "getpwnam() argument must be str, not %s",
                          obj_type_name(args[0]));
    }
    Value name = codec_encode(args[0], "utf-8", "surrogateescape");
    if (!name) {
        return 0;
    }
    if (memchr(bytes_data(name), 0, bytes_len(name))) {
        return err_format(&exc_ValueError, "embedded null byte");
    }
    Value r = lookup(bytes_data(name), 0);
    if (r || err_occurred()) {
        return r;
    }
    return key_error(str_format_c("getpwnam(): name not found: %R", args[0]));
}

FN(pwd_getpwall) {
    if (method_check_args("getpwall", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value l = list_new(0);
    if (!l) {
        return 0;
    }
    setpwent();
    struct passwd *p;
    while ((p = getpwent()) != NULL) {
        Value v = passwd_value(p);
        if (!v || list_append(l, v) < 0) {
            endpwent();
            return 0;
        }
    }
    endpwent();
    return l;
}

static const MethodDef pwd_functions[] = {
    {"getpwuid", pwd_getpwuid, METH_DEFAULT, "Return the password database entry for the given numeric user ID."},
    {"getpwnam", pwd_getpwnam, METH_DEFAULT, "Return the password database entry for the given user name."},
    {"getpwall", pwd_getpwall, METH_DEFAULT, "Return a list of all available password database entries, in arbitrary order."},
    {NULL, NULL, 0, NULL},
};

Value pwd_module_init(void) {
    static Value module;  // created once: a re-import gets the same module
    if (module) {
        return module;
    }
    static const char *const fields[] = {"pw_name", "pw_passwd", "pw_uid", "pw_gid",
                                         "pw_gecos", "pw_dir", "pw_shell"};
    if (!type_struct_passwd.name &&
        structseq_init_type(&type_struct_passwd, "pwd.struct_passwd", fields, 7, 1) < 0) {
        return 0;
    }
    Value m = module_new_cstr("pwd");
    if (!m || module_add_functions(m, pwd_functions) < 0 ||
        module_add(m, "struct_passwd", val_from_ptr(&type_struct_passwd)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("This module provides access to the Unix password database.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
