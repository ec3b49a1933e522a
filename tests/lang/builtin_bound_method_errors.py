# Argument errors of bound builtin methods name the receiver's type (CPython
# builds the name from type(self).__qualname__); calls through the class, or
# obj.meth(...) written directly, name the defining class.
import collections


class A:
    class L(list):
        pass


class D(dict):
    pass


cases = [
    lambda: True.bit_count(1),
    lambda: (True.bit_count)(1),
    lambda: getattr(True, "bit_count")(1),
    lambda: int.bit_count(True, 1),
    lambda: getattr(A.L(), "append")(),
    lambda: A.L().append(),
    lambda: getattr(D(), "get")(),
    lambda: getattr(D, "fromkeys")(),
    lambda: getattr(collections.deque(), "append")(),
    lambda: getattr([], "sort")(1),
    lambda: getattr("x", "upper")(1),
    lambda: getattr(b"x", "upper")(1),
    lambda: getattr(A.L(), "index")(),
    lambda: getattr(frozenset(), "union")(x=1),
]
for f in cases:
    try:
        f()
        print("no error")
    except TypeError as e:
        print(e)
