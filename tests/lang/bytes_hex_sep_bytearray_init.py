# bytes.hex/bytearray.hex/memoryview.hex with a NUL separator (a real
# separator, not 'none'), and bytearray.__init__ from an iterable appending
# item by item, so the iterator sees the array grow.
b = b'\xb9\x01\xef'
for sep in [':', b'$', b'\x00', '\x00', b'\x7f', '\x7f']:
    for n in [None, 0, 1, -1, 2, -2, 3, 4, -4]:
        try:
            r = b.hex(sep) if n is None else b.hex(sep, n)
            print(repr(sep), n, repr(r))
        except Exception as e: print(repr(sep), n, type(e).__name__, e)
print(repr(memoryview(b'\x01\x02\x03').hex('\x00', 2)))
print(repr(bytearray(b'\x01\x02\x03').hex(b'\x00', -2)))
b = bytearray()
def g():
    for i in range(1, 20):
        yield i
        print(len(b), list(b)[-3:], b.__alloc__() > len(b))
b.__init__(g())
print(b)
b = bytearray(b'xyz')
def g2():
    yield 1
    print('seen', b)
    yield 300
try:
    b.__init__(g2())
except ValueError as e:
    print(e, b)
try:
    bytearray([1, 'a'])
except TypeError as e:
    print(e)
