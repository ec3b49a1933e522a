# base64 (every function) and the uu/quopri codecs over binascii. Needs _sre
# (base64 imports re) and _io (the uu and quopri codecs import io).
import base64

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

import base64
raw = bytes(range(0, 256, 7)) + b'hello world'
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.standard_b64encode, base64.standard_b64decode),
                 (base64.urlsafe_b64encode, base64.urlsafe_b64decode), (base64.b32encode, base64.b32decode),
                 (base64.b32hexencode, base64.b32hexdecode), (base64.b16encode, base64.b16decode),
                 (base64.b85encode, base64.b85decode), (base64.a85encode, base64.a85decode),
                 (base64.encodebytes, base64.decodebytes)]:
    e = enc(raw)
    print(enc.__name__, e[:40], dec(e) == raw)
t('b64decode validate', lambda: base64.b64decode(b'aGk=!', validate=True))
t('b64decode altchars', lambda: base64.b64encode(b'\xfb\xff', altchars=b'-_'))
t('b32decode casefold', lambda: base64.b32decode(b'nbswy3dp', casefold=True))
t('b32decode bad', lambda: base64.b32decode(b'NBSWY3D'))
t('b16decode bad', lambda: base64.b16decode(b'0g'))
t('a85 wrap', lambda: base64.a85encode(raw, wrapcol=20, adobe=True))
t('b85 pad', lambda: base64.b85encode(b'abc', pad=True))
t('z85', lambda: base64.a85encode(b'\x00\x00\x00\x00    ', foldspaces=True))
t('b64 str', lambda: base64.b64decode('aGk='))
t('b64 nonascii', lambda: base64.b64decode('\xe9'))
import codecs
t('uu codec', lambda: codecs.encode(b'hi', 'uu'))
t('uu codec dec', lambda: codecs.decode(codecs.encode(b'hi', 'uu'), 'uu'))
t('qp codec', lambda: codecs.encode(b'a=b \xff', 'quopri'))
t('base64 codec', lambda: codecs.encode(b'hi', 'base64'))
t('base64 codec bad', lambda: codecs.decode(b'z', 'base64'))
