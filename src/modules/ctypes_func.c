// ctypes_func.c - function pointers: CFuncPtr and its metatype
// PyCFuncPtrType, calling C functions through libffi, and callbacks (a
// Python callable behind a libffi closure, so C code can call it).
//
// A call converts each argument first (the argtypes' from_param, else the
// default conversions of ints, bytes, str, None and _as_parameter_),
// wrapping a conversion error as ArgumentError("argument N: Type: msg") as
// CPython does. The converted values live in an array on the C stack, which
// the collector scans, so the objects they point into stay alive for the
// call. Errors raised inside a callback cannot propagate through C: they
// are reported as unraisable ("Exception ignored on calling ctypes callback
// function") and the callback returns zero.
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type_internal.h"
#include "ctypes.h"
#include "../vm/vm.h"
#include "modules.h"

__thread int ctypes_errno_value;

static CFuncPtrObject *fptr(Value v) {
    return (CFuncPtrObject *)val_ptr(v);
}

// ---- argtypes / restype checks -------------------------------------------------------------

// The from_param callables of a sequence of types: a tuple, or 0.
static Value make_converters(Value argtypes, Value *types_out) {
    Value types = tuple_check(argtypes) ? argtypes
                  : list_check(argtypes) ? tuple_from_list(argtypes) : 0;
    if (!types) {
        if (!err_occurred()) {
            err_format(&exc_TypeError, "_argtypes_ must be a sequence of types");
        }
        return 0;
    }
    size_t n = tuple_obj(types)->len;
    Value conv = tuple_new(n);
    if (!conv) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        Value fp = obj_getattr_opt(tuple_obj(types)->items[i], str_intern_cstr("from_param"));
        if (!fp) {
            if (!err_occurred()) {
                err_format(&exc_TypeError, "item %zu in _argtypes_ has no from_param method", i + 1);
            }
            return 0;
        }
        tuple_obj(conv)->items[i] = fp;
    }
    *types_out = types;
    return conv;
}

static int check_restype(Value restype, Value *checker) {
    *checker = 0;
    if (restype == VAL_NONE) {
        return 0;
    }
    if (type_check(restype) && ctypes_type_info(type_ptr(restype))) {
        Value c = obj_getattr_opt(restype, str_intern_cstr("_check_retval_"));
        if (!c && err_occurred()) {
            return -1;
        }
        *checker = c;
        return 0;
    }
    if (type_of(restype)->call || type_check(restype)) {
        return 0;
    }
    err_format(&exc_TypeError, "restype must be a type, a callable, or None");
    return -1;
}

// ---- PyCFuncPtrType -------------------------------------------------------------------------

static Value funcptr_meta_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Value cls = type_tp_new(callable, args, nargs, kwnames);
    if (!cls) {
        return 0;
    }
    CTypeInfo *info = &((CTypeObject *)val_ptr(cls))->info;
    info->kind = CK_FUNCPTR;
    info->size = sizeof(void *);
    info->align = _Alignof(void *);
    info->length = 1;
    info->ffi = ffi_type_pointer;
    info->flags = CT_HASPOINTER;
    info->format = strdup("X{}");
    if (!info->format) {
        return err_no_memory();
    }
    Value flags = obj_getattr_opt(cls, str_intern_cstr("_flags_"));
    if (!flags || !int_check(flags)) {
        return err_occurred() && !flags ? 0
                                        : err_format(&exc_TypeError,
                                                     "class must define _flags_ which must be an "
                                                     "integer");
    }
    int64_t f;
    if (obj_as_int64(flags, &f) < 0) {
        return 0;
    }
    info->funcflags = (int)f;
    Value argtypes = obj_getattr_opt(cls, str_intern_cstr("_argtypes_"));
    if (argtypes) {
        Value types;
        Value conv = make_converters(argtypes, &types);
        if (!conv) {
            return 0;
        }
        info->argtypes = types;
        info->converters = conv;
    } else if (err_occurred()) {
        return 0;
    }
    Value restype = obj_getattr_opt(cls, str_intern_cstr("_restype_"));
    if (restype) {
        if (restype != VAL_NONE && !(type_check(restype) && ctypes_type_info(type_ptr(restype))) &&
            !type_of(restype)->call) {
            return err_format(&exc_TypeError, "_restype_ must be a type, a callable, or None");
        }
        Value checker;
        if (check_restype(restype, &checker) < 0) {
            return 0;
        }
        info->restype = restype;
        info->checker = checker;
    } else if (err_occurred()) {
        return 0;
    }
    return cls;
}

static const MethodDef funcptr_meta_methods[] = {
    {"from_param", ctypes_meta_from_param_generic, METH_DEFAULT, NULL},
    {"from_address", ctypes_meta_from_address, METH_DEFAULT, NULL},
    {"from_buffer", ctypes_meta_from_buffer, METH_DEFAULT, NULL},
    {"from_buffer_copy", ctypes_meta_from_buffer_copy, METH_DEFAULT, NULL},
    {"in_dll", ctypes_meta_in_dll, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type ctypes_funcptr_meta = {
    .header = {&type_type},
    .name = "_ctypes.PyCFuncPtrType",
    .flags = TYPE_BASETYPE | TYPE_TYPE_SUBCLASS | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(CTypeObject),
    .base = &type_type,
    .trace = ctypes_meta_trace,
    .free = ctypes_meta_free,
    .new_ = funcptr_meta_new,
    .seq_repeat = ctypes_meta_repeat,
    .methods = funcptr_meta_methods,
};

// ---- callbacks --------------------------------------------------------------------------------

typedef struct Thunk {
    ffi_cif cif;
    ffi_type *restype;
    CFuncPtrObject *owner;
    size_t nargs;
    ffi_type *atypes[];
} Thunk;

static void report_unraisable(const char *msg, Value callable) {
    Value exc = err_fetch();
    if (exc) {
        sys_write_unraisable(exc, msg, callable);
    }
}

// The GIL around foreign calls. A call of a CDLL function releases it (as
// CPython's), so other threads run meanwhile; the calling thread keeps
// here what it needs to take it back. A callback called during the call
// takes the GIL back for the Python code and releases it again before it
// returns to C. A callback called on a thread that is in no ctypes call (a
// thread a C library started) cannot run Python code: it is reported on
// stderr and returns zero.
static __thread VmThread *released_gil;
static __thread int call_depth;

static void closure_body(Thunk *th, void *resp, void **args) {
    CFuncPtrObject *self = th->owner;
    CTypeInfo *info = ctypes_type_info(self->cdata.header.type);
    Value callable = self->callable;
    Value types = info->argtypes;
    size_t n = th->nargs;
    Value *pyargs = n ? alloca(n * sizeof(Value)) : NULL;
    for (size_t i = 0; i < n; i++) {
        Value t = tuple_obj(types)->items[i];
        CTypeInfo *ai = ctypes_info_of(t);
        Value v;
        if (ai && ai->kind == CK_SIMPLE && type_ptr(t)->base == &ctypes_simple_base) {
            v = ctypes_get_item(type_ptr(t), 0, 0, args[i], ai->size);
        } else if (ai) {
            v = ctypes_cdata_new(type_ptr(t));
            if (v) {
                memcpy(cdata(v)->ptr, args[i], ai->size);
            }
        } else {
            v = err_format(&exc_TypeError, "cannot build parameter");
        }
        if (!v) {
            report_unraisable("Exception ignored on calling ctypes callback function", callable);
            return;
        }
        pyargs[i] = v;
    }
    int flags = info->funcflags;
    if (flags & FUNCFLAG_USE_ERRNO) {
        int tmp = ctypes_errno_value;
        ctypes_errno_value = errno;
        errno = tmp;
    }
    Value result = obj_call(callable, pyargs, n, 0);
    if (flags & FUNCFLAG_USE_ERRNO) {
        int tmp = ctypes_errno_value;
        ctypes_errno_value = errno;
        errno = tmp;
    }
    if (!result) {
        report_unraisable("Exception ignored on calling ctypes callback function", callable);
        return;
    }
    if (th->restype->type == FFI_TYPE_VOID) {
        return;
    }
    CTypeInfo *ri = ctypes_info_of(info->restype);
    char tmp[32] = {0};
    Value keep = ri->fd->set(tmp, result, ri->size);
    if (!keep) {
        report_unraisable("Exception ignored on converting result of ctypes callback function",
                          callable);
        return;
    }
    if (ri->fd->code != 'O' && keep != VAL_NONE) {
        if (err_warn(&exc_RuntimeWarning, 1, "memory leak in callback function.") < 0) {
            report_unraisable("Exception ignored on converting result of ctypes callback function",
                              callable);
        }
    }
    // Integers narrower than a register are widened, as libffi expects.
    if (ri->kind == CK_SIMPLE && ri->fd->is_signed >= 0 && ri->size < sizeof(ffi_arg)) {
        uint64_t u = ctypes_read_uint(tmp, ri->size);
        if (ri->fd->is_signed == 1 && (u >> (8 * ri->size - 1)) & 1) {
            u |= ~(uint64_t)0 << (8 * ri->size);
        }
        memcpy(resp, &u, sizeof(ffi_arg));
    } else {
        memcpy(resp, tmp, ri->size);
    }
}

static void closure_fcn(ffi_cif *cif, void *resp, void **args, void *userdata) {
    (void)cif;
    Thunk *th = userdata;
    if (th->restype->type != FFI_TYPE_VOID) {
        memset(resp, 0, th->restype->size < sizeof(ffi_arg) ? sizeof(ffi_arg) : th->restype->size);
    }
    if (!call_depth) {
        static const char msg[] =
            "ctypes: a callback was called on a thread that is in no ctypes call; ignored\n";
        fputs(msg, stderr);
        return;
    }
    VmThread *rel = released_gil;
    released_gil = NULL;
    vm_gil_acquire(rel);
    closure_body(th, resp, args);
    if (rel) {
        released_gil = vm_gil_release();
    }
}

static Value make_callback(Value self, Value callable) {
    CFuncPtrObject *f = fptr(self);
    CTypeInfo *info = ctypes_info_of(self);
    if (!info || !info->argtypes) {
        return err_format(&exc_TypeError, "cannot construct instance of this class: no argtypes");
    }
    size_t n = tuple_obj(info->argtypes)->len;
    ffi_type *rtype = &ffi_type_sint;
    Value restype = info->restype;
    if (restype == VAL_NONE) {
        rtype = &ffi_type_void;
    } else if (restype) {
        CTypeInfo *ri = ctypes_info_of(restype);
        if (!ri || ri->kind != CK_SIMPLE || !type_check(restype)) {
            return err_format(&exc_TypeError, "invalid result type for callback function");
        }
        rtype = &ri->ffi;
    } else {
        return err_format(&exc_TypeError, "invalid result type for callback function");
    }
    Thunk *th = calloc(1, sizeof(Thunk) + (n + 1) * sizeof(ffi_type *));
    if (!th) {
        return err_no_memory();
    }
    f->thunk = th;
    th->owner = f;
    th->nargs = n;
    th->restype = rtype;
    for (size_t i = 0; i < n; i++) {
        CTypeInfo *ai = ctypes_info_of(tuple_obj(info->argtypes)->items[i]);
        th->atypes[i] = ai ? &ai->ffi : &ffi_type_sint;
    }
    void *code;
    ffi_closure *cl = ffi_closure_alloc(sizeof(ffi_closure), &code);
    if (!cl) {
        return err_format(&exc_MemoryError, "unable to allocate closure");
    }
    f->closure = cl;
    if (ffi_prep_cif(&th->cif, FFI_DEFAULT_ABI, (unsigned)n, rtype, th->atypes) != FFI_OK) {
        return err_format(&exc_RuntimeError, "ffi_prep_cif failed");
    }
    if (ffi_prep_closure_loc(cl, &th->cif, closure_fcn, th, code) != FFI_OK) {
        return err_format(&exc_RuntimeError, "ffi_prep_closure failed");
    }
    memcpy(f->cdata.ptr, &code, sizeof code);
    f->callable = callable;
    // The closure lives as long as this object: whoever copies the function
    // pointer (a structure field, an array item) keeps _objects, so it
    // keeps the object (CPython keeps its thunk there).
    return ctypes_keep_ref(self, 0, self) < 0 ? 0 : self;
}

// ---- CFuncPtr instances -----------------------------------------------------------------------

static void funcptr_trace(Object *o, GcTracer *t) {
    CFuncPtrObject *f = (CFuncPtrObject *)o;
    gc_trace_value(t, f->cdata.base);
    gc_trace_value(t, f->cdata.objects);
    gc_trace_value(t, f->callable);
    gc_trace_value(t, f->argtypes);
    gc_trace_value(t, f->converters);
    gc_trace_value(t, f->restype);
    gc_trace_value(t, f->checker);
    gc_trace_value(t, f->errcheck);
    gc_trace_value(t, f->paramflags);
    gc_trace_value(t, f->name);
}

static void funcptr_free(Object *o) {
    CFuncPtrObject *f = (CFuncPtrObject *)o;
    if (f->closure) {
        ffi_closure_free(f->closure);
        f->closure = NULL;
    }
    free(f->thunk);
    f->thunk = NULL;
    if (f->cdata.malloced) {
        free(f->cdata.ptr);
        f->cdata.ptr = NULL;
        f->cdata.malloced = 0;
    }
}

// ---- paramflags ---------------------------------------------------------------------------------

// The parameter directions of a prototype called with (name, dll), paramflags:
// in parameters are taken from the call's arguments (by position or by
// name, else the default), out parameters are made by the call and
// returned instead of the result.
enum { PARAMFLAG_FIN = 1, PARAMFLAG_FOUT = 2, PARAMFLAG_FLCID = 4 };

static int paramflag_item(Value item, int64_t *flag, Value *name, Value *defval) {
    TupleObject *t = tuple_check(item) ? tuple_obj(item) : NULL;
    *name = VAL_NONE;
    *defval = 0;
    if (!t || t->len < 1 || t->len > 3 || !int_check(t->items[0]) ||
        (t->len > 1 && t->items[1] != VAL_NONE && !val_is_str(t->items[1]))) {
        err_format(&exc_TypeError,
                   "paramflags must be a sequence of (int [,string [,value]]) tuples");
        return -1;
    }
    if (obj_as_int64(t->items[0], flag) < 0) {
        return -1;
    }
    if (t->len > 1) {
        *name = t->items[1];
    }
    if (t->len > 2) {
        *defval = t->items[2];
    }
    return 0;
}

static int validate_paramflags(Value self, Value paramflags) {
    CTypeInfo *info = ctypes_info_of(self);
    if (paramflags == VAL_NONE || !info->argtypes) {
        return 0;
    }
    if (!tuple_check(paramflags)) {
        err_format(&exc_TypeError, "paramflags must be a tuple or None");
        return -1;
    }
    size_t n = tuple_obj(paramflags)->len;
    if (n != tuple_obj(info->argtypes)->len) {
        err_format(&exc_ValueError, "paramflags must have the same length as argtypes");
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        int64_t flag;
        Value name, defval;
        if (paramflag_item(tuple_obj(paramflags)->items[i], &flag, &name, &defval) < 0) {
            return -1;
        }
        Value typ = tuple_obj(info->argtypes)->items[i];
        switch (flag & (PARAMFLAG_FIN | PARAMFLAG_FOUT | PARAMFLAG_FLCID)) {
        case 0:
        case PARAMFLAG_FIN:
        case PARAMFLAG_FIN | PARAMFLAG_FLCID:
        case PARAMFLAG_FIN | PARAMFLAG_FOUT:
            break;
        case PARAMFLAG_FOUT: {
            CTypeInfo *ti = ctypes_info_of(typ);
            if (!(ti && type_check(typ) &&
                  (ti->kind == CK_POINTER || ti->kind == CK_ARRAY ||
                   (ti->kind == CK_SIMPLE && strchr("PzZ", ti->fd->code))))) {
                err_format(&exc_TypeError, "'out' parameter %zu must be a pointer type, not %s",
                           i + 1, type_check(typ) ? type_ptr(typ)->name : ctypes_type_name(typ));
                return -1;
            }
            break;
        }
        default:
            err_format(&exc_TypeError, "paramflag value %d not supported", (int)flag);
            return -1;
        }
    }
    fptr(self)->paramflags = paramflags;
    return 0;
}

// The argument of an in parameter: the next positional one, the keyword
// of its name, or its default.
static Value paramflag_arg(size_t *index, Value name, Value defval, const Value *args, size_t nargs,
                           Value kwnames, size_t *used_kw) {
    if (*index < nargs) {
        return args[(*index)++];
    }
    size_t nkw = args_nkw(kwnames);
    for (size_t k = 0; name != VAL_NONE && k < nkw; k++) {
        if (str_equal(tuple_obj(kwnames)->items[k], name)) {
            (*index)++;
            (*used_kw)++;
            return args[nargs + k];
        }
    }
    if (defval) {
        return defval;
    }
    if (name != VAL_NONE) {
        return err_format(&exc_TypeError, "required argument '%s' missing", str_obj(name)->data);
    }
    return err_format(&exc_TypeError, "not enough arguments");
}

// CPython's _build_callargs: the tuple of arguments for the call, and the
// masks of the out and in-out parameters. 0 on error.
static Value build_callargs(Value paramflags, Value argtypes, const Value *args, size_t nargs,
                            Value kwnames, uint32_t *outmask, uint32_t *inoutmask,
                            int *numretvals) {
    size_t n = tuple_obj(argtypes)->len;
    Value callargs = tuple_new(n);
    if (!callargs) {
        return 0;
    }
    size_t index = 0, used_kw = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t flag;
        Value name, defval, v;
        if (paramflag_item(tuple_obj(paramflags)->items[i], &flag, &name, &defval) < 0) {
            return 0;
        }
        switch (flag & (PARAMFLAG_FIN | PARAMFLAG_FOUT | PARAMFLAG_FLCID)) {
        case PARAMFLAG_FIN | PARAMFLAG_FOUT:
            *inoutmask |= 1u << i;
            ++*numretvals;
            // fall through
        case 0:
        case PARAMFLAG_FIN:
        case PARAMFLAG_FIN | PARAMFLAG_FLCID:
            v = paramflag_arg(&index, name, defval, args, nargs, kwnames, &used_kw);
            break;
        case PARAMFLAG_FOUT:
            *outmask |= 1u << i;
            ++*numretvals;
            if (defval) {
                v = defval;
                break;
            }
            {
                Value typ = tuple_obj(argtypes)->items[i];
                CTypeInfo *ti = ctypes_info_of(typ);
                if (!ti) {
                    return err_format(&exc_TypeError, "NULL stgdict unexpected");
                }
                if (ti->kind == CK_SIMPLE) {
                    return err_format(&exc_TypeError,
                                      "%s 'out' parameter must be passed as default value",
                                      type_ptr(typ)->name);
                }
                // an array is made itself, a pointer's target type otherwise
                v = obj_call0(ti->kind == CK_ARRAY ? typ : ti->proto);
            }
            break;
        default:
            return err_format(&exc_ValueError, "paramflag %d not yet implemented", (int)flag);
        }
        if (!v) {
            return 0;
        }
        tuple_obj(callargs)->items[i] = v;
    }
    size_t actual = nargs + args_nkw(kwnames);
    if (actual != index) {
        return err_format(&exc_TypeError, "call takes exactly %zu arguments (%zu given)", index,
                          actual);
    }
    return callargs;
}

// CPython's _build_result: with out parameters, they (through
// __ctypes_from_outparam__) are the result, one value or a tuple.
static Value build_result(Value result, Value callargs, uint32_t outmask, uint32_t inoutmask,
                          int numretvals) {
    if (!result || !callargs || !outmask) {
        return result;
    }
    Value tup = numretvals > 1 ? tuple_new((size_t)numretvals) : 0;
    if (numretvals > 1 && !tup) {
        return 0;
    }
    int index = 0;
    size_t n = tuple_obj(callargs)->len;
    for (size_t i = 0; i < n && i < 32; i++) {
        uint32_t bit = 1u << i;
        Value v;
        if (bit & inoutmask) {
            v = tuple_obj(callargs)->items[i];
        } else if (bit & outmask) {
            v = obj_call_method(tuple_obj(callargs)->items[i], "__ctypes_from_outparam__", NULL, 0);
            if (!v) {
                return 0;
            }
        } else {
            continue;
        }
        if (numretvals == 1) {
            return v;
        }
        tuple_obj(tup)->items[index++] = v;
        if (index == numretvals) {
            break;
        }
    }
    return tup ? tup : result;
}

static Value funcptr_from_dll(Value self, const Value *args, size_t nargs) {
    Value spec = args[0];
    if (tuple_obj(spec)->len != 2) {
        return err_format(&exc_TypeError, "illegal func_spec argument");
    }
    Value name = tuple_obj(spec)->items[0], dll = tuple_obj(spec)->items[1];
    if (int_check(name)) {
        return err_format(&exc_TypeError, "function name must be string, bytes object or integer");
    }
    const char *cname;
    if (val_is_str(name)) {
        cname = str_obj(name)->data;
    } else if (val_is_bytes(name)) {
        cname = bytes_data(name);
    } else {
        return err_format(&exc_TypeError, "function name must be string, bytes object or integer");
    }
    Value h = obj_getattr_cstr(dll, "_handle");
    if (!h) {
        return 0;
    }
    if (!int_check(h)) {
        return err_format(&exc_TypeError,
                          "the _handle attribute of the second argument must be an integer");
    }
    uint64_t handle;
    if (ctypes_int_mask(h, &handle) < 0) {
        return 0;
    }
    dlerror();
    void *addr = dlsym((void *)(uintptr_t)handle, cname);
    if (!addr) {
        const char *e = dlerror();
        return err_format(&exc_AttributeError, "%s", e ? e : "symbol not found");
    }
    if (nargs > 1 && validate_paramflags(self, args[1]) < 0) {
        return 0;
    }
    memcpy(cdata(self)->ptr, &addr, sizeof addr);
    return ctypes_keep_ref(self, 0, dll) < 0 ? 0 : self;
}

static Value funcptr_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    (void)kwnames;
    Value self = ctypes_cdata_new(type_ptr(callable));
    if (!self || nargs == 0) {
        return self;
    }
    if (tuple_check(args[0])) {
        return funcptr_from_dll(self, args, nargs);
    }
    if (nargs == 1 && int_check(args[0])) {
        uint64_t a;
        if (ctypes_int_mask(args[0], &a) < 0) {
            return 0;
        }
        void *p = (void *)(uintptr_t)a;
        memcpy(cdata(self)->ptr, &p, sizeof p);
        return self;
    }
    if (nargs > 1) {
        return err_format(&exc_NotImplementedError, "ctypes: COM method calls are not supported");
    }
    if (!type_of(args[0])->call) {
        return err_format(&exc_TypeError, "argument must be callable or integer function address");
    }
    return make_callback(self, args[0]);
}

static Value funcptr_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)self;
    (void)args;
    (void)nargs;
    (void)kwnames;
    return VAL_NONE;
}

static Value funcptr_repr(Value self) {
    return str_format_c("<%s object at %p>", type_of(self)->name, (void *)val_ptr(self));
}

static int funcptr_bool(Value self) {
    void *p;
    memcpy(&p, cdata(self)->ptr, sizeof p);
    return p != NULL;
}

static Value funcptr_get_restype(Value self) {
    CFuncPtrObject *f = fptr(self);
    if (f->restype) {
        return f->restype;
    }
    CTypeInfo *info = ctypes_info_of(self);
    return info && info->restype ? info->restype : VAL_NONE;
}

static int funcptr_set_restype(Value self, Value v) {
    CFuncPtrObject *f = fptr(self);
    if (!v) {
        f->restype = 0;
        f->checker = 0;
        return 0;
    }
    if (v != VAL_NONE && !type_check(v) && !type_of(v)->call) {
        err_format(&exc_TypeError, "restype must be a type, a callable, or None");
        return -1;
    }
    Value checker;
    if (check_restype(v, &checker) < 0) {
        return -1;
    }
    f->restype = v;
    f->checker = checker;
    return 0;
}

static Value funcptr_get_argtypes(Value self) {
    CFuncPtrObject *f = fptr(self);
    if (f->argtypes) {
        return f->argtypes;
    }
    CTypeInfo *info = ctypes_info_of(self);
    return info && info->argtypes ? info->argtypes : VAL_NONE;
}

static int funcptr_set_argtypes(Value self, Value v) {
    CFuncPtrObject *f = fptr(self);
    if (!v || v == VAL_NONE) {
        f->argtypes = 0;
        f->converters = 0;
        return 0;
    }
    Value types;
    Value conv = make_converters(v, &types);
    if (!conv) {
        return -1;
    }
    (void)types;
    f->argtypes = v;  // the getter gives back what was set, as CPython's
    f->converters = conv;
    return 0;
}

static Value funcptr_get_errcheck(Value self) {
    Value e = fptr(self)->errcheck;
    return e ? e : VAL_NONE;
}

static int funcptr_set_errcheck(Value self, Value v) {
    if (v && !type_of(v)->call) {
        err_format(&exc_TypeError, "the errcheck attribute must be callable");
        return -1;
    }
    fptr(self)->errcheck = v;
    return 0;
}

// ---- calling ------------------------------------------------------------------------------------

typedef struct CallArg {
    ffi_type *ffi;
    union {
        int8_t b;
        int16_t h;
        int32_t i;
        int64_t q;
        float f;
        double d;
        long double g;
        void *p;
        char c[16];
    } value;
    void *ptr;      // what libffi reads: &value, or a structure's memory
    size_t bytes;   // a structure's size (libffi may lay it out larger: _pack_)
    Value keep;
} CallArg;

// CPython's ConvParam: a value (already through from_param, or not) as a C argument.
static int conv_param(Value obj, size_t index, CallArg *pa) {
    pa->ptr = &pa->value;
    pa->keep = obj;
    if (ctypes_cdata_check(obj)) {
        CTypeInfo *info = ctypes_info_of(obj);
        CDataObject *c = cdata(obj);
        if (!info) {
            err_format(&exc_TypeError, "Don't know how to convert parameter %zu", index);
            return -1;
        }
        switch (info->kind) {
        case CK_SIMPLE:
            pa->ffi = &info->ffi;
            if (info->flags & CT_SWAPPED) {
                for (size_t i = 0; i < info->size; i++) {
                    pa->value.c[i] = c->ptr[info->size - 1 - i];
                }
            } else {
                memcpy(&pa->value, c->ptr, info->size);
            }
            return 0;
        case CK_STRUCT:
        case CK_UNION:
            pa->ffi = &info->ffi;
            pa->ptr = c->ptr;
            pa->bytes = info->size;
            return 0;
        case CK_ARRAY:
            pa->ffi = &ffi_type_pointer;
            pa->value.p = c->ptr;
            return 0;
        default:  // pointers, function pointers: the pointer value
            pa->ffi = &ffi_type_pointer;
            memcpy(&pa->value.p, c->ptr, sizeof(void *));
            return 0;
        }
    }
    if (ctypes_carg_check(obj)) {
        CArgObject *a = (CArgObject *)val_ptr(obj);
        pa->ffi = a->ffi;
        if (a->tag == 'V') {
            pa->ptr = a->value.p;
        } else {
            memcpy(&pa->value, &a->value, sizeof a->value);
        }
        return 0;
    }
    if (obj == VAL_NONE) {
        pa->ffi = &ffi_type_pointer;
        pa->value.p = NULL;
        return 0;
    }
    if (int_check(obj)) {
        pa->ffi = &ffi_type_sint;
        int64_t x;
        if (int_to_i64(obj, &x) < 0) {
            err_clear();
            Value m = obj_binop(obj, int_from_u64(UINT64_MAX), BINOP_AND);
            int r = m ? obj_richcompare_bool(m, obj, CMP_EQ) : -1;
            if (r <= 0) {
                if (r == 0 || err_matches(&exc_OverflowError)) {
                    err_clear();
                    err_format(&exc_OverflowError, "int too long to convert");
                }
                return -1;
            }
            uint64_t u;
            if (ctypes_int_mask(obj, &u) < 0) {
                return -1;
            }
            x = (int64_t)u;
        }
        pa->value.i = (int32_t)x;
        return 0;
    }
    if (val_is_bytes(obj)) {
        pa->ffi = &ffi_type_pointer;
        pa->value.p = (void *)bytes_data(obj);
        return 0;
    }
    if (val_is_str(obj)) {
        const FieldDesc *fd = ctypes_field_desc('Z');
        pa->ffi = &ffi_type_pointer;
        pa->keep = fd->set((char *)&pa->value, obj, sizeof(void *));
        return pa->keep ? 0 : -1;
    }
    Value as = obj_getattr_opt(obj, str_intern_cstr("_as_parameter_"));
    if (as) {
        return conv_param(as, index, pa);
    }
    if (err_occurred()) {
        return -1;
    }
    err_format(&exc_TypeError, "Don't know how to convert parameter %zu", index);
    return -1;
}

// Replace the pending exception by ArgumentError("argument N: Type: message").
static void extend_error(size_t index) {
    Value exc = err_fetch();
    if (!exc) {
        return;
    }
    Value msg = obj_str(exc);
    if (!msg) {
        err_clear();
        msg = str_from_cstr("???");
    }
    Value name = type_str_name(type_of(exc));
    Value full = str_format_c("argument %zu: %U: %U", index, name, msg);
    if (full) {
        Value e = obj_call1(ctypes_argument_error, full);
        if (e) {
            err_set_value(e);
        }
    }
}

static ffi_type *ffi_type_of_restype(Value restype) {
    if (!restype) {
        return &ffi_type_sint;
    }
    if (restype == VAL_NONE) {
        return &ffi_type_void;
    }
    CTypeInfo *info = ctypes_info_of(restype);
    if (info && type_check(restype)) {
        return &info->ffi;
    }
    return &ffi_type_sint;
}

static Value get_result(Value restype, char *result, Value checker) {
    if (!restype) {
        int32_t i;
        memcpy(&i, result, 4);
        return int_from_i64(i);
    }
    if (restype == VAL_NONE) {
        return VAL_NONE;
    }
    CTypeInfo *info = type_check(restype) ? ctypes_type_info(type_ptr(restype)) : NULL;
    if (!info) {
        int32_t i;
        memcpy(&i, result, 4);
        return obj_call1(restype, int_from_i64(i));
    }
    Value rv;
    if (info->kind == CK_SIMPLE && type_ptr(restype)->base == &ctypes_simple_base) {
        rv = ctypes_get_item(type_ptr(restype), 0, 0, result, info->size);
    } else {
        rv = ctypes_cdata_new(type_ptr(restype));
        if (rv) {
            memcpy(cdata(rv)->ptr, result, info->size);
        }
    }
    if (!rv || !checker) {
        return rv;
    }
    return obj_call1(checker, rv);
}

// Call the C function at `proc` with `args` (converted by `converters`
// where given), returning its result as `restype` makes it.
static Value call_proc(void *proc, const Value *args, size_t nargs, int flags, Value converters,
                       Value restype, Value checker) {
    size_t nconv = converters ? tuple_obj(converters)->len : 0;
    CallArg *ca = alloca((nargs + 1) * sizeof(CallArg));
    ffi_type **atypes = alloca((nargs + 1) * sizeof(ffi_type *));
    void **avalues = alloca((nargs + 1) * sizeof(void *));
    memset(ca, 0, (nargs + 1) * sizeof(CallArg));
    for (size_t i = 0; i < nargs; i++) {
        Value v = args[i];
        if (i < nconv) {
            v = obj_call1(tuple_obj(converters)->items[i], v);
            if (!v) {
                extend_error(i + 1);
                return 0;
            }
        }
        if (conv_param(v, i + 1, &ca[i]) < 0) {
            extend_error(i + 1);
            return 0;
        }
        atypes[i] = ca[i].ffi;
        avalues[i] = ca[i].ptr;
    }
    ffi_type *rtype = ffi_type_of_restype(restype);
    ffi_cif cif;
    ffi_status st;
    if (nconv && nargs > nconv) {
        st = ffi_prep_cif_var(&cif, FFI_DEFAULT_ABI, (unsigned)nconv, (unsigned)nargs, rtype,
                              atypes);
    } else {
        st = ffi_prep_cif(&cif, FFI_DEFAULT_ABI, (unsigned)nargs, rtype, atypes);
    }
    if (st != FFI_OK) {
        return err_format(&exc_RuntimeError, "ffi_prep_cif failed");
    }
    // A structure libffi lays out larger than ctypes did (_pack_) is read
    // from a copy of the right size, never past the object's memory.
    for (size_t i = 0; i < nargs; i++) {
        if (ca[i].bytes && atypes[i]->size > ca[i].bytes) {
            void *copy = alloca(atypes[i]->size);
            memset(copy, 0, atypes[i]->size);
            memcpy(copy, ca[i].ptr, ca[i].bytes);
            avalues[i] = copy;
        }
    }
    // sized after ffi_prep_cif, which lays the result type out
    size_t rsize = rtype->size < sizeof(ffi_arg) ? sizeof(ffi_arg) : rtype->size;
    CTypeInfo *rinfo = restype && type_check(restype) ? ctypes_type_info(type_ptr(restype)) : NULL;
    if (rinfo && rinfo->size > rsize) {
        rsize = rinfo->size;
    }
    long double *resbuf = alloca(rsize + sizeof(long double));
    memset(resbuf, 0, rsize);
    // Python API functions (PyDLL, PYFUNCTYPE) run with the GIL held.
    VmThread *outer = released_gil;
    call_depth++;
    released_gil = (flags & FUNCFLAG_PYTHONAPI) ? NULL : vm_gil_release();
    if (flags & FUNCFLAG_USE_ERRNO) {
        int tmp = ctypes_errno_value;
        ctypes_errno_value = errno;
        errno = tmp;
    }
    ffi_call(&cif, FFI_FN(proc), resbuf, avalues);
    if (flags & FUNCFLAG_USE_ERRNO) {
        int tmp = ctypes_errno_value;
        ctypes_errno_value = errno;
        errno = tmp;
    }
    vm_gil_acquire(released_gil);
    released_gil = outer;
    call_depth--;
    for (size_t i = 0; i < nargs; i++) {
        gc_keep_alive(ca[i].keep);
    }
    if ((flags & FUNCFLAG_PYTHONAPI) && err_occurred()) {
        return 0;
    }
    return get_result(restype, (char *)resbuf, checker);
}

static Value funcptr_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    CFuncPtrObject *f = fptr(self);
    CTypeInfo *info = ctypes_info_of(self);
    if (!info) {
        return err_format(&exc_TypeError, "abstract class");
    }
    Value restype = f->restype ? f->restype : info->restype;
    Value converters = f->converters ? f->converters : info->converters;
    Value checker = f->restype ? f->checker : info->checker;
    void *proc;
    memcpy(&proc, f->cdata.ptr, sizeof proc);
    if (!proc) {
        return err_format(&exc_ValueError, "NULL pointer access");
    }
    Value argtypes = f->argtypes ? f->argtypes : info->argtypes;
    Value callargs = 0;
    uint32_t outmask = 0, inoutmask = 0;
    int numretvals = 0;
    if (f->paramflags && tuple_obj(f->paramflags)->len && argtypes && tuple_check(argtypes)) {
        callargs = build_callargs(f->paramflags, argtypes, args, nargs, kwnames, &outmask,
                                  &inoutmask, &numretvals);
        if (!callargs) {
            return 0;
        }
        args = tuple_obj(callargs)->items;
        nargs = tuple_obj(callargs)->len;
    }
    if (converters) {
        size_t required = tuple_obj(converters)->len;
        if ((info->funcflags & FUNCFLAG_CDECL) == FUNCFLAG_CDECL) {
            if (required > nargs) {
                return err_format(&exc_TypeError,
                                  "this function takes at least %zu argument%s (%zu given)",
                                  required, required == 1 ? "" : "s", nargs);
            }
        } else if (required != nargs) {
            return err_format(&exc_TypeError, "this function takes %zu argument%s (%zu given)",
                              required, required == 1 ? "" : "s", nargs);
        }
    }
    Value result = call_proc(proc, args, nargs, info->funcflags, converters, restype, checker);
    if (result && f->errcheck) {
        if (!callargs) {
            callargs = tuple_from(args, nargs);
            if (!callargs) {
                return 0;
            }
        }
        Value eargs[3] = {result, self, callargs};
        Value v = obj_call(f->errcheck, eargs, 3, 0);
        if (!v || v != callargs) {
            return v;
        }
    }
    return build_result(result, callargs, outmask, inoutmask, numretvals);
}

Value ctypes_call_function(void *proc, Value argtuple, int flags) {
    return call_proc(proc, tuple_obj(argtuple)->items, tuple_obj(argtuple)->len, flags, 0, 0, 0);
}

static const GetSetDef funcptr_getset[] = {
    {"errcheck", funcptr_get_errcheck, funcptr_set_errcheck,
     "a function to check for errors"},
    {"restype", funcptr_get_restype, funcptr_set_restype,
     "specify the result type"},
    {"argtypes", funcptr_get_argtypes, funcptr_set_argtypes,
     "specify the argument types"},
    {NULL, NULL, NULL, NULL},
};

Type ctypes_funcptr_base = {
    .header = {&ctypes_funcptr_meta},
    .name = "_ctypes.CFuncPtr",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(CFuncPtrObject),
    .base = &ctypes_cdata_base,
    .trace = funcptr_trace,
    .free = funcptr_free,
    .new_ = funcptr_tp_new,
    .init = funcptr_tp_init,
    .repr = funcptr_repr,
    .call = funcptr_call,
    .bool_ = funcptr_bool,
    .getset = funcptr_getset,
};

int ctypes_func_init(void) {
    if (type_ready(&ctypes_funcptr_meta) < 0 || type_ready(&ctypes_funcptr_base) < 0) {
        return -1;
    }
    return 0;
}
