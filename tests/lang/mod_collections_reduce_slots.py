# __reduce__ of builtin containers subclassed with __slots__: the state is
# object.__getstate__'s (dict or None, slots dict), so copy and pickle keep
# the slot values (bytearray, deque, set, array keeps its plain __dict__).
import array
import collections
import copy
import pickle

class BA(bytearray):
    __slots__ = ('x', 'y', '__dict__')

class D(collections.deque):
    __slots__ = ('x', '__dict__')

class S(set):
    __slots__ = ('x', '__dict__')

class A(array.array):
    __slots__ = ('x', '__dict__')

class Plain(bytearray):
    pass

for obj in (BA(b'abcd'), D([1, 2]), S([1]), A('i', [1])):
    print(type(obj).__name__, obj.__reduce_ex__(2)[:3])
    obj.x = 10
    print(obj.__reduce_ex__(2)[:3])
    obj.z = 5
    print(obj.__reduce_ex__(4)[:3])
    for proto in (0, 2, 4):
        c = pickle.loads(pickle.dumps(obj, proto))
        print(proto, c == obj, getattr(c, 'x', '-'), getattr(c, 'z', '-'))
    c = copy.copy(obj)
    print('copy', c == obj, getattr(c, 'x', '-'), getattr(c, 'z', '-'))

print(Plain(b'a').__reduce__(), bytearray(b'a').__reduce__())
print(collections.deque([1]).__reduce__()[:3])
