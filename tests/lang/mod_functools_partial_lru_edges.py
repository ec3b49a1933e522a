# functools.partial with a non-str key added to .keywords refuses the call;
# builtin objects' __dict__ cannot be deleted; lru_cache hashes the key once
# per call (also when it evicts); update_wrapper copies max's doc.
import functools


def capture(*args, **kw):
    return args, kw


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


p = functools.partial(capture, 1, a=2)
p.keywords[1234] = "value"
print("1234" in repr(p), "'value'" in repr(p))
show(p)
show(lambda: functools.partial(capture)(**{"b": 1}))

q = functools.partial(hex)
show(lambda: q.__dict__)


def del_dict(obj):
    del obj.__dict__
    return obj.__dict__


show(lambda: del_dict(q))
show(lambda: del_dict(Exception()))
show(lambda: del_dict(capture))


class Plain:
    pass


show(lambda: del_dict(Plain()))


class Counted:
    calls = 0

    def __hash__(self):
        Counted.calls += 1
        return 999

    def __eq__(self, other):
        return self is other

    def __mul__(self, other):
        return 15


@functools.lru_cache(maxsize=1)
def f(x, y):
    return x * 3 + y


c = Counted()
print(f(c, 1), Counted.calls, f.cache_info())
print(f(c, 1), Counted.calls, f.cache_info())
print(f(6, 2), Counted.calls, f.cache_info())
print(f(c, 1), Counted.calls, f.cache_info())


def wrapper():
    pass


functools.update_wrapper(wrapper, max)
print(wrapper.__name__, wrapper.__doc__.startswith("max("), wrapper.__annotations__)
print(min.__doc__.splitlines()[:2])
