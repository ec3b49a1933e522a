# globals(), locals(), vars() and dir() without arguments.
module_level = 1
print(globals() is globals(), 'module_level' in globals(), globals()['__name__'])
print(locals() is globals())


def plain(a, b=2, *args, **kw):
    c = a + b
    return sorted(locals().items())


print(plain(1))
print(plain(1, 3, 4, 5, k=6))


def with_cells(x):
    y = x * 2
    unbound_later = 1
    del unbound_later

    def inner():
        return x + y

    return sorted(locals()), inner()


print(with_cells(5))


def outer():
    free = 'free value'
    other = 'other'

    def inner():
        mine = 1
        print(sorted(locals().items()))
        return free

    inner()
    return other


outer()


class Body:
    a = 1
    b = a + 1
    names = sorted(k for k in locals() if not k.startswith('__'))


print(Body.names, Body.__module__)


def uses_vars():
    p = 10
    q = 20
    return sorted(vars().items())


print(uses_vars())


def uses_dir():
    m = 1
    n = 2
    return dir()


print(uses_dir())
print([n for n in dir() if not n.startswith('__')][:6])


class Obj:
    def __init__(self):
        self.x = 1
        self.y = 2


print(vars(Obj()))
try:
    vars(5)
except TypeError as e:
    print('TypeError', e)
try:
    vars(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    globals(1)
except TypeError as e:
    print('TypeError', e)


def modifies():
    z = 1
    locals()['z'] = 2
    return z


print(modifies())
