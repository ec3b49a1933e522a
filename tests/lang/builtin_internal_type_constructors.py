# Calling the interpreter's internal types: the ones CPython can build
# (MethodType, FunctionType, CellType, TracebackType, the singletons' types)
# work; the others raise CPython's TypeError "cannot create ... instances".
import sys
import types

for t in (types.AsyncGeneratorType, types.BuiltinFunctionType, types.CoroutineType,
          types.FrameType, types.GeneratorType, types.GetSetDescriptorType,
          types.MethodDescriptorType, types.MethodWrapperType, types.UnionType,
          types.WrapperDescriptorType, type({}.keys()), type({}.values()), type({}.items()),
          type(iter({})), type(iter([])), type(iter(())), type(iter(range(3))), type(reversed([])),
          type(iter(set())), type(iter(b"")), type(iter(lambda: 0, 1))):
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)

print(types.MappingProxyType(mapping={1: 2}))
try:
    types.MappingProxyType()
except TypeError as e:
    print(e)


def outer():
    x = 1

    def inner():
        return x
    return inner


inn = outer()
f = types.FunctionType(inn.__code__, {}, "renamed", None, inn.__closure__)
print(f(), f.__name__, f.__qualname__)
for args in [(inn.__code__, {}), (inn.__code__, {}, None, None, ()), (inn.__code__, {}, 3),
             (inn.__code__, {}, None, [1]), (inn.__code__, {}, None, None, (1,)), (1, {}),
             (inn.__code__, [])]:
    try:
        types.FunctionType(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
g = types.FunctionType((lambda a, b=2: a + b).__code__, {"z": 1}, None, (5,))
print(g(1), g.__defaults__, g.__globals__)
m = types.MethodType(lambda self, y: (self, y), "obj")
print(m(3), types.MethodType(len, [1, 2])(), m.__self__)
for args in [(1, 2), (len, None), (len,), ()]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print(type(e).__name__, e)
c = types.CellType(5)
print(c.cell_contents, type(None)(), type(NotImplemented)(), type(...)())
try:
    types.CellType().cell_contents
except ValueError as e:
    print(type(e).__name__, e)
for t in (type(None), type(NotImplemented), type(...)):
    try:
        t(1)
    except TypeError as e:
        print(e)
tb = types.TracebackType(None, sys._getframe(), 10, 3)
print(tb.tb_lineno, tb.tb_lasti, tb.tb_next, tb.tb_frame is sys._getframe())
for args in [(1, sys._getframe(), 0, 0), (None, 1, 0, 0)]:
    try:
        types.TracebackType(*args)
    except TypeError as e:
        print(e)
