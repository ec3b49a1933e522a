// error.c - the builtin exception types and the pending exception
// (DESIGN.md section 5: a failing C function returns 0 or -1 and leaves its
// exception here).
//
// Raising from C is frequent and often caught again by C (a KeyError inside
// dict.get, StopIteration at the end of a loop, AttributeError inside
// getattr(x, n, default)), so err_format records only the type and the
// formatted message; the exception object is built when Python code needs
// it (err_fetch).
//
// The exception objects follow CPython 3.11's BaseException: `args` is the
// tuple of constructor arguments (BaseException.__new__ takes any, __init__
// rejects keywords), repr/str derive from it, and __cause__/__context__/
// __suppress_context__/__notes__ carry chaining. Subclasses with fields of
// their own (StopIteration, SystemExit, ImportError, OSError, SyntaxError,
// UnicodeDecodeError) extend the layout; OSError(errno, ...) picks the
// subclass for errno the way CPython does (FileNotFoundError for ENOENT...).
// Exception groups (BaseExceptionGroup, ExceptionGroup) live in excgroup.c.
#include <stdarg.h>
#include <stdio.h>
#include <errno.h>
#include <string.h>

#include "exceptions.h"
#include "abstract.h"
#include "complex.h"
#include "dict.h"
#include "excgroup.h"
#include "bytes.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "../vm/import.h"
#include "../vm/vm.h"
#include "../modules/modules.h"

// ---- instance layouts of the subclasses with fields ----------------------------

typedef struct StopIterationObject {
    ExceptionObject base;
    Value value;
} StopIterationObject;

typedef struct SystemExitObject {
    ExceptionObject base;
    Value code;
} SystemExitObject;

typedef struct ImportErrorObject {
    ExceptionObject base;
    Value msg, name, path;
} ImportErrorObject;

// 0 in name/obj: never set (CPython's NULL), which err_attribute_context and
// err_name_context fill in; Python code reads None.
typedef struct AttributeErrorObject {
    ExceptionObject base;
    Value name, obj;
} AttributeErrorObject;

typedef struct NameErrorObject {
    ExceptionObject base;
    Value name;
} NameErrorObject;

typedef struct OSErrorObject {
    ExceptionObject base;
    Value myerrno, strerror, filename, filename2;
    Value written;     // characters_written: an int, or None when unset
} OSErrorObject;

typedef struct SyntaxErrorObject {
    ExceptionObject base;
    Value msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line;
} SyntaxErrorObject;

typedef struct UnicodeErrorObject {
    ExceptionObject base;
    Value encoding, object, start, end, reason;
} UnicodeErrorObject;

#define EXC(v) ((ExceptionObject *)val_ptr(v))
#define NKW(kwnames) ((kwnames) ? tuple_obj(kwnames)->len : 0)

static int exc_check(Value v) {
    return val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_EXC_SUBCLASS);
}

// ---- BaseException ---------------------------------------------------------------

static void exc_trace(Object *o, GcTracer *t) {
    ExceptionObject *e = (ExceptionObject *)o;
    gc_trace_value(t, e->args);
    gc_trace_value(t, e->traceback);
    gc_trace_value(t, e->cause);
    gc_trace_value(t, e->context);
    gc_trace_value(t, e->dict);
}

// Fields of the subclasses: every Value after the base layout.
#define EXC_TRACE_FIELDS_(name, Layout)                                              \
    static void name(Object *o, GcTracer *t) {                                       \
        exc_trace(o, t);                                                             \
        const Value *f = (const Value *)((char *)o + sizeof(ExceptionObject));       \
        gc_trace_values(t, f, (sizeof(Layout) - sizeof(ExceptionObject)) / sizeof(Value)); \
    }
EXC_TRACE_FIELDS_(stopiteration_trace, StopIterationObject)
EXC_TRACE_FIELDS_(systemexit_trace, SystemExitObject)
EXC_TRACE_FIELDS_(importerror_trace, ImportErrorObject)
EXC_TRACE_FIELDS_(attributeerror_trace, AttributeErrorObject)
EXC_TRACE_FIELDS_(nameerror_trace, NameErrorObject)
EXC_TRACE_FIELDS_(oserror_trace, OSErrorObject)
EXC_TRACE_FIELDS_(syntaxerror_trace, SyntaxErrorObject)
EXC_TRACE_FIELDS_(unicodeerror_trace, UnicodeErrorObject)
#undef EXC_TRACE_FIELDS_

// A fresh instance of t with args = the tuple args[0..nargs) and every
// field None.
static Value exc_alloc(Type *t, const Value *args, size_t nargs) {
    ExceptionObject *e = (ExceptionObject *)gc_alloc(t, t->basic_size);
    if (!e) {
        return 0;
    }
    // The fields of the builtin layout start as None; what classes add after
    // it (__slots__ members, instance attributes) starts empty.
    const Type *layout = t;
    while (layout->flags & TYPE_HEAP) {
        layout = layout->base;
    }
    Value *fields = (Value *)((char *)e + sizeof(ExceptionObject));
    size_t nfields = (layout->basic_size - sizeof(ExceptionObject)) / sizeof(Value);
    for (size_t i = 0; i < nfields; i++) {
        fields[i] = VAL_NONE;
    }
    e->args = tuple_from(args, nargs);
    if (!e->args) {
        return 0;
    }
    e->traceback = VAL_NONE;
    e->cause = VAL_NONE;
    e->context = VAL_NONE;
    return val_from_ptr(e);
}

// BaseException.__new__ takes any arguments (keywords are __init__'s business).
static Value exc_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    return exc_alloc((Type *)val_ptr(callable), args, nargs);
}

static Value exc_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (NKW(kwnames)) {
        return err_format(&exc_TypeError, "%s() takes no keyword arguments", obj_type_name(self));
    }
    Value t = tuple_from(args, nargs);
    if (!t) {
        return 0;
    }
    EXC(self)->args = t;
    return VAL_NONE;
}

static Value exc_repr(Value self) {
    TupleObject *a = tuple_obj(EXC(self)->args);
    const char *name = obj_type_name(self);
    const char *dot = strrchr(name, '.');
    if (dot) {
        name = dot + 1;
    }
    if (a->len == 1) {
        return str_format_c("%s(%R)", name, a->items[0]);
    }
    return str_format_c("%s%R", name, EXC(self)->args);
}

static Value exc_str(Value self) {
    TupleObject *a = tuple_obj(EXC(self)->args);
    if (a->len == 0) {
        return str_empty();
    }
    return obj_str(a->len == 1 ? a->items[0] : EXC(self)->args);
}

static Value exc_get_args(Value self) { return EXC(self)->args; }

static int exc_set_args(Value self, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "args may not be deleted");
        return -1;
    }
    Value t = tuple_from_iterable(value);
    if (!t) {
        return -1;
    }
    EXC(self)->args = t;
    return 0;
}

static Value exc_get_traceback(Value self) {
    return EXC(self)->traceback ? EXC(self)->traceback : VAL_NONE;
}

static int exc_set_traceback(Value self, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    extern Type type_traceback;
    if (value != VAL_NONE && type_of(value) != &type_traceback) {
        err_format(&exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    EXC(self)->traceback = value;
    return 0;
}

static Value exc_get_cause(Value self) {
    return EXC(self)->cause ? EXC(self)->cause : VAL_NONE;
}

static int exc_set_cause(Value self, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (value != VAL_NONE && !exc_check(value)) {
        err_format(&exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    EXC(self)->cause = value;
    EXC(self)->suppress_context = 1;
    return 0;
}

static Value exc_get_context(Value self) {
    return EXC(self)->context ? EXC(self)->context : VAL_NONE;
}

static int exc_set_context(Value self, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (value != VAL_NONE && !exc_check(value)) {
        err_format(&exc_TypeError,
                   "exception context must be None or derive from BaseException");
        return -1;
    }
    EXC(self)->context = value;
    return 0;
}

static Value exc_get_suppress_context(Value self) {
    return val_bool(EXC(self)->suppress_context);
}

// CPython's T_BOOL member rules.
static int exc_set_suppress_context(Value self, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (value != VAL_TRUE && value != VAL_FALSE) {
        err_format(&exc_TypeError, "attribute value type must be bool");
        return -1;
    }
    EXC(self)->suppress_context = value == VAL_TRUE;
    return 0;
}

static Value exc_m_with_traceback(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("BaseException.with_traceback", nargs, kwnames, 1, 1) < 0 ||
        exc_set_traceback(self, args[0]) < 0) {
        return 0;
    }
    return self;
}

// __notes__ lives in the instance __dict__ (absent until the first note).
static Value exc_m_add_note(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("BaseException.add_note", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "note must be a str, not '%s'", obj_type_name(args[0]));
    }
    Value name = str_intern_cstr("__notes__");
    Value notes = obj_getattr_opt(self, name);
    if (!notes) {
        if (err_occurred()) {
            return 0;
        }
        notes = list_new(0);
        if (!notes || obj_setattr(self, name, notes) < 0) {
            return 0;
        }
    } else if (!(type_of(notes)->flags & TYPE_LIST_SUBCLASS)) {
        return err_format(&exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    return list_append(notes, args[0]) < 0 ? 0 : VAL_NONE;
}

// (type, args) or (type, args, __dict__) when the instance has attributes.
static Value exc_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("BaseException.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ExceptionObject *e = EXC(self);
    Value type = val_from_ptr(type_of(self));
    Value eargs = e->args ? e->args : tuple_from(NULL, 0);
    if (!eargs) {
        return 0;
    }
    if (e->dict && dict_len(e->dict) > 0) {
        return tuple_from((Value[]){type, eargs, e->dict}, 3);
    }
    return tuple_pack2(type, eargs);
}

static Value exc_m_setstate(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("BaseException.__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value state = args[0];
    if (state == VAL_NONE) {
        return VAL_NONE;
    }
    if (!dict_check(state)) {
        return err_format(&exc_TypeError, "state is not a dictionary");
    }
    Value items = dict_items(state);
    if (!items) {
        return 0;
    }
    for (size_t i = 0; i < list_obj(items)->len; i++) {
        TupleObject *kv = tuple_obj(list_obj(items)->items[i]);
        if (obj_setattr(self, kv->items[0], kv->items[1]) < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

static const MethodDef exc_methods[] = {
    {"with_traceback", exc_m_with_traceback, METH_DEFAULT, NULL},
    {"add_note", exc_m_add_note, METH_DEFAULT, NULL},
    {"__reduce__", exc_m_reduce, METH_DEFAULT, NULL},
    {"__setstate__", exc_m_setstate, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef exc_getset[] = {
    {"__dict__", object_get_dict, object_set_dict, NULL},
    {"args", exc_get_args, exc_set_args, NULL},
    {"__traceback__", exc_get_traceback, exc_set_traceback, NULL},
    {"__cause__", exc_get_cause, exc_set_cause, NULL},
    {"__context__", exc_get_context, exc_set_context, NULL},
    {"__suppress_context__", exc_get_suppress_context, exc_set_suppress_context, NULL},
    {NULL, NULL, NULL, NULL},
};

// ---- KeyError: str is the repr of a single key -------------------------------------

static Value keyerror_str(Value self) {
    TupleObject *a = tuple_obj(EXC(self)->args);
    return a->len == 1 ? obj_repr(a->items[0]) : exc_str(self);
}

// ---- StopIteration, SystemExit ------------------------------------------------------

static Value stopiteration_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (!exc_init(self, args, nargs, kwnames)) {
        return 0;
    }
    ((StopIterationObject *)val_ptr(self))->value = nargs ? args[0] : VAL_NONE;
    return VAL_NONE;
}

static const MemberDef stopiteration_members[] = {
    {"value", MEMBER_VALUE, offsetof(StopIterationObject, value), NULL},
    {NULL, 0, 0, NULL},
};

static Value systemexit_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (!exc_init(self, args, nargs, kwnames)) {
        return 0;
    }
    ((SystemExitObject *)val_ptr(self))->code =
        nargs == 0 ? VAL_NONE : nargs == 1 ? args[0] : EXC(self)->args;
    return VAL_NONE;
}

static const MemberDef systemexit_members[] = {
    {"code", MEMBER_VALUE, offsetof(SystemExitObject, code), NULL},
    {NULL, 0, 0, NULL},
};

// ---- AttributeError (name=, obj=) and NameError (name=) --------------------------------
// The keywords are keyword-only; the traceback uses them for "Did you mean".

static Value keyword_fields(Value self, const Value *args, size_t nargs, Value kwnames,
                            const char *const *names, Value *out, int n) {
    size_t nkw = NKW(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        const char *ks = str_obj(tuple_obj(kwnames)->items[i])->data;
        int k = 0;
        while (k < n && strcmp(ks, names[k]) != 0) {
            k++;
        }
        if (k == n) {
            return err_format(&exc_TypeError, "'%s' is an invalid keyword argument for %s()", ks,
                              obj_type_name(self));
        }
        out[k] = args[nargs + i];
    }
    return exc_init(self, args, nargs, 0);
}

static Value attributeerror_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"name", "obj"};
    Value f[2] = {0, 0};
    if (!keyword_fields(self, args, nargs, kwnames, names, f, 2)) {
        return 0;
    }
    AttributeErrorObject *e = (AttributeErrorObject *)val_ptr(self);
    e->name = f[0];
    e->obj = f[1];
    return VAL_NONE;
}

static Value nameerror_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"name"};
    Value f[1] = {0};
    if (!keyword_fields(self, args, nargs, kwnames, names, f, 1)) {
        return 0;
    }
    ((NameErrorObject *)val_ptr(self))->name = f[0];
    return VAL_NONE;
}

static Value or_none(Value v) {
    return v ? v : VAL_NONE;
}

static Value attributeerror_get_name(Value self) {
    return or_none(((AttributeErrorObject *)val_ptr(self))->name);
}

static int attributeerror_set_name(Value self, Value v) {
    ((AttributeErrorObject *)val_ptr(self))->name = v;
    return 0;
}

static Value attributeerror_get_obj(Value self) {
    return or_none(((AttributeErrorObject *)val_ptr(self))->obj);
}

static int attributeerror_set_obj(Value self, Value v) {
    ((AttributeErrorObject *)val_ptr(self))->obj = v;
    return 0;
}

static Value nameerror_get_name(Value self) {
    return or_none(((NameErrorObject *)val_ptr(self))->name);
}

static int nameerror_set_name(Value self, Value v) {
    ((NameErrorObject *)val_ptr(self))->name = v;
    return 0;
}

static const GetSetDef attributeerror_getset[] = {
    {"name", attributeerror_get_name, attributeerror_set_name, "attribute name"},
    {"obj", attributeerror_get_obj, attributeerror_set_obj, "object"},
    {NULL, NULL, NULL, NULL},
};

static const GetSetDef nameerror_getset[] = {
    {"name", nameerror_get_name, nameerror_set_name, "name"},
    {NULL, NULL, NULL, NULL},
};

// ---- ImportError: keywords name= and path= ---------------------------------------------

static Value importerror_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    ImportErrorObject *e = (ImportErrorObject *)val_ptr(self);
    Value name = VAL_NONE, path = VAL_NONE;
    size_t nkw = NKW(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        Value k = tuple_obj(kwnames)->items[i];
        const char *ks = str_obj(k)->data;
        if (strcmp(ks, "name") == 0) {
            name = args[nargs + i];
        } else if (strcmp(ks, "path") == 0) {
            path = args[nargs + i];
        } else {
            return err_format(&exc_TypeError, "'%s' is an invalid keyword argument for %s()", ks,
                              obj_type_name(self));
        }
    }
    if (!exc_init(self, args, nargs, 0)) {
        return 0;
    }
    e->name = name;
    e->path = path;
    e->msg = nargs == 1 ? args[0] : VAL_NONE;
    return VAL_NONE;
}

static Value importerror_str(Value self) {
    Value msg = ((ImportErrorObject *)val_ptr(self))->msg;
    if (msg && val_is_ptr(msg) && val_ptr(msg)->type == &type_str) {
        return msg;
    }
    return exc_str(self);
}

// (type, args[, state]): the state is __dict__ plus name and path when set,
// so that a pickled or copied ImportError keeps them.
static Value importerror_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("ImportError.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ImportErrorObject *e = (ImportErrorObject *)val_ptr(self);
    Value type = val_from_ptr(type_of(self));
    Value eargs = e->base.args ? e->base.args : tuple_from(NULL, 0);
    if (!eargs) {
        return 0;
    }
    Value state = e->base.dict && dict_len(e->base.dict) > 0 ? e->base.dict : 0;
    if (e->name != VAL_NONE || e->path != VAL_NONE) {
        state = state ? dict_copy(state) : dict_new();
        if (!state || (e->name != VAL_NONE && dict_set_cstr(state, "name", e->name) < 0) ||
            (e->path != VAL_NONE && dict_set_cstr(state, "path", e->path) < 0)) {
            return 0;
        }
    }
    return state ? tuple_from((Value[]){type, eargs, state}, 3) : tuple_pack2(type, eargs);
}

static const MethodDef importerror_methods[] = {
    {"__reduce__", importerror_m_reduce, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef importerror_members[] = {
    {"msg", MEMBER_VALUE, offsetof(ImportErrorObject, msg), NULL},
    {"name", MEMBER_VALUE, offsetof(ImportErrorObject, name), NULL},
    {"path", MEMBER_VALUE, offsetof(ImportErrorObject, path), NULL},
    {NULL, 0, 0, NULL},
};

// ---- OSError -------------------------------------------------------------------------
// OSError(errno, strerror[, filename[, winerror[, filename2]]]): the fields
// are set only for 2 to 5 arguments, and a filename trims args to the first
// two. Like CPython (for builtin types), the work happens in __new__ so that
// OSError(ENOENT, ...) can return a FileNotFoundError; __init__ does nothing.

static Type *oserror_subclass_for(int64_t code) {
    switch (code) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return &exc_BlockingIOError;
    case ECHILD:
        return &exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return &exc_BrokenPipeError;
    case ECONNABORTED:
        return &exc_ConnectionAbortedError;
    case ECONNREFUSED:
        return &exc_ConnectionRefusedError;
    case ECONNRESET:
        return &exc_ConnectionResetError;
    case EEXIST:
        return &exc_FileExistsError;
    case ENOENT:
        return &exc_FileNotFoundError;
    case EISDIR:
        return &exc_IsADirectoryError;
    case ENOTDIR:
        return &exc_NotADirectoryError;
    case EINTR:
        return &exc_InterruptedError;
    case EACCES:
    case EPERM:
        return &exc_PermissionError;
    case ESRCH:
        return &exc_ProcessLookupError;
    case ETIMEDOUT:
        return &exc_TimeoutError;
    default:
        return NULL;
    }
}

// CPython's PyNumber_AsSsize_t(v, ValueError): __index__, and a
// ValueError when it does not fit.
static int oserror_as_written(Value v, int64_t *out) {
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, out) < 0 || *out == INT64_MAX) {
        err_clear();
        err_format(&exc_ValueError, "cannot fit '%s' into an index-sized integer",
                   obj_type_name(v));
        return -1;
    }
    return 0;
}

static Value oserror_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(callable);
    if (NKW(kwnames)) {
        return err_format(&exc_TypeError, "%s() takes no keyword arguments", t->name);
    }
    if (t == &exc_OSError && nargs >= 2 && nargs <= 5 && int_check(args[0])) {
        int64_t code;
        if (int_to_i64(args[0], &code) == 0) {
            Type *sub = oserror_subclass_for(code);
            if (sub) {
                t = sub;
            }
        } else {
            err_clear();  // too big for any errno
        }
    }
    Value self = exc_alloc(t, args, nargs);
    if (!self || nargs < 2 || nargs > 5) {
        return self;
    }
    OSErrorObject *e = (OSErrorObject *)val_ptr(self);
    e->myerrno = args[0];
    e->strerror = args[1];
    Type *a2 = nargs >= 3 ? type_of(args[2]) : NULL;
    if (nargs >= 3 && t == &exc_BlockingIOError && args[2] != VAL_NONE &&
        (a2->index || a2->to_int || a2->to_float || a2 == &type_complex)) {
        // BlockingIOError's third argument: the number of characters written
        int64_t n;
        if (oserror_as_written(args[2], &n) < 0) {
            return 0;
        }
        e->written = int_from_i64(n);
    } else if (nargs >= 3 && args[2] != VAL_NONE) {
        e->filename = args[2];
        if (nargs == 5) {
            e->filename2 = args[4];
        }
        e->base.args = tuple_from(args, 2);
        if (!e->base.args) {
            return 0;
        }
    }
    return self;
}

static Value oserror_get_written(Value self) {
    OSErrorObject *e = (OSErrorObject *)val_ptr(self);
    if (e->written == VAL_NONE) {
        return err_format(&exc_AttributeError, "characters_written");
    }
    return e->written;
}

static int oserror_set_written(Value self, Value value) {
    OSErrorObject *e = (OSErrorObject *)val_ptr(self);
    if (!value) {
        if (e->written == VAL_NONE) {
            err_format(&exc_AttributeError, "characters_written");
            return -1;
        }
        e->written = VAL_NONE;
        return 0;
    }
    int64_t n;
    if (oserror_as_written(value, &n) < 0) {
        return -1;
    }
    e->written = int_from_i64(n);
    return 0;
}

static const GetSetDef oserror_getset[] = {
    {"characters_written", oserror_get_written, oserror_set_written, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value oserror_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    return VAL_NONE;
}

static Value oserror_str(Value self) {
    OSErrorObject *e = (OSErrorObject *)val_ptr(self);
    if (e->filename != VAL_NONE) {
        if (e->filename2 != VAL_NONE) {
            return str_format_c("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror, e->filename,
                                e->filename2);
        }
        return str_format_c("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno != VAL_NONE && e->strerror != VAL_NONE) {
        return str_format_c("[Errno %S] %S", e->myerrno, e->strerror);
    }
    return exc_str(self);
}

// (type, args[, __dict__]), the file names put back into args (which keep
// only errno and strerror when a file name was given).
static Value oserror_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("OSError.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    OSErrorObject *e = (OSErrorObject *)val_ptr(self);
    Value type = val_from_ptr(type_of(self));
    Value eargs = e->base.args ? e->base.args : tuple_from(NULL, 0);
    if (!eargs) {
        return 0;
    }
    if (tuple_obj(eargs)->len == 2 && e->filename != VAL_NONE) {
        TupleObject *a = tuple_obj(eargs);
        eargs = e->filename2 != VAL_NONE
                    ? tuple_from((Value[]){a->items[0], a->items[1], e->filename, VAL_NONE,
                                           e->filename2}, 5)
                    : tuple_from((Value[]){a->items[0], a->items[1], e->filename}, 3);
        if (!eargs) {
            return 0;
        }
    }
    if (e->base.dict && dict_len(e->base.dict) > 0) {
        return tuple_from((Value[]){type, eargs, e->base.dict}, 3);
    }
    return tuple_pack2(type, eargs);
}

static const MethodDef oserror_methods[] = {
    {"__reduce__", oserror_m_reduce, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef oserror_members[] = {
    {"errno", MEMBER_VALUE, offsetof(OSErrorObject, myerrno), NULL},
    {"strerror", MEMBER_VALUE, offsetof(OSErrorObject, strerror), NULL},
    {"filename", MEMBER_VALUE, offsetof(OSErrorObject, filename), NULL},
    {"filename2", MEMBER_VALUE, offsetof(OSErrorObject, filename2), NULL},
    {NULL, 0, 0, NULL},
};

Value err_from_errno(int code, Value filename, Value filename2) {
    Value args[5] = {val_from_smallint(code), str_from_cstr(strerror(code)), filename, VAL_NONE,
                     filename2};
    size_t nargs = filename2 ? 5 : filename ? 3 : 2;
    if (!args[1]) {
        return 0;
    }
    Value exc = obj_call(val_from_ptr(&exc_OSError), args, nargs, 0);
    if (exc) {
        err_set_value(exc);
    }
    return 0;
}

// ---- SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])) ----

static Value syntaxerror_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (!exc_init(self, args, nargs, kwnames)) {
        return 0;
    }
    SyntaxErrorObject *e = (SyntaxErrorObject *)val_ptr(self);
    if (nargs >= 1) {
        e->msg = args[0];
    }
    if (nargs == 2) {
        Value info = tuple_from_iterable(args[1]);
        if (!info) {
            return 0;
        }
        TupleObject *ti = tuple_obj(info);
        if (ti->len < 4) {
            return err_format(&exc_TypeError, "function takes at least 4 arguments (%zu given)",
                              ti->len);
        }
        if (ti->len > 6) {
            return err_format(&exc_TypeError, "function takes at most 6 arguments (%zu given)",
                              ti->len);
        }
        if (ti->len == 5) {
            return err_format(&exc_TypeError,
                              "end_offset must be provided when end_lineno is provided");
        }
        e->filename = ti->items[0];
        e->lineno = ti->items[1];
        e->offset = ti->items[2];
        e->text = ti->items[3];
        e->end_lineno = ti->len > 4 ? ti->items[4] : VAL_NONE;
        e->end_offset = ti->len > 5 ? ti->items[5] : VAL_NONE;
    }
    return VAL_NONE;
}

// "msg (file, line N)" with the file's basename, as far as the fields exist.
static Value syntaxerror_str(Value self) {
    SyntaxErrorObject *e = (SyntaxErrorObject *)val_ptr(self);
    Value filename = 0;
    if (val_is_str(e->filename)) {
        const char *full = str_obj(e->filename)->data;
        const char *slash = strrchr(full, '/');
        filename = slash ? str_from_cstr(slash + 1) : e->filename;
        if (!filename) {
            return 0;
        }
    }
    int64_t lineno = 0;
    int have_lineno = int_check(e->lineno);
    if (have_lineno && int_to_i64(e->lineno, &lineno) < 0) {
        return 0;
    }
    if (filename && have_lineno) {
        return str_format_c("%S (%U, line %lld)", e->msg, filename, (long long)lineno);
    }
    if (filename) {
        return str_format_c("%S (%U)", e->msg, filename);
    }
    if (have_lineno) {
        return str_format_c("%S (line %lld)", e->msg, (long long)lineno);
    }
    return obj_str(e->msg);
}

static const MemberDef syntaxerror_members[] = {
    {"msg", MEMBER_VALUE, offsetof(SyntaxErrorObject, msg), NULL},
    {"filename", MEMBER_VALUE, offsetof(SyntaxErrorObject, filename), NULL},
    {"lineno", MEMBER_VALUE, offsetof(SyntaxErrorObject, lineno), NULL},
    {"offset", MEMBER_VALUE, offsetof(SyntaxErrorObject, offset), NULL},
    {"text", MEMBER_VALUE, offsetof(SyntaxErrorObject, text), NULL},
    {"end_lineno", MEMBER_VALUE, offsetof(SyntaxErrorObject, end_lineno), NULL},
    {"end_offset", MEMBER_VALUE, offsetof(SyntaxErrorObject, end_offset), NULL},
    {"print_file_and_line", MEMBER_VALUE, offsetof(SyntaxErrorObject, print_file_and_line),
     NULL},
    {NULL, 0, 0, NULL},
};


// ---- UnicodeDecodeError(encoding, object, start, end, reason) ----------------------------

static int unicode_arg_str(Value v, int pos) {
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "argument %d must be str, not %s", pos, obj_type_name(v));
        return -1;
    }
    return 0;
}

static Value unicodedecodeerror_init(Value self, const Value *args, size_t nargs,
                                     Value kwnames) {
    if (!exc_init(self, args, nargs, kwnames)) {
        return 0;
    }
    if (nargs != 5) {
        return err_format(&exc_TypeError, "function takes exactly 5 arguments (%zu given)", nargs);
    }
    UnicodeErrorObject *e = (UnicodeErrorObject *)val_ptr(self);
    if (unicode_arg_str(args[0], 1) < 0) {
        return 0;
    }
    Value start = obj_index(args[2]);
    Value end = start ? obj_index(args[3]) : 0;
    if (!end || unicode_arg_str(args[4], 5) < 0) {
        return 0;
    }
    if (!val_is_bytes(args[1])) {
        return err_format(&exc_TypeError, "a bytes-like object is required, not '%s'",
                          obj_type_name(args[1]));
    }
    e->encoding = args[0];
    e->object = bytes_from(bytes_data(args[1]), bytes_len(args[1]));
    e->start = start;
    e->end = end;
    e->reason = args[4];
    return e->object ? VAL_NONE : 0;
}

static Value unicodedecodeerror_str(Value self) {
    UnicodeErrorObject *e = (UnicodeErrorObject *)val_ptr(self);
    if (!val_is_bytes(e->object)) {
        return str_empty();  // never initialized (CPython: the same)
    }
    int64_t start, end;
    if (obj_as_int64(e->start, &start) < 0 || obj_as_int64(e->end, &end) < 0) {
        return 0;
    }
    if (start >= 0 && start < (int64_t)bytes_len(e->object) && end == start + 1) {
        return str_format_c("'%S' codec can't decode byte 0x%02x in position %lld: %S",
                            e->encoding, (unsigned char)bytes_data(e->object)[start],
                            (long long)start, e->reason);
    }
    return str_format_c("'%S' codec can't decode bytes in position %lld-%lld: %S", e->encoding,
                        (long long)start, (long long)(end - 1), e->reason);
}

// ---- UnicodeEncodeError(encoding, object, start, end, reason) ----------------------------

static Value unicodeencodeerror_init(Value self, const Value *args, size_t nargs,
                                     Value kwnames) {
    if (!exc_init(self, args, nargs, kwnames)) {
        return 0;
    }
    if (nargs != 5) {
        return err_format(&exc_TypeError, "function takes exactly 5 arguments (%zu given)", nargs);
    }
    UnicodeErrorObject *e = (UnicodeErrorObject *)val_ptr(self);
    if (unicode_arg_str(args[0], 1) < 0 || unicode_arg_str(args[1], 2) < 0) {
        return 0;
    }
    Value start = obj_index(args[2]);
    Value end = start ? obj_index(args[3]) : 0;
    if (!end || unicode_arg_str(args[4], 5) < 0) {
        return 0;
    }
    e->encoding = args[0];
    e->object = args[1];
    e->start = start;
    e->end = end;
    e->reason = args[4];
    return VAL_NONE;
}

static Value unicodeencodeerror_str(Value self) {
    UnicodeErrorObject *e = (UnicodeErrorObject *)val_ptr(self);
    if (!e->object || !val_is_str(e->object)) {
        return str_empty();  // never initialized (CPython: the same)
    }
    int64_t start, end;
    if (obj_as_int64(e->start, &start) < 0 || obj_as_int64(e->end, &end) < 0) {
        return 0;
    }
    if (start >= 0 && start < (int64_t)str_len(e->object) && end == start + 1) {
        uint32_t c = str_getitem_cp(e->object, (size_t)start);
        const char *fmt =
            c <= 0xff     ? "'%S' codec can't encode character '\\x%02x' in position %lld: %S"
            : c <= 0xffff ? "'%S' codec can't encode character '\\u%04x' in position %lld: %S"
                          : "'%S' codec can't encode character '\\U%08x' in position %lld: %S";
        return str_format_c(fmt, e->encoding, c, (long long)start, e->reason);
    }
    return str_format_c("'%S' codec can't encode characters in position %lld-%lld: %S",
                        e->encoding, (long long)start, (long long)(end - 1), e->reason);
}

// ---- UnicodeTranslateError(object, start, end, reason) -----------------------------------

static Value unicodetranslateerror_init(Value self, const Value *args, size_t nargs,
                                        Value kwnames) {
    if (!exc_init(self, args, nargs, kwnames)) {
        return 0;
    }
    if (nargs != 4) {
        return err_format(&exc_TypeError, "function takes exactly 4 arguments (%zu given)", nargs);
    }
    UnicodeErrorObject *e = (UnicodeErrorObject *)val_ptr(self);
    if (unicode_arg_str(args[0], 1) < 0) {
        return 0;
    }
    Value start = obj_index(args[1]);
    Value end = start ? obj_index(args[2]) : 0;
    if (!end || unicode_arg_str(args[3], 4) < 0) {
        return 0;
    }
    e->encoding = VAL_NONE;
    e->object = args[0];
    e->start = start;
    e->end = end;
    e->reason = args[3];
    return VAL_NONE;
}

static Value unicodetranslateerror_str(Value self) {
    UnicodeErrorObject *e = (UnicodeErrorObject *)val_ptr(self);
    if (!e->object || !val_is_str(e->object)) {
        return str_empty();  // never initialized (CPython: the same)
    }
    int64_t start, end;
    if (obj_as_int64(e->start, &start) < 0 || obj_as_int64(e->end, &end) < 0) {
        return 0;
    }
    if (start >= 0 && start < (int64_t)str_len(e->object) && end == start + 1) {
        uint32_t c = str_getitem_cp(e->object, (size_t)start);
        const char *fmt =
            c <= 0xff     ? "can't translate character '\\x%02x' in position %lld: %S"
            : c <= 0xffff ? "can't translate character '\\u%04x' in position %lld: %S"
                          : "can't translate character '\\U%08x' in position %lld: %S";
        return str_format_c(fmt, c, (long long)start, e->reason);
    }
    return str_format_c("can't translate characters in position %lld-%lld: %S",
                        (long long)start, (long long)(end - 1), e->reason);
}

static const MemberDef unicodeerror_members[] = {
    {"encoding", MEMBER_VALUE, offsetof(UnicodeErrorObject, encoding), NULL},
    {"object", MEMBER_VALUE, offsetof(UnicodeErrorObject, object), NULL},
    {"start", MEMBER_VALUE, offsetof(UnicodeErrorObject, start), NULL},
    {"end", MEMBER_VALUE, offsetof(UnicodeErrorObject, end), NULL},
    {"reason", MEMBER_VALUE, offsetof(UnicodeErrorObject, reason), NULL},
    {NULL, 0, 0, NULL},
};

// ---- the type objects ------------------------------------------------------------------
// Most exception types only name their base and inherit everything. The few
// with slots of their own define EXC_SLOTS_<Name> as `~, (initializers)`;
// EXC_EXTRA_ picks those initializers when the macro exists and nothing
// otherwise (the preprocessor probe: an undefined EXC_SLOTS_<Name> is a
// single argument, a defined one brings its own second argument).
#define EXC_SLOTS_BaseException                                                        \
    ~, (.basic_size = sizeof(ExceptionObject), .trace = exc_trace, .new_ = exc_new,    \
        .init = exc_init, .repr = exc_repr, .str = exc_str, .methods = exc_methods,    \
        .getset = exc_getset, .dict_offset = offsetof(ExceptionObject, dict))
#define EXC_SLOTS_BaseExceptionGroup                                                   \
    ~, (.basic_size = sizeof(ExceptionGroupObject), .trace = excgroup_trace,           \
        .new_ = excgroup_new, .str = excgroup_str, .methods = excgroup_methods,         \
        .members = excgroup_members)
#define EXC_SLOTS_KeyError ~, (.str = keyerror_str)
#define EXC_SLOTS_AttributeError                                                        \
    ~, (.basic_size = sizeof(AttributeErrorObject), .trace = attributeerror_trace,      \
        .init = attributeerror_init, .getset = attributeerror_getset)
#define EXC_SLOTS_NameError                                                             \
    ~, (.basic_size = sizeof(NameErrorObject), .trace = nameerror_trace,                \
        .init = nameerror_init, .getset = nameerror_getset)
#define EXC_SLOTS_StopIteration                                                         \
    ~, (.basic_size = sizeof(StopIterationObject), .trace = stopiteration_trace,        \
        .init = stopiteration_init, .members = stopiteration_members)
#define EXC_SLOTS_SystemExit                                                            \
    ~, (.basic_size = sizeof(SystemExitObject), .trace = systemexit_trace,              \
        .init = systemexit_init, .members = systemexit_members)
#define EXC_SLOTS_ImportError                                                           \
    ~, (.basic_size = sizeof(ImportErrorObject), .trace = importerror_trace,            \
        .init = importerror_init, .str = importerror_str, .methods = importerror_methods, \
        .members = importerror_members)
#define EXC_SLOTS_OSError                                                               \
    ~, (.basic_size = sizeof(OSErrorObject), .trace = oserror_trace, .new_ = oserror_new, \
        .init = oserror_init, .str = oserror_str, .methods = oserror_methods,          \
        .members = oserror_members, .getset = oserror_getset)
#define EXC_SLOTS_SyntaxError                                                           \
    ~, (.basic_size = sizeof(SyntaxErrorObject), .trace = syntaxerror_trace,            \
        .init = syntaxerror_init, .str = syntaxerror_str, .members = syntaxerror_members)
#define EXC_SLOTS_UnicodeDecodeError                                                    \
    ~, (.basic_size = sizeof(UnicodeErrorObject), .trace = unicodeerror_trace,          \
        .init = unicodedecodeerror_init, .str = unicodedecodeerror_str,                  \
        .members = unicodeerror_members)
#define EXC_SLOTS_UnicodeEncodeError                                                    \
    ~, (.basic_size = sizeof(UnicodeErrorObject), .trace = unicodeerror_trace,          \
        .init = unicodeencodeerror_init, .str = unicodeencodeerror_str,                  \
        .members = unicodeerror_members)
#define EXC_SLOTS_UnicodeTranslateError                                                 \
    ~, (.basic_size = sizeof(UnicodeErrorObject), .trace = unicodeerror_trace,          \
        .init = unicodetranslateerror_init, .str = unicodetranslateerror_str,            \
        .members = unicodeerror_members)
#define EXC_SECOND_(a, b, ...) b
#define EXC_PICK_(...) EXC_SECOND_(__VA_ARGS__, ())
#define EXC_UNWRAP_(...) __VA_ARGS__
#define EXC_APPLY_(f, x) f x
#define EXC_EXTRA_(nm) EXC_APPLY_(EXC_UNWRAP_, EXC_PICK_(EXC_SLOTS_##nm, ()))

#define EXC_FLAGS (TYPE_BASETYPE | TYPE_EXC_SUBCLASS)
#define EXC_BASE_object &type_object
#define EXC_DEFINE_(nm, bs)                     \
    Type exc_##nm = {                           \
        .header = {&type_type},                 \
        .name = #nm,                            \
        .flags = EXC_FLAGS,                     \
        .base = EXC_BASE_##bs,                  \
        EXC_EXTRA_(nm)                          \
    };

#define EXC_BASE_BaseException &exc_BaseException
#define EXC_BASE_BaseExceptionGroup &exc_BaseExceptionGroup
#define EXC_BASE_Exception &exc_Exception
#define EXC_BASE_ArithmeticError &exc_ArithmeticError
#define EXC_BASE_ImportError &exc_ImportError
#define EXC_BASE_LookupError &exc_LookupError
#define EXC_BASE_NameError &exc_NameError
#define EXC_BASE_OSError &exc_OSError
#define EXC_BASE_ConnectionError &exc_ConnectionError
#define EXC_BASE_RuntimeError &exc_RuntimeError
#define EXC_BASE_SyntaxError &exc_SyntaxError
#define EXC_BASE_IndentationError &exc_IndentationError
#define EXC_BASE_ValueError &exc_ValueError
#define EXC_BASE_UnicodeError &exc_UnicodeError
#define EXC_BASE_Warning &exc_Warning
EXCEPTION_TYPES(EXC_DEFINE_)
#undef EXC_DEFINE_

// ---- the pending exception ---------------------------------------------------
// It belongs to the running thread: it lives in the thread state
// (vm/vm.h's ErrState), which the GIL hand-over swaps.

#define pending (vm_thread.err)

// pending.value is a GC root; registered on first use (after gc_init).
static void pending_root(void) {
    static int rooted;
    if (!rooted) {
        rooted = 1;
        gc_add_root(&pending.value);
        gc_add_root(&pending.ctx_name);
        gc_add_root(&pending.ctx_obj);
    }
}

Value err_format(Type *exc_type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pending.msg, sizeof pending.msg, fmt, ap);
    va_end(ap);
    pending.type = exc_type;
    pending.value = 0;
    pending.has_msg = 1;
    pending.ctx_name = pending.ctx_obj = 0;
    return 0;
}

Value err_set_value(Value exc) {
    Type *t = val_ptr(exc)->type;  // exceptions are never immediates
    pending_root();
    if (type_is_subtype(t, &type_type)) {
        pending.type = (Type *)val_ptr(exc);  // a class: instantiated when fetched
        pending.value = 0;
    } else {
        pending.type = t;
        pending.value = exc;
    }
    pending.has_msg = 0;
    pending.msg[0] = 0;
    pending.ctx_name = pending.ctx_obj = 0;
    return 0;
}

Value err_no_memory(void) {
    pending.type = &exc_MemoryError;
    pending.value = 0;
    pending.has_msg = 0;
    pending.msg[0] = 0;
    pending.ctx_name = pending.ctx_obj = 0;
    return 0;
}

int err_occurred(void) {
    return pending.type != NULL;
}

int err_matches(Type *type) {
    return pending.type && type_is_subtype(pending.type, type);
}

void err_clear(void) {
    pending.type = NULL;
    pending.value = 0;
    pending.has_msg = 0;
    pending.msg[0] = 0;
    pending.ctx_name = pending.ctx_obj = 0;
}

// Fill in an AttributeError's / NameError's name and obj, if never set.
static void apply_context(Value exc, Value name, Value obj) {
    Type *t = type_of(exc);
    if (type_is_subtype(t, &exc_AttributeError)) {
        AttributeErrorObject *e = (AttributeErrorObject *)val_ptr(exc);
        if (!e->name && !e->obj) {
            e->name = name;
            e->obj = obj;
        }
    } else if (type_is_subtype(t, &exc_NameError)) {
        NameErrorObject *e = (NameErrorObject *)val_ptr(exc);
        if (!e->name) {
            e->name = name;
        }
    }
}

static void set_context(Type *kind, Value name, Value obj) {
    if (!pending.type || !type_is_subtype(pending.type, kind)) {
        return;
    }
    if (pending.value) {
        apply_context(pending.value, name, obj);
    } else if (!pending.ctx_name) {
        pending_root();
        pending.ctx_name = name;
        pending.ctx_obj = obj;
    }
}

void err_attribute_context(Value obj, Value name) {
    set_context(&exc_AttributeError, name, obj);
}

void err_name_context(Value name) {
    set_context(&exc_NameError, name, 0);
}

Value err_pending_value(void) {
    return pending.value;
}

Type *err_pending_type(const char **msg) {
    if (msg) {
        *msg = pending.msg;
    }
    return pending.type;
}

void err_retarget_method(const char *name, const char *owner) {
    if (pending.type != &exc_TypeError || pending.value || !pending.has_msg) {
        return;
    }
    // "<qualname>.<name>() ...": the qualname has no space or parenthesis
    size_t nlen = strlen(name);
    const char *dot = NULL;
    for (const char *c = pending.msg; *c && *c != ' ' && *c != '('; c++) {
        if (*c == '.' && strncmp(c + 1, name, nlen) == 0 && c[1 + nlen] == '(') {
            dot = c;
        }
    }
    if (!dot) {
        return;
    }
    char msg[sizeof pending.msg];
    snprintf(msg, sizeof msg, "%s%s", owner, dot);
    memcpy(pending.msg, msg, sizeof msg);
}

// Build the exception object of the pending (type, message): type(msg), or
// type() for a class set by err_set_value and for MemoryError without a
// message. If building fails, the failure is the pending exception instead
// (its own object is built the same way; a MemoryError without message
// needs no allocation beyond the instance).
Value err_normalize(void) {
    for (int attempt = 0; pending.type && !pending.value; attempt++) {
        Type *t = pending.type;
        char msg[sizeof pending.msg];
        int with_msg = pending.has_msg && !(t == &exc_MemoryError && !pending.msg[0]);
        memcpy(msg, pending.msg, sizeof msg);
        Value ctx_name = pending.ctx_name, ctx_obj = pending.ctx_obj;
        err_clear();
        Value exc = 0;
        Value arg = with_msg ? str_from_cstr(msg) : VAL_NONE;
        if (arg) {
            exc = obj_call(val_from_ptr(t), &arg, with_msg ? 1 : 0, 0);
        }
        if (exc && !exc_check(exc)) {
            err_format(&exc_TypeError,
                       "calling %s should have returned an instance of BaseException, not %s",
                       obj_type_name(val_from_ptr(t)), obj_type_name(exc));
            exc = 0;
        }
        if (exc) {
            pending_root();
            pending.type = type_of(exc);
            pending.value = exc;
            if (ctx_name) {
                apply_context(exc, ctx_name, ctx_obj);
            }
        } else if (attempt > 3 || !pending.type) {
            err_no_memory();  // give up on building objects
            return 0;
        }
    }
    return pending.value;
}

Value err_fetch(void) {
    if (!pending.type) {
        return 0;
    }
    Value exc = err_normalize();
    err_clear();
    return exc;
}

// ---- unraisable exceptions ----------------------------------------------------------

void (*err_print_exception_hook)(Value exc);

void (*err_unraisable_hook)(Value exc, Value obj);

void err_write_unraisable(Value obj) {
    Value exc = err_fetch();
    if (!exc) {
        return;
    }
    if (err_unraisable_hook) {
        err_unraisable_hook(exc, obj);
        err_clear();
        return;
    }
    if (obj && obj != VAL_NONE) {
        fputs("Exception ignored in: ", stderr);
        Value r = obj_repr(obj);
        if (r && val_is_str(r)) {
            fwrite(str_obj(r)->data, 1, str_obj(r)->nbytes, stderr);
        } else {
            err_clear();
            fputs("<object repr() failed>", stderr);
        }
        fputc('\n', stderr);
    }
    if (err_print_exception_hook) {
        err_print_exception_hook(exc);
    } else {
        fputs(type_of(exc)->name, stderr);
        Value s = obj_str(exc);
        if (!s || !val_is_str(s)) {
            err_clear();
            fputs(": <exception str() failed>", stderr);
        } else if (str_obj(s)->nbytes) {
            fputs(": ", stderr);
            fwrite(str_obj(s)->data, 1, str_obj(s)->nbytes, stderr);
        }
        fputc('\n', stderr);
    }
    fflush(stderr);
    err_clear();
}

// Without a sys module (a test driver of the runtime alone) there is no
// warnings machinery: the warning is printed as CPython's default shows it.
static int warn_without_sys(Type *category, const char *msg, const char *filename, int lineno) {
    fprintf(stderr, "%s:%d: %s: %s\n", filename, lineno, category->name, msg);
    return 0;
}

// warnings.<name>(*args): 0, or -1 with the exception.
static int call_warnings(const char *name, const Value *args, size_t nargs) {
    Value mod = import_module_level(str_intern_cstr("warnings"), 0, 0, 0);
    Value f = mod ? obj_getattr_cstr(mod, name) : 0;
    return f && obj_call(f, args, nargs, 0) ? 0 : -1;
}

int err_warn_explicit(Type *category, Value message, Value filename, int lineno) {
    if (!sys_get_object("modules")) {
        return warn_without_sys(category, val_is_str(message) ? str_obj(message)->data : "?",
                                val_is_str(filename) ? str_obj(filename)->data : "?", lineno);
    }
    Value args[4] = {message, val_from_ptr(category), filename, val_from_smallint(lineno)};
    return call_warnings("warn_explicit", args, 4);
}

int err_warn(Type *category, int stacklevel, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (!sys_get_object("modules")) {
        return warn_without_sys(category, buf, "sys", 1);
    }
    Value msg = str_from_cstr(buf);
    if (!msg) {
        return -1;
    }
    Value args[3] = {msg, val_from_ptr(category), val_from_smallint(stacklevel)};
    return call_warnings("warn", args, 3);
}
