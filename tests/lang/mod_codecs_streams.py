# codecs' stream classes and io.TextIOWrapper over the codecs of _codecs and
# the encodings package.
import codecs, io
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
r = codecs.getreader('utf-8')(io.BytesIO('a\xe9\u20ac\nb\n'.encode()))
print(r.read(2), r.readline(), r.read())
w = io.BytesIO()
sw = codecs.getwriter('cp1252')(w)
sw.write('\u20ac5')
print(w.getvalue())
srw = codecs.EncodedFile(io.BytesIO('\xe9'.encode('latin-1')), 'utf-8', 'latin-1')
print(srw.read())
tw = io.TextIOWrapper(io.BytesIO('x\u20ac'.encode('utf-7')), encoding='utf-7')
print(tw.read())
t('text utf16', lambda: io.TextIOWrapper(io.BytesIO('ab'.encode('utf-16')), encoding='utf-16').read())
t('text punycode', lambda: io.TextIOWrapper(io.BytesIO(b'bcher-kva'), encoding='punycode').read())
r = codecs.getreader('utf-16')(io.BytesIO('line1\nline2\n\U0001f600'.encode('utf-16')))
print(r.readline(), r.readlines())
sr = codecs.StreamRecoder(io.BytesIO(b'\xe9t\xe9'), codecs.getencoder('utf-8'), codecs.getdecoder('utf-8'),
                          codecs.getreader('latin-1'), codecs.getwriter('latin-1'))
print(sr.read())
w = io.BytesIO()
sw = codecs.getwriter('utf-7')(w)
sw.write('a\u20ac')
sw.write('b')
print(w.getvalue())
