// grpmodule.c - the `grp` module: the group database (getgrgid, getgrnam,
// getgrall) as grp.struct_group records, for shutil.chown, tarfile and
// pathlib's group().
//
// Text fields are decoded as file names are; gr_mem is a list of names.
// A gid out of gid_t's range raises OverflowError (unlike pwd's uid,
// which CPython reports as "not found").
#include <errno.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
#include "../runtime/structseq.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Type type_struct_group;

static Value fs_text(const char *s) {
    return codec_decode(0, s ? s : "", s ? strlen(s) : 0, "utf-8", "surrogateescape");
}

static Value group_value(const struct group *g) {
    Value members = list_new(0);
    for (char **m = g->gr_mem; members && m && *m; m++) {
        Value s = fs_text(*m);
        if (!s || list_append(members, s) < 0) {
            return 0;
        }
    }
    Value items[4] = {fs_text(g->gr_name), fs_text(g->gr_passwd), modules_id_value(g->gr_gid),
                      members};
    for (int i = 0; i < 4; i++) {
        if (!items[i]) {
            return 0;
        }
    }
    return structseq_new(&type_struct_group, items);
}

static Value lookup(const char *name, gid_t gid) {
    long size = sysconf(_SC_GETGR_R_SIZE_MAX);
    if (size <= 0) {
        size = 1024;
    }
    for (;;) {
        char *buf = malloc((size_t)size);
        if (!buf) {
            return err_no_memory();
        }
        struct group gr, *res = NULL;
        int err = name ? getgrnam_r(name, &gr, buf, (size_t)size, &res)
                       : getgrgid_r(gid, &gr, buf, (size_t)size, &res);
        if (err == ERANGE && size < (1L << 24)) {
            free(buf);
            size *= 2;
            continue;
        }
        Value r = res ? group_value(res) : 0;
        free(buf);
        if (!res && err && err != ENOENT && err != ESRCH && err != EBADF && err != EPERM) {
            return err_from_errno(err, 0, 0);
        }
        return r;
    }
}

static Value key_error(Value msg) {
    Value exc = msg ? obj_call1(val_from_ptr(&exc_KeyError), msg) : 0;
    return exc ? err_set_value(exc) : 0;
}

FN(grp_getgrgid) {
    static const char *const names[] = {"id", NULL};
    ArgSpec spec = {"getgrgid", 0, names, 1, 1, 0};
    Value a[1];
    uint32_t gid;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || modules_id_arg(a[0], "gid", &gid) < 0) {
        return 0;
    }
    Value r = lookup(NULL, gid);
    if (r || err_occurred()) {
        return r;
    }
    Value id = modules_id_value(gid);
    return key_error(id ? str_format_c("getgrgid(): gid not found: %S", id) : 0);
}

FN(grp_getgrnam) {
    static const char *const names[] = {"name", NULL};
    ArgSpec spec = {"getgrnam", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (!val_is_str(a[0])) {
        return err_format(&exc_TypeError, "getgrnam() argument must be str, not %s",
                          obj_type_name(a[0]));
    }
    Value name = codec_encode(a[0], "utf-8", "surrogateescape");
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
    return key_error(str_format_c("getgrnam(): name not found: %R", a[0]));
}

FN(grp_getgrall) {
    if (method_check_args("getgrall", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value l = list_new(0);
    if (!l) {
        return 0;
    }
    setgrent();
    struct group *g;
    while ((g = getgrent()) != NULL) {
        Value v = group_value(g);
        if (!v || list_append(l, v) < 0) {
            endgrent();
            return 0;
        }
    }
    endgrent();
    return l;
}

static const MethodDef grp_functions[] = {
    {"getgrgid", grp_getgrgid, METH_DEFAULT, "Return the group database entry for the given numeric group ID."},
    {"getgrnam", grp_getgrnam, METH_DEFAULT, "Return the group database entry for the given group name."},
    {"getgrall", grp_getgrall, METH_DEFAULT, "Return a list of all available group entries, in arbitrary order."},
    {NULL, NULL, 0, NULL},
};

Value grp_module_init(void) {
    static Value module;  // created once: a re-import gets the same module
    if (module) {
        return module;
    }
    static const char *const fields[] = {"gr_name", "gr_passwd", "gr_gid", "gr_mem"};
    if (!type_struct_group.name &&
        structseq_init_type(&type_struct_group, "grp.struct_group", fields, 4, 1) < 0) {
        return 0;
    }
    Value m = module_new_cstr("grp");
    if (!m || module_add_functions(m, grp_functions) < 0 ||
        module_add(m, "struct_group", val_from_ptr(&type_struct_group)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Access to the Unix group database.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
