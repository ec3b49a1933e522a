# A function made from module-level code (FunctionType(compile(..., 'exec')))
# runs with its globals as its locals, as in CPython: the *NAME ops read,
# store and delete there.
from types import FunctionType

g = {'a': 1}
co = compile("b = a + 1\nc = b * 10\ndel b\nresult = (a, c, 'b' in globals())", "<m>", "exec")
f = FunctionType(co, g)
print(f())
print(sorted(k for k in g if not k.startswith('__')), g['result'])

co2 = compile("print(missing)", "<m>", "exec")
try:
    FunctionType(co2, {})()
except NameError as e:
    print(type(e).__name__, e)
co3 = compile("del nothing_here", "<m>", "exec")
try:
    FunctionType(co3, {})()
except NameError as e:
    print(type(e).__name__, e)
