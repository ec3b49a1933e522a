// modules.c - the table of builtin modules and the import of one (see
// modules.h). A new C module adds its init function here, in name order;
// one that needs a library few programs use is built into lib-dynload
// instead (the Makefile's DYNLOAD list, MODULE_DYNLOAD_INIT) and is not
// listed here.
#include "modules.h"

#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"

static Value sys_init_default(void) {
    return sys_init(NULL);
}

const BuiltinModule modules_builtin_table[] = {
    {"_abc", abc_module_init},
    {"_ast", ast_module_init},
    {"_asyncio", asyncio_module_init},
    {"_bisect", bisect_module_init},
    {"_blake2", blake2_module_init},
    {"_codecs", codecs_module_init},
    {"_collections", collections_module_init},
    {"_contextvars", contextvars_module_init},
    {"_csv", csv_module_init},
    {"_functools", functools_module_init},
    {"_heapq", heapq_module_init},
    {"_imp", imp_module_init},
    {"_io", io_module_init},
    {"_json", json_module_init},
    {"_locale", locale_module_init},
    {"_md5", md5_module_init},
    {"_opcode", opcode_module_init},
    {"_operator", operator_module_init},
    {"_pickle", pickle_module_init},
    {"_posixsubprocess", posixsubprocess_module_init},
    {"_queue", queue_module_init},
    {"_random", random_module_init},
    {"_sha1", sha1_module_init},
    {"_sha256", sha256_module_init},
    {"_sha3", sha3_module_init},
    {"_sha512", sha512_module_init},
    {"_signal", signal_module_init},
    {"_socket", socket_module_init},
    {"_sre", sre_module_init},
    {"_stat", stat_module_init},
    {"_string", string_module_init},
    {"_symtable", symtable_module_init},
    {"_lsprof", lsprof_module_init},
    {"_tracemalloc", tracemalloc_module_init},
    {"_struct", struct_module_init},
    {"_thread", thread_module_init},
    {"_warnings", warnings_module_init},
    {"_weakref", weakref_module_init},
    {"array", array_module_init},
    {"mmap", mmap_module_init},
    {"atexit", atexit_module_init},
    {"binascii", binascii_module_init},
    {"builtins", builtins_init},
    {"cmath", cmath_module_init},
    {"errno", errno_module_init},
    {"faulthandler", faulthandler_module_init},
    {"fcntl", fcntl_module_init},
    {"gc", gcmodule_init},
    {"grp", grp_module_init},
    {"itertools", itertools_module_init},
    {"marshal", marshal_module_init},
    {"math", math_module_init},
    {"posix", posix_module_init},
    {"pwd", pwd_module_init},
    {"resource", resource_module_init},
    {"select", select_module_init},
    {"sys", sys_init_default},
    {"syslog", syslog_module_init},
    {"termios", termios_module_init},
    {"time", timemodule_init},
    {"unicodedata", unicodedata_module_init},
    {NULL, NULL},
};

const BuiltinModule *modules_find_builtin(const char *name) {
    for (const BuiltinModule *m = modules_builtin_table; m->name; m++) {
        if (strcmp(m->name, name) == 0) {
            return m;
        }
    }
    return NULL;
}

// ModuleNotFoundError("No module named 'x'", name='x').
static Value module_not_found(Value name) {
    Value args[2] = {str_format_c("No module named %R", name), name};
    Value kw = tuple_from((Value[]){str_intern_cstr("name")}, 1);
    if (!args[0] || !kw) {
        return 0;
    }
    Value exc = obj_call(val_from_ptr(&exc_ModuleNotFoundError), args, 1, kw);
    if (exc) {
        err_set_value(exc);
    }
    return 0;
}

Value modules_import_builtin(Value name, int quiet) {
    Value modules = sys_get_object("modules");
    if (modules && dict_check(modules)) {
        Value m = dict_get(modules, name);
        if (m || err_occurred()) {
            return m;
        }
    }
    const BuiltinModule *def = modules_find_builtin(str_obj(name)->data);
    if (!def) {
        return quiet ? 0 : module_not_found(name);
    }
    Value m = def->init();
    if (!m) {
        return 0;
    }
    modules = sys_get_object("modules");
    if (modules && dict_check(modules) && dict_set(modules, name, m) < 0) {
        return 0;
    }
    return m;
}
