import functools, pickle, copy
calls = []
@functools.lru_cache(maxsize=3)
def f(x, y=0):
    calls.append((x, y))
    return x * 10 + y
for args in [(1,), (2,), (1,), (3,), (4,), (1,), (2,), (2, 5), (2,)]:
    print(args, f(*args), f.cache_info())
print(calls)
print(f(y=1, x=2), f(2, y=1), f.cache_info())
f.cache_clear()
print(f.cache_info(), f.__wrapped__.__name__, f.__name__, f.__qualname__, f.__doc__, type(f).__name__)
@functools.lru_cache(maxsize=None, typed=True)
def g(x):
    calls.append(x)
    return repr(x)
print(g(1), g(1.0), g(True), g(1), g.cache_info())
@functools.lru_cache
def h(n):
    return n if n < 2 else h(n - 1) + h(n - 2)
print(h(80), h.cache_info())
class C:
    @functools.lru_cache(maxsize=2)
    def m(self, a):
        return (id(self) > 0, a)
c = C()
print(c.m(1), c.m(1), C.m.cache_info())
print(copy.copy(h) is h, copy.deepcopy(h) is h, pickle.loads(pickle.dumps(h)) is h)
z = functools.lru_cache(maxsize=0)(lambda: 5)
print(z(), z(), z.cache_info())
for bad in [lambda: functools.lru_cache(maxsize="x")(len), lambda: functools._lru_cache_wrapper(1, 1, 1, 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(functools.lru_cache(maxsize=-5)(len).cache_info())
