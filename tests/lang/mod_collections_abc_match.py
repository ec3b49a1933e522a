# match treats as sequences/mappings what CPython flags so: deque, array,
# memoryview, range, mappingproxy, classes deriving from or registered with
# collections.abc's Sequence/Mapping (__abc_tpflags__), the first such
# class of the MRO deciding; never str/bytes/bytearray.
import collections, array
from collections.abc import Sequence, Mapping
class MySeq(Sequence):
    def __getitem__(self, i): return [1,2][i]
    def __len__(self): return 2
class MyMap(Mapping):
    def __getitem__(self, k): return 1
    def __iter__(self): return iter(['a'])
    def __len__(self): return 1
class Reg: 
    def __len__(self): return 0
    def __getitem__(self, i): raise IndexError
Sequence.register(Reg)
for v in (MySeq(), MyMap(), collections.deque([1,2]), array.array('i', [1,2]), memoryview(b'ab'), collections.OrderedDict(a=1), Reg(), 'ab', b'ab', collections.UserList([1,2]), collections.UserDict(a=1)):
    match v:
        case {'a': x}:
            print(type(v).__name__, 'mapping', x)
        case [x, y]:
            print(type(v).__name__, 'seq', x, y)
        case []:
            print(type(v).__name__, 'empty seq')
        case _:
            print(type(v).__name__, 'other')
from collections.abc import Collection, MutableSequence
print(Sequence.__flags__ & 0x60, Mapping.__flags__ & 0x60, list.__flags__ & 0x60, dict.__flags__ & 0x60,
      collections.deque.__flags__ & 0x60, array.array.__flags__ & 0x60, memoryview.__flags__ & 0x60,
      range.__flags__ & 0x60, types.MappingProxyType.__flags__ & 0x60, str.__flags__ & 0x60,
      bytearray.__flags__ & 0x60, collections.OrderedDict.__flags__ & 0x60)
try:
    class Both(Collection):
        __abc_tpflags__ = (Sequence.__flags__ | Mapping.__flags__)
except TypeError as e:
    print(type(e).__name__, e)
class S(Collection):
    __abc_tpflags__ = 1 << 5
    def __len__(self): return 2
    def __iter__(self): return iter([1, 2])
    def __contains__(self, x): return False
    def __getitem__(self, i): return [7, 8][i]
print('__abc_tpflags__' in S.__dict__, S.__flags__ & 0x60)
class Plain:
    def __len__(self): return 2
    def __getitem__(self, i): return [5, 6][i]
class Sub(Plain): pass
MutableSequence.register(Plain)
print(Plain.__flags__ & 0x60, Sub.__flags__ & 0x60)
Mapping.register(bytearray)  # builtin types keep their flags
print(bytearray.__flags__ & 0x60)
for v in (S(), Plain(), Sub(), bytearray(b'ab'), types.MappingProxyType({'a': 3}), range(2)):
    match v:
        case {'a': x}:
            print(type(v).__name__, 'mapping', x)
        case [x, y]:
            print(type(v).__name__, 'seq', x, y)
        case _:
            print(type(v).__name__, 'other')
class L(list): pass
class D(dict): pass
class Mixed(Plain, dict): pass
print(L.__flags__ & 0x60, D.__flags__ & 0x60, Mixed.__flags__ & 0x60)
