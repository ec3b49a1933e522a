// exceptions_test.c - exception objects: construction of the builtin
// exception classes, repr/str/args, the subclass fields (StopIteration,
// SystemExit, ImportError, OSError and its errno subclasses, SyntaxError,
// UnicodeDecodeError), chaining attributes and their errors, and err_fetch
// building the object of an err_format exception. Every line is compared
// with tests/unit/exceptions/oracle.py run by CPython 3.11.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

// `label: repr(v)`, or `label: ExcType: str(exc)` through err_fetch.
static void show(const char *label, Value v) {
    Value r = v ? obj_repr(v) : 0;
    if (r) {
        printf("%s: %s\n", label, str_obj(r)->data);
        return;
    }
    Value exc = err_fetch();
    if (!exc) {
        printf("%s: <no exception pending>\n", label);
        return;
    }
    Value s = obj_str(exc);
    printf("%s: %s: %s\n", label, type_of(exc)->name, s ? str_obj(s)->data : "<str failed>");
    if (!s) {
        err_clear();
    }
}

static Value S(const char *s) { return str_from_cstr(s); }
static Value I(int64_t i) { return int_from_i64(i); }
static Value B(const char *s) { return bytes_from_cstr(s); }
#define N VAL_NONE

// t(args...)
static Value C(Type *t, int n, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        args[i] = va_arg(ap, Value);
    }
    va_end(ap);
    return obj_call(val_from_ptr(t), args, n, 0);
}

// t(*args, kw=kwv)
static Value CK(Type *t, int n, const char *kw, Value kwv, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, kwv);
    for (int i = 0; i < n; i++) {
        args[i] = va_arg(ap, Value);
    }
    va_end(ap);
    args[n] = kwv;
    Value k = S(kw);
    return obj_call(val_from_ptr(t), args, n, tuple_from(&k, 1));
}

static Value A(Value v, const char *name) { return v ? obj_getattr_cstr(v, name) : 0; }
static Value STR(Value v) { return v ? obj_str(v) : 0; }
static Value T(int n, ...) {
    Value items[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        items[i] = va_arg(ap, Value);
    }
    va_end(ap);
    return tuple_from(items, n);
}

// setattr(v, name, value); then show the attribute `then` (or None).
static Value SET(Value v, const char *name, Value value, const char *then) {
    if (!v || obj_setattr(v, S(name), value) < 0) {
        return 0;
    }
    return then ? A(v, then) : VAL_NONE;
}

// v.name(arg) as Python code runs it (LOAD_METHOD): the type's method called
// with v first, so that errors name the defining class as CPython's do (a
// bound method's name type(v) instead).
static Value M(Value v, const char *name, int n, Value arg) {
    if (!v) {
        return 0;
    }
    Value d = type_lookup(type_of(v), S(name));
    if (!d) {
        Value m = A(v, name);
        return m ? obj_call(m, &arg, n, 0) : 0;
    }
    Value args[2] = {v, arg};
    return obj_call(d, args, n + 1, 0);
}

// repr, str and args of one constructed exception, as three lines.
static void show3(const char *label, Value v) {
    char l[200];
    snprintf(l, sizeof l, "%s repr", label);
    show(l, v);
    if (!v) {
        return;
    }
    snprintf(l, sizeof l, "%s str", label);
    show(l, STR(v));
    snprintf(l, sizeof l, "%s args", label);
    show(l, A(v, "args"));
}

static __attribute__((noinline)) void scenarios(void) {
    // BaseException and plain subclasses
    show3("Exception()", C(&exc_Exception, 0));
    show3("Exception(1, 2)", C(&exc_Exception, 2, I(1), I(2)));
    show3("ValueError('x')", C(&exc_ValueError, 1, S("x")));
    show3("ValueError(1)", C(&exc_ValueError, 1, I(1)));
    show3("ValueError(('a',))", C(&exc_ValueError, 1, T(1, S("a"))));
    show3("KeyError('k')", C(&exc_KeyError, 1, S("k")));
    show3("KeyError()", C(&exc_KeyError, 0));
    show3("KeyError('a', 'b')", C(&exc_KeyError, 2, S("a"), S("b")));
    show3("IndexError(None)", C(&exc_IndexError, 1, N));
    show3("BaseException('')", C(&exc_BaseException, 1, S("")));
    show3("TypeError('it''s')", C(&exc_TypeError, 1, S("it's")));
    show3("ArithmeticError()", C(&exc_ArithmeticError, 0));
    show3("Warning('w', 2)", C(&exc_UserWarning, 2, S("w"), I(2)));
    show("ValueError(x=1)", CK(&exc_ValueError, 0, "x", I(1)));
    show("KeyError(1, x=1)", CK(&exc_KeyError, 1, "x", I(1), I(1)));
    show("type(ValueError())", val_from_ptr(type_of(C(&exc_ValueError, 0))));

    // chaining and attributes
    Value e = C(&exc_ValueError, 1, S("e"));
    Value other = C(&exc_TypeError, 0);
    show("__cause__", A(e, "__cause__"));
    show("__context__", A(e, "__context__"));
    show("__traceback__", A(e, "__traceback__"));
    show("__suppress_context__", A(e, "__suppress_context__"));
    show("set __context__", SET(e, "__context__", other, "__context__"));
    show("suppress after context", A(e, "__suppress_context__"));
    show("set __cause__", SET(e, "__cause__", other, "__cause__"));
    show("suppress after cause", A(e, "__suppress_context__"));
    show("set __cause__ None", SET(e, "__cause__", N, "__cause__"));
    show("suppress after None", A(e, "__suppress_context__"));
    show("set __cause__ 1", SET(e, "__cause__", I(1), "__cause__"));
    show("set __cause__ class", SET(e, "__cause__", val_from_ptr(&exc_TypeError), "__cause__"));
    show("set __context__ 'x'", SET(e, "__context__", S("x"), "__context__"));
    show("del __cause__", SET(e, "__cause__", 0, "__cause__"));
    show("del __context__", SET(e, "__context__", 0, "__context__"));
    show("set __suppress_context__", SET(e, "__suppress_context__", VAL_FALSE, "__suppress_context__"));
    show("set __suppress_context__ 1", SET(e, "__suppress_context__", I(1), "__suppress_context__"));
    show("set __traceback__ None", SET(e, "__traceback__", N, "__traceback__"));
    show("set __traceback__ 1", SET(e, "__traceback__", I(1), "__traceback__"));
    show("del __traceback__", SET(e, "__traceback__", 0, "__traceback__"));
    show("with_traceback(None)", M(e, "with_traceback", 1, N));
    show("with_traceback(5)", M(e, "with_traceback", 1, I(5)));
    show("with_traceback()", M(e, "with_traceback", 0, N));
    show("set args list", SET(e, "args", list_from((Value[]){I(1), I(2)}, 2), "args"));
    show("repr after args", e);
    show("set args str", SET(e, "args", S("ab"), "args"));
    show("set args 5", SET(e, "args", I(5), "args"));
    show("del args", SET(e, "args", 0, "args"));
    show("__notes__ missing", A(e, "__notes__"));
    show("add_note('a')", M(e, "add_note", 1, S("a")));
    show("add_note('b')", M(e, "add_note", 1, S("b")));
    show("__notes__", A(e, "__notes__"));
    show("add_note(1)", M(e, "add_note", 1, I(1)));
    show("add_note()", M(e, "add_note", 0, N));
    show("set __notes__ 3", SET(e, "__notes__", I(3), "__notes__"));
    show("add_note after non-list", M(e, "add_note", 1, S("c")));
    show("e == e", obj_richcompare(e, e, CMP_EQ));
    show("e == copy", obj_richcompare(C(&exc_ValueError, 0), C(&exc_ValueError, 0), CMP_EQ));
    show("hash is identity", val_bool(obj_hash(e) == obj_hash(e)));

    // StopIteration, SystemExit
    show("StopIteration().value", A(C(&exc_StopIteration, 0), "value"));
    show("StopIteration(3).value", A(C(&exc_StopIteration, 1, I(3)), "value"));
    show("StopIteration(3, 4).value", A(C(&exc_StopIteration, 2, I(3), I(4)), "value"));
    show3("StopIteration(3, 4)", C(&exc_StopIteration, 2, I(3), I(4)));
    show("set value", SET(C(&exc_StopIteration, 0), "value", I(9), "value"));
    show("SystemExit().code", A(C(&exc_SystemExit, 0), "code"));
    show("SystemExit(2).code", A(C(&exc_SystemExit, 1, I(2)), "code"));
    show("SystemExit(2, 'x').code", A(C(&exc_SystemExit, 2, I(2), S("x")), "code"));
    show3("SystemExit('bye')", C(&exc_SystemExit, 1, S("bye")));

    // ImportError
    Value ie = CK(&exc_ImportError, 1, "name", S("mod"), S("no module"));
    show3("ImportError('no module', name='mod')", ie);
    show("ie.name", A(ie, "name"));
    show("ie.path", A(ie, "path"));
    show("ie.msg", A(ie, "msg"));
    Value ie2 = CK(&exc_ModuleNotFoundError, 2, "path", S("/p"), S("a"), S("b"));
    show3("ModuleNotFoundError('a', 'b', path='/p')", ie2);
    show("ie2.path", A(ie2, "path"));
    show("ie2.msg", A(ie2, "msg"));
    show("ImportError(x=1)", CK(&exc_ImportError, 0, "x", I(1)));
    show3("ImportError()", C(&exc_ImportError, 0));
    show3("ImportError(5)", C(&exc_ImportError, 1, I(5)));
    show("set ie.msg", SET(ie, "msg", S("changed"), 0));
    show("str after msg", STR(ie));

    // OSError
    Value os1 = C(&exc_OSError, 3, I(2), S("No such file or directory"), S("x"));
    show3("OSError(2, 'No such...', 'x')", os1);
    show("type", val_from_ptr(type_of(os1)));
    show("errno", A(os1, "errno"));
    show("strerror", A(os1, "strerror"));
    show("filename", A(os1, "filename"));
    show("filename2", A(os1, "filename2"));
    Value os2 = C(&exc_OSError, 5, I(13), S("Permission denied"), S("a"), N, S("b"));
    show3("OSError(13, 'Permission denied', 'a', None, 'b')", os2);
    show("type", val_from_ptr(type_of(os2)));
    show("filename2", A(os2, "filename2"));
    show3("OSError(17, 'exists')", C(&exc_OSError, 2, I(17), S("exists")));
    show("type", val_from_ptr(type_of(C(&exc_OSError, 2, I(17), S("exists")))));
    show3("OSError('x')", C(&exc_OSError, 1, S("x")));
    show3("OSError()", C(&exc_OSError, 0));
    show("OSError().errno", A(C(&exc_OSError, 0), "errno"));
    show3("OSError(1, 2, 3, 4, 5, 6)", C(&exc_OSError, 6, I(1), I(2), I(3), I(4), I(5), I(6)));
    show("OSError 6 args errno", A(C(&exc_OSError, 6, I(1), I(2), I(3), I(4), I(5), I(6)), "errno"));
    show3("OSError(2, 'x', None)", C(&exc_OSError, 3, I(2), S("x"), N));
    show3("OSError(9999, 'weird')", C(&exc_OSError, 2, I(9999), S("weird")));
    show3("OSError('2', 'x')", C(&exc_OSError, 2, S("2"), S("x")));
    show3("FileNotFoundError(13, 'x')", C(&exc_FileNotFoundError, 2, I(13), S("x")));
    show3("IOError-ish OSError(2, 'x', 'f', 1)", C(&exc_OSError, 4, I(2), S("x"), S("f"), I(1)));
    static const int codes[] = {1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 108, 110, 111, 114, 115, 22};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        char l[64];
        snprintf(l, sizeof l, "OSError(%d, 's') type", codes[i]);
        Value o = C(&exc_OSError, 2, I(codes[i]), S("s"));
        show(l, o ? val_from_ptr(type_of(o)) : 0);
    }
    show("OSError(x=1)", CK(&exc_OSError, 0, "x", I(1)));
    show("PermissionError(x=1)", CK(&exc_PermissionError, 1, "x", I(1), I(1)));
    show("set errno", SET(os1, "errno", I(5), "errno"));
    show("str after errno", STR(os1));

    // SyntaxError
    Value se = C(&exc_SyntaxError, 2, S("invalid syntax"),
                 T(6, S("/a/b/f.py"), I(3), I(5), S("x = = 1\n"), I(3), I(6)));
    show3("SyntaxError(full)", se);
    static const char *se_fields[] = {"msg", "filename", "lineno", "offset", "text",
                                      "end_lineno", "end_offset", "print_file_and_line"};
    for (size_t i = 0; i < 8; i++) {
        show(se_fields[i], A(se, se_fields[i]));
    }
    show3("SyntaxError('m', ('f', 1, 2, 't'))",
          C(&exc_SyntaxError, 2, S("m"), T(4, S("f"), I(1), I(2), S("t"))));
    show3("SyntaxError('m', (None, 1, 2, 't'))",
          C(&exc_SyntaxError, 2, S("m"), T(4, N, I(1), I(2), S("t"))));
    show3("SyntaxError('m', ('f', None, 2, 't'))",
          C(&exc_SyntaxError, 2, S("m"), T(4, S("f"), N, I(2), S("t"))));
    show3("SyntaxError('m', [None, None, 2, 't'])",
          C(&exc_SyntaxError, 2, S("m"), list_from((Value[]){N, N, I(2), S("t")}, 4)));
    show3("SyntaxError('m')", C(&exc_SyntaxError, 1, S("m")));
    show3("SyntaxError()", C(&exc_SyntaxError, 0));
    show3("SyntaxError(1, 2, 3)", C(&exc_SyntaxError, 3, I(1), I(2), I(3)));
    show("SyntaxError('m')", A(C(&exc_SyntaxError, 1, S("m")), "lineno"));
    show("SyntaxError('m', (1, 2, 3))",
         C(&exc_SyntaxError, 2, S("m"), T(3, I(1), I(2), I(3))));
    show("SyntaxError('m', 5)", C(&exc_SyntaxError, 2, S("m"), I(5)));
    show3("IndentationError('m', ('f', 1, 2, 't'))",
          C(&exc_IndentationError, 2, S("m"), T(4, S("f"), I(1), I(2), S("t"))));
    show("TabError text", A(C(&exc_TabError, 2, S("m"), T(4, S("f"), I(1), I(2), S("t"))),
                           "text"));

    // UnicodeDecodeError
    Value ud = C(&exc_UnicodeDecodeError, 5, S("utf-8"), B("\xff" "ab"), I(0), I(1),
                 S("invalid start byte"));
    show3("UnicodeDecodeError(one byte)", ud);
    static const char *ud_fields[] = {"encoding", "object", "start", "end", "reason"};
    for (size_t i = 0; i < 5; i++) {
        show(ud_fields[i], A(ud, ud_fields[i]));
    }
    show3("UnicodeDecodeError(range)", C(&exc_UnicodeDecodeError, 5, S("ascii"), B("abcd"), I(1),
                                         I(3), S("bad")));
    show("UnicodeDecodeError(1 arg)", C(&exc_UnicodeDecodeError, 1, S("x")));
    show("UnicodeDecodeError(bad encoding)",
         C(&exc_UnicodeDecodeError, 5, I(1), B("a"), I(0), I(1), S("r")));
    show("UnicodeDecodeError(bad object)",
         C(&exc_UnicodeDecodeError, 5, S("e"), I(3), I(0), I(1), S("r")));
    show("UnicodeDecodeError(bad start)",
         C(&exc_UnicodeDecodeError, 5, S("e"), B("a"), S("0"), I(1), S("r")));
    show("UnicodeDecodeError(bad reason)",
         C(&exc_UnicodeDecodeError, 5, S("e"), B("a"), I(0), I(1), I(7)));
    show("UnicodeDecodeError(x=1)", CK(&exc_UnicodeDecodeError, 0, "x", I(1)));
    show3("UnicodeError('u')", C(&exc_UnicodeError, 1, S("u")));

    // err_fetch: the objects of C-raised exceptions
    err_format(&exc_ValueError, "bad value %d", 42);
    Value f = err_fetch();
    show3("fetch ValueError", f);
    show("pending after fetch", val_bool(err_occurred()));
    show("fetch with nothing pending", val_bool(err_fetch() == 0));
    err_format(&exc_StopIteration, "done");
    show("fetch StopIteration value", A(err_fetch(), "value"));
    err_format(&exc_KeyError, "k");
    show3("fetch KeyError", err_fetch());
    err_no_memory();
    show3("fetch MemoryError", err_fetch());
    err_format(&exc_MemoryError, "%s", "");
    show3("fetch MemoryError ''", err_fetch());
    err_set_value(val_from_ptr(&exc_IndexError));
    show3("fetch class IndexError", err_fetch());
    err_set_value(val_from_ptr(&exc_StopIteration));
    show("fetch class StopIteration value", A(err_fetch(), "value"));
    Value mine = C(&exc_TypeError, 1, S("mine"));
    err_set_value(mine);
    show("fetch instance is same", val_bool(err_fetch() == mine));
    err_format(&exc_OSError, "oops");
    show3("fetch OSError", err_fetch());
    err_format(&exc_TypeError, "normalized");
    Value nv = err_normalize();
    show("normalize keeps pending", val_bool(err_occurred() && err_pending_value() == nv));
    show("normalize then fetch same", val_bool(err_fetch() == nv));
}

int main(void) {
    int base;
    const char *error;
    if (runtime_init(&base, "0", &error) < 0) {
        printf("runtime_init: %s\n", error);
        return 1;
    }
    scenarios();
    return 0;
}
