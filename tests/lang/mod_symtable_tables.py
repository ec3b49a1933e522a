# The symtable module over _symtable: every scope's symbols (flags and
# scope), parameters, children and the Symbol predicates, for sources that
# exercise globals, nonlocals, cells, classes, comprehensions, lambdas,
# annotations, imports and __debug__; errors for bad arguments and scope
# errors (SyntaxError with the filename and position).
import symtable
import _symtable

SOURCES = [
    "x = 1\ny = x + z\n",
    "def f(a, /, b, *c, d=1, **e):\n    global g\n    g = a\n    def h():\n        nonlocal b\n        return b, d\n    return h\n",
    "class C:\n    x = 1\n    def m(self):\n        return __class__, x, super()\n    def __p(self):\n        return self.__q\n",
    "r = [i * j for i in range(3) for j in range(i) if i]\ns = {k: v for k, v in {}.items()}\nt = (w for w in r)\n",
    "f = lambda a, *b: (a, b, lambda: a)\n",
    "import os, sys as system\nfrom json import dumps as d, loads\nx: int = 1\ny: 'str'\n",
    "def outer():\n    x = 1\n    class Inner:\n        y = x\n        def meth(self):\n            return x\n    return Inner\n",
    "if __debug__:\n    pass\nassert x\n",
    "async def co():\n    async with a as b:\n        await b\n    return [z async for z in b]\n",
    "def w():\n    [(y := i) for i in range(3)]\n    return y\n",
]


def show(tab, depth=0):
    pad = "  " * depth
    print("%s%s %s line=%d nested=%s children=%s optimized=%s" % (
        pad, tab.get_type(), tab.get_name(), tab.get_lineno(), tab.is_nested(),
        tab.has_children(), tab.is_optimized()))
    raw = tab._table
    print("%s  raw symbols: %s varnames: %s" % (pad, sorted(raw.symbols.items()), raw.varnames))
    if isinstance(tab, symtable.Function):
        print("%s  params=%s locals=%s globals=%s nonlocals=%s frees=%s" % (
            pad, tab.get_parameters(), tab.get_locals(), tab.get_globals(),
            tab.get_nonlocals(), tab.get_frees()))
    if isinstance(tab, symtable.Class):
        print("%s  methods=%s" % (pad, tab.get_methods()))
    for name in sorted(tab.get_identifiers()):
        s = tab.lookup(name)
        flags = [p for p in ("referenced", "imported", "parameter", "global", "nonlocal",
                             "declared_global", "local", "annotated", "free", "assigned",
                             "namespace") if getattr(s, "is_" + p)()]
        print("%s  %s: %s" % (pad, name, " ".join(flags)))
    for child in tab.get_children():
        show(child, depth + 1)


for src in SOURCES:
    print("==", repr(src[:40]))
    show(symtable.symtable(src, "<src>", "exec"))

print(symtable.symtable("a + b", "<e>", "eval").get_identifiers())
top = _symtable.symtable("x = 1", "<s>", "single")
print(top.name, top.type, top.lineno, top.nested, top.symbols, top.children)
print(type(top).__name__, repr(top).startswith("<symtable entry top("))
ids = [top.id] + [c.id for c in _symtable.symtable("def f(): pass\nclass C: pass", "f", "exec").children]
print(all(i > 0 for i in ids), len(set(ids)) == len(ids))
print(symtable.symtable(b"# coding: latin-1\nx = '\xe9'\n", "f", "exec").get_identifiers())
print(_symtable.symtable(bytearray(b"v = 2"), "f", "exec").symbols)

for args in [("x", "f", "bad"), (1, "f", "exec"), ("x", 1, "exec"), ("x\0", "f", "exec"),
             ("x", "f\0", "exec"), ("x", "f", b"exec")]:
    try:
        _symtable.symtable(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    _symtable.symtable("x", "f", startstr="exec")
except TypeError as e:
    print("TypeError", e)
for n in (1, 4):
    try:
        _symtable.symtable(*["x", "f", "exec", 0][:n])
    except TypeError as e:
        print("TypeError", e)
try:
    _symtable.symtable(source="x", filename="f", startstr="exec")
except TypeError as e:
    print("TypeError", e)

for bad in ["def f(x): global x", "nonlocal q", "def f(x): foo)(", "def g():\n    x = 1\n    global x\n",
            "class C:\n    def f(self):\n        nonlocal __class__\n"]:
    try:
        symtable.symtable(bad, "spam", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.filename, e.lineno, e.offset)

# compile() and exec() take source in any buffer
print(compile(bytearray(b"q = 1"), "f", "exec").co_names)
print(compile(memoryview(b"q + 1"), "f", "eval").co_names)
exec(bytearray(b"print('from a bytearray')"))
try:
    compile(bytearray(b"x\0"), "f", "exec")
except ValueError as e:
    print("ValueError", e)
