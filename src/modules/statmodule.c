// statmodule.c - the `_stat` module (Lib/stat.py imports it over its
// pure-Python definitions): the st_mode file types and permission bits,
// the BSD file flags and stat_result indices as numbers, the S_IS*()
// tests, S_IMODE, S_IFMT and filemode().
//
// As CPython's, a mode argument must be an int (no __index__) that fits
// mode_t: "an integer is required", "can't convert negative value to
// unsigned int", "mode out of range".
#include <stdio.h>
#include <sys/stat.h>

#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// Types this system does not have (Solaris doors and event ports, BSD
// whiteouts) are 0, so that their tests are always false.
enum { STAT_IFDOOR = 0, STAT_IFPORT = 0, STAT_IFWHT = 0 };

static int mode_arg(const char *fname, const Value *args, size_t nargs, Value kwnames,
                    mode_t *mode) {
    // One positional argument (CPython's METH_O).
    char qualified[32];
    snprintf(qualified, sizeof qualified, "_stat.%s", fname);
    if (args_no_keywords(qualified, kwnames) < 0) {
        return -1;
    }
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s() takes exactly one argument (%zu given)", qualified, nargs);
        return -1;
    }
    if (!int_check(args[0])) {
        err_format(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_sign(args[0]) < 0) {
        err_format(&exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    int64_t v;
    if (int_to_i64(args[0], &v) < 0 || (uint64_t)v != (uint64_t)(mode_t)v) {
        err_clear();
        err_format(&exc_OverflowError, "mode out of range");
        return -1;
    }
    *mode = (mode_t)v;
    return 0;
}

#define STAT_TESTS(_)                                        \
    _(S_ISDIR, S_ISDIR(m)) _(S_ISCHR, S_ISCHR(m))             \
    _(S_ISBLK, S_ISBLK(m)) _(S_ISREG, S_ISREG(m))             \
    _(S_ISFIFO, S_ISFIFO(m)) _(S_ISLNK, S_ISLNK(m))           \
    _(S_ISSOCK, S_ISSOCK(m)) _(S_ISDOOR, STAT_IFDOOR && 0)    \
    _(S_ISPORT, STAT_IFPORT && 0) _(S_ISWHT, STAT_IFWHT && 0)

#define STAT_TEST_FN(name, expr)                                     \
    FN(stat_##name) {                                                \
        mode_t m;                                                    \
        if (mode_arg(#name, args, nargs, kwnames, &m) < 0) {         \
            return 0;                                                \
        }                                                            \
        (void)m;                                                     \
        return val_bool(expr);                                       \
    }
STAT_TESTS(STAT_TEST_FN)
#undef STAT_TEST_FN

FN(stat_S_IMODE) {
    mode_t m;
    return mode_arg("S_IMODE", args, nargs, kwnames, &m) < 0 ? 0 : int_from_i64(m & 07777);
}

FN(stat_S_IFMT) {
    mode_t m;
    return mode_arg("S_IFMT", args, nargs, kwnames, &m) < 0 ? 0 : int_from_i64(m & S_IFMT);
}

static char file_type_char(mode_t m) {
    return S_ISREG(m) ? '-' : S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISBLK(m) ? 'b'
         : S_ISCHR(m) ? 'c' : S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '?';
}

// "-rwsr-xr-T": the type, then user/group/other permissions, with the
// set-id and sticky bits in the execute places (s/S, t/T).
FN(stat_filemode) {
    mode_t m;
    if (mode_arg("filemode", args, nargs, kwnames, &m) < 0) {
        return 0;
    }
    char s[11];
    s[0] = file_type_char(m);
    static const mode_t bits[9] = {S_IRUSR, S_IWUSR, S_IXUSR, S_IRGRP, S_IWGRP,
                                   S_IXGRP, S_IROTH, S_IWOTH, S_IXOTH};
    for (int i = 0; i < 9; i++) {
        s[1 + i] = (m & bits[i]) ? "rwx"[i % 3] : '-';
    }
    static const mode_t special[3] = {S_ISUID, S_ISGID, S_ISVTX};
    for (int i = 0; i < 3; i++) {
        if (m & special[i]) {
            char *x = &s[3 + 3 * i];
            int exec = *x != '-';
            *x = i == 2 ? (exec ? 't' : 'T') : (exec ? 's' : 'S');
        }
    }
    s[10] = 0;
    return str_from_cstr(s);
}

static const MethodDef stat_functions[] = {
#define STAT_TEST_DEF(name, expr) {#name, stat_##name, METH_DEFAULT, NULL},
    STAT_TESTS(STAT_TEST_DEF)
#undef STAT_TEST_DEF
    {"S_IMODE", stat_S_IMODE, METH_DEFAULT, NULL},
    {"S_IFMT", stat_S_IFMT, METH_DEFAULT, NULL},
    {"filemode", stat_filemode, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    long value;
} stat_constants[] = {
    {"S_IFDIR", S_IFDIR},   {"S_IFCHR", S_IFCHR},     {"S_IFBLK", S_IFBLK},
    {"S_IFREG", S_IFREG},   {"S_IFIFO", S_IFIFO},     {"S_IFLNK", S_IFLNK},
    {"S_IFSOCK", S_IFSOCK}, {"S_IFDOOR", STAT_IFDOOR}, {"S_IFPORT", STAT_IFPORT},
    {"S_IFWHT", STAT_IFWHT},
    {"S_ISUID", S_ISUID},   {"S_ISGID", S_ISGID},     {"S_ISVTX", S_ISVTX},
    {"S_ENFMT", S_ISGID},   {"S_IREAD", S_IRUSR},     {"S_IWRITE", S_IWUSR},
    {"S_IEXEC", S_IXUSR},   {"S_IRWXU", S_IRWXU},     {"S_IRUSR", S_IRUSR},
    {"S_IWUSR", S_IWUSR},   {"S_IXUSR", S_IXUSR},     {"S_IRWXG", S_IRWXG},
    {"S_IRGRP", S_IRGRP},   {"S_IWGRP", S_IWGRP},     {"S_IXGRP", S_IXGRP},
    {"S_IRWXO", S_IRWXO},   {"S_IROTH", S_IROTH},     {"S_IWOTH", S_IWOTH},
    {"S_IXOTH", S_IXOTH},
    // BSD chflags() flags, with BSD's values (Linux has no such field).
    {"UF_NODUMP", 0x1},        {"UF_IMMUTABLE", 0x2},    {"UF_APPEND", 0x4},
    {"UF_OPAQUE", 0x8},        {"UF_NOUNLINK", 0x10},    {"UF_COMPRESSED", 0x20},
    {"UF_HIDDEN", 0x8000},     {"SF_ARCHIVED", 0x10000}, {"SF_IMMUTABLE", 0x20000},
    {"SF_APPEND", 0x40000},    {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
    // Indices into a stat tuple.
    {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4},
    {"ST_GID", 5},  {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9},
};

Value stat_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    gc_add_root(&module);
    Value m = module_new_cstr("_stat");
    if (!m || module_add_functions(m, stat_functions) < 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof stat_constants / sizeof stat_constants[0]; i++) {
        if (module_add(m, stat_constants[i].name, int_from_i64(stat_constants[i].value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    module = m;
    return m;
}
