# float(): keywords are refused unless a subclass has its own __init__;
# tuple() of a list subclass follows the subclass's __iter__; list.extend
# with a __length_hint__ that overflows does not preallocate.
import sys


def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r), getattr(r, "newarg", "-"))
    except Exception as e:
        print(type(e).__name__, e)


class Sub(float):
    pass


class WithInit(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


class WithNew(float):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self


show(lambda: Sub(2.5))
show(lambda: Sub(x=0))
show(lambda: float(x=1))
show(lambda: WithInit(2.5, newarg=3))
show(lambda: WithNew(2.5, newarg=3))
show(lambda: WithInit(1.0, 2.0, 3.0))


class LyingList(list):
    def __iter__(self):
        yield 1


class LyingTuple(tuple):
    def __iter__(self):
        yield 1


show(lambda: tuple(LyingList([2])))
show(lambda: tuple(LyingTuple((2,))))
show(lambda: list(LyingList([2])))
show(lambda: list(LyingTuple((2,))))


class CustomIter:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration

    def __length_hint__(self):
        return sys.maxsize


a = [1, 2, 3, 4]
a.extend(CustomIter())
print(a)
