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
// STATUS: the exception types exist with their hierarchy. Building exception
// objects (err_fetch) needs the str and tuple types and lands with them;
// until then it is not defined, so that any use fails at link time instead
// of silently misbehaving.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "exceptions.h"
#include "type.h"

#define EXC_FLAGS (TYPE_BASETYPE | TYPE_EXC_SUBCLASS)
#define EXC_BASE_object &type_object
#define EXC_DEFINE_(nm, bs)                     \
    Type exc_##nm = {                           \
        .header = {&type_type},                 \
        .name = #nm,                            \
        .flags = EXC_FLAGS,                     \
        .basic_size = sizeof(ExceptionObject),  \
        .base = EXC_BASE_##bs,                  \
    };
// Each base is "&exc_<Base>", except BaseException's, which is object.
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
// One thread for now; this moves into the thread state with _thread.

static struct {
    Type *type;         // NULL: nothing pending
    Value value;        // the exception object, once built (or set by Python code)
    char msg[512];      // err_format's message, while `value` is 0
} pending;

Value err_format(Type *exc_type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pending.msg, sizeof pending.msg, fmt, ap);
    va_end(ap);
    pending.type = exc_type;
    pending.value = 0;
    return 0;
}

Value err_set_value(Value exc) {
    Type *t = val_ptr(exc)->type;  // exceptions are never immediates
    if (type_is_subtype(t, &type_type)) {
        pending.type = (Type *)val_ptr(exc);  // a class: instantiated when fetched
        pending.value = 0;
    } else {
        pending.type = t;
        pending.value = exc;
    }
    pending.msg[0] = 0;
    return 0;
}

Value err_no_memory(void) {
    pending.type = &exc_MemoryError;
    pending.value = 0;
    pending.msg[0] = 0;
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
    pending.msg[0] = 0;
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
