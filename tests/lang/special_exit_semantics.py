class CM:
    def __init__(self, name, result=None, raise_in_exit=None):
        self.name, self.result, self.raise_in_exit = name, result, raise_in_exit
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        if self.raise_in_exit:
            raise self.raise_in_exit
        return self.result

# exit order with multiple managers, one suppressing
try:
    with CM("outer"), CM("middle", result=True), CM("inner"):
        raise KeyError("k")
    print("suppressed by middle, execution continues")
except KeyError:
    print("not reached")
# an exception in __exit__ of the inner manager is seen by the outer one
try:
    with CM("a"), CM("b", raise_in_exit=ValueError("from b's exit")):
        print("body")
except ValueError as e:
    print("caught", e, e.__context__)
# the exception from __exit__ gets the body's exception as context
try:
    with CM("c", raise_in_exit=TypeError("exit error")):
        raise IndexError("body error")
except TypeError as e:
    print("caught", e, "context:", repr(e.__context__))
# return inside with: __exit__ runs, return value kept
def f():
    with CM("ret"):
        return "value"
print(f())
# a return in the body is overridden by nothing: __exit__ returning True does not matter without exception
def g():
    for i in range(3):
        with CM(f"loop{i}", result=True):
            if i == 1:
                break
    return i
print(g())
# __exit__ receiving the traceback
class TB:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print(tb is ev.__traceback__, tb.tb_lineno > 0)
        return True
with TB():
    raise ValueError("x")
# __enter__ return value binding with tuple target
class Pair:
    def __enter__(self):
        return (1, (2, 3))
    def __exit__(self, *a):
        return False
with Pair() as (a, (b, c)):
    print(a, b, c)
