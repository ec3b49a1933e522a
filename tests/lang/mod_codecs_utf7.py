# The utf-7 codec: encoding, decoding with errors, incremental decoding.
import codecs
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
for s in ['a+b\xe9', 'hello world', '~\\', '\U0001f600x', 'a-b\u20ac-c', '\u20acA', '\u20ac-', '\u20ac.', 'x\x00y', '\ud800', '\ud800a', '+++', 'Hi Mom -\u263a-!', '日本語']:
    e = s.encode('utf-7')
    print(repr(s), e, e.decode('utf-7') == s, codecs.utf_7_encode(s))
for b in [b'+AOk', b'+AOk-', b'+AOkA', b'+AOkB-', b'+2D3eAA-', b'+2D0-', b'+2D0', b'+2D0a', b'a\xffb', b'+!', b'+', b'+-', b'a+ZeVnLIqe-', b'+AO', b'+AOk', b'+2D3', b'+2D3e']:
    t('dec %r' % b, lambda: b.decode('utf-7'))
    t('dec replace %r' % b, lambda: b.decode('utf-7', 'replace'))
    t('partial %r' % b, lambda: codecs.utf_7_decode(b, 'strict', False))
    t('final %r' % b, lambda: codecs.utf_7_decode(b, 'strict', True))
dec = codecs.getincrementaldecoder('utf-7')()
data = 'a\u20ac\U0001f600b+c'.encode('utf-7')
print(data, [dec.decode(data[i:i+1]) for i in range(len(data))], dec.decode(b'', True))
t('utf_7_decode args', lambda: codecs.utf_7_decode())
t('utf_7_encode bytes', lambda: codecs.utf_7_encode(b'x'))
