// picklemodule.c - the `_pickle` module: the C Pickler and Unpickler that
// Lib/pickle.py uses when they exist, dump/dumps/load/loads, the three
// exception classes and PickleBuffer (PEP 574; pickle.py imports it from here).
// This file has the module, its state, what the two halves share and
// PickleBuffer; pickler.c and unpickler.c have the rest (pickle.h).
//
// Behaviour is CPython 3.11's _pickle.c: the same opcodes for the same
// objects (so that `dumps` gives the same bytes: small frames are not
// framed, dicts and lists go out in batches of 1000, a list of one item uses
// APPEND), the same order of checks in save(), the same exception types and
// messages.
//
// How it is built:
//  - The Pickler writes into one malloc'ed output buffer. With protocol 4
//    and later the data is cut into frames: a frame's 9-byte header is
//    reserved when the frame opens and filled in (or squeezed out, for a
//    frame under 4 bytes) when it is committed. Payloads of 64 KiB and more
//    go outside frames; with a file they are written straight to it.
//  - The Pickler's memo maps objects (by identity: the Value's bits, the heap
//    never moves) to memo indices in an open-addressing table kept in
//    malloc'ed memory. The collector does not scan malloc'ed memory, so the
//    Pickler's trace function reports every key: the memo keeps the objects
//    it has seen alive, as CPython's does.
//  - The Unpickler's stack, memo and marks are malloc'ed arrays reported by
//    its trace function the same way. Unpickling never recurses in C: deeply
//    nested data costs heap, not C stack. Pickling recurses once per level
//    of nesting, guarded by vm_enter_call (RecursionError, never a crash).
//  - Input is read through a window on a bytes-like object (loads) or on the
//    bytes the file's read() returned; every read is bounds-checked, so a
//    truncated or corrupt pickle raises pickle_UnpicklingError/EOFError/ValueError.
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytearray.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/memoryview.h"
#include "../runtime/module.h"
#include "../runtime/set.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/import.h"
#include "../vm/vm.h"
#include "modules.h"
#include "pickle.h"


#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- module state ------------------------------------------------------------------------------

Value pickle_PickleError, pickle_PicklingError, pickle_UnpicklingError;
Value pickle_dispatch_table, pickle_extension_registry, pickle_inverted_registry,
    pickle_extension_cache;
Value pickle_name_2to3, pickle_import_2to3, pickle_name_3to2, pickle_import_3to2;
Value pickle_codecs_encode, pickle_getattr, pickle_partial;
Value pickle_id_class, pickle_id_dict, pickle_id_getinitargs, pickle_id_module, pickle_id_name,
    pickle_id_new, pickle_id_qualname, pickle_id_reduce, pickle_id_reduce_ex, pickle_id_setstate,
    pickle_id__codecs, pickle_id_add, pickle_id_append, pickle_id_dispatch_table, pickle_id_extend,
    pickle_id_latin1, pickle_id_peek, pickle_id_persistent_id, pickle_id_persistent_load,
    pickle_id_read, pickle_id_readinto, pickle_id_readline, pickle_id_reducer_override,
    pickle_id_write;

// What module init fetches: (slot, module, attribute, must be a dict).
static const struct {
    Value *slot;
    const char *module, *name;
    int is_dict;
} state_imports[] = {
    {&pickle_dispatch_table, "copyreg", "dispatch_table", 1},
    {&pickle_extension_registry, "copyreg", "_extension_registry", 1},
    {&pickle_inverted_registry, "copyreg", "_inverted_registry", 1},
    {&pickle_extension_cache, "copyreg", "_extension_cache", 1},
    {&pickle_name_2to3, "_compat_pickle", "NAME_MAPPING", 1},
    {&pickle_import_2to3, "_compat_pickle", "IMPORT_MAPPING", 1},
    {&pickle_name_3to2, "_compat_pickle", "REVERSE_NAME_MAPPING", 1},
    {&pickle_import_3to2, "_compat_pickle", "REVERSE_IMPORT_MAPPING", 1},
    {&pickle_codecs_encode, "codecs", "encode", 0},
    {&pickle_getattr, "builtins", "getattr", 0},
    {&pickle_partial, "functools", "partial", 0},
};

static const struct {
    Value *slot;
    const char *text;
} state_names[] = {
    {&pickle_id_class, "__class__"},
    {&pickle_id_dict, "__dict__"},
    {&pickle_id_getinitargs, "__getinitargs__"},
    {&pickle_id_module, "__module__"},
    {&pickle_id_name, "__name__"},
    {&pickle_id_new, "__new__"},
    {&pickle_id_qualname, "__qualname__"},
    {&pickle_id_reduce, "__reduce__"},
    {&pickle_id_reduce_ex, "__reduce_ex__"},
    {&pickle_id_setstate, "__setstate__"},
    {&pickle_id__codecs, "_codecs"},
    {&pickle_id_add, "add"},
    {&pickle_id_append, "append"},
    {&pickle_id_dispatch_table, "dispatch_table"},
    {&pickle_id_extend, "extend"},
    {&pickle_id_latin1, "latin1"},
    {&pickle_id_peek, "peek"},
    {&pickle_id_persistent_id, "persistent_id"},
    {&pickle_id_persistent_load, "persistent_load"},
    {&pickle_id_read, "read"},
    {&pickle_id_readinto, "readinto"},
    {&pickle_id_readline, "readline"},
    {&pickle_id_reducer_override, "reducer_override"},
    {&pickle_id_write, "write"},
};

// Raise the exception class `cls` (a Value) with the str `msg` (0: the
// formatting failed and its exception is pending). Returns 0.
Value pickle_raise_msg(Value cls, Value msg) {
    if (!msg) {
        return 0;
    }
    Value exc = obj_call1(cls, msg);
    return exc ? err_set_value(exc) : 0;
}
// PyImport_Import: import `name` (a str) and return sys.modules[name].
Value pickle_import(Value name) {
    // A module already in sys.modules is what __import__ would return
    // (krait runs one thread: no other thread can be initializing it).
    Value mods = sys_modules_dict();
    if (mods && dict_check_exact(mods)) {
        Value m = dict_get(mods, name);
        if (m && m != VAL_NONE) {
            return m;
        }
        if (err_occurred()) {
            return 0;
        }
    }
    Value top = import_module_level(name, 0, 0, 0);
    if (!top) {
        return 0;
    }
    mods = sys_modules_dict();
    if (!mods) {
        return 0;
    }
    Value m = dict_check(mods) ? dict_get(mods, name) : obj_getitem(mods, name);
    if (!m && !err_occurred()) {
        return err_key_error(name);
    }
    return m;
}

// ---- names: dotted paths, whichmodule ----------------------------------------------------------

// name.split('.') as a list, refusing '<locals>' parts.
Value pickle_get_dotted_path(Value obj, Value name) {
    Value parts = list_new(4);
    if (!parts) {
        return 0;
    }
    const char *s = str_obj(name)->data;
    size_t n = str_obj(name)->nbytes, start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '.') {
            Value part = str_from_utf8(s + start, i - start);
            if (!part || list_append(parts, part) < 0) {
                return 0;
            }
            if (i - start == 8 && memcmp(s + start, "<locals>", 8) == 0) {
                if (!obj) {
                    return RAISE(val_from_ptr(&exc_AttributeError),
                                 "Can't pickle local object %R", name);
                }
                return RAISE(val_from_ptr(&exc_AttributeError),
                             "Can't pickle local attribute %R on %R", name, obj);
            }
            start = i + 1;
        }
    }
    return parts;
}

// getattr along the dotted path; 0 (an AttributeError cleared, any other
// error pending) when a step is missing. *parent gets the last container.
Value pickle_get_deep_attribute(Value obj, Value names, Value *parent) {
    ListObject *l = list_obj(names);
    Value par = 0;
    for (size_t i = 0; i < l->len; i++) {
        par = obj;
        Value name = l->items[i];
        obj = obj_getattr_opt(par, str_intern(name));
        if (!obj) {
            return 0;
        }
    }
    if (parent) {
        *parent = par;
    }
    return obj;
}

// An interned copy of a str (attribute names); anything else as it is.
static Value str_check_intern(Value s) {
    return val_is_str(s) ? str_intern(s) : s;
}

Value pickle_getattribute(Value obj, Value name, int allow_qualname) {
    Value attr;
    if (allow_qualname) {
        Value path = pickle_get_dotted_path(obj, name);
        if (!path) {
            return 0;
        }
        attr = pickle_get_deep_attribute(obj, path, NULL);
    } else {
        attr = obj_getattr_opt(obj, str_check_intern(name));
    }
    if (!attr && !err_occurred()) {
        return RAISE(val_from_ptr(&exc_AttributeError), "Can't get attribute %R on %R", name,
                     obj);
    }
    return attr;
}

Value pickle_whichmodule(Value global, Value dotted_path) {
    Value module_name = obj_getattr_opt(global, pickle_id_module);
    if (!module_name && err_occurred()) {
        return 0;
    }
    if (module_name && module_name != VAL_NONE) {
        return module_name;
    }
    Value modules = sys_modules_dict();
    if (!modules) {
        return 0;
    }
    if (dict_check(modules)) {
        size_t pos = 0;
        Value k, m;
        while (dict_next(modules, &pos, &k, &m)) {
            if (m == VAL_NONE || (val_is_str(k) && strcmp(str_obj(k)->data, "__main__") == 0)) {
                continue;
            }
            Value cand = pickle_get_deep_attribute(m, dotted_path, NULL);
            if (cand == global) {
                return k;
            }
            if (!cand && err_occurred()) {
                return 0;
            }
        }
    }
    return str_intern_cstr("__main__");
}


// ---- memo proxies ------------------------------------------------------------------------------

void pickle_memoproxy_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((MemoProxyObject *)o)->owner);
}

Value pickle_memoproxy_new(Type *t, Value owner) {
    MemoProxyObject *m = (MemoProxyObject *)gc_alloc(t, sizeof *m);
    if (!m) {
        return 0;
    }
    m->owner = owner;
    return val_from_ptr(m);
}

int pickle_set_callable_attr(Value *slot, Value v, const char *what) {
    if (!v) {
        RAISE(val_from_ptr(&exc_TypeError), "attribute deletion is not supported");
        return -1;
    }
    if (!callable_check(v)) {
        RAISE(val_from_ptr(&exc_TypeError), "%s must be a callable taking one argument", what);
        return -1;
    }
    *slot = v;
    return 0;
}

// ---- PickleBuffer ------------------------------------------------------------------------------

static void picklebuffer_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((PickleBufferObject *)o)->view.obj);
}

// The wrapped object's export is given back by a finalizer, not a free
// function: finalizers run while the objects they may touch are still alive.
static Value picklebuffer_finalize(Value self) {
    PickleBufferObject *pb = (PickleBufferObject *)val_ptr(self);
    if (pb->view.obj) {
        buffer_release(&pb->view);
    }
    return VAL_NONE;
}

static Value picklebuffer_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"", NULL};
    static const ArgSpec spec = {"PickleBuffer", 1, names + 1, 1, 1, 0};
    Value a[1] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Buffer w;
    int k = buffer_get(a[0], &w, BUFFER_STRIDED);
    if (k == 0) {
        return RAISE(val_from_ptr(&exc_TypeError), "a bytes-like object is required, not '%s'",
                     obj_type_name(a[0]));
    }
    if (k < 0) {
        return 0;
    }
    PickleBufferObject *pb =
        (PickleBufferObject *)gc_alloc(type_ptr(type), type_ptr(type)->basic_size);
    if (!pb) {
        buffer_release(&w);
        return 0;
    }
    pb->view = w;
    return val_from_ptr(pb);
}

// A window on a PickleBuffer is a new window on the object it wraps (its
// `obj` is that object, as CPython's memoryview(PickleBuffer(x)).obj is x).
static int picklebuffer_get(Value v, Buffer *view, int flags) {
    PickleBufferObject *pb = (PickleBufferObject *)val_ptr(v);
    if (!pb->view.obj) {
        RAISE(val_from_ptr(&exc_ValueError), "operation forbidden on released PickleBuffer object");
        return -1;
    }
    int k = buffer_get(pb->view.obj, view, flags);
    if (k == 0) {
        RAISE(val_from_ptr(&exc_TypeError), "a bytes-like object is required, not '%s'",
              obj_type_name(pb->view.obj));
        return -1;
    }
    return k < 0 ? -1 : 0;
}

static void picklebuffer_release_export(Value v) {
    (void)v;  // windows are opened on the wrapped object and released there
}

static const BufferExporter picklebuffer_exporter = {
    &type_picklebuffer, picklebuffer_get, picklebuffer_release_export};

FN(picklebuffer_m_raw) {
    if (method_check_args("raw", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    PickleBufferObject *pb = (PickleBufferObject *)val_ptr(self);
    if (!pb->view.obj) {
        return RAISE(val_from_ptr(&exc_ValueError),
                     "operation forbidden on released PickleBuffer object");
    }
    if (pb->view.stride != pb->view.itemsize) {
        return RAISE(val_from_ptr(&exc_BufferError),
                     "cannot extract raw buffer from non-contiguous buffer");
    }
    Value mv = obj_call1(val_from_ptr(&type_memoryview), self);
    if (!mv) {
        return 0;
    }
    if (strcmp(memoryview_obj(mv)->format, "B") != 0 || memoryview_obj(mv)->view.itemsize != 1) {
        Value fmt = str_from_cstr("B");
        Value r = fmt ? obj_call_method(mv, "cast", &fmt, 1) : 0;
        if (!r) {
            return 0;
        }
        obj_call_method(mv, "release", NULL, 0);
        mv = r;
    }
    return mv;
}

FN(picklebuffer_m_release) {
    if (method_check_args("release", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    PickleBufferObject *pb = (PickleBufferObject *)val_ptr(self);
    if (pb->view.obj) {
        buffer_release(&pb->view);
    }
    return VAL_NONE;
}

// ---- the module --------------------------------------------------------------------------------

static const MethodDef picklebuffer_methods[] = {
    {"raw", picklebuffer_m_raw, METH_DEFAULT,
     "raw($self, /)\n--\n\nReturn a memoryview of the raw memory underlying this buffer.\n"
     "Will raise BufferError is the buffer isn't contiguous."},
    {"release", picklebuffer_m_release, METH_DEFAULT,
     "release($self, /)\n--\n\nRelease the underlying buffer exposed by the PickleBuffer "
     "object."},
    {NULL, NULL, 0, NULL},
};

Type type_picklebuffer = {
    .header = {&type_type},
    .name = "pickle.PickleBuffer",
    .flags = TYPE_HAS_WEAKREF,
    .basic_size = sizeof(PickleBufferObject),
    .base = &type_object,
    .trace = picklebuffer_trace,
    .finalize = picklebuffer_finalize,
    .new_ = picklebuffer_tp_new,
    .methods = picklebuffer_methods,
};

static const MethodDef pickle_functions[] = {
    {"dump", pickle_dump, METH_DEFAULT,
     "dump($module, /, obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)\n--\n"
     "\nWrite a pickled representation of obj to the open file object file."},
    {"dumps", pickle_dumps, METH_DEFAULT,
     "dumps($module, /, obj, protocol=None, *, fix_imports=True, buffer_callback=None)\n--\n\n"
     "Return the pickled representation of the object as a bytes object."},
    {"load", pickle_load, METH_DEFAULT,
     "load($module, /, file, *, fix_imports=True, encoding='ASCII', errors='strict', "
     "buffers=())\n--\n\nRead and return an object from the pickle data stored in a file."},
    {"loads", pickle_loads, METH_DEFAULT,
     "loads($module, data, /, *, fix_imports=True, encoding='ASCII', errors='strict', "
     "buffers=())\n--\n\nRead and return an object from the given pickle data."},
    {NULL, NULL, 0, NULL},
};

static Value make_exception(const char *name, Value base) {
    Value bases = tuple_from(&base, 1);
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("_pickle")) < 0) {
        return 0;
    }
    return type_new_class(&type_type, str_from_cstr(name), bases, ns);
}

static Value module_attr(const char *module, const char *name, int need_dict) {
    Value m = pickle_import(str_from_cstr(module));
    Value v = m ? obj_getattr_cstr(m, name) : 0;
    if (v && need_dict && !dict_check_exact(v)) {
        return RAISE(val_from_ptr(&exc_RuntimeError), "%s.%s should be a dict, not %s", module,
                     name, obj_type_name(v));
    }
    return v;
}

Value pickle_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    for (size_t i = 0; i < sizeof state_names / sizeof *state_names; i++) {
        gc_add_root(state_names[i].slot);
        if (!(*state_names[i].slot = str_intern_cstr(state_names[i].text))) {
            return 0;
        }
    }
    Value *const roots[] = {&pickle_PickleError, &pickle_PicklingError, &pickle_UnpicklingError};
    for (size_t i = 0; i < sizeof roots / sizeof *roots; i++) {
        gc_add_root(roots[i]);
    }
    if (pickle_pickler_ready() < 0 || pickle_unpickler_ready() < 0 ||
        type_ready(&type_picklebuffer) < 0) {
        return 0;
    }
    buffer_register_exporter(&picklebuffer_exporter);
    pickle_PickleError = make_exception("PickleError", val_from_ptr(&exc_Exception));
    pickle_PicklingError =
        pickle_PickleError ? make_exception("PicklingError", pickle_PickleError) : 0;
    pickle_UnpicklingError =
        pickle_PicklingError ? make_exception("UnpicklingError", pickle_PickleError) : 0;
    if (!pickle_UnpicklingError) {
        return 0;
    }
    for (size_t i = 0; i < sizeof state_imports / sizeof *state_imports; i++) {
        gc_add_root(state_imports[i].slot);
        *state_imports[i].slot =
            module_attr(state_imports[i].module, state_imports[i].name, state_imports[i].is_dict);
        if (!*state_imports[i].slot) {
            return 0;
        }
    }
    Value m = module_new_cstr("_pickle");
    if (!m || module_add_functions(m, pickle_functions) < 0 ||
        module_add(m, "Pickler", val_from_ptr(&type_pickler)) < 0 ||
        module_add(m, "Unpickler", val_from_ptr(&type_unpickler)) < 0 ||
        module_add(m, "PickleBuffer", val_from_ptr(&type_picklebuffer)) < 0 ||
        module_add(m, "PickleError", pickle_PickleError) < 0 ||
        module_add(m, "PicklingError", pickle_PicklingError) < 0 ||
        module_add(m, "UnpicklingError", pickle_UnpicklingError) < 0 ||
        module_add(m, "__doc__",
                   str_from_cstr("Optimized C implementation for the Python pickle module.")) <
            0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}

