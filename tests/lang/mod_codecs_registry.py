# codecs and the encodings package over _codecs: the registry, the
# incremental codecs, the error handler registry as str.encode and
# bytes.decode consult it.
import codecs
import encodings

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for name in ['utf-8', 'UTF8', 'latin-1', 'cp1252', 'utf_16', 'ascii', 'rot13', 'unicode_escape',
             'utf-8-sig', 'koi8_r', 'mac-roman', 'nope', 'utf-32-be']:
    try:
        info = codecs.lookup(name)
        print(name, info.name, type(info).__name__, info is codecs.lookup(name))
    except LookupError as e:
        print(name, 'LookupError', e)

t('rot13', lambda: codecs.encode('Hello', 'rot13'))
t('rot_13 decode', lambda: codecs.decode('Uryyb', 'rot_13'))
t('str rot13', lambda: 'x'.encode('rot13'))
t('cp1252', lambda: codecs.encode('\u20ac\xe9', 'cp1252'))
t('cp1252 dec', lambda: codecs.decode(b'\x80\xe9', 'cp1252'))
t('cp1252 err', lambda: codecs.decode(b'\x81', 'cp1252'))
t('cp437', lambda: codecs.encode('\u2592', 'cp437'))
t('utf-8-sig', lambda: codecs.encode('a', 'utf-8-sig'))
t('utf-8-sig dec', lambda: codecs.decode(b'\xef\xbb\xbfa', 'utf-8-sig'))
t('encode wrap', lambda: codecs.encode(3, 'rot13'))
t('decode wrap', lambda: codecs.decode('a', 'utf-8'))
t('encode errors', lambda: codecs.encode('\xe9', 'ascii', 'bogus'))
t('encode kw', lambda: codecs.encode(obj='\xe9', encoding='latin-1'))
t('decode default', lambda: codecs.decode(b'\xc3\xa9'))
t('getencoder', lambda: codecs.getencoder('utf-16-le')('ab'))
t('getdecoder', lambda: codecs.getdecoder('latin-1')(b'\xff'))

for enc in ['utf-8', 'utf-16', 'utf-32', 'utf-8-sig', 'cp1252', 'latin-1', 'unicode_escape',
            'raw_unicode_escape', 'utf-16-be']:
    data = 'a\xe9\u20ac\U0001f600z'.encode(enc, 'backslashreplace')
    dec = codecs.getincrementaldecoder(enc)()
    parts = [dec.decode(data[i:i + 1]) for i in range(len(data))]
    parts.append(dec.decode(b'', final=True))
    print(enc, parts)
    encoder = codecs.getincrementalencoder(enc)()
    print(enc, [encoder.encode(c) for c in 'ab\xe9'], encoder.encode('', final=True))

print(list(codecs.iterdecode([b'\xe2', b'\x82', b'\xac', b'x'], 'utf-8')))
print(b''.join(codecs.iterencode(['a', 'b'], 'utf-16')))
dec = codecs.getincrementaldecoder('utf-8')()
t('incomplete final', lambda: dec.decode(b'\xe2\x82', final=True))

def search(name):
    print('search', name)
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, e='strict': (s.upper().encode(), len(s)),
                                lambda b, e='strict': (bytes(b).decode().lower(), len(b)),
                                name='my-codec')
    return None

codecs.register(search)
t('my codec', lambda: codecs.encode('abc', 'My Codec'))
t('my codec dec', lambda: codecs.decode(b'ABC', 'my-codec'))
t('lookup cached', lambda: codecs.lookup('my-codec').name)
t('unknown', lambda: codecs.lookup('Another  Codec!'))
codecs.unregister(search)
t('after unregister', lambda: codecs.lookup('my_codec'))
t('register bad', lambda: codecs.register(1))

def bad_search(name):
    return (1, 2)
codecs.register(bad_search)
t('bad search', lambda: codecs.lookup('zzz'))
codecs.unregister(bad_search)

# error handlers
def handler(exc):
    print('handler', type(exc).__name__, exc.start, exc.end, repr(exc.object[exc.start:exc.end]))
    if isinstance(exc, UnicodeEncodeError):
        return ('<%d>' % ord(exc.object[exc.start]), exc.start + 1)
    return ('[%02x]' % exc.object[exc.start], exc.start + 1)

codecs.register_error('mine', handler)
print(codecs.lookup_error('mine') is handler)
t('enc ascii', lambda: 'a\xe9\xe8b'.encode('ascii', 'mine'))
t('enc latin', lambda: 'a\u20acb'.encode('latin-1', 'mine'))
t('enc utf8', lambda: 'a\ud800b'.encode('utf-8', 'mine'))
t('enc utf16', lambda: 'a\ud800b'.encode('utf-16-le', 'mine'))
t('enc cp1252', lambda: 'a\u0100b'.encode('cp1252', 'mine'))
t('dec utf8', lambda: b'a\xff\xfeb'.decode('utf-8', 'mine'))
t('dec ascii', lambda: b'a\x80b'.decode('ascii', 'mine'))
t('dec cp1252', lambda: b'a\x81b'.decode('cp1252', 'mine'))

codecs.register_error('skipall', lambda exc: ('', len(exc.object)))
t('skip all', lambda: 'a\xe9bcd'.encode('ascii', 'skipall'))
codecs.register_error('back', lambda exc: ('?', -1))
t('negative pos', lambda: 'ab\xe9c'.encode('ascii', 'back'))
codecs.register_error('far', lambda exc: ('?', 100))
t('out of bounds', lambda: 'ab\xe9c'.encode('ascii', 'far'))
codecs.register_error('badret', lambda exc: 'x')
t('bad result', lambda: 'ab\xe9c'.encode('ascii', 'badret'))
t('bad result dec', lambda: b'ab\xffc'.decode('utf-8', 'badret'))
codecs.register_error('bytesrep', lambda exc: (b'\xff\xfe', exc.end))
t('bytes rep', lambda: 'ab\xe9c'.encode('ascii', 'bytesrep'))
t('bytes rep dec', lambda: b'ab\xffc'.decode('utf-8', 'bytesrep'))
codecs.register_error('nonascii', lambda exc: ('\xe9', exc.end))
t('unencodable rep', lambda: 'ab\u20acc'.encode('ascii', 'nonascii'))
def raising(exc):
    raise KeyError('from handler')
codecs.register_error('raising', raising)
t('raising', lambda: 'ab\u20acc'.encode('ascii', 'raising'))
t('unknown handler', lambda: 'ab\u20acc'.encode('ascii', 'nope'))
t('unknown handler dec', lambda: b'\xff'.decode('utf-8', 'nope'))

for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
             'surrogateescape', 'surrogatepass']:
    h = codecs.lookup_error(name)
    print(name, h.__name__)
    t(name + ' via codecs', lambda: codecs.encode('a\xe9\udce9', 'ascii', name))

t('strict_errors', lambda: codecs.strict_errors(ValueError('v')))
t('ignore_errors', lambda: codecs.ignore_errors(UnicodeDecodeError('x', b'abc', 1, 2, 'r')))
t('replace_errors', lambda: codecs.replace_errors(UnicodeEncodeError('x', 'abc', 1, 3, 'r')))
t('clamped', lambda: codecs.replace_errors(UnicodeEncodeError('x', 'abc', -5, 30, 'r')))
t('backslashreplace', lambda: codecs.backslashreplace_errors(
    UnicodeTranslateError('a\u1234', 1, 2, 'r')))
