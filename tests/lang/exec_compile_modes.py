import sys
code = compile("a = 1\nb = a + 1\n", "<module>", "exec")
ns = {}
exec(code, ns)
print(ns["b"], code.co_filename, code.co_name, type(code).__name__)
expr = compile("[x * 2 for x in range(n)]", "<expr>", "eval")
print(eval(expr, {"n": 4}))
# 'single' mode echoes non-None expression values through sys.displayhook
exec(compile("1 + 2", "<single>", "single"))
exec(compile("None", "<single>", "single"))
exec(compile("'text'", "<single>", "single"))
exec(compile("x = 5", "<single>", "single"), {})
shown = []
sys.displayhook = lambda v: shown.append(v)
exec(compile("40 + 2", "<single>", "single"))
sys.displayhook = sys.__displayhook__
print(shown)
try:
    compile("a = 1\nb = 2", "<single>", "single")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("a = 1", "<eval>", "eval")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
# code objects can be executed many times
counter = compile("count = count + 1", "<c>", "exec")
g = {"count": 0}
for _ in range(3):
    exec(counter, g)
print(g["count"])
# a code object from a function
def f(x, y=2):
    z = x + y
    return z
c = f.__code__
print(c.co_argcount, c.co_varnames, c.co_name, c.co_consts[0] if c.co_consts else None, c.co_filename.endswith(".py"))
# compile accepts bytes and a source with a coding line
print(eval(compile(b"'caf\xc3\xa9'", "<b>", "eval")))
print(eval(compile("# -*- coding: latin-1 -*-\n'x'\n".encode(), "<b>", "eval")))
# dont_inherit and flags: just check the call form works
print(eval(compile("1 + 1", "<f>", "eval", 0, True)))
print(compile("pass", "<p>", "exec").co_firstlineno, compile("\n\npass", "<p>", "exec").co_firstlineno)
