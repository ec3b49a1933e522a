# marshal.loads of tuples: complete, truncated (the count promises more
# items than there are bytes), empty, small-tuple codes, nested, and a tuple
# whose item refers back to it (FLAG_REF set on the tuple: CPython's
# reader records it before reading its items); interned strings.
import marshal

cases = [
    marshal.dumps((1, 2, 3)),
    marshal.dumps((1, 2, 3))[:-1],
    marshal.dumps(((), ('a', 'b'), (1.5, None)))[:-3],
    b'(\x00\x00\x01\x00N',
    b'(\x05\x00\x00\x00N',
    b')\x03NNN',
    b')\x04NNN',
    b'(\x00\x00\x00\x00',
    b')\x00',
    marshal.dumps(('abc', 'abc', 'x y', ('q', ('q',)), frozenset({'k'}))),
    b'\xa9\x02\xe9\x01\x00\x00\x00r\x00\x00\x00\x00',
    b'\xa9\x02r\x00\x00\x00\x00r\x00\x00\x00\x00',
    b'(\x02\x00\x00\x00Z\x03abcz\x03abc',
    b'(\x02\x00\x00\x00\xda\x03abcr\x00\x00\x00\x00',
    b')\x01r\x05\x00\x00\x00',
]
for c in cases:
    try:
        v = marshal.loads(c)
        print(repr(v))
    except Exception as e:
        print(type(e).__name__, e)

v = marshal.loads(b'(\x02\x00\x00\x00Z\x03abcz\x03abc')
print(v[0] == v[1], v[0] is v[1])
v = marshal.loads(b'(\x02\x00\x00\x00\xda\x03abcr\x00\x00\x00\x00')
print(v[0] is v[1])
t = marshal.loads(b'\xa9\x02\xe9\x01\x00\x00\x00r\x00\x00\x00\x00')
print(t[1] is t, len(t), t[0])
