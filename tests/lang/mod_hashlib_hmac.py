# hmac over the builtin hashes, hashlib.pbkdf2_hmac (krait uses hashlib.py's
# pure version, which warns; the warning is silenced) and hashlib.file_digest.
import hashlib, hmac, io, warnings

for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_256', 'blake2b', 'blake2s'):
    for key in (b'', b'key', b'k' * 200):
        h = hmac.new(key, b'The quick brown fox jumps over the lazy dog', name)
        c = h.copy()
        c.update(b'!')
        print(name, len(key), h.name, h.digest_size, h.block_size, h.hexdigest()[:32], c.hexdigest()[:16],
              hmac.digest(key, b'msg', name).hex()[:16])
h = hmac.new(b'key', digestmod=hashlib.sha256)
h.update(b'a'); h.update(b'b')
print(h.hexdigest(), hmac.compare_digest(h.digest(), hmac.new(b'key', b'ab', 'sha256').digest()))
print(hmac.compare_digest('abc', 'abc'), hmac.compare_digest(b'abc', b'abd'))
try:
    hmac.new(b'key')
except TypeError as e:
    print('TypeError', e)

with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    for name in ('sha1', 'sha256', 'sha512', 'md5'):
        for dklen in (None, 10, 70):
            print(name, dklen, hashlib.pbkdf2_hmac(name, b'password', b'salt', 3, dklen).hex())

print(hashlib.file_digest(io.BufferedReader(io.BytesIO(b'x' * 100000)), 'sha256').hexdigest())
print(hashlib.file_digest(io.BufferedReader(io.BytesIO(b'abc')), hashlib.md5).hexdigest())
