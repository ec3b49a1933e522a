// excprint_test.c - the report of an uncaught exception (src/vm/excprint.c)
// for exceptions built without tracebacks: chains, notes, exception groups
// in their boxes (depth and width limits), SyntaxError locations. Every
// line is compared with tests/unit/excprint/oracle.py, which prints the
// same exceptions through CPython 3.11's default sys.excepthook.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/excprint.h"

static void show(const char *title, Value exc) {
    printf("### %s\n", title);
    if (!exc) {
        printf("<construction failed>\n");
        err_clear();
        return;
    }
    StrBuf out;
    sb_init(&out);
    exc_print(&out, exc, NULL);
    fwrite(out.data ? out.data : "", 1, out.len, stdout);
    sb_free(&out);
}

static Value S(const char *s) { return str_from_cstr(s); }
static Value I(int64_t i) { return int_from_i64(i); }
#define N VAL_NONE

static Value vec(int tuple, int n, va_list ap) {
    Value items[20];
    for (int i = 0; i < n; i++) {
        items[i] = va_arg(ap, Value);
    }
    return tuple ? tuple_from(items, n) : list_from(items, n);
}

static Value T(int n, ...) {
    va_list ap;
    va_start(ap, n);
    Value v = vec(1, n, ap);
    va_end(ap);
    return v;
}

static Value L(int n, ...) {
    va_list ap;
    va_start(ap, n);
    Value v = vec(0, n, ap);
    va_end(ap);
    return v;
}

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

static Value V(Value a) { return C(&exc_ValueError, 1, a); }
static Value TE(Value a) { return C(&exc_TypeError, 1, a); }
static Value K(Value a) { return C(&exc_KeyError, 1, a); }
static Value EG(const char *msg, Value excs) { return C(&exc_ExceptionGroup, 2, S(msg), excs); }

static Value set(Value e, const char *name, Value v) {
    if (e && obj_setattr(e, S(name), v) < 0) {
        return 0;
    }
    return e;
}
static Value with_context(Value e, Value ctx) { return set(e, "__context__", ctx); }
static Value with_cause(Value e, Value cause) { return set(e, "__cause__", cause); }
static Value with_notes(Value e, Value notes) { return set(e, "__notes__", notes); }
static Value note(Value e, const char *text) {
    return e && obj_call_method(e, "add_note", (Value[]){S(text)}, 1) ? e : 0;
}

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
static Value SE(Type *t, Value msg, Value details) { return C(t, 2, msg, details); }

static __attribute__((noinline)) void plain(void) {
    show("plain", V(S("x")));
    show("empty message", C(&exc_ValueError, 0));
    show("empty str", V(S("")));
    show("two args", C(&exc_ValueError, 2, I(1), I(2)));
    show("KeyError", K(S("k")));
    show("OSError", C(&exc_OSError, 3, I(2), S("No such file"), S("f.txt")));
    show("multi-line message", V(S("line1\nline2")));
    show("cause", with_cause(TE(S("t")), V(S("v"))));
    show("context", with_context(TE(S("t")), V(S("v"))));
    show("suppressed context",
         set(with_context(TE(S("t")), V(S("v"))), "__suppress_context__", VAL_TRUE));
    show("cause and context", with_context(with_cause(TE(S("t")), K(S("c"))), V(S("ctx"))));
    Value a = V(S("a")), b = TE(S("b"));
    with_context(a, b);
    with_context(b, a);
    show("context cycle", a);
    show("chain of three", with_context(with_context(TE(I(3)), K(I(2))), V(I(1))));
    show("notes", with_notes(V(S("x")), L(5, S("one"), S("two\nlines"), S("trailing\n"), S(""),
                                           I(42))));
    show("notes not a sequence", with_notes(V(S("x")), I(5)));
    show("notes str", with_notes(V(S("x")), S("ab")));
    show("notes tuple", with_notes(V(S("x")), T(1, S("t"))));
}

static __attribute__((noinline)) void groups(void) {
    show("flat", EG("m", L(2, V(I(1)), TE(I(2)))));
    show("nested last", EG("m", L(2, V(I(1)), EG("in", L(2, K(I(2)), EG("in2", L(1, TE(I(3)))))))));
    show("nested first", EG("m", L(2, EG("in", L(1, K(I(2)))), V(I(1)))));
    show("group with group context",
         with_context(EG("outer", L(1, TE(I(1)))), EG("ctx group", L(1, V(S("c"))))));
    Value t = with_context(TE(S("t")), EG("inner ctx", L(2, K(I(1)), V(I(2)))));
    show("member with group context (last)", EG("m", L(1, t)));
    t = with_context(TE(S("t")), EG("inner ctx", L(2, K(I(1)), V(I(2)))));
    show("member with group context (first)", EG("m", L(2, t, V(I(9)))));
    Value x = with_cause(V(S("x")), K(S("cause")));
    show("member with cause, twice", EG("m", L(2, x, x)));
    show("group as a cause", with_cause(V(S("x")), EG("why", L(2, K(I(1)), TE(I(2))))));
    char name[16];
    Value deep = V(S("leaf"));
    for (int i = 0; i < 12; i++) {
        snprintf(name, sizeof name, "d%d", i);
        deep = EG(name, L(1, deep));
    }
    show("deep", deep);
    deep = V(S("leaf"));
    for (int i = 0; i < 10; i++) {
        snprintf(name, sizeof name, "d%d", i);
        deep = EG(name, L(2, deep, K(I(i))));
    }
    show("deep with siblings", deep);
    for (int n = 17; n >= 15; n--) {
        Value l = list_new(0);
        for (int i = 0; i < n; i++) {
            list_append(l, V(I(i)));
        }
        show(n == 17 ? "wide" : n == 16 ? "wide16" : "wide15", EG("w", l));
    }
    Value g = EG("notes", L(2, with_notes(V(I(1)), S("strnote")), K(I(2))));
    note(g, "a\nb\n");
    note(g, "c");
    show("group notes", g);
    show("group notes not a sequence", EG("m", L(2, with_notes(V(I(1)), I(5)), K(I(2)))));
    show("base", C(&exc_BaseExceptionGroup, 2, S("b"),
                   L(2, C(&exc_KeyboardInterrupt, 0), C(&exc_SystemExit, 1, I(2)))));
    show("empty str members", EG("", L(2, V(S("")), C(&exc_ValueError, 0))));
    show("multi-line group message", EG("multi\nline", L(1, V(S("a\nb")))));
    show("line breaks in notes",
         EG("m", L(1, with_notes(V(I(1)), L(1, S("a\rb\r\nc\x0b" "d\x0c" "e\x1c" "f\xc2\x85g"
                                                 "\xe2\x80\xa8h\xe2\x80\xa9i"))))));
    show("unicode", EG("h\xc3\xa9llo \xe2\x9c\x93", L(1, V(S("\xc3\xbcn\xc3\xaf")))));
}

static __attribute__((noinline)) void syntax_errors(void) {
    Type *se = &exc_SyntaxError;
    show("syntax", SE(se, S("bad"), T(6, S("f.py"), I(3), I(2), S("x = (\n"), I(3), I(4))));
    show("syntax no end", SE(se, S("bad"), T(4, S("f.py"), I(3), I(5), S("x = (\n"))));
    show("syntax offset None", SE(se, S("bad"), T(4, S("f.py"), I(3), N, S("x = (\n"))));
    show("syntax text None", SE(se, S("bad"), T(4, S("f.py"), I(3), I(2), N)));
    show("syntax filename None", SE(se, S("bad"), T(4, N, I(3), I(2), S("abc"))));
    show("syntax leading spaces",
         SE(se, S("bad"), T(6, S("f.py"), I(1), I(7), S("    foo bar\n"), I(1), I(10))));
    show("syntax offset past end",
         SE(se, S("bad"), T(6, S("f.py"), I(1), I(40), S("short\n"), I(1), I(50))));
    Value multi = S("a = 1\nb = (2\nc\n");
    show("syntax multi-line text",
         SE(se, S("bad"), T(6, S("f.py"), I(1), I(8), multi, I(1), I(9))));
    show("syntax multi-line span",
         SE(se, S("bad"), T(6, S("f.py"), I(2), I(3), S("x = (1,\n"), I(4), I(2))));
    show("syntax caret before text",
         SE(se, S("bad"), T(6, S("f.py"), I(1), I(1), S("   x\n"), I(1), I(2))));
    show("syntax msg None", SE(se, N, T(6, S("f.py"), I(1), I(1), S("x\n"), I(1), I(2))));
    show("syntax bare", C(se, 1, S("bare")));
    show("syntax no args", C(se, 0));
    show("syntax lineno None", SE(se, S("bad"), T(4, S("f.py"), N, I(1), S("x\n"))));
    show("indentation", SE(&exc_IndentationError, S("unexpected indent"),
                           T(6, S("f.py"), I(2), I(4), S("   y = 2\n"), I(2), I(9))));
    show("syntax non-ascii",
         SE(se, S("bad"), T(6, S("f.py"), I(1), I(5), S("\xc3\xa9 = (1\n"), I(1), I(7))));
    show("syntax in group",
         EG("m", L(2, SE(se, S("bad"), T(6, S("f.py"), I(3), I(2), S("x = (\n"), I(3), I(4))),
                   V(I(1)))));
    show("syntax in group, multi-line text",
         EG("m", L(1, SE(se, S("bad"), T(6, S("f.py"), I(1), I(8), multi, I(1), I(9))))));
    show("not an exception", I(42));
}

int main(void) {
    int stack_base;
    const char *error;
    if (runtime_init(&stack_base, "0", &error) < 0) {
        fprintf(stderr, "runtime_init: %s\n", error);
        return 1;
    }
    plain();
    groups();
    syntax_errors();
    return 0;
}
