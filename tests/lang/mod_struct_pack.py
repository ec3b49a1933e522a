# _struct: every function and format code, each byte order, native
# alignment, the range and type errors with their messages.
import struct

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception))
for fmt in ['x', 'c', 'b', 'B', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'e', 'f',
            'd', 's', 'p', 'P', '5s', '0s', 'bi', '@bi', '=bi', '<bi', '>bi', '!bi', 'bq0i', 'b0q',
            'cqc', '3x2h', ' i  h\n', 'hhhhi', 'ci', 'c3si', '10p', '<n', '=P', '2 i', '%', '3',
            '', 'i\x00', '99999999999999999999q', '4611686018427387904q', b'<i', 3, None, '\xe9']:
    t('calcsize %r' % (fmt,), lambda: struct.calcsize(fmt))

values = {'c': b'z', 'b': -5, 'B': 250, '?': True, 'h': -300, 'H': 65000, 'i': -70000,
          'I': 4000000000, 'l': -2**40, 'L': 2**40, 'q': -2**62, 'Q': 2**63 + 5, 'n': -7,
          'N': 2**64 - 1, 'e': 1.5, 'f': -2.25, 'd': 1e300, 'P': 12345}
for order in ['', '@', '=', '<', '>', '!']:
    for code, v in values.items():
        fmt = order + code
        try:
            packed = struct.pack(fmt, v)
            print(fmt, packed, struct.unpack(fmt, packed))
        except struct.error as e:
            print(fmt, 'error', e)

for fmt, v in [('b', 128), ('b', -129), ('<b', 200), ('B', -1), ('<B', 256), ('h', 40000),
               ('<h', -40000), ('H', -1), ('>H', 70000), ('i', 2**31), ('<i', -2**31 - 1),
               ('I', -1), ('<I', 2**32), ('I', 2**32), ('l', 2**63), ('<l', 2**31),
               ('<L', -1), ('L', 2**64), ('q', 2**63), ('<q', -2**63 - 1), ('Q', -1),
               ('<Q', 2**64), ('n', 2**63), ('N', -1), ('P', -1), ('P', 2**64), ('P', -2**63 - 1),
               ('b', 2**70), ('<H', 2**70), ('i', 2**70), ('<I', -2**70), ('b', 1.5),
               ('i', '1'), ('q', None), ('?', []), ('?', 2**70), ('?', 'x'), ('c', b'ab'),
               ('c', 'a'), ('c', bytearray(b'a')), ('s', 'a'), ('3s', bytearray(b'a')),
               ('3s', b'abcdef'), ('5p', b'abcdefg'), ('1p', b'abc'), ('0p', b'a'),
               ('300p', b'x' * 280), ('f', 1e300), ('<f', 1e300), ('>f', -1e39), ('f', 'x'),
               ('<e', 1e10), ('e', 65520.0), ('e', 65519.0), ('<e', 6e-8), ('<e', 1e-8),
               ('<e', -0.0), ('<e', float('inf')), ('>e', float('-inf')), ('<e', 5e-5),
               ('<e', 0.1), ('<e', 2049.0), ('<e', 2051.0), ('<d', 'x'), ('<d', 2**1024),
               ('<f', 3), ('<d', True), ('<q', True), ('>q', True), ('x', 1), ('i', ()), ('ii', 1),
               ('>h', 40000), ('>h', -2**70), ('>H', -1), ('>H', 2**70), ('!I', 2**32),
               ('>i', 2**40), ('>q', 2**63), ('>Q', -1), ('>Q', 2**64), ('!L', -1), ('>b', 200),
               ('=H', -1), ('=H', 70000), ('<h', -40000), ('=l', 2**31), ('=L', 2**32)]:
    t('pack %s %r' % (fmt, v if not isinstance(v, bytes) or len(v) < 20 else len(v)),
      lambda: struct.pack(fmt, v))

class Index:
    def __index__(self):
        return 7
class Flt:
    def __float__(self):
        return 2.5
class BadIndex:
    def __index__(self):
        raise ValueError('bad index')
t('index', lambda: struct.pack('<iQ', Index(), Index()))
t('index float', lambda: struct.pack('<d', Index()))
t('__float__', lambda: struct.pack('<df', Flt(), Flt()))
t('__float__ int', lambda: struct.pack('<i', Flt()))
t('bad index', lambda: struct.pack('<i', BadIndex()))
print(struct.unpack('<e', b'\x00\x7e'), struct.unpack('<e', b'\x00\x7c'),
      struct.unpack('<e', b'\x01\x00'), struct.unpack('<e', b'\xff\x7b'))
print(struct.unpack('<ff', struct.pack('<ff', float('nan'), -0.0)))
print(struct.unpack('?????', b'\x00\x01\x02\xff\x80'))
print(struct.unpack('5p3p', b'\x09abcd\x01xy'))
print(struct.pack('<3sx2s', b'ab', b'cde'), struct.unpack('<3sx2s', b'ab\x00\x00cd'))

# unpack and friends
t('unpack short', lambda: struct.unpack('<i', b'abc'))
t('unpack long', lambda: struct.unpack('<i', b'abcde'))
t('unpack str', lambda: struct.unpack('<i', 'abcd'))
t('unpack bytearray', lambda: struct.unpack('<hh', bytearray(b'\x01\x00\x02\x00')))
t('unpack memoryview', lambda: struct.unpack('>H', memoryview(b'xx\x01\x02')[2:]))
t('unpack args', lambda: struct.unpack('<i'))
t('unpack_from', lambda: struct.unpack_from('<h', b'\x00\x01\x02\x03', 1))
t('unpack_from kw', lambda: struct.unpack_from('<h', buffer=b'\x00\x01\x02\x03', offset=2))
t('unpack_from neg', lambda: struct.unpack_from('<h', b'\x00\x01\x02\x03', -2))
t('unpack_from neg far', lambda: struct.unpack_from('<h', b'\x00\x01\x02\x03', -5))
t('unpack_from short', lambda: struct.unpack_from('<i', b'\x00\x01\x02\x03', 2))
t('unpack_from offset type', lambda: struct.unpack_from('<h', b'\x00\x01', 'x'))
t('unpack_from fmt kw', lambda: struct.unpack_from(format='<h', buffer=b'\x00\x01'))
t('iter_unpack', lambda: list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
t('iter_unpack bad', lambda: struct.iter_unpack('<h', b'\x01\x00\x02'))
t('iter_unpack zero', lambda: struct.iter_unpack('', b''))
it = struct.iter_unpack('<b', b'\x01\x02\x03')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())

buf = bytearray(10)
t('pack_into', lambda: struct.pack_into('<hi', buf, 1, 5, -1))
print(buf)
t('pack_into neg', lambda: struct.pack_into('<h', buf, -2, 0x4142))
print(buf)
t('pack_into no space', lambda: struct.pack_into('<h', buf, -1, 1))
t('pack_into out of range', lambda: struct.pack_into('<h', buf, -20, 1))
t('pack_into too short', lambda: struct.pack_into('<i', buf, 8, 1))
t('pack_into bytes', lambda: struct.pack_into('<h', b'xxxx', 0, 1))
t('pack_into missing buffer', lambda: struct.pack_into('<h'))
t('pack_into missing offset', lambda: struct.pack_into('<h', buf))
t('pack_into items', lambda: struct.pack_into('<h', buf, 0))
t('pack_into bad value', lambda: struct.pack_into('<hh', buf, 0, 1, 'x'))
print(buf)
t('pack_into offset str', lambda: struct.pack_into('<h', buf, '0', 1))
mv = memoryview(bytearray(4))
struct.pack_into('>I', mv, 0, 0xDEADBEEF)
print(mv.tobytes())
t('pack no format', lambda: struct.pack())
t('pack kw', lambda: struct.pack('i', x=1))
t('calcsize args', lambda: struct.calcsize())

# Struct objects
s = struct.Struct('<2hxs')
print(type(s).__name__, s.format, s.size, s.pack(1, 2, b'q'), s.unpack(b'\x01\x00\x02\x00\x00q'))
print(s.unpack_from(b'__\x01\x00\x02\x00\x00q', 2), list(s.iter_unpack(b'\x01\x00\x02\x00\x00q' * 2)))
t('Struct pack count', lambda: s.pack(1))
t('Struct()', lambda: struct.Struct())
t('Struct(1)', lambda: struct.Struct(1))
t('Struct bad', lambda: struct.Struct('z'))
t('Struct kw', lambda: struct.Struct(format='>I').format)
print(struct.Struct(b'=q').format, struct.Struct(b'=q').size)
b2 = bytearray(8)
s.pack_into(b2, 1, 3, 4, b'z')
print(b2)
class MyStruct(struct.Struct):
    pass
ms = MyStruct('>H')
print(type(ms).__name__, ms.pack(258), ms.size, isinstance(ms, struct.Struct))
t('format readonly', lambda: setattr(s, 'format', 'i'))
print(struct.pack('>?bBhHiIlLqQefd', True, -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**32 - 2,
                  -5, 2**64 - 1, 0.5, 0.25, 0.125))
print(struct.unpack('@ciq', struct.pack('@ciq', b'a', 2, 3)))
t('pack_into kw', lambda: struct.pack_into('<h', buf, 0, x=1))
t('iter_unpack args', lambda: struct.iter_unpack('<h'))
t('unpack kw', lambda: struct.unpack('<h', buffer=b'ab'))
t('Struct.unpack args', lambda: s.unpack())
t('Struct.unpack_from kw', lambda: s.unpack_from(buffer=b'\x01\x00\x02\x00\x00q', offset=0))
t('Struct.iter_unpack bad', lambda: s.iter_unpack(b'abc'))
t('Struct.pack_into bytes', lambda: s.pack_into(b'abcdef', 0, 1, 2, b'q'))
t('sizeof', lambda: s.__sizeof__() > 0)
t('iter_unpack kw', lambda: struct.iter_unpack('<h', buffer=b'ab'))
# the module-level cache: str and bytes formats, cleared
print(struct.pack('<h', 1), struct.pack(b'<h', 2), struct.calcsize('<h'), struct.calcsize(b'<h'))
struct._clearcache()
print(struct.unpack('<h', b'\x03\x00'), struct.unpack(b'<h', b'\x04\x00'))
for i in range(150):
    struct.calcsize('%di' % i)
print(struct.calcsize('7i'), struct.calcsize('149i'))
class S(str):
    pass
print(struct.pack(S('>h'), 5))
t('_clearcache args', lambda: struct._clearcache(1))
