// ctypesmodule.c - the `_ctypes` module: its functions (sizeof, alignment,
// byref, addressof, resize, dlopen/dlsym, errno access, POINTER and
// pointer), the C helpers ctypes/__init__.py calls through function
// prototypes (_memmove_addr, _string_at_addr, _cast_addr...), and the
// module's creation. The types live in ctypes_cdata.c (memory, simple
// types), ctypes_struct.c (structures, arrays, pointers) and ctypes_func.c
// (function pointers, calls, callbacks); ctypes.h explains the model.
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type_internal.h"
#include "../runtime/unicode.h"
#include "ctypes.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

Value ctypes_argument_error;
Value ctypes_pointer_type_cache;

// ---- the helpers behind the _*_addr addresses -------------------------------------------------

// string_at(ptr, size): PYFUNCTYPE(py_object, c_void_p, c_int)
static Value helper_string_at(const char *ptr, int size) {
    if (!ptr) {
        return err_format(&exc_ValueError, "NULL pointer access");
    }
    return bytes_from(ptr, size < 0 ? strlen(ptr) : (size_t)size);
}

static Value helper_wstring_at(const wchar_t *ptr, int size) {
    if (!ptr) {
        return err_format(&exc_ValueError, "NULL pointer access");
    }
    size_t n = size < 0 ? wcslen(ptr) : (size_t)size;
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        char buf[4];
        if ((uint32_t)ptr[i] > 0x10ffff) {
            sb_free(&sb);
            return err_format(&exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                              (unsigned)ptr[i]);
        }
        sb_put(&sb, buf, (size_t)utf8_encode((uint32_t)ptr[i], buf));
    }
    Value r = str_from_utf8(sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return r;
}

static int cast_check_pointer_type(Value t) {
    CTypeInfo *info = type_check(t) ? ctypes_type_info(type_ptr(t)) : NULL;
    if (info && (info->kind == CK_POINTER || info->kind == CK_FUNCPTR)) {
        return 1;
    }
    if (info && info->kind == CK_SIMPLE && strchr("sPzUZXO", info->fd->code)) {
        return 1;
    }
    err_format(&exc_TypeError, "cast() argument 2 must be a pointer type, not %s",
               type_check(t) ? type_ptr(t)->name : ctypes_type_name(t));
    return 0;
}

// cast(ptr, src, ctype): PYFUNCTYPE(py_object, c_void_p, py_object, py_object)
static Value helper_cast(void *ptr, Value src, Value ctype) {
    if (!cast_check_pointer_type(ctype)) {
        return 0;
    }
    Value result = obj_call0(ctype);
    if (!result) {
        return 0;
    }
    if (ctypes_cdata_check(src)) {
        // The result keeps what src keeps, and src itself.
        CDataObject *s = cdata(src);
        if (!ctypes_objects_container(src)) {
            return 0;
        }
        if (s->objects == VAL_NONE || !s->objects) {
            s->objects = dict_new();
            if (!s->objects) {
                return 0;
            }
        }
        cdata(result)->objects = s->objects;
        if (dict_check_exact(s->objects) &&
            dict_set(s->objects, int_from_u64((uint64_t)(uintptr_t)val_ptr(src)), src) < 0) {
            return 0;
        }
    }
    memcpy(cdata(result)->ptr, &ptr, sizeof ptr);
    return result;
}

// ---- module functions --------------------------------------------------------------------------

static CTypeInfo *info_of_type_or_instance(Value v) {
    if (type_check(v)) {
        return ctypes_type_info(type_ptr(v));
    }
    return ctypes_cdata_check(v) ? ctypes_info_of(v) : NULL;
}

FN(mod_sizeof) {
    (void)self;
    if (method_check_args("sizeof", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (ctypes_cdata_check(args[0])) {
        return int_from_i64((int64_t)cdata(args[0])->size);
    }
    CTypeInfo *info = info_of_type_or_instance(args[0]);
    if (!info) {
        return err_format(&exc_TypeError, "this type has no size");
    }
    return int_from_i64((int64_t)info->size);
}

FN(mod_alignment) {
    (void)self;
    if (method_check_args("alignment", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    CTypeInfo *info = info_of_type_or_instance(args[0]);
    if (!info) {
        return err_format(&exc_TypeError, "no alignment info");
    }
    return int_from_i64((int64_t)info->align);
}

Value ctypes_byref(Value obj, int64_t offset) {
    if (!ctypes_cdata_check(obj)) {
        return err_format(&exc_TypeError, "byref() argument must be a ctypes instance, not '%s'",
                          ctypes_type_name(obj));
    }
    Value a = ctypes_carg_new();
    if (!a) {
        return 0;
    }
    CArgObject *ca = (CArgObject *)val_ptr(a);
    ca->tag = 'P';
    ca->ffi = &ffi_type_pointer;
    ca->obj = obj;
    ca->value.p = cdata(obj)->ptr + offset;
    return a;
}

FN(mod_byref) {
    (void)self;
    if (args_no_keywords("byref", kwnames) < 0 ||
        args_check_positional("byref", nargs, 1, 2) < 0) {
        return 0;
    }
    int64_t offset = 0;
    if (nargs > 1) {
        if (!int_check(args[1])) {
            return err_format(&exc_TypeError, "an integer is required");
        }
        if (obj_as_int64(args[1], &offset) < 0) {
            return 0;
        }
    }
    return ctypes_byref(args[0], offset);
}

FN(mod_addressof) {
    (void)self;
    if (method_check_args("addressof", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!ctypes_cdata_check(args[0])) {
        return err_format(&exc_TypeError, "invalid type");
    }
    return int_from_u64((uint64_t)(uintptr_t)cdata(args[0])->ptr);
}

FN(mod_resize) {
    (void)self;
    if (args_no_keywords("resize", kwnames) < 0 ||
        args_check_positional("resize", nargs, 2, 2) < 0) {
        return 0;
    }
    if (!ctypes_cdata_check(args[0])) {
        return err_format(&exc_TypeError, "excepted ctypes instance");
    }
    int64_t size;
    if (obj_as_int64(args[1], &size) < 0) {
        return 0;
    }
    CDataObject *c = cdata(args[0]);
    CTypeInfo *info = ctypes_info_of(args[0]);
    if (!info) {
        return err_format(&exc_TypeError, "excepted ctypes instance");
    }
    if (size < (int64_t)info->size) {
        return err_format(&exc_ValueError, "minimum size is %zu", info->size);
    }
    if (!c->needsfree) {
        return err_format(&exc_ValueError,
                          "Memory cannot be resized because this object doesn't own it");
    }
    if ((size_t)size <= c->size) {
        c->size = (size_t)size;
        return VAL_NONE;
    }
    if (c->malloced) {
        char *p = realloc(c->ptr, (size_t)size);
        if (!p) {
            return err_no_memory();
        }
        memset(p + c->size, 0, (size_t)size - c->size);
        c->ptr = p;
    } else {
        char *p = calloc(1, (size_t)size);
        if (!p) {
            return err_no_memory();
        }
        memcpy(p, c->ptr, c->size);
        c->ptr = p;
        c->malloced = 1;
    }
    c->size = (size_t)size;
    return VAL_NONE;
}

FN(mod_get_errno) {
    (void)self;
    (void)args;
    if (method_check_args("get_errno", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(ctypes_errno_value);
}

FN(mod_set_errno) {
    (void)self;
    if (method_check_args("set_errno", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t v;
    if (!int_check(args[0])) {
        return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          ctypes_type_name(args[0]));
    }
    if (obj_as_int64(args[0], &v) < 0) {
        return 0;
    }
    int old = ctypes_errno_value;
    ctypes_errno_value = (int)v;
    return int_from_i64(old);
}

FN(mod_pointer_type) {
    (void)self;
    if (method_check_args("POINTER", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return ctypes_pointer_type(args[0]);
}

FN(mod_pointer) {
    (void)self;
    if (method_check_args("pointer", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!ctypes_info_of(val_from_ptr(type_of(args[0])))) {
        return err_format(&exc_TypeError, "_type_ must have storage info");
    }
    return ctypes_pointer_to(args[0]);
}

static int handle_arg(Value v, void **out) {
    uint64_t h;
    if (!int_check(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   ctypes_type_name(v));
        return -1;
    }
    if (ctypes_int_mask(v, &h) < 0) {
        return -1;
    }
    *out = (void *)(uintptr_t)h;
    return 0;
}

FN(mod_dlopen) {
    (void)self;
    if (args_no_keywords("dlopen", kwnames) < 0 ||
        args_check_positional("dlopen", nargs, 1, 2) < 0) {
        return 0;
    }
    int64_t mode = RTLD_NOW | RTLD_LOCAL;
    if (nargs > 1 && obj_as_int64(args[1], &mode) < 0) {
        return 0;
    }
    mode |= RTLD_NOW;
    const char *name = NULL;
    Value enc = 0;
    if (args[0] != VAL_NONE) {
        Value os = obj_call_method(args[0], "__fspath__", NULL, 0);
        if (!os) {
            err_clear();
            os = args[0];
        }
        if (val_is_str(os)) {
            enc = bytes_from(str_obj(os)->data, str_obj(os)->nbytes);
        } else if (val_is_bytes(os)) {
            enc = os;
        } else {
            return err_format(&exc_TypeError,
                              "expected str, bytes or os.PathLike object, not %s",
                              ctypes_type_name(args[0]));
        }
        if (!enc) {
            return 0;
        }
        if (strlen(bytes_data(enc)) != bytes_len(enc)) {
            return err_format(&exc_ValueError, "embedded null byte");
        }
        name = bytes_data(enc);
    }
    void *h = dlopen(name, (int)mode);
    if (!h) {
        const char *e = dlerror();
        return err_format(&exc_OSError, "%s", e ? e : "dlopen() error");
    }
    return int_from_u64((uint64_t)(uintptr_t)h);
}

FN(mod_dlclose) {
    (void)self;
    if (method_check_args("dlclose", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    void *h;
    if (handle_arg(args[0], &h) < 0) {
        return 0;
    }
    if (dlclose(h)) {
        const char *e = dlerror();
        return err_format(&exc_OSError, "%s", e ? e : "dlclose() error");
    }
    return VAL_NONE;
}

FN(mod_dlsym) {
    (void)self;
    if (args_no_keywords("dlsym", kwnames) < 0 ||
        args_check_positional("dlsym", nargs, 2, 2) < 0) {
        return 0;
    }
    void *h;
    if (handle_arg(args[0], &h) < 0) {
        return 0;
    }
    if (!val_is_str(args[1])) {
        return err_format(&exc_TypeError, "dlsym() argument 2 must be str, not %s",
                          ctypes_type_name(args[1]));
    }
    dlerror();
    void *p = dlsym(h, str_obj(args[1])->data);
    if (!p) {
        const char *e = dlerror();
        return err_format(&exc_OSError, "%s", e ? e : "symbol not found");
    }
    return int_from_u64((uint64_t)(uintptr_t)p);
}

static Value call_function_impl(const char *fname, const Value *args, size_t nargs,
                                Value kwnames) {
    if (args_no_keywords(fname, kwnames) < 0 || args_check_positional(fname, nargs, 2, 2) < 0) {
        return 0;
    }
    void *proc;
    if (handle_arg(args[0], &proc) < 0) {
        return 0;
    }
    if (!tuple_check(args[1])) {
        return err_format(&exc_TypeError, "%s() argument 2 must be tuple, not %s", fname,
                          ctypes_type_name(args[1]));
    }
    return ctypes_call_function(proc, args[1], FUNCFLAG_CDECL);
}

FN(mod_call_function) {
    (void)self;
    return call_function_impl("call_function", args, nargs, kwnames);
}

FN(mod_call_cdeclfunction) {
    (void)self;
    return call_function_impl("call_cdeclfunction", args, nargs, kwnames);
}

FN(mod_buffer_info) {
    (void)self;
    if (method_check_args("buffer_info", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    CTypeInfo *info = info_of_type_or_instance(args[0]);
    if (!info) {
        return err_format(&exc_TypeError, "not a ctypes type or object");
    }
    int ndim = 0;
    Value dims = list_new(0);
    CTypeInfo *i = info;
    const char *fmt = info->format ? info->format : "B";
    while (dims && i && i->kind == CK_ARRAY) {
        if (list_append(dims, int_from_i64(i->length)) < 0) {
            return 0;
        }
        ndim++;
        i = ctypes_info_of(i->proto);
        if (i && i->format) {
            fmt = i->format;
        }
    }
    Value shape = dims ? tuple_from_list(dims) : 0;
    Value f = str_from_cstr(fmt);
    if (!shape || !f) {
        return 0;
    }
    Value items[3] = {f, int_from_i64(ndim), shape};
    return tuple_from(items, 3);
}

FN(mod_pyobj_from_ptr) {
    (void)self;
    if (method_check_args("PyObj_FromPtr", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    void *p;
    if (handle_arg(args[0], &p) < 0) {
        return 0;
    }
    // What id() gives: an immediate's bits, or an object's address. Only
    // addresses of heap objects and the singletons are taken: krait never
    // reads an arbitrary address as an object.
    Value v = (Value)(uintptr_t)p;
    if (v && !val_is_ptr(v)) {
        return v;
    }
    Object *o = gc_find_object(p);
    if ((o && (void *)o == p) || v == VAL_NONE || v == VAL_TRUE || v == VAL_FALSE ||
        v == VAL_NOTIMPLEMENTED || v == VAL_ELLIPSIS) {
        return v;
    }
    return err_format(&exc_ValueError, "PyObj_FromPtr: no object at this address");
}

FN(mod_py_incref) {
    (void)self;
    if (method_check_args("Py_INCREF", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return args[0];
}

FN(mod_py_decref) {
    (void)self;
    if (method_check_args("Py_DECREF", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return args[0];
}

static const MethodDef ctypes_functions[] = {
    {"sizeof", mod_sizeof, METH_DEFAULT, "sizeof(C type) -> integer\nsizeof(C instance) -> integer\nReturn the size in bytes of a C instance"},
    {"alignment", mod_alignment, METH_DEFAULT, "alignment(C type) -> integer\nalignment(C instance) -> integer\nReturn the alignment requirements of a C instance"},
    {"byref", mod_byref, METH_DEFAULT, "byref(C instance[, offset=0]) -> byref-object\nReturn a pointer lookalike to a C instance, only usable\nas function argument"},
    {"addressof", mod_addressof, METH_DEFAULT, "addressof(C instance) -> integer\nReturn the address of the C instance internal buffer"},
    {"resize", mod_resize, METH_DEFAULT, "Resize the memory buffer of a ctypes instance"},
    {"get_errno", mod_get_errno, METH_DEFAULT, NULL},
    {"set_errno", mod_set_errno, METH_DEFAULT, NULL},
    {"POINTER", mod_pointer_type, METH_DEFAULT, NULL},
    {"pointer", mod_pointer, METH_DEFAULT, NULL},
    {"dlopen", mod_dlopen, METH_DEFAULT, "dlopen(name, flag={RTLD_GLOBAL|RTLD_LOCAL}) open a shared library"},
    {"dlclose", mod_dlclose, METH_DEFAULT, "dlclose a library"},
    {"dlsym", mod_dlsym, METH_DEFAULT, "find symbol in shared library"},
    {"call_function", mod_call_function, METH_DEFAULT, NULL},
    {"call_cdeclfunction", mod_call_cdeclfunction, METH_DEFAULT, NULL},
    {"buffer_info", mod_buffer_info, METH_DEFAULT, "Return buffer interface information"},
    {"PyObj_FromPtr", mod_pyobj_from_ptr, METH_DEFAULT, NULL},
    {"Py_INCREF", mod_py_incref, METH_DEFAULT, NULL},
    {"Py_DECREF", mod_py_decref, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static int add_address(Value m, const char *name, void *p) {
    return module_add(m, name, int_from_u64((uint64_t)(uintptr_t)p));
}

Value ctypes_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (ctypes_cdata_init() < 0 || ctypes_struct_init() < 0 || ctypes_func_init() < 0) {
        return 0;
    }
    Value m = module_new_cstr("_ctypes");
    if (!m || module_add_functions(m, ctypes_functions) < 0) {
        return 0;
    }
    gc_add_root(&ctypes_argument_error);
    gc_add_root(&ctypes_pointer_type_cache);
    Value bases = tuple_from((Value[]){val_from_ptr(&exc_Exception)}, 1);
    Value ns = dict_new();
    if (!bases || !ns || dict_set_cstr(ns, "__module__", str_from_cstr("ctypes")) < 0) {
        return 0;
    }
    ctypes_argument_error = type_new_class(&type_type, str_from_cstr("ArgumentError"), bases, ns);
    ctypes_pointer_type_cache = dict_new();
    if (!ctypes_argument_error || !ctypes_pointer_type_cache) {
        return 0;
    }
    if (module_add(m, "ArgumentError", ctypes_argument_error) < 0 ||
        module_add(m, "_pointer_type_cache", ctypes_pointer_type_cache) < 0 ||
        module_add(m, "_unpickle", ctypes_unpickle_function()) < 0 ||
        module_add(m, "__version__", str_from_cstr("1.1.0")) < 0 ||
        module_add(m, "Structure", val_from_ptr(&ctypes_struct_base)) < 0 ||
        module_add(m, "Union", val_from_ptr(&ctypes_union_base)) < 0 ||
        module_add(m, "Array", val_from_ptr(&ctypes_array_base)) < 0 ||
        module_add(m, "_Pointer", val_from_ptr(&ctypes_pointer_base)) < 0 ||
        module_add(m, "_SimpleCData", val_from_ptr(&ctypes_simple_base)) < 0 ||
        module_add(m, "CFuncPtr", val_from_ptr(&ctypes_funcptr_base)) < 0 ||
        module_add(m, "FUNCFLAG_CDECL", int_from_i64(FUNCFLAG_CDECL)) < 0 ||
        module_add(m, "FUNCFLAG_USE_ERRNO", int_from_i64(FUNCFLAG_USE_ERRNO)) < 0 ||
        module_add(m, "FUNCFLAG_USE_LASTERROR", int_from_i64(FUNCFLAG_USE_LASTERROR)) < 0 ||
        module_add(m, "FUNCFLAG_PYTHONAPI", int_from_i64(FUNCFLAG_PYTHONAPI)) < 0 ||
        module_add(m, "CTYPES_MAX_ARGCOUNT", int_from_i64(1024)) < 0 ||
        module_add(m, "RTLD_LOCAL", int_from_i64(RTLD_LOCAL)) < 0 ||
        module_add(m, "RTLD_GLOBAL", int_from_i64(RTLD_GLOBAL)) < 0 ||
        add_address(m, "_memmove_addr", (void *)memmove) < 0 ||
        add_address(m, "_memset_addr", (void *)memset) < 0 ||
        add_address(m, "_string_at_addr", (void *)helper_string_at) < 0 ||
        add_address(m, "_wstring_at_addr", (void *)helper_wstring_at) < 0 ||
        add_address(m, "_cast_addr", (void *)helper_cast) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}

MODULE_DYNLOAD_INIT(_ctypes, ctypes_module_init)
