// errnomodule.c - the `errno` module: the system's error numbers by name,
// and `errorcode`, the reverse mapping.
//
// The names are Linux's, listed in the order CPython's module adds them:
// errorcode keeps the last name added for a number, so the aliases come out
// as CPython's (errorcode[EAGAIN] is 'EAGAIN', not 'EWOULDBLOCK';
// errorcode[EDEADLK] is 'EDEADLOCK'; errorcode[EOPNOTSUPP] is 'ENOTSUP').
#include <errno.h>

#include "../runtime/dict.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "modules.h"

// ORDER: CPython 3.11's errnomodule.c on Linux (see above).
#define ERRNO_NAMES(_)                                                                      \
    _(ENODEV) _(ENOCSI) _(EHOSTUNREACH) _(ENOMSG) _(EUCLEAN) _(EL2NSYNC) _(EL2HLT) _(ENODATA) \
    _(ENOTBLK) _(ENOSYS) _(EPIPE) _(EINVAL) _(EOVERFLOW) _(EADV) _(EINTR) _(EUSERS)           \
    _(ENOTEMPTY) _(ENOBUFS) _(EPROTO) _(EREMOTE) _(ENAVAIL) _(ECHILD) _(ELOOP) _(EXDEV)       \
    _(E2BIG) _(ESRCH) _(EMSGSIZE) _(EAFNOSUPPORT) _(EBADR) _(EHOSTDOWN) _(EPFNOSUPPORT)       \
    _(ENOPROTOOPT) _(EBUSY) _(EWOULDBLOCK) _(EBADFD) _(EDOTDOT) _(EISCONN) _(ENOANO)          \
    _(ESHUTDOWN) _(ECHRNG) _(ELIBBAD) _(ENONET) _(EBADE) _(EBADF) _(EMULTIHOP) _(EIO)        \
    _(EUNATCH) _(EPROTOTYPE) _(ENOSPC) _(ENOEXEC) _(EALREADY) _(ENETDOWN) _(ENOTNAM) _(EACCES) \
    _(ELNRNG) _(EILSEQ) _(ENOTDIR) _(ENOTUNIQ) _(EPERM) _(EDOM) _(EXFULL) _(ECONNREFUSED)     \
    _(EISDIR) _(EPROTONOSUPPORT) _(EROFS) _(EADDRNOTAVAIL) _(EIDRM) _(ECOMM) _(ESRMNT)        \
    _(EREMOTEIO) _(EL3RST) _(EBADMSG) _(ENFILE) _(ELIBMAX) _(ESPIPE) _(ENOLINK) _(ENETRESET) \
    _(ETIMEDOUT) _(ENOENT) _(EEXIST) _(EDQUOT) _(ENOSTR) _(EBADSLT) _(EBADRQC) _(ELIBACC)   \
    _(EFAULT) _(EFBIG) _(EDEADLK) _(ENOTCONN) _(EDESTADDRREQ) _(ELIBSCN) _(ENOLCK) _(EISNAM) \
    _(ECONNABORTED) _(ENETUNREACH) _(ESTALE) _(ENOSR) _(ENOMEM) _(ENOTSOCK) _(ESTRPIPE)      \
    _(EMLINK) _(ERANGE) _(ELIBEXEC) _(EL3HLT) _(ECONNRESET) _(EADDRINUSE) _(EOPNOTSUPP)      \
    _(EREMCHG) _(EAGAIN) _(ENAMETOOLONG) _(ENOTTY) _(ERESTART) _(ESOCKTNOSUPPORT) _(ETIME)   \
    _(EBFONT) _(EDEADLOCK) _(ETOOMANYREFS) _(EMFILE) _(ETXTBSY) _(EINPROGRESS) _(ENXIO)      \
    _(ENOPKG) _(ENOMEDIUM) _(EMEDIUMTYPE) _(ECANCELED) _(ENOKEY) _(EKEYEXPIRED) _(EKEYREVOKED) \
    _(EKEYREJECTED) _(EOWNERDEAD) _(ENOTRECOVERABLE) _(ERFKILL) _(ENOTSUP)

typedef struct ErrnoName {
    const char *name;
    int code;
} ErrnoName;

static const ErrnoName errno_names[] = {
#define ERRNO_ENTRY_(n) {#n, n},
    ERRNO_NAMES(ERRNO_ENTRY_)
#undef ERRNO_ENTRY_
    {NULL, 0},
};

Value errno_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    gc_add_root(&module);
    Value m = module_new_cstr("errno");
    Value errorcode = m ? dict_new() : 0;
    if (!errorcode || module_add(m, "errorcode", errorcode) < 0) {
        return 0;
    }
    for (const ErrnoName *e = errno_names; e->name; e++) {
        Value name = str_intern_cstr(e->name);
        Value code = val_from_smallint(e->code);
        if (!name || dict_set(module_dict(m), name, code) < 0 ||
            dict_set(errorcode, code, name) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    module = m;
    return m;
}
