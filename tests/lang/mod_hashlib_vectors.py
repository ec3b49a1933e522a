# hashlib: every guaranteed algorithm against CPython on messages of 0..300
# bytes, fed whole and in chunks; a digest of the digests keeps the output short.
import hashlib

def message(n):
    return bytes((i * 131 + n * 7 + 3) & 0xff for i in range(n))

for name in sorted(hashlib.algorithms_guaranteed):
    acc = hashlib.sha512()
    bad = 0
    for n in range(0, 301):
        m = message(n)
        h = hashlib.new(name, m)
        d = h.digest(n % 70 + 1) if name.startswith('shake') else h.digest()
        # the same message fed in pieces of several sizes
        for step in (1, 7, 64, 65):
            g = hashlib.new(name)
            for i in range(0, n, step):
                g.update(m[i:i + step])
            e = g.digest(n % 70 + 1) if name.startswith('shake') else g.digest()
            if e != d:
                bad += 1
        acc.update(d)
    h = hashlib.new(name, b'abc')
    hx = h.hexdigest(20) if name.startswith('shake') else h.hexdigest()
    print(name, h.name, h.digest_size, h.block_size, bad, acc.hexdigest()[:32], hx)

# A long message, a copy that diverges, and memoryview/bytearray input.
big = message(251) * 400
for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha3_256', 'blake2b', 'blake2s'):
    h = hashlib.new(name, memoryview(big))
    c = h.copy()
    c.update(bytearray(b'more'))
    print(name, h.hexdigest()[:24], c.hexdigest()[:24], h.hexdigest() == hashlib.new(name, big).hexdigest())
print(hashlib.shake_128(big).hexdigest(300)[-40:], hashlib.shake_256(b'').hexdigest(0))
