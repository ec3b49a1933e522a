// impmodule.c - the `_imp` module: the C half of importlib (the importer,
// src/vm/import.c): builtin modules for BuiltinImporter, the frozen
// modules compiled into the binary (src/vm/frozen.c) for FrozenImporter,
// and the helpers SourceFileLoader calls.
//
// Builtin modules come from the registry in modules.c. The only extension
// modules krait loads are its own, from lib-dynload (modules.h): their
// suffix is the one extension_suffixes() gives, so importlib's FileFinder
// never takes CPython's .so files (whose ABI krait does not have, DESIGN.md
// section 1) for modules, and create_dynamic loads a file that defines
// krait_init_<name>.
#include <dlfcn.h>
#include <string.h>

#include <semaphore.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/hash.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/code.h"
#include "../vm/import.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// "f() argument must be str" (pos 0: a single-argument function) or
// "f() argument 2 must be str".
static int str_argument(const char *fname, int pos, Value v) {
    if (!val_is_str(v)) {
        if (pos == 0) {
            err_format(&exc_TypeError, "%s() argument must be str, not %s", fname,
                       obj_type_name(v));
        } else {
            err_format(&exc_TypeError, "%s() argument %d must be str, not %s", fname, pos,
                       obj_type_name(v));
        }
        return -1;
    }
    return 0;
}

// is_builtin(name): 1 for a builtin module, -1 for one that cannot be
// initialized again (sys, builtins), 0 otherwise.
FN(imp_is_builtin) {
    if (method_check_args("_imp.is_builtin", nargs, kwnames, 1, 1) < 0 ||
        str_argument("is_builtin", 0, args[0]) < 0) {
        return 0;
    }
    const char *name = str_obj(args[0])->data;
    if (!modules_find_builtin(name)) {
        return val_from_smallint(0);
    }
    if (strcmp(name, "sys") == 0 || strcmp(name, "builtins") == 0) {
        return val_from_smallint(-1);
    }
    return val_from_smallint(1);
}

// create_builtin(spec): the builtin module spec.name.
FN(imp_create_builtin) {
    if (method_check_args("_imp.create_builtin", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value name = obj_getattr_cstr(args[0], "name");
    if (!name) {
        return 0;
    }
    if (!val_is_str(name)) {
        return err_format(&exc_TypeError, "name must be string, not %s", obj_type_name(name));
    }
    Value modules = sys_get_object("modules");
    if (modules && dict_check(modules)) {
        Value m = dict_get(modules, name);
        if (m) {
            return m;
        }
        if (err_occurred()) {
            return 0;
        }
    }
    const BuiltinModule *def = modules_find_builtin(str_obj(name)->data);
    if (!def) {
        return VAL_NONE;   // CPython: not a builtin module
    }
    return def->init();
}

FN(imp_exec_builtin) {
    if (method_check_args("_imp.exec_builtin", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return val_from_smallint(0);
}

FN(imp_exec_dynamic) {
    if (method_check_args("_imp.exec_dynamic", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return val_from_smallint(0);
}

// ImportError(msg, name=name, path=path), as CPython's PyErr_SetImportError.
static Value import_error(const char *msg, Value name, Value path) {
    Value text = str_from_cstr(msg);
    Value kwn = tuple_from((Value[]){str_intern_cstr("name"), str_intern_cstr("path")}, 2);
    if (!text || !kwn) {
        return 0;
    }
    Value a[3] = {text, name, path};
    Value exc = obj_call(val_from_ptr(&exc_ImportError), a, 1, kwn);
    return exc ? err_set_value(exc) : 0;
}

// create_dynamic(spec, file=None): the module of the shared object at
// spec.origin, made by its krait_init_<last part of spec.name>. The handle
// is never closed (the module's types and functions live in the file).
FN(imp_create_dynamic) {
    if (args_no_keywords("create_dynamic", kwnames) < 0 ||
        args_check_positional("create_dynamic", nargs, 1, 2) < 0) {
        return 0;
    }
    Value name = obj_getattr_cstr(args[0], "name");
    Value path = name ? obj_getattr_cstr(args[0], "origin") : 0;
    if (!path) {
        return 0;
    }
    if (!val_is_str(name)) {
        return err_format(&exc_TypeError, "name must be string, not %s", obj_type_name(name));
    }
    if (!val_is_str(path)) {
        return err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                          obj_type_name(path));
    }
    void *handle = dlopen(str_obj(path)->data, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = dlerror();
        return import_error(why ? why : "cannot load the shared object", name, path);
    }
    const char *dot = strrchr(str_obj(name)->data, '.');
    const char *base = dot ? dot + 1 : str_obj(name)->data;
    char symbol[256];
    snprintf(symbol, sizeof symbol, "krait_init_%s", base);
    Value (*init)(void) = (Value(*)(void))dlsym(handle, symbol);
    if (!init) {
        char msg[320];
        snprintf(msg, sizeof msg,
                 "dynamic module does not define module export function (%s)", symbol);
        return import_error(msg, name, path);
    }
    Value m = init();
    if (!m) {
        return 0;
    }
    // As CPython, the file is remembered in the module itself.
    if (module_check(m) && dict_set_cstr(module_dict(m), "__file__", path) < 0) {
        err_clear();
    }
    return m;
}

FN(imp_is_frozen) {
    if (method_check_args("_imp.is_frozen", nargs, kwnames, 1, 1) < 0 ||
        str_argument("is_frozen", 0, args[0]) < 0) {
        return 0;
    }
    return val_bool(frozen_find(str_obj(args[0])->data) != NULL);
}

static Value no_frozen(Value name) {
    Value msg = str_format_c("No such frozen object named %R", name);
    if (!msg) {
        return 0;
    }
    Value kwn = tuple_from((Value[]){str_intern_cstr("name")}, 1);
    Value a[2] = {msg, name};
    Value exc = kwn ? obj_call(val_from_ptr(&exc_ImportError), a, 1, kwn) : 0;
    return exc ? err_set_value(exc) : 0;
}

// The code object of a frozen module's data.
static Value frozen_code_of(const unsigned char *data, size_t size, Value name) {
    Value code = marshal_load_value(data, size);
    if (code && type_of(code) != &type_code) {
        return err_format(&exc_TypeError, "frozen object %s is not a code object",
                          str_obj(name)->data);
    }
    return code;
}

FN(imp_is_frozen_package) {
    if (method_check_args("_imp.is_frozen_package", nargs, kwnames, 1, 1) < 0 ||
        str_argument("is_frozen_package", 0, args[0]) < 0) {
        return 0;
    }
    const FrozenModule *f = frozen_find(str_obj(args[0])->data);
    return f ? val_bool(f->is_package) : no_frozen(args[0]);
}

// get_frozen_object(name, data=None): the code of `data` (marshalled) when
// given, else of the frozen module `name`.
FN(imp_get_frozen_object) {
    if (args_no_keywords("get_frozen_object", kwnames) < 0 ||
        args_check_positional("get_frozen_object", nargs, 1, 2) < 0 ||
        str_argument("get_frozen_object", 1, args[0]) < 0) {
        return 0;
    }
    if (nargs > 1 && args[1] != VAL_NONE) {
        const char *data;
        size_t len;
        if (modules_get_buffer(args[1], &data, &len) < 0) {
            return 0;
        }
        Value code = frozen_code_of((const unsigned char *)data, len, args[0]);
        gc_keep_alive(args[1]);
        return code;
    }
    const FrozenModule *f = frozen_find(str_obj(args[0])->data);
    return f ? frozen_code_of(f->code, f->size, args[0]) : no_frozen(args[0]);
}

// init_frozen(name): import the frozen module `name` directly (its code run
// in a module put into sys.modules), or None when there is no such module.
FN(imp_init_frozen) {
    if (method_check_args("_imp.init_frozen", nargs, kwnames, 1, 1) < 0 ||
        str_argument("init_frozen", 0, args[0]) < 0) {
        return 0;
    }
    const FrozenModule *f = frozen_find(str_obj(args[0])->data);
    if (!f) {
        return VAL_NONE;
    }
    Value code = frozen_code_of(f->code, f->size, args[0]);
    Value modules = sys_get_object("modules");
    if (!code || !modules || !dict_check(modules)) {
        return code ? err_format(&exc_RuntimeError, "lost sys.modules") : 0;
    }
    Value m = dict_get(modules, args[0]);
    if (!m) {
        if (err_occurred() || !(m = module_new(args[0])) || dict_set(modules, args[0], m) < 0) {
            return 0;
        }
    }
    Value d = obj_getattr_cstr(m, "__dict__");
    if (!d || !dict_check(d)) {
        return d ? err_format(&exc_TypeError, "module has no dict") : 0;
    }
    if (f->is_package && dict_set_cstr(d, "__path__", list_new(0)) < 0) {
        return 0;
    }
    if (dict_set_cstr(d, "__origname__", str_from_cstr(f->origname)) < 0 ||
        !vm_eval_code((Code *)val_ptr(code), d, d)) {
        return 0;
    }
    return m;
}

// find_frozen(name, *, withdata=False): None, or (data or None, is_package,
// origname).
FN(imp_find_frozen) {
    static const char *const names[] = {"", "withdata", NULL};
    static const ArgSpec spec = {"find_frozen", 1, names + 1, 1, 1, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 ||
        str_argument("find_frozen", 1, a[0]) < 0) {
        return 0;
    }
    const FrozenModule *f = frozen_find(str_obj(a[0])->data);
    if (!f) {
        return VAL_NONE;
    }
    int withdata = a[1] ? obj_truthy(a[1]) : 0;
    if (withdata < 0) {
        return 0;
    }
    Value data = withdata ? bytes_from(f->code, f->size) : VAL_NONE;
    Value origname = f->origname[0] ? str_from_cstr(f->origname) : VAL_NONE;
    if (!data || !origname) {
        return 0;
    }
    return tuple_from((Value[]){data, val_bool(f->is_package), origname}, 3);
}

FN(imp_frozen_module_names) {
    if (method_check_args("_imp._frozen_module_names", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value list = list_new(0);
    for (const FrozenModule *f = frozen_modules; list && f->name; f++) {
        Value s = str_from_cstr(f->name);
        if (!s || list_append(list, s) < 0) {
            return 0;
        }
    }
    return list;
}

FN(imp_override_frozen_modules_for_tests) {
    if (method_check_args("_imp._override_frozen_modules_for_tests", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t v;
    if (obj_as_index(args[0], &v, 1) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(imp_extension_suffixes) {
    if (method_check_args("_imp.extension_suffixes", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value suffix = str_from_cstr(EXT_SUFFIX);
    Value list = suffix ? list_new(0) : 0;
    return list && list_append(list, suffix) == 0 ? list : 0;
}

// ---- the import lock -------------------------------------------------------------------------
// A recursive lock across threads (importlib's _ImportLockContext and
// _get_module_lock take it): its owner is a thread's serial number.

static struct {
    sem_t sem;        // 0 while held
    uint64_t owner;   // thread serial, 0 when free
    int64_t depth;
    int ready;
} import_lock;

static void import_lock_init(void) {
    if (!import_lock.ready) {
        sem_init(&import_lock.sem, 0, 1);
        import_lock.ready = 1;
    }
}

FN(imp_acquire_lock) {
    if (method_check_args("_imp.acquire_lock", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    import_lock_init();
    if (import_lock.owner == vm_thread.serial) {
        import_lock.depth++;
        return VAL_NONE;
    }
    if (sem_trywait(&import_lock.sem) != 0) {
        VM_BEGIN_ALLOW_THREADS
        while (sem_wait(&import_lock.sem) != 0) {
        }
        VM_END_ALLOW_THREADS
    }
    import_lock.owner = vm_thread.serial;
    import_lock.depth = 1;
    return VAL_NONE;
}

FN(imp_release_lock) {
    if (method_check_args("_imp.release_lock", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (import_lock.depth == 0 || import_lock.owner != vm_thread.serial) {
        return err_format(&exc_RuntimeError, "not holding the import lock");
    }
    if (--import_lock.depth == 0) {
        import_lock.owner = 0;
        sem_post(&import_lock.sem);
    }
    return VAL_NONE;
}

FN(imp_lock_held) {
    if (method_check_args("_imp.lock_held", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_bool(import_lock.depth > 0);
}

void imp_after_fork_child(void) {
    if (!import_lock.ready) {
        return;
    }
    // Held by a thread that does not exist in the child: free it.
    if (import_lock.depth > 0 && import_lock.owner != vm_thread.serial) {
        import_lock.owner = 0;
        import_lock.depth = 0;
        sem_init(&import_lock.sem, 0, 1);
    } else if (import_lock.depth == 0) {
        sem_init(&import_lock.sem, 0, 1);
    }
}

// ---- code objects and hashes ----------------------------------------------------------------------

static void fix_filename(Code *c, Value old, Value path, int depth) {
    if (depth > 200) {
        return;
    }
    if (c->filename && val_is_str(c->filename) && str_equal(c->filename, old)) {
        c->filename = path;
        c->gc_stamp++;
    }
    TupleObject *k = tuple_obj(c->consts);
    for (size_t i = 0; i < k->len; i++) {
        if (val_is_ptr(k->items[i]) && type_of(k->items[i]) == &type_code) {
            fix_filename((Code *)val_ptr(k->items[i]), old, path, depth + 1);
        }
    }
}

// _fix_co_filename(code, path): give code and its nested code objects the
// file name `path` (where they had the top one's old name).
FN(imp_fix_co_filename) {
    if (args_no_keywords("_fix_co_filename", kwnames) < 0 ||
        args_check_positional("_fix_co_filename", nargs, 2, 2) < 0) {
        return 0;
    }
    if (!val_is_ptr(args[0]) || type_of(args[0]) != &type_code) {
        return err_format(&exc_TypeError, "_fix_co_filename() argument 1 must be code, not %s",
                          obj_type_name(args[0]));
    }
    if (str_argument("_fix_co_filename", 2, args[1]) < 0) {
        return 0;
    }
    Code *c = (Code *)val_ptr(args[0]);
    if (c->filename && val_is_str(c->filename) && !str_equal(c->filename, args[1])) {
        fix_filename(c, c->filename, args[1], 0);
    }
    return VAL_NONE;
}

// SipHash-1-3 of `n` bytes keyed by (k0, 0), raw (CPython's _Py_KeyedHash,
// used for hash-based .pyc files).
static uint64_t keyed_hash(uint64_t k0, const unsigned char *p, size_t n) {
    HashState h = {k0 ^ 0x736f6d6570736575ULL, 0x646f72616e646f6dULL, k0 ^ 0x6c7967656e657261ULL,
                   0x7465646279746573ULL};
    size_t words = n / 8;
    for (size_t i = 0; i < words; i++) {
        uint64_t m = 0;
        for (int b = 7; b >= 0; b--) {
            m = (m << 8) | p[8 * i + (size_t)b];
        }
        hash_state_word(&h, m);
    }
    uint64_t tail = 0;
    for (size_t i = n; i-- > 8 * words;) {
        tail = (tail << 8) | p[i];
    }
    uint64_t b = ((uint64_t)n << 56) | tail;
    h.v3 ^= b;
    hash_sip_round_(&h);
    h.v0 ^= b;
    h.v2 ^= 0xff;
    hash_sip_round_(&h);
    hash_sip_round_(&h);
    hash_sip_round_(&h);
    return h.v0 ^ h.v1 ^ h.v2 ^ h.v3;
}

// source_hash(key, source) -> 8 bytes
FN(imp_source_hash) {
    static const char *const names[] = {"key", "source", NULL};
    static const ArgSpec spec = {"source_hash", 0, names, 2, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t key;
    if (obj_as_index(a[0], &key, 0) < 0) {
        return 0;
    }
    if (!val_is_bytes(a[1])) {
        return err_format(&exc_TypeError, "a bytes-like object is required, not '%s'",
                          obj_type_name(a[1]));
    }
    uint64_t x = keyed_hash((uint64_t)key, (const unsigned char *)bytes_data(a[1]),
                            bytes_len(a[1]));
    unsigned char out[8];
    for (int i = 0; i < 8; i++) {
        out[i] = (unsigned char)(x >> (8 * i));
    }
    return bytes_from(out, 8);
}

static const MethodDef imp_functions[] = {
    {"is_builtin", imp_is_builtin, METH_DEFAULT, "Returns True if the module name corresponds to a built-in module."},
    {"create_builtin", imp_create_builtin, METH_DEFAULT, "Create an extension module."},
    {"exec_builtin", imp_exec_builtin, METH_DEFAULT, "Initialize a built-in module."},
    {"create_dynamic", imp_create_dynamic, METH_DEFAULT, "Create an extension module."},
    {"exec_dynamic", imp_exec_dynamic, METH_DEFAULT, "Initialize an extension module."},
    {"is_frozen", imp_is_frozen, METH_DEFAULT, "Returns True if the module name corresponds to a frozen module."},
    {"is_frozen_package", imp_is_frozen_package, METH_DEFAULT, "Returns True if the module name is of a frozen package."},
    {"get_frozen_object", imp_get_frozen_object, METH_DEFAULT, "Create a code object for a frozen module."},
    {"init_frozen", imp_init_frozen, METH_DEFAULT, "Initializes a frozen module."},
    {"find_frozen", imp_find_frozen, METH_DEFAULT, "Return info about the corresponding frozen module (if there is one) or None."},
    {"_frozen_module_names", imp_frozen_module_names, METH_DEFAULT, "Returns the list of available frozen modules."},
    {"_override_frozen_modules_for_tests", imp_override_frozen_modules_for_tests, METH_DEFAULT, "(internal-only) Override PyConfig.use_frozen_modules."},
    {"extension_suffixes", imp_extension_suffixes, METH_DEFAULT, "Returns the list of file suffixes used to identify extension modules."},
    {"acquire_lock", imp_acquire_lock, METH_DEFAULT, "Acquires the interpreter's import lock for the current thread."},
    {"release_lock", imp_release_lock, METH_DEFAULT, "Release the interpreter's import lock."},
    {"lock_held", imp_lock_held, METH_DEFAULT, "Return True if the import lock is currently held, else False."},
    {"_fix_co_filename", imp_fix_co_filename, METH_DEFAULT, "Changes code.co_filename to specify the passed-in file path."},
    {"source_hash", imp_source_hash, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Value imp_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("_imp");
    if (!m || module_add_functions(m, imp_functions) < 0 ||
        module_add(m, "check_hash_based_pycs", str_from_cstr("default")) < 0 ||
        module_add(m, "__doc__", str_from_cstr("(Extremely) low-level import machinery bits "
                                               "as used by importlib and imp.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
