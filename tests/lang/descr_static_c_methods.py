# A C type's static methods (bytes.maketrans, str.maketrans): shown as
# methods of their type, __self__ None, qualified by the type, and reduced
# to getattr(type, name) so pickle finds them; calls get no self.
for f in (bytearray.maketrans, bytes.maketrans, str.maketrans, b'x'.maketrans, 'x'.maketrans,
          dict.fromkeys, int.from_bytes):
    r = f.__reduce__()
    print(repr(f).split(' at ')[0], f.__self__, f.__qualname__, f.__name__, f.__module__,
          r[0].__name__, r[1], getattr(*r[1]) == f)
print(bytes.maketrans(b'ab', b'xy')[97:99], str.maketrans('ab', 'xy'))
print(bytearray.maketrans == bytearray.maketrans, bytes.maketrans == bytearray.maketrans)
print(hash(bytes.maketrans) == hash(bytes.maketrans))
d = bytearray.__dict__['maketrans']
print(type(d).__name__, repr(d.__func__).split(' at ')[0])
try:
    bytes.maketrans(b'a')
except TypeError as e:
    print(type(e).__name__, e)
try:
    str.maketrans(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
# the descriptors themselves do not pickle, a method descriptor does
for d in (bytearray.__dict__['maketrans'], dict.__dict__['fromkeys']):
    print(type(d).__name__, '__reduce__' in type(d).__dict__)
    try:
        d.__reduce_ex__(2)
    except TypeError as e:
        print(type(e).__name__, e)
print(list.__dict__['append'].__reduce__()[1])
