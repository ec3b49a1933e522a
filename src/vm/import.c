// import.c - the import system: CPython's importlib, started and called from C.
//
// As in CPython, importlib is the importer. At start-up import_install runs
// the frozen copies (frozen.c) of Debian's importlib/_bootstrap.py and
// _bootstrap_external.py as the modules `_frozen_importlib` and
// `_frozen_importlib_external` (CPython's names; their code carries
// CPython's "<frozen importlib._bootstrap>" file names too) and calls their
// _install functions, so that sys.meta_path is [BuiltinImporter,
// FrozenImporter, PathFinder] and sys.path_hooks [zipimporter, FileFinder's
// hook]. Specs, loaders, __cached__, namespace packages, path hooks,
// reload: all of it is importlib's own code.
//
// What stays in C is what CPython's Python/import.c keeps in C:
// builtins.__import__'s fast path (a name already in sys.modules returns
// without running Python code), relative names resolved against
// __package__ / __spec__.parent, the top-level package returned for
// `import a.b`, and the fromlist (importlib's _handle_fromlist runs only
// when some name is not an attribute yet). Anything else calls
// _bootstrap._find_and_load(name, __import__). Before an import error
// reaches the program, importlib's own traceback entries are removed as
// CPython does (traceback_remove_importlib_frames).
//
// The code cache. sys.implementation.cache_tag is "krait311-<build id>"
// (tools/gen_build_id.py hashes the parser, compiler and bytecode sources)
// and sys.pycache_prefix the user's cache directory ($XDG_CACHE_HOME/krait
// or ~/.cache/krait), so importlib's SourceFileLoader keeps krait's compiled
// code there (marshal knows krait's code objects), keyed by the source's
// path, mtime and size, and never mixes two builds. The .pyc header carries
// CPython's MAGIC_NUMBER (importlib hard-codes it); the cache tag is what
// keeps krait's files apart from CPython's.
//
// The modules needed at every start (the bootstrap, zipimport, site and
// what it imports) are frozen into the binary (frozen.c), as CPython's are.
// A krait built without them (the build's first stage) loads the two
// bootstrap modules from their files, through the code cache, itself.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../compile/compile.h"
#include "../runtime/abstract.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/finalize.h"
#include "../runtime/gc.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../modules/modules.h"
#include "import.h"
#include "interp_internal.h"
#include "vm.h"

static Value importlib;       // _frozen_importlib, once installed
static Value import_func;     // builtins.__import__, passed to importlib as CPython does

// sys.modules (the sys module's own dict entry, whatever object it is now).
static Value modules_dict(void) {
    Value m = sys_get_object("modules");
    if (!m || !dict_check(m)) {
        err_format(&exc_RuntimeError, "lost sys.modules");
        return 0;
    }
    return m;
}

Value sys_modules_dict(void) { return modules_dict(); }

// ---- the code cache of the bootstrap modules ------------------------------------------------

// importlib's MAGIC_NUMBER for 3.11 (3495, then "\r\n").
static const unsigned char pyc_magic[4] = {0xa7, 0x0d, 0x0d, 0x0a};

static char *read_whole_file(const char *path, size_t *len) {
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        return NULL;
    }
    StrBuf sb;
    sb_init(&sb);
    char buf[16384];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sb_put(&sb, buf, n);
    }
    fclose(fp);
    if (!sb.data) {
        sb.data = strdup("");
    }
    *len = sb.len;
    return sb.data;
}

// importlib's cache_from_source(source) under sys.pycache_prefix, or NULL
// when there is no code cache (malloc'ed).
static char *cache_path(const char *source) {
    Value prefix = sys_get_object("pycache_prefix");
    Value impl = sys_get_object("implementation");
    Value tag = impl ? obj_getattr_cstr(impl, "cache_tag") : 0;
    Value flags = sys_get_object("flags");
    Value opt = flags ? obj_getattr_cstr(flags, "optimize") : 0;
    if (!prefix || !val_is_str(prefix) || !tag || !val_is_str(tag) || source[0] != '/') {
        err_clear();
        return NULL;
    }
    const char *slash = strrchr(source, '/');
    const char *dot = strrchr(slash, '.');
    StrBuf p;
    sb_init(&p);
    sb_printf(&p, "%s%.*s", str_obj(prefix)->data, (int)(dot ? dot - source : (long)strlen(source)),
              source);
    sb_printf(&p, ".%s", str_obj(tag)->data);
    if (opt && val_is_smallint(opt) && val_smallint(opt) > 0) {
        sb_printf(&p, ".opt-%d", (int)val_smallint(opt));
    }
    sb_printf(&p, ".pyc");
    err_clear();
    return p.data;
}

static void put_u32(unsigned char *p, uint32_t x) {
    for (int i = 0; i < 4; i++) {
        p[i] = (unsigned char)(x >> (8 * i));
    }
}

// Make the directories above `path` (as importlib's set_data does).
static int make_parents(char *path) {
    for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        int r = mkdir(path, 0777);
        int e = errno;
        *s = '/';
        if (r < 0 && e != EEXIST) {
            return -1;
        }
    }
    return 0;
}

// Write data to path through a temporary file and a rename, so that a
// reader never sees half a file. Failing is not an error (no cache).
static void write_atomic(char *path, const char *data, size_t n) {
    if (make_parents(path) < 0) {
        return;
    }
    StrBuf tmp;
    sb_init(&tmp);
    sb_printf(&tmp, "%s.%ld", path, (long)getpid());
    int fd = open(tmp.data, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd >= 0) {
        int ok = write(fd, data, n) == (ssize_t)n;
        ok = close(fd) == 0 && ok;
        if (!ok || rename(tmp.data, path) < 0) {
            unlink(tmp.data);
        }
    }
    sb_free(&tmp);
}

// The code of a bootstrap module's source file: from the cache when its
// entry matches the source's mtime and size, else compiled (with the file
// name `codename`) and written to the cache.
static Code *bootstrap_code(const char *source, const char *codename) {
    struct stat st;
    if (stat(source, &st) < 0) {
        err_format(&exc_ImportError, "krait needs the standard library: cannot find %s", source);
        return NULL;
    }
    unsigned char header[16];
    memcpy(header, pyc_magic, 4);
    put_u32(header + 4, 0);
    put_u32(header + 8, (uint32_t)st.st_mtime);
    put_u32(header + 12, (uint32_t)st.st_size);
    char *cached = cache_path(source);
    size_t len;
    char *data = cached ? read_whole_file(cached, &len) : NULL;
    if (data && len > 16 && memcmp(data, header, 16) == 0) {
        Value v = marshal_load_value(data + 16, len - 16);
        free(data);
        if (v && type_of(v) == &type_code) {
            free(cached);
            return (Code *)val_ptr(v);
        }
        err_clear();  // a damaged entry: compile again
    } else {
        free(data);
    }
    char *src = read_whole_file(source, &len);
    Value fname = str_from_cstr(codename);
    Code *code = src && fname ? compile_source(src, len, TOKMODE_FILE, fname, COMPILE_EXEC, 0, 0)
                              : NULL;
    free(src);
    if (!code) {
        free(cached);
        if (!err_occurred()) {
            err_format(&exc_ImportError, "cannot read %s", source);
        }
        return NULL;
    }
    Value dwb = sys_get_object("dont_write_bytecode");
    if (cached && dwb != VAL_TRUE) {
        Value body = marshal_dump_value(val_from_ptr(code));
        if (body) {
            StrBuf out;
            sb_init(&out);
            sb_put(&out, (const char *)header, 16);
            sb_put(&out, bytes_data(body), bytes_len(body));
            write_atomic(cached, out.data, out.len);
            sb_free(&out);
        }
        err_clear();
    }
    free(cached);
    return code;
}

// Run a bootstrap module as module `name` in sys.modules: its frozen copy
// (with __origname__ set, as CPython's PyImport_ImportFrozenModuleObject
// does, for FrozenImporter._fix_up_module), or the file (a krait built
// without frozen modules: the build's first stage).
static Value load_bootstrap_module(const char *name, const char *source, const char *codename) {
    Value modules = modules_dict();
    Value m = modules ? module_new_cstr(name) : 0;
    if (!m || dict_set_cstr(modules, name, m) < 0) {
        return 0;
    }
    Value d = module_dict(m);
    const FrozenModule *f = frozen_find(name);
    Code *code;
    if (f) {
        Value v = marshal_load_value(f->code, f->size);
        if (!v || dict_set_cstr(d, "__origname__", str_from_cstr(f->origname)) < 0) {
            return 0;
        }
        code = (Code *)val_ptr(v);
    } else {
        code = bootstrap_code(source, codename);
    }
    if (!code || !vm_eval_code(code, d, d)) {
        return 0;
    }
    return m;
}

// The directory of the code cache (malloc'ed), made if missing, or NULL.
static char *cache_dir(int ignore_environment) {
    const char *env = ignore_environment ? NULL : getenv("PYTHONPYCACHEPREFIX");
    StrBuf p;
    sb_init(&p);
    if (env && env[0] == '/') {
        sb_printf(&p, "%s", env);
    } else {
        const char *xdg = getenv("XDG_CACHE_HOME");
        const char *home = getenv("HOME");
        if (xdg && xdg[0] == '/') {
            sb_printf(&p, "%s/krait", xdg);
        } else if (home && home[0] == '/') {
            sb_printf(&p, "%s/.cache/krait", home);
        } else {
            return NULL;
        }
    }
    while (p.len > 1 && p.data[p.len - 1] == '/') {
        p.data[--p.len] = '\0';
    }
    struct stat st;
    if (stat(p.data, &st) == 0 && S_ISDIR(st.st_mode)) {
        return p.data;
    }
    sb_putc(&p, '/');
    if (make_parents(p.data) < 0) {
        sb_free(&p);
        return NULL;
    }
    p.data[--p.len] = '\0';
    if (stat(p.data, &st) == 0 && S_ISDIR(st.st_mode) && access(p.data, W_OK) == 0) {
        return p.data;
    }
    sb_free(&p);
    return NULL;
}

// finalize.c's exit check: the weakref callback importlib's
// _get_module_lock puts on each module lock only drops the lock from
// _bootstrap._module_locks, nothing a program sees once it has ended.
static int module_lock_callback(Value callback) {
    if (!val_is_ptr(callback) || type_of(callback) != &type_function) {
        return 0;
    }
    const FunctionObject *f = (const FunctionObject *)val_ptr(callback);
    Value file = f->code->filename, name = f->code->name;
    return val_is_str(file) && val_is_str(name) &&
           strcmp(str_obj(file)->data, "<frozen importlib._bootstrap>") == 0 &&
           strcmp(str_obj(name)->data, "cb") == 0;
}

int import_install(int ignore_environment) {
    gc_add_root(&importlib);
    gc_add_root(&import_func);
    finalize_add_exit_idle_callback(module_lock_callback);
    // The code cache: sys.pycache_prefix, or no cache tag at all when the
    // directory cannot be made (importlib then neither reads nor writes
    // .pyc files, instead of writing __pycache__ beside the sources).
    char *dir = cache_dir(ignore_environment);
    Value impl = sys_get_object("implementation");
    if (dir) {
        Value prefix = str_from_cstr(dir);
        free(dir);
        Value sysmod = dict_get_cstr(modules_dict(), "sys");
        if (!prefix || !sysmod || obj_setattr(sysmod, str_intern_cstr("pycache_prefix"), prefix) < 0) {
            return -1;
        }
    } else if (!impl || obj_setattr(impl, str_intern_cstr("cache_tag"), VAL_NONE) < 0) {
        return -1;
    }
    Value builtins = vm_builtins ? dict_get_cstr(vm_builtins, "__import__") : 0;
    if (!builtins) {
        err_format(&exc_RuntimeError, "lost builtins.__import__");
        return -1;
    }
    import_func = builtins;
    Value imp = modules_import_builtin(str_intern_cstr("_imp"), 0);
    Value sys = sys_get_object("modules") ? dict_get_cstr(sys_get_object("modules"), "sys") : 0;
    if (!imp || !sys) {
        return -1;
    }
    Value bootstrap = load_bootstrap_module("_frozen_importlib",
                                            "/usr/lib/python3.11/importlib/_bootstrap.py",
                                            "<frozen importlib._bootstrap>");
    Value args[2] = {sys, imp};
    if (!bootstrap || !obj_call_method(bootstrap, "_install", args, 2)) {
        return -1;
    }
    // From here imports go through importlib: _install_external_importers
    // imports _frozen_importlib_external with FrozenImporter, as CPython's
    // does (a krait without frozen modules loads the file first).
    importlib = bootstrap;
    if (!frozen_find("_frozen_importlib_external") &&
        !load_bootstrap_module("_frozen_importlib_external",
                               "/usr/lib/python3.11/importlib/_bootstrap_external.py",
                               "<frozen importlib._bootstrap_external>")) {
        importlib = 0;
        return -1;
    }
    if (!obj_call_method(bootstrap, "_install_external_importers", NULL, 0)) {
        importlib = 0;
        return -1;
    }
    // As CPython's _PyImportZip_Init: zipimporter goes first in
    // sys.path_hooks when zipimport imports.
    Value zipimport = import_module_level(str_intern_cstr("zipimport"), 0, VAL_NONE, 0);
    Value zipimporter = zipimport ? obj_getattr_cstr(zipimport, "zipimporter") : 0;
    Value hooks = sys_get_object("path_hooks");
    if (!zipimporter) {
        err_clear();
    } else if (hooks && list_check(hooks) && list_insert(hooks, 0, zipimporter) < 0) {
        return -1;
    }
    return 0;
}

// ---- __import__ -----------------------------------------------------------------------------

// The package a relative import in `globals` is relative to (CPython's
// resolve_name: __package__, else __spec__.parent, else from __name__).
static Value resolve_name(Value name, Value globals, int level) {
    if (!globals) {
        return err_format(&exc_KeyError, "'__name__' not in globals");
    }
    if (!dict_check(globals)) {
        return err_format(&exc_TypeError, "globals must be a dict");
    }
    Value package = dict_get_cstr(globals, "__package__");
    Value spec = dict_get_cstr(globals, "__spec__");
    if (package && package != VAL_NONE) {
        if (!val_is_str(package)) {
            return err_format(&exc_TypeError, "package must be a string");
        }
    } else if (spec && spec != VAL_NONE) {
        package = obj_getattr_cstr(spec, "parent");
        if (!package) {
            return 0;
        }
        if (!val_is_str(package)) {
            return err_format(&exc_TypeError, "__spec__.parent must be a string");
        }
    } else {
        Value modname = dict_get_cstr(globals, "__name__");
        if (!modname) {
            return err_format(&exc_KeyError, "'__name__' not in globals");
        }
        if (!val_is_str(modname)) {
            return err_format(&exc_TypeError, "__name__ must be a string");
        }
        if (dict_get_cstr(globals, "__path__")) {
            package = modname;
        } else {
            const char *s = str_obj(modname)->data;
            const char *dot = strrchr(s, '.');
            package = dot ? str_from_utf8(s, (size_t)(dot - s)) : str_empty();
            if (!package) {
                return 0;
            }
        }
    }
    if (str_obj(package)->nbytes == 0) {
        return err_format(&exc_ImportError, "attempted relative import with no known parent package");
    }
    const char *p = str_obj(package)->data;
    size_t len = str_obj(package)->nbytes;
    for (int k = 1; k < level; k++) {
        while (len > 0 && p[len - 1] != '.') {
            len--;
        }
        if (len == 0) {
            return err_format(&exc_ImportError, "attempted relative import beyond top-level package");
        }
        len--;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_put(&sb, p, len);
    if (str_obj(name)->nbytes) {
        sb_putc(&sb, '.');
        sb_put(&sb, str_obj(name)->data, str_obj(name)->nbytes);
    }
    Value r = str_from_utf8(sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return r;
}

// sys.modules[name] when present and not None; 0 without an exception if not.
static Value get_module(Value name) {
    Value modules = modules_dict();
    if (!modules) {
        return 0;
    }
    Value m = dict_get(modules, name);
    return m == VAL_NONE ? 0 : m;
}

// A module being initialized by another thread: wait for it, as CPython's
// import_ensure_initialized (only when __spec__._initializing is true).
static int ensure_initialized(Value mod, Value name) {
    Value spec = obj_getattr_opt(mod, str_intern_cstr("__spec__"));
    Value busy = spec ? obj_getattr_opt(spec, str_intern_cstr("_initializing")) : 0;
    int initializing = busy ? obj_truthy(busy) : 0;
    if (initializing <= 0) {
        err_clear();
        return 0;
    }
    return obj_call_method(importlib, "_lock_unlock_module", &name, 1) ? 0 : -1;
}

static Value find_and_load(Value absname) {
    Value m = get_module(absname);
    if (m) {
        return ensure_initialized(m, absname) < 0 ? 0 : m;
    }
    if (err_occurred()) {
        return 0;
    }
    if (!importlib) {
        // Start-up, before importlib runs: builtin modules only.
        return modules_import_builtin(absname, 0);
    }
    Value args[2] = {absname, import_func};
    return obj_call_method(importlib, "_find_and_load", args, 2);
}

// Whether every name of the fromlist is already an attribute of m (so that
// importlib's _handle_fromlist would do nothing): 1, 0, or -1.
static int fromlist_present(Value m, Value fromlist) {
    if (!val_is_ptr(fromlist) || type_of(fromlist) != &type_tuple) {
        return 0;
    }
    TupleObject *t = tuple_obj(fromlist);
    for (size_t i = 0; i < t->len; i++) {
        Value item = t->items[i];
        if (!val_is_str(item) || str_obj(item)->data[0] == '*') {
            return 0;
        }
        if (!obj_getattr_opt(m, item)) {
            return err_occurred() ? -1 : 0;
        }
    }
    return 1;
}

static Value import_level(Value name, Value globals, Value fromlist, int level) {
    if (!val_is_str(name)) {
        return err_format(&exc_TypeError, "module name must be a string");
    }
    if (level < 0) {
        return err_format(&exc_ValueError, "level must be >= 0");
    }
    Value absname = name;
    if (level > 0) {
        absname = resolve_name(name, globals, level);
        if (!absname) {
            return 0;
        }
    } else if (str_obj(name)->nbytes == 0) {
        return err_format(&exc_ValueError, "Empty module name");
    }
    Value m = find_and_load(absname);
    if (!m) {
        return 0;
    }
    int has_from = 0;
    if (fromlist && fromlist != VAL_NONE) {
        has_from = obj_truthy(fromlist);
        if (has_from < 0) {
            return 0;
        }
    }
    if (!has_from) {
        size_t len = str_obj(name)->nbytes;
        const char *dot = len ? memchr(str_obj(name)->data, '.', len) : NULL;
        if (!dot) {
            return m;
        }
        if (level == 0) {
            Value front = str_from_utf8(str_obj(name)->data, (size_t)(dot - str_obj(name)->data));
            return front ? import_level(front, 0, 0, 0) : 0;
        }
        // `from . import` forms aside, __import__('a.b', level=1) returns
        // the package of its first part.
        size_t cut = len - (size_t)(dot - str_obj(name)->data);
        Value to_return = str_from_utf8(str_obj(absname)->data, str_obj(absname)->nbytes - cut);
        if (!to_return) {
            return 0;
        }
        Value r = get_module(to_return);
        if (!r && !err_occurred()) {
            err_format(&exc_KeyError, "'%s' not in sys.modules as expected",
                       str_obj(to_return)->data);
        }
        return r;
    }
    Value path = obj_getattr_opt(m, str_intern_cstr("__path__"));
    if (!path) {
        return err_occurred() ? 0 : m;
    }
    int present = fromlist_present(m, fromlist);
    if (present != 0) {
        return present > 0 ? m : 0;
    }
    if (!importlib) {
        return m;
    }
    Value args[3] = {m, fromlist, import_func};
    return obj_call_method(importlib, "_handle_fromlist", args, 3);
}

Value import_module_level(Value name, Value globals, Value fromlist, int level) {
    Value r = import_level(name, globals, fromlist, level);
    if (!r && importlib) {
        Value exc = err_fetch();
        Value flags = sys_get_object("flags");
        Value verbose = flags ? obj_getattr_cstr(flags, "verbose") : 0;
        int keep = verbose && obj_truthy(verbose) == 1;
        err_clear();
        if (exc && !keep) {
            traceback_remove_importlib_frames(exc,
                                              type_is_subtype(type_of(exc), &exc_ImportError));
        }
        if (exc) {
            err_set_value(exc);
        }
    }
    return r;
}

Value import_name_error(Value module, Value name) {
    Value pkgname = obj_getattr_opt(module, str_intern_cstr("__name__"));
    if (pkgname && !val_is_str(pkgname)) {
        pkgname = 0;
    }
    err_clear();
    Value shown = pkgname ? pkgname : str_from_cstr("<unknown module name>");
    Value path = 0;
    if (val_is_ptr(module) && type_is_subtype(type_of(module), &type_module)) {
        path = dict_get_cstr(module_dict(module), "__file__");
        if (path && !val_is_str(path)) {
            path = 0;
        }
    }
    Value msg;
    if (!path) {
        msg = str_format_c("cannot import name %R from %R (unknown location)", name, shown);
    } else {
        Value spec = obj_getattr_opt(module, str_intern_cstr("__spec__"));
        Value busy = spec ? obj_getattr_opt(spec, str_intern_cstr("_initializing")) : 0;
        int initializing = busy ? obj_truthy(busy) == 1 : 0;
        err_clear();
        msg = str_format_c(initializing ? "cannot import name %R from partially initialized module "
                                          "%R (most likely due to a circular import) (%U)"
                                        : "cannot import name %R from %R (%U)",
                           name, shown, path);
    }
    Value kwn = tuple_from((Value[]){str_intern_cstr("name"), str_intern_cstr("path")}, 2);
    if (!msg || !kwn) {
        return 0;
    }
    Value args[3] = {msg, pkgname ? pkgname : VAL_NONE, path ? path : VAL_NONE};
    Value e = obj_call(val_from_ptr(&exc_ImportError), args, 1, kwn);
    return e ? err_set_value(e) : 0;
}

Value import_main_loader(const char *script) {
    if (!importlib) {
        return err_format(&exc_RuntimeError, "importlib is not installed");
    }
    if (!script) {
        return obj_getattr_cstr(importlib, "BuiltinImporter");
    }
    Value external = obj_getattr_cstr(importlib, "_bootstrap_external");
    Value cls = external ? obj_getattr_cstr(external, "SourceFileLoader") : 0;
    Value path = str_from_cstr(script);
    Value args[2] = {str_intern_cstr("__main__"), path};
    return cls && path ? obj_call(cls, args, 2, 0) : 0;
}
