"""Print what tests/unit/excprint_test.c prints, from CPython 3.11: the
default sys.excepthook's report of exceptions built without tracebacks."""
import sys

sys.stderr = sys.stdout


def show(title, e):
    print(f"### {title}")
    sys.__excepthook__(type(e), e, None)


V, T, K = ValueError, TypeError, KeyError
EG = ExceptionGroup


def with_context(e, ctx):
    e.__context__ = ctx
    return e


def with_cause(e, cause):
    e.__cause__ = cause
    return e


def with_notes(e, notes):
    e.__notes__ = notes
    return e


# plain exceptions and chains
show("plain", V("x"))
show("empty message", V())
show("empty str", V(""))
show("two args", V(1, 2))
show("KeyError", K("k"))
show("OSError", OSError(2, "No such file", "f.txt"))
show("multi-line message", V("line1\nline2"))
show("cause", with_cause(T("t"), V("v")))
show("context", with_context(T("t"), V("v")))
e = with_context(T("t"), V("v"))
e.__suppress_context__ = True
show("suppressed context", e)
show("cause and context", with_context(with_cause(T("t"), K("c")), V("ctx")))
a, b = V("a"), T("b")
a.__context__ = b
b.__context__ = a
show("context cycle", a)
show("chain of three", with_context(with_context(T(3), K(2)), V(1)))
show("notes", with_notes(V("x"), ["one", "two\nlines", "trailing\n", "", 42]))
show("notes not a sequence", with_notes(V("x"), 5))
show("notes str", with_notes(V("x"), "ab"))
show("notes tuple", with_notes(V("x"), ("t",)))

# groups
show("flat", EG("m", [V(1), T(2)]))
show("nested last", EG("m", [V(1), EG("in", [K(2), EG("in2", [T(3)])])]))
show("nested first", EG("m", [EG("in", [K(2)]), V(1)]))
show("group with group context", with_context(EG("outer", [T(1)]), EG("ctx group", [V("c")])))
t = with_context(T("t"), EG("inner ctx", [K(1), V(2)]))
show("member with group context (last)", EG("m", [t]))
t = with_context(T("t"), EG("inner ctx", [K(1), V(2)]))
show("member with group context (first)", EG("m", [t, V(9)]))
x = with_cause(V("x"), K("cause"))
show("member with cause, twice", EG("m", [x, x]))
show("group as a cause", with_cause(V("x"), EG("why", [K(1), T(2)])))
deep = V("leaf")
for i in range(12):
    deep = EG(f"d{i}", [deep])
show("deep", deep)
deep = V("leaf")
for i in range(10):
    deep = EG(f"d{i}", [deep, K(i)])
show("deep with siblings", deep)
show("wide", EG("w", [V(i) for i in range(17)]))
show("wide16", EG("w", [V(i) for i in range(16)]))
show("wide15", EG("w", [V(i) for i in range(15)]))
n = EG("notes", [with_notes(V(1), "strnote"), K(2)])
n.add_note("a\nb\n")
n.add_note("c")
show("group notes", n)
show("group notes not a sequence", EG("m", [with_notes(V(1), 5), K(2)]))
show("base", BaseExceptionGroup("b", [KeyboardInterrupt(), SystemExit(2)]))
show("empty str members", EG("", [V(""), V()]))
show("multi-line group message", EG("multi\nline", [V("a\nb")]))
show("line breaks in notes", EG("m", [with_notes(V(1), ["a\rb\r\nc\x0bd\x0ce\x1cf\x85g\u2028h\u2029i"])]))
show("unicode", EG("héllo ✓", [V("ünï")]))

# SyntaxError locations, alone and in groups
S = SyntaxError
show("syntax", S("bad", ("f.py", 3, 2, "x = (\n", 3, 4)))
show("syntax no end", S("bad", ("f.py", 3, 5, "x = (\n")))
show("syntax offset None", S("bad", ("f.py", 3, None, "x = (\n")))
show("syntax text None", S("bad", ("f.py", 3, 2, None)))
show("syntax filename None", S("bad", (None, 3, 2, "abc")))
show("syntax leading spaces", S("bad", ("f.py", 1, 7, "    foo bar\n", 1, 10)))
show("syntax offset past end", S("bad", ("f.py", 1, 40, "short\n", 1, 50)))
show("syntax multi-line text", S("bad", ("f.py", 1, 8, "a = 1\nb = (2\nc\n", 1, 9)))
show("syntax multi-line span", S("bad", ("f.py", 2, 3, "x = (1,\n", 4, 2)))
show("syntax caret before text", S("bad", ("f.py", 1, 1, "   x\n", 1, 2)))
show("syntax msg None", S(None, ("f.py", 1, 1, "x\n", 1, 2)))
show("syntax bare", S("bare"))
show("syntax no args", S())
show("syntax lineno None", S("bad", ("f.py", None, 1, "x\n")))
show("indentation", IndentationError("unexpected indent", ("f.py", 2, 4, "   y = 2\n", 2, 9)))
show("syntax non-ascii", S("bad", ("f.py", 1, 5, "é = (1\n", 1, 7)))
show("syntax in group", EG("m", [S("bad", ("f.py", 3, 2, "x = (\n", 3, 4)), V(1)]))
show("syntax in group, multi-line text", EG("m", [S("bad", ("f.py", 1, 8, "a = 1\nb = (2\nc\n", 1, 9))]))
show("not an exception", 42)
