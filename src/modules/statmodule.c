// statmodule.c - the `_stat` module: the S_IS* tests, S_IMODE, S_IFMT,
// filemode and the mode, flag and stat-index constants. stat.py defines
// all of them in Python and then takes this module's versions when it
// exists (test_stat checks both); the values are the platform's.
//
// A mode is an int that fits mode_t, converted as CPython's
// _PyLong_AsMode_t does: no __index__ ("an integer is required"), negative
// values and values beyond unsigned long with the C-conversion messages,
// other values beyond 32 bits "mode out of range".
#include <stdint.h>
#include <sys/stat.h>

#include "../runtime/abstract.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// The file types Linux does not have are 0, so their tests are always false.
#define STAT_IFDOOR 0
#define STAT_IFPORT 0
#define STAT_IFWHT 0

static int stat_mode_arg(const char *qualname, const Value *args, size_t nargs, Value kwnames,
                         uint32_t *out) {
    if (method_check_args(qualname, nargs, kwnames, 1, 1) < 0) {
        return -1;
    }
    Value v = args[0];
    if (!int_check(v)) {
        err_format(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_sign(v) < 0) {
        err_format(&exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    int64_t x;
    if (int_to_i64(v, &x) < 0) {
        err_clear();
        Value max = int_from_u64(UINT64_MAX);
        if (!max) {
            return -1;
        }
        if (int_compare(v, max) > 0) {
            err_format(&exc_OverflowError, "Python int too large to convert to C unsigned long");
        } else {
            err_format(&exc_OverflowError, "mode out of range");
        }
        return -1;
    }
    if (x > UINT32_MAX) {
        err_format(&exc_OverflowError, "mode out of range");
        return -1;
    }
    *out = (uint32_t)x;
    return 0;
}

// One S_ISxxx(mode) function per file type.
#define STAT_IS(name, ifmt)                                                    \
    FN(stat_##name) {                                                          \
        uint32_t mode;                                                         \
        if (stat_mode_arg("_stat." #name, args, nargs, kwnames, &mode) < 0) {  \
            return 0;                                                          \
        }                                                                      \
        return (ifmt) != 0 && (mode & S_IFMT) == (ifmt) ? VAL_TRUE : VAL_FALSE; \
    }
STAT_IS(S_ISDIR, S_IFDIR)
STAT_IS(S_ISCHR, S_IFCHR)
STAT_IS(S_ISBLK, S_IFBLK)
STAT_IS(S_ISREG, S_IFREG)
STAT_IS(S_ISFIFO, S_IFIFO)
STAT_IS(S_ISLNK, S_IFLNK)
STAT_IS(S_ISSOCK, S_IFSOCK)
STAT_IS(S_ISDOOR, STAT_IFDOOR)
STAT_IS(S_ISPORT, STAT_IFPORT)
STAT_IS(S_ISWHT, STAT_IFWHT)

FN(stat_S_IMODE) {
    uint32_t mode;
    if (stat_mode_arg("_stat.S_IMODE", args, nargs, kwnames, &mode) < 0) {
        return 0;
    }
    return val_from_smallint(mode & 07777);
}

FN(stat_S_IFMT) {
    uint32_t mode;
    if (stat_mode_arg("_stat.S_IFMT", args, nargs, kwnames, &mode) < 0) {
        return 0;
    }
    return val_from_smallint(mode & S_IFMT);
}

// filemode(0o100644) == '-rw-r--r--': the type letter, then rwx for user,
// group and others, with s/S (set-id, executable or not) and t/T (sticky).
FN(stat_filemode) {
    uint32_t mode;
    if (stat_mode_arg("_stat.filemode", args, nargs, kwnames, &mode) < 0) {
        return 0;
    }
    static const struct {
        uint32_t fmt;
        char letter;
    } types[] = {
        {S_IFREG, '-'}, {S_IFDIR, 'd'}, {S_IFLNK, 'l'}, {S_IFBLK, 'b'},
        {S_IFCHR, 'c'}, {S_IFIFO, 'p'}, {S_IFSOCK, 's'},
    };
    char s[11];
    s[0] = '?';
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if ((mode & S_IFMT) == types[i].fmt) {
            s[0] = types[i].letter;
        }
    }
    // per class: its read/write/execute bits, its special bit and letter
    static const struct {
        uint32_t r, w, x, special;
        char letter;
    } classes[] = {
        {S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's'},
        {S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's'},
        {S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't'},
    };
    for (int c = 0; c < 3; c++) {
        char *p = s + 1 + 3 * c;
        p[0] = mode & classes[c].r ? 'r' : '-';
        p[1] = mode & classes[c].w ? 'w' : '-';
        if (mode & classes[c].special) {
            p[2] = mode & classes[c].x ? classes[c].letter : (char)(classes[c].letter - 32);
        } else {
            p[2] = mode & classes[c].x ? 'x' : '-';
        }
    }
    s[10] = 0;
    return str_from_cstr(s);
}

#define IS_DOC(name, what) #name "(mode) -> bool\n\nReturn True if mode is from " what "."

static const MethodDef stat_functions[] = {
    {"S_ISDIR", stat_S_ISDIR, METH_DEFAULT, IS_DOC(S_ISDIR, "a directory")},
    {"S_ISCHR", stat_S_ISCHR, METH_DEFAULT, IS_DOC(S_ISCHR, "a character special device file")},
    {"S_ISBLK", stat_S_ISBLK, METH_DEFAULT, IS_DOC(S_ISBLK, "a block special device file")},
    {"S_ISREG", stat_S_ISREG, METH_DEFAULT, IS_DOC(S_ISREG, "a regular file")},
    {"S_ISFIFO", stat_S_ISFIFO, METH_DEFAULT, IS_DOC(S_ISFIFO, "a FIFO (named pipe)")},
    {"S_ISLNK", stat_S_ISLNK, METH_DEFAULT, IS_DOC(S_ISLNK, "a symbolic link")},
    {"S_ISSOCK", stat_S_ISSOCK, METH_DEFAULT, IS_DOC(S_ISSOCK, "a socket")},
    {"S_ISDOOR", stat_S_ISDOOR, METH_DEFAULT, IS_DOC(S_ISDOOR, "a door")},
    {"S_ISPORT", stat_S_ISPORT, METH_DEFAULT, IS_DOC(S_ISPORT, "an event port")},
    {"S_ISWHT", stat_S_ISWHT, METH_DEFAULT, IS_DOC(S_ISWHT, "a whiteout")},
    {"S_IMODE", stat_S_IMODE, METH_DEFAULT,
     "Return the portion of the file's mode that can be set by os.chmod()."},
    {"S_IFMT", stat_S_IFMT, METH_DEFAULT,
     "Return the portion of the file's mode that describes the file type."},
    {"filemode", stat_filemode, METH_DEFAULT,
     "Convert a file's mode to a string of the form '-rwxrwxrwx'"},
    {NULL, NULL, 0, NULL},
};

static const char stat_doc[] =
    "S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\n"
    "S_IFBLK: block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\n"
    "S_IFLNK: symbolic link\nS_IFSOCK: socket file\nS_IFDOOR: door\nS_IFPORT: event port\n"
    "S_IFWHT: whiteout\n\nS_ISUID: set UID bit\nS_ISGID: set GID bit\n"
    "S_ENFMT: file locking enforcement\nS_ISVTX: sticky bit\n"
    "S_IREAD: Unix V7 synonym for S_IRUSR\nS_IWRITE: Unix V7 synonym for S_IWUSR\n"
    "S_IEXEC: Unix V7 synonym for S_IXUSR\nS_IRWXU: mask for owner permissions\n"
    "S_IRUSR: read by owner\nS_IWUSR: write by owner\nS_IXUSR: execute by owner\n"
    "S_IRWXG: mask for group permissions\nS_IRGRP: read by group\nS_IWGRP: write by group\n"
    "S_IXGRP: execute by group\nS_IRWXO: mask for others (not in group) permissions\n"
    "S_IROTH: read by others\nS_IWOTH: write by others\nS_IXOTH: execute by others\n\n"
    "UF_NODUMP: do not dump file\nUF_IMMUTABLE: file may not be changed\n"
    "UF_APPEND: file may only be appended to\n"
    "UF_OPAQUE: directory is opaque when viewed through a union stack\n"
    "UF_NOUNLINK: file may not be renamed or deleted\n"
    "UF_COMPRESSED: OS X: file is hfs-compressed\n"
    "UF_HIDDEN: OS X: file should not be displayed\nSF_ARCHIVED: file may be archived\n"
    "SF_IMMUTABLE: file may not be changed\nSF_APPEND: file may only be appended to\n"
    "SF_NOUNLINK: file may not be renamed or deleted\nSF_SNAPSHOT: file is a snapshot file\n\n"
    "ST_MODE\nST_INO\nST_DEV\nST_NLINK\nST_UID\nST_GID\nST_SIZE\nST_ATIME\nST_MTIME\n"
    "ST_CTIME\n\nFILE_ATTRIBUTE_*: Windows file attribute constants\n"
    "                   (only present on Windows)\n";

Value stat_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("_stat");
    if (!m || module_add_functions(m, stat_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr(stat_doc)) < 0) {
        return 0;
    }
    // The BSD/macOS file flags are not Linux's: CPython uses these values.
    static const struct {
        const char *name;
        uint32_t value;
    } consts[] = {
        {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK}, {"S_IFREG", S_IFREG},
        {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK},
        {"S_IFDOOR", STAT_IFDOOR}, {"S_IFPORT", STAT_IFPORT}, {"S_IFWHT", STAT_IFWHT},
        {"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID}, {"S_ISVTX", S_ISVTX},
        {"S_ENFMT", S_ISGID},  // System V's mandatory locking bit is the set-GID bit
        {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR}, {"S_IEXEC", S_IXUSR},
        {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR}, {"S_IXUSR", S_IXUSR},
        {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP},
        {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH},
        {"UF_NODUMP", 0x1}, {"UF_IMMUTABLE", 0x2}, {"UF_APPEND", 0x4}, {"UF_OPAQUE", 0x8},
        {"UF_NOUNLINK", 0x10}, {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000},
        {"SF_ARCHIVED", 0x10000}, {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000},
        {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
        // indexes into the tuple form of os.stat()'s result
        {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4},
        {"ST_GID", 5}, {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (module_add(m, consts[i].name, val_from_smallint(consts[i].value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
