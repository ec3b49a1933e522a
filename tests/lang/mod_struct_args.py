# _struct: every function's and Struct method's argument-count and keyword errors.
import struct
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
s = struct.Struct('<h')
for name in ['pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'calcsize']:
    f = getattr(struct, name)
    t(name + '()', lambda: f())
    t(name + ' kw', lambda: f('<h', bogus=1))
    m = getattr(s, name, None)
    if m:
        t('S.' + name + '()', lambda: m())
        t('S.' + name + ' kw', lambda: m(b'ab', bogus=1))
        t('S.' + name + ' many', lambda: m(b'ab', 0, 1, 2, 3))
