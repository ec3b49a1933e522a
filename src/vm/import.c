// import.c - importing .py modules and packages (builtins.__import__).
//
// The part of importlib that programs observe, written directly in C: the
// module cache (sys.modules), the search along sys.path (top-level names)
// or a package's __path__ (submodules) for NAME/__init__.py or NAME.py,
// builtin modules written in C first, relative imports resolved against
// __package__ / __name__, binding a submodule as an attribute of its parent,
// and fromlist handling. Modules are compiled from source each time (a code
// cache on disk comes with the startup work of the interpreter-speed
// issue); importlib itself, finders/loaders as objects and specs come with
// the standard-library issue.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../compile/compile.h"
#include "../runtime/abstract.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../modules/modules.h"
#include "import.h"
#include "interp_internal.h"

// sys.modules (the sys module's own dict entry, whatever object it is now).
static Value modules_dict(void) {
    Value m = sys_get_object("modules");
    if (!m || !dict_check(m)) {
        err_format(&exc_RuntimeError, "lost sys.modules");
        return 0;
    }
    return m;
}

static Value module_not_found(Value name) {
    Value msg = str_format_c("No module named '%s'", str_obj(name)->data);
    if (!msg) {
        return 0;
    }
    Value args[1] = {msg};
    Value kwnames = tuple_new(1);
    if (!kwnames) {
        return 0;
    }
    tuple_obj(kwnames)->items[0] = str_intern_cstr("name");
    Value callargs[2] = {args[0], name};
    Value e = obj_call(val_from_ptr(&exc_ModuleNotFoundError), callargs, 1, kwnames);
    return e ? err_set_value(e) : 0;
}

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

int import_exec_file(Value module, const char *path) {
    size_t len;
    char *src = read_whole_file(path, &len);
    if (!src) {
        err_format(&exc_FileNotFoundError, "[Errno 2] No such file or directory: '%s'", path);
        return -1;
    }
    Value filename = str_from_cstr(path);
    Code *code = filename ? compile_source(src, len, TOKMODE_FILE, filename, COMPILE_EXEC, 0, 0)
                          : NULL;
    free(src);
    if (!code) {
        return -1;
    }
    Value d = module_dict(module);
    return vm_eval_code(code, d, d) ? 0 : -1;
}

static int is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

// Look for `leaf` in the directories of `path` (a list of str). Returns the
// new module (executed and in sys.modules), 0 without an exception when not
// found, or 0 with one.
static Value find_and_load(Value fullname, const char *leaf, Value path) {
    Value vm_modules = modules_dict();
    if (!vm_modules || !path || !list_check(path)) {
        return 0;
    }
    Value dirs = list_from(list_obj(path)->items, list_obj(path)->len);
    if (!dirs) {
        return 0;
    }
    for (size_t k = 0; k < list_obj(dirs)->len; k++) {
        Value dir = list_obj(dirs)->items[k];
        if (!val_is_str(dir)) {
            continue;
        }
        const char *d = str_obj(dir)->data;
        if (!*d) {
            d = ".";
        }
        StrBuf p;
        sb_init(&p);
        sb_printf(&p, "%s/%s", d, leaf);
        int package = 0;
        char *file = NULL;
        if (is_dir(p.data)) {
            StrBuf init;
            sb_init(&init);
            sb_printf(&init, "%s/__init__.py", p.data);
            if (is_file(init.data)) {
                package = 1;
                file = init.data;
            } else {
                sb_free(&init);
            }
        }
        if (!file) {
            StrBuf py;
            sb_init(&py);
            sb_printf(&py, "%s.py", p.data);
            if (is_file(py.data)) {
                file = py.data;
            } else {
                sb_free(&py);
            }
        }
        if (!file) {
            sb_free(&p);
            continue;
        }
        Value m = module_new(fullname);
        Value md = m ? module_dict(m) : 0;
        int ok = md && dict_set_cstr(md, "__file__", str_from_cstr(file)) == 0;
        if (ok && package) {
            Value pp = list_new(1);
            ok = pp && list_append(pp, str_from_cstr(p.data)) == 0 &&
                 dict_set_cstr(md, "__path__", pp) == 0 &&
                 dict_set_cstr(md, "__package__", fullname) == 0;
        } else if (ok) {
            const char *dot = strrchr(str_obj(fullname)->data, '.');
            Value pkg = dot ? str_from_utf8(str_obj(fullname)->data,
                                            (size_t)(dot - str_obj(fullname)->data))
                            : str_empty();
            ok = pkg && dict_set_cstr(md, "__package__", pkg) == 0;
        }
        sb_free(&p);
        if (!ok || dict_set(vm_modules, fullname, m) < 0) {
            free(file);
            return 0;
        }
        int r = import_exec_file(m, file);
        free(file);
        if (r < 0) {
            Value e = err_fetch();
            if (dict_contains(vm_modules, fullname) == 1) {
                dict_del(vm_modules, fullname);
            }
            err_clear();
            err_set_value(e);
            return 0;
        }
        // The module may have replaced itself in sys.modules.
        Value final = dict_get(vm_modules, fullname);
        return final ? final : m;
    }
    return 0;
}

// Import one fully qualified name whose parent (if any) is imported.
static Value import_one(Value fullname) {
    Value vm_modules = modules_dict();
    if (!vm_modules) {
        return 0;
    }
    Value m = dict_get(vm_modules, fullname);
    if (m) {
        if (m == VAL_NONE) {
            Value msg = str_format_c("import of %s halted; None in sys.modules",
                                     str_obj(fullname)->data);
            if (msg) {
                Value e = obj_call1(val_from_ptr(&exc_ModuleNotFoundError), msg);
                if (e) {
                    err_set_value(e);
                }
            }
            return 0;
        }
        return m;
    }
    const char *full = str_obj(fullname)->data;
    const char *dot = strrchr(full, '.');
    if (!dot) {
        Value b = modules_import_builtin(fullname, 1);
        if (b || err_occurred()) {
            return b;
        }
        Value sys_path = sys_get_object("path");
        m = find_and_load(fullname, full, sys_path);
        if (!m && !err_occurred()) {
            module_not_found(fullname);
        }
        return m;
    }
    Value parent_name = str_from_utf8(full, (size_t)(dot - full));
    if (!parent_name) {
        return 0;
    }
    Value parent = dict_get(vm_modules, parent_name);
    if (!parent) {
        return module_not_found(fullname);
    }
    Value ppath = obj_getattr_cstr(parent, "__path__");
    if (!ppath) {
        err_clear();
        Value msg = str_format_c("No module named '%s'; '%s' is not a package", full,
                                 str_obj(parent_name)->data);
        if (msg) {
            Value e = obj_call1(val_from_ptr(&exc_ModuleNotFoundError), msg);
            if (e) {
                obj_setattr(e, str_intern_cstr("name"), fullname);
                err_set_value(e);
            }
        }
        return 0;
    }
    m = find_and_load(fullname, dot + 1, ppath);
    if (!m) {
        if (!err_occurred()) {
            module_not_found(fullname);
        }
        return 0;
    }
    if (obj_setattr(parent, str_intern_cstr(dot + 1), m) < 0) {
        return 0;
    }
    return m;
}

// Import `name` and each of its parents; returns the last module.
static Value import_dotted(Value name) {
    const char *s = str_obj(name)->data;
    size_t n = str_obj(name)->nbytes;
    Value m = 0;
    for (size_t k = 0; k <= n; k++) {
        if (k == n || s[k] == '.') {
            Value prefix = k == n ? name : str_from_utf8(s, k);
            if (!prefix) {
                return 0;
            }
            m = import_one(prefix);
            if (!m) {
                return 0;
            }
        }
    }
    return m;
}

// The package a relative import in `globals` is relative to.
static Value resolve_name(Value name, Value globals, int level) {
    Value package = globals && dict_check(globals) ? dict_get_cstr(globals, "__package__") : 0;
    if (package == VAL_NONE) {
        package = 0;
    }
    if (package && !val_is_str(package)) {
        return err_format(&exc_TypeError, "package must be a string");
    }
    if (!package) {
        Value modname = globals && dict_check(globals) ? dict_get_cstr(globals, "__name__") : 0;
        if (!modname || !val_is_str(modname)) {
            return err_format(&exc_KeyError, "'__name__' not in globals");
        }
        Value path = dict_get_cstr(globals, "__path__");
        if (path) {
            package = modname;
        } else {
            const char *s = str_obj(modname)->data;
            const char *dot = strrchr(s, '.');
            package = dot ? str_from_utf8(s, (size_t)(dot - s)) : str_empty();
        }
    }
    if (!package || str_obj(package)->nbytes == 0) {
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

Value import_module_level(Value name, Value globals, Value fromlist, int level) {
    Value vm_modules = modules_dict();
    if (!vm_modules) {
        return 0;
    }
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
    Value m = import_dotted(absname);
    if (!m) {
        return 0;
    }
    int has_from = fromlist && fromlist != VAL_NONE && obj_truthy(fromlist) == 1;
    if (!has_from) {
        if (level == 0) {
            const char *s = str_obj(absname)->data;
            const char *dot = strchr(s, '.');
            if (!dot) {
                return m;
            }
            Value top = str_from_utf8(s, (size_t)(dot - s));
            return top ? dict_get(vm_modules, top) : 0;
        }
        if (str_obj(name)->nbytes == 0) {
            return m;
        }
        // `__import__('b', level=1)` returns the package of the first part
        const char *s = str_obj(absname)->data;
        size_t cut = str_obj(absname)->nbytes - str_obj(name)->nbytes;
        const char *dot = strchr(str_obj(name)->data, '.');
        size_t keep = cut + (dot ? (size_t)(dot - str_obj(name)->data) : str_obj(name)->nbytes);
        Value first = str_from_utf8(s, keep);
        return first ? dict_get(vm_modules, first) : 0;
    }
    // from m import a, b: import submodules that are not attributes yet.
    Value path = obj_getattr_cstr(m, "__path__");
    if (!path) {
        err_clear();
        return m;
    }
    Value it = obj_iter(fromlist);
    if (!it) {
        return 0;
    }
    Value item;
    while ((item = obj_next(it))) {
        if (!val_is_str(item)) {
            return err_format(&exc_TypeError, "Item in %s.__all__ must be str, not %s",
                              str_obj(absname)->data, obj_type_name(item));
        }
        if (str_obj(item)->data[0] == '*') {
            continue;
        }
        Value attr = obj_getattr_opt(m, item);
        if (attr) {
            continue;
        }
        if (err_occurred()) {
            return 0;
        }
        Value sub = str_format_c("%s.%s", str_obj(absname)->data, str_obj(item)->data);
        if (!sub) {
            return 0;
        }
        if (!import_one(sub)) {
            // `from m import name` reports a missing m.name itself; a
            // module missing further down (m.name imports _x) propagates,
            // as in importlib's _handle_fromlist.
            if (err_matches(&exc_ModuleNotFoundError)) {
                Value exc = err_fetch();
                Value missing = obj_getattr_cstr(exc, "name");
                int same = missing && val_is_str(missing) && str_equal(missing, sub);
                err_clear();
                if (same) {
                    continue;
                }
                err_set_value(exc);
            }
            return 0;
        }
    }
    if (err_occurred()) {
        return 0;
    }
    return m;
}

Value sys_modules_dict(void) { return modules_dict(); }
