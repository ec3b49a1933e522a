# Every codec of the encodings package that krait has: encode and decode with
# error handlers, incremental encoders and decoders fed one unit at a time.
import codecs, os
# The CJK codecs need CPython's _codecs_* C modules, idna needs unicodedata,
# base64/bz2/zlib_codec need re, bz2 and zlib: left out until krait has them.
needs_c = {'big5', 'big5hkscs', 'cp932', 'cp949', 'cp950', 'euc_jis_2004', 'euc_jisx0213',
           'euc_jp', 'euc_kr', 'gb18030', 'gb2312', 'gbk', 'hz', 'idna', 'iso2022_jp',
           'iso2022_jp_1', 'iso2022_jp_2', 'iso2022_jp_2004', 'iso2022_jp_3', 'iso2022_jp_ext',
           'iso2022_kr', 'johab', 'shift_jis', 'shift_jis_2004', 'shift_jisx0213',
           'base64_codec', 'bz2_codec', 'zlib_codec'}
names = sorted(f[:-3] for f in os.listdir(os.path.dirname(codecs.__file__) + '/encodings')
               if f.endswith('.py') and f not in ('__init__.py', 'aliases.py') and f[:-3] not in needs_c)
sample = 'Az09 \xe9\xe8\xfc\u20ac\u0416\u03b1\u05d0\u3042\U0001f600\x00\x7f\x80\xff'
for name in names:
    try:
        info = codecs.lookup(name)
    except Exception as e:
        print(name, 'lookup', type(e).__name__, e)
        continue
    try:
        if getattr(info, '_is_text_encoding', True):
            b = info.encode(sample, 'replace')[0]
            s = info.decode(b, 'replace')[0]
            inc = codecs.getincrementalencoder(name)('backslashreplace')
            b2 = b''.join(inc.encode(c) for c in sample) + inc.encode('', True)
            dec = codecs.getincrementaldecoder(name)('replace')
            s2 = ''.join(dec.decode(b2[i:i+1]) for i in range(len(b2))) + dec.decode(b'', True)
            print(name, b[:60], s[:30], b2[:60], s2[:40])
        else:
            b = info.encode(b'hello \xff world')[0]
            print(name, b[:60], info.decode(b)[0])
    except Exception as e:
        print(name, 'err', type(e).__name__, str(e)[:150])
