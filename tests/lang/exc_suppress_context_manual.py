e = RuntimeError("outer")
print(e.__cause__, e.__context__, e.__suppress_context__)
e.__cause__ = ValueError("cause")
print(e.__suppress_context__)   # setting __cause__ sets it
e.__suppress_context__ = False
print(e.__suppress_context__, repr(e.__cause__))
e.__cause__ = None
print(e.__suppress_context__)
try:
    try:
        raise KeyError("inner")
    except KeyError as k:
        err = TypeError("replacement")
        err.__suppress_context__ = True
        raise err
except TypeError as t:
    print(repr(t.__context__), t.__suppress_context__, t.__cause__)
# raise X from Y then re-raise keeps the cause
try:
    try:
        raise ValueError("a") from IndexError("b")
    except ValueError:
        raise
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__)
# a cycle in __context__ is broken by the interpreter
try:
    try:
        raise KeyError("first")
    except KeyError as first:
        try:
            raise ValueError("second")
        except ValueError as second:
            first.__context__ = second
            raise first
except KeyError as k:
    print(repr(k), repr(k.__context__), repr(k.__context__.__context__))
