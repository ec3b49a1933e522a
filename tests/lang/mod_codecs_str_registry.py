# str.encode and bytes.decode ask the codec registry for codecs krait has
# no table for: registered search functions, pure-Python encodings codecs.
import codecs
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
t('punycode', lambda: 'bücher'.encode('punycode'))
t('punycode dec', lambda: b'bcher-kva'.decode('punycode'))
def search(name):
    if name == 'upper':
        return codecs.CodecInfo(lambda s, e: (s.upper().encode(), len(s)), lambda b, e: (bytes(b).decode().upper(), len(b)), name='upper')
    if name == 'badret':
        return codecs.CodecInfo(lambda s, e: (s, len(s)), lambda b, e: (b, len(b)), name='badret')
    if name == 'notuple':
        return codecs.CodecInfo(lambda s, e: s, lambda b, e: b, name='notuple')
    if name == 'raiser':
        def f(s, e): raise ValueError('boom ' + e)
        return codecs.CodecInfo(f, f, name='raiser')
    if name == 'binary':
        return codecs.CodecInfo(lambda s, e: (s, len(s)), lambda b, e: (b, len(b)), name='binary', _is_text_encoding=False)
    return None
codecs.register(search)
for n in ['upper', 'badret', 'notuple', 'raiser', 'binary', 'nothing']:
    t('encode ' + n, lambda: 'abc'.encode(n))
    t('decode ' + n, lambda: b'abc'.decode(n, 'ignore'))
    t('str() ' + n, lambda: str(bytearray(b'abc'), n))
