# _sha512: SHA-512 and SHA-384 digests (block boundaries, chunked updates,
# copies), bytes-like inputs, argument errors and the attributes.
import _sha512

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

inputs = [b'', b'abc', b'a' * 111, b'b' * 112, b'c' * 127, b'd' * 128, b'e' * 129,
          b'f' * 239, b'g' * 240, b'h' * 256, bytes(range(256)) * 4096]
for ctor in (_sha512.sha512, _sha512.sha384):
    for data in inputs:
        h = ctor(data)
        print(ctor.__name__, len(data), h.hexdigest())
        assert h.digest().hex() == h.hexdigest()
    # chunked updates equal the one-shot digest
    big = bytes((i * 7 + 3) & 255 for i in range(5000))
    for step in (1, 3, 64, 111, 127, 128, 129, 1000):
        h = ctor()
        for i in range(0, len(big), step):
            h.update(big[i:i + step])
        print(ctor.__name__, 'chunks', step, h.digest() == ctor(big).digest())
    # digest() does not end the hash; copies are independent
    h = ctor(b'hello ')
    print(h.hexdigest() == h.hexdigest())
    c = h.copy()
    c.update(b'world')
    print(type(c).__name__, h.hexdigest() == ctor(b'hello ').hexdigest(),
          c.hexdigest() == ctor(b'hello world').hexdigest())
    h.update(b'there')
    print(h.hexdigest() == ctor(b'hello there').hexdigest())
    # bytes-like inputs
    print(ctor(bytearray(b'xyz')).hexdigest() == ctor(b'xyz').hexdigest())
    print(ctor(memoryview(b'0123456789')[2:7]).hexdigest() == ctor(b'23456').hexdigest())
    print(ctor(memoryview(b'abcdefgh').cast('I')).hexdigest() == ctor(b'abcdefgh').hexdigest())
    h = ctor()
    h.update(bytearray(b'q') * 300)
    print(h.hexdigest() == ctor(b'q' * 300).hexdigest())
    print(ctor(usedforsecurity=False).hexdigest() == ctor().hexdigest())
    print(ctor(b'k', usedforsecurity=True).digest() == ctor(b'k').digest())
    # attributes
    h = ctor()
    print(type(h), type(h).__name__, type(h).__module__, h.name, h.digest_size, h.block_size)
    print(len(h.digest()), len(h.hexdigest()))
    show('set name', lambda: setattr(h, 'name', 'x'))
    show('set digest_size', lambda: setattr(h, 'digest_size', 1))
    # errors
    show('str', lambda: ctor('abc'))
    show('int', lambda: ctor(1))
    show('None', lambda: ctor(None))
    show('list', lambda: ctor([1, 2]))
    show('two args', lambda: ctor(b'a', b'b'))
    show('data kw', lambda: ctor(data=b''))
    show('string kw', lambda: ctor(string=b'abc').hexdigest() == ctor(b'abc').hexdigest())
    show('bad kw', lambda: ctor(b'', foo=1))
    show('update str', lambda: h.update('abc'))
    show('update int', lambda: h.update(5))
    show('update none', lambda: h.update())
    show('update two', lambda: h.update(b'a', b'b'))
    show('update kw', lambda: h.update(data=b'a'))
    show('digest arg', lambda: h.digest(1))
    show('hexdigest arg', lambda: h.hexdigest(1))
    show('copy arg', lambda: h.copy(1))
    show('string kw twice', lambda: ctor(b'', string=b''))
    show('three args', lambda: ctor(b'', b'', b''))
    show('del digest_size', lambda: delattr(h, 'digest_size'))
    show('del name', lambda: delattr(h, 'name'))
    show('set block_size', lambda: setattr(h, 'block_size', 1))
    show('set other', lambda: setattr(h, 'foo', 1))
    show('strided', lambda: h.update(memoryview(b'abcd')[::2]))
    show('instantiate', lambda: type(h)())
    print(h.hexdigest() == ctor().hexdigest())

print(_sha512.SHA384Type)
print(sorted(n for n in vars(_sha512) if not n.startswith('__')))
