# hashlib: blake2b/blake2s parameters (key, salt, person, tree hashing) and
# their errors, shake digest lengths, and the argument errors of the hash objects.
import _blake2, _sha3, _md5, _sha1, _sha256, hashlib
B = _blake2.blake2b; S = _blake2.blake2s
cases = [dict(digest_size=0), dict(digest_size=65), dict(key=b'x'*65), dict(salt=b'x'*17), dict(person=b'x'*17),
 dict(fanout=-1), dict(fanout=256), dict(depth=0), dict(depth=256), dict(leaf_size=-1), dict(leaf_size=2**32), dict(node_offset=-1), dict(node_offset=2**64),
 dict(node_depth=-1), dict(node_depth=256), dict(inner_size=-1), dict(inner_size=65), dict(last_node=2), dict(key='s'), dict(digest_size='a'), dict(x=1), dict(salt=1), dict(data=b''),
 dict(node_offset=2**48), dict(digest_size=33), dict(key=b'x'*33), dict(salt=b'x'*9), dict(digest_size=20, key=b'k', salt=b's', person=b'p'),
 dict(fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1, inner_size=16, last_node=True),
 dict(key=b'k'*32, digest_size=1), dict(salt=b'S'*8, person=b'P'*8), dict(fanout=0, depth=255, leaf_size=2**32-1, node_offset=2**48-1, node_depth=255, inner_size=32)]
for T in (B, S):
    print(T.__name__, T.SALT_SIZE, T.PERSON_SIZE, T.MAX_KEY_SIZE, T.MAX_DIGEST_SIZE)
    for c in cases:
        for data in (b'', b'abc', bytes(range(256)) * 3):
            try:
                h = T(data, **c)
                g = T(**c)
                for i in range(0, len(data), 100):
                    g.update(data[i:i + 100])
                print(sorted(c), h.digest_size, h.hexdigest(), g.hexdigest() == h.hexdigest())
            except Exception as e:
                print(sorted(c), type(e).__name__, e)
                break
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, hashlib.blake2b is B)

for f in [lambda: B(b'a', b'b'), lambda: B('a'), lambda: B(1), lambda: _sha3.shake_128().digest(), lambda: _sha3.shake_128().digest(-1), lambda: _sha3.shake_128().hexdigest(2**40),
  lambda: _sha3.shake_128().digest('a'), lambda: _sha3.shake_256(b'x').digest(5), lambda: _sha3.shake_128().digest(length=3),
  lambda: _md5.md5().update(), lambda: _md5.md5().update('a'), lambda: _md5.md5(1), lambda: _md5.md5(b'', b''), lambda: _sha3.sha3_224(b'', b''), lambda: _sha3.sha3_224(string=b'a').hexdigest(),
  lambda: _md5.md5(string=b'a').hexdigest(), lambda: _sha3.sha3_224(data=b'a'), lambda: _md5.md5().copy(1), lambda: _sha3.sha3_224().copy(1), lambda: B().copy(1), lambda: type(_md5.md5()), lambda: type(_sha1.sha1()), lambda: type(_sha256.sha224()),
  lambda: _sha3.sha3_224().digest(1), lambda: _md5.md5().digest(1), lambda: _sha3.sha3_224()._capacity_bits, lambda: _sha3.sha3_224()._rate_bits, lambda: _sha3.sha3_224()._suffix, lambda: _sha3.shake_256()._suffix, lambda: _sha3.shake_256().digest_size,
  lambda: _md5.md5(usedforsecurity=False).hexdigest(), lambda: _sha1.sha1(b'abc', usedforsecurity=True).hexdigest(), lambda: B(usedforsecurity=False).digest_size,
  lambda: _md5.MD5Type(), lambda: _sha1.SHA1Type, lambda: _sha256.SHA224Type, lambda: _sha256.SHA256Type, lambda: type(_sha3.sha3_384()), lambda: type(S()),
  lambda: type('X', (B,), {}), lambda: type('X', (_sha3.sha3_256,), {}), lambda: hashlib.new('sha3_256', b'a').name, lambda: hashlib.new('nope'),
  lambda: sorted(hashlib.algorithms_guaranteed), lambda: hashlib.md5(b'a').name]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
