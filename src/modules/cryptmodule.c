// cryptmodule.c - the `_crypt` module: crypt(word, salt) over libcrypt's
// crypt_r (Debian libcrypt-dev, libxcrypt), for the deprecated stdlib
// `crypt` module. The salt picks the method ("$6$..." SHA-512, "$5$"
// SHA-256, "$2b$" bcrypt, "$1$" MD5, two characters: DES); a salt the
// library rejects gives OSError from errno, as in CPython.
#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

// A str argument as a C string without NUL; NULL with the exception set.
static const char *crypt_str_arg(Value v, int index) {
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "crypt() argument %d must be str, not %s", index,
                   obj_type_name(v));
        return NULL;
    }
    const char *s = str_obj(v)->data;
    if (strlen(s) != str_obj(v)->nbytes) {
        err_format(&exc_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

static Value crypt_crypt(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("_crypt.crypt", kwnames) < 0 ||
        args_check_positional("crypt", nargs, 2, 2) < 0) {
        return 0;
    }
    const char *word = crypt_str_arg(args[0], 1);
    const char *salt = word ? crypt_str_arg(args[1], 2) : NULL;
    if (!salt) {
        return 0;
    }
    // struct crypt_data is large (about 32 KiB): not on the C stack
    struct crypt_data *data = calloc(1, sizeof *data);
    if (!data) {
        return err_no_memory();
    }
    errno = 0;
    const char *hash = crypt_r(word, salt, data);
    Value r;
    if (!hash) {
        if (errno == 0) {
            errno = EINVAL;
        }
        r = err_from_errno(errno, 0, 0);
    } else {
        r = str_from_cstr(hash);
    }
    free(data);
    return r;
}

static const MethodDef crypt_functions[] = {
    {"crypt", crypt_crypt, METH_DEFAULT,
     "Hash a *word* with the given *salt* and return the hashed password."},
    {NULL, NULL, 0, NULL},
};

Value crypt_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("_crypt");
    if (!m || module_add_functions(m, crypt_functions) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}

MODULE_DYNLOAD_INIT(_crypt, crypt_module_init)
