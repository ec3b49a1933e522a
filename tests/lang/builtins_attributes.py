# getattr/setattr/delattr/hasattr, dir(), callable, isinstance/issubclass,
# id and hash, chr/ord, ascii/repr/format.


class Dyn:
    cls_attr = 'class'

    def __getattr__(self, name):
        if name.startswith('dyn_'):
            return name[4:]
        raise AttributeError(name)


class Broken:
    @property
    def boom(self):
        raise ValueError('property failed')


d = Dyn()
print(getattr(d, 'dyn_value'), getattr(d, 'cls_attr'), getattr(d, 'nope', 'default'))
print(hasattr(d, 'dyn_x'), hasattr(d, 'nope'))
try:
    hasattr(Broken(), 'boom')
except ValueError as e:
    print('ValueError', e)
try:
    getattr(Broken(), 'boom', 'default swallows only AttributeError')
except ValueError as e:
    print('ValueError', e)
setattr(d, 'x', 5)
print(d.x, vars(d))
delattr(d, 'x')
print(vars(d), hasattr(d, 'x'))
try:
    delattr(d, 'x')
except AttributeError as e:
    print('AttributeError', e)
for fn in (lambda: getattr(d, 1), lambda: setattr(d, 1, 2), lambda: delattr(d, 1),
           lambda: hasattr(d, 1), lambda: getattr(d), lambda: getattr(1, 'x', 2, 3)):
    try:
        fn()
    except TypeError as e:
        print('TypeError', e)


class WithDir:
    def __dir__(self):
        return ['zeta', 'alpha', 'mid']


print(dir(WithDir()))


class Plain:
    class_level = 1

    def method(self):
        pass


p = Plain()
p.instance_level = 2
names = dir(p)
print([n for n in names if not n.startswith('__')], names == sorted(names))
print('__init__' in dir(Plain), 'append' in dir(list), 'class_level' in dir(Plain))
print(callable(len), callable(Plain), callable(p), callable(p.method), callable(1))


class Called:
    def __call__(self):
        return 'called'


print(callable(Called()), Called()())
print(isinstance(True, int), isinstance(1, (str, (float, int))), issubclass(bool, int))
print(issubclass(KeyError, (ValueError, LookupError)), isinstance(p, Plain))
for fn in (lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, 1),
           lambda: isinstance(1, (int, 1)), lambda: isinstance(1, (1, int))):
    try:
        print(fn())
    except TypeError as e:
        print('TypeError', e)
print(id(p) == id(p), id(1) == id(1), id(p) != id(Plain()), hash(1), hash(-1), hash(2**64))
print(hash((1, 2)) == hash((1, 2)), hash('') == 0)
try:
    hash([])
except TypeError as e:
    print('TypeError', e)
print(chr(65), chr(0x1F600), ord('a'), ord('€'), ord(b'a'))
for fn in (lambda: chr(0x110000), lambda: chr(-1), lambda: chr(2**70), lambda: ord('ab'),
           lambda: ord(1), lambda: ord(b'ab'), lambda: chr('a')):
    try:
        fn()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(ascii('abc'), ascii('é\U0001f600\x00\u1234'), ascii(['ä', 1]), repr('a\nb'))
print(format(1), format('abc'), format([1, 2]), format(3.5, ''), format(True))
for fn in (lambda: format(1, 1), lambda: format(object(), 'x')):
    try:
        fn()
    except TypeError as e:
        print('TypeError', e)


class Fmt:
    def __format__(self, spec):
        return f'<{spec}>'


class BadFmt:
    def __format__(self, spec):
        return 5


print(format(Fmt(), 'spec'), format(Fmt()), f'{Fmt():abc}')
try:
    format(BadFmt())
except TypeError as e:
    print('TypeError', e)
print(len.__name__, len.__qualname__, len.__module__, repr(len), [].append.__qualname__)
print(len == len, [].append.__name__, print.__self__.__name__)
