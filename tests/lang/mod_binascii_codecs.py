# binascii: every function with ordinary and wrong arguments, and base64
# on top of it.
import binascii

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(binascii.Error.__module__, binascii.Error.__mro__[1].__name__,
      binascii.Incomplete.__module__, binascii.Incomplete.__mro__[1].__name__)
data = bytes(range(256))
# hex
for f in [binascii.hexlify, binascii.b2a_hex]:
    t(f.__name__, lambda: f(b'\x01\xab\xff'))
    t(f.__name__ + ' sep', lambda: f(b'\x01\xab\xff\x10', '-'))
    t(f.__name__ + ' sep bytes', lambda: f(b'\x01\xab\xff\x10\x20', b':', 2))
    t(f.__name__ + ' sep neg', lambda: f(b'\x01\xab\xff\x10\x20', b':', -2))
    t(f.__name__ + ' sep kw', lambda: f(b'\x01\xab\xff', sep=' ', bytes_per_sep=1))
    t(f.__name__ + ' sep long', lambda: f(b'\x01', '--'))
    t(f.__name__ + ' sep nonascii', lambda: f(b'\x01\x02', '\xe9'))
    t(f.__name__ + ' str', lambda: f('ab'))
    t(f.__name__ + ' empty', lambda: f(b''))
    t(f.__name__ + ' bytearray', lambda: f(bytearray(b'xy')))
    t(f.__name__ + ' memoryview', lambda: f(memoryview(b'xyz')[1:]))
    t(f.__name__ + ' none', lambda: f())
for f in [binascii.unhexlify, binascii.a2b_hex]:
    t(f.__name__, lambda: f(b'01abFF'))
    t(f.__name__ + ' str', lambda: f('01abFF'))
    t(f.__name__ + ' odd', lambda: f(b'abc'))
    t(f.__name__ + ' bad', lambda: f(b'zz'))
    t(f.__name__ + ' nonascii', lambda: f('\xe9\xe9'))
    t(f.__name__ + ' int', lambda: f(3))
    t(f.__name__ + ' space', lambda: f(b'01 ab'))
    t(f.__name__ + ' empty', lambda: f(''))
t('hex roundtrip', lambda: binascii.unhexlify(binascii.hexlify(data)) == data)
# base64
t('b2a_base64', lambda: binascii.b2a_base64(b'hello world'))
t('b2a_base64 1', lambda: binascii.b2a_base64(b'a'))
t('b2a_base64 2', lambda: binascii.b2a_base64(b'ab'))
t('b2a_base64 nonl', lambda: binascii.b2a_base64(b'abcd', newline=False))
t('b2a_base64 all', lambda: binascii.b2a_base64(data))
t('b2a_base64 empty', lambda: binascii.b2a_base64(b''))
t('b2a_base64 str', lambda: binascii.b2a_base64('abc'))
t('b2a_base64 pos nl', lambda: binascii.b2a_base64(b'abc', False))
t('a2b_base64', lambda: binascii.a2b_base64(b'aGVsbG8gd29ybGQ=\n'))
t('a2b_base64 str', lambda: binascii.a2b_base64('aGVsbG8='))
t('a2b_base64 junk', lambda: binascii.a2b_base64(b'aG!Vs bG8=*'))
t('a2b_base64 nopad', lambda: binascii.a2b_base64(b'aGVsbG8'))
t('a2b_base64 one', lambda: binascii.a2b_base64(b'a'))
t('a2b_base64 five', lambda: binascii.a2b_base64(b'abcde'))
t('a2b_base64 extra pad', lambda: binascii.a2b_base64(b'aGk===='))
t('a2b_base64 early pad', lambda: binascii.a2b_base64(b'aG==Vs'))
t('a2b_base64 excess', lambda: binascii.a2b_base64(b'aGk=aGk='))
t('a2b_base64 only pad', lambda: binascii.a2b_base64(b'===='))
t('a2b_base64 empty', lambda: binascii.a2b_base64(b''))
t('a2b_base64 roundtrip', lambda: binascii.a2b_base64(binascii.b2a_base64(data)) == data)
for s in [b'aGVsbG8=', b'aGVsbG8', b' aGVsbG8=', b'aGVs\nbG8=', b'aGVsbG8=a', b'=aGVsbG8',
          b'aGVsbG8==', b'aGVsb=G8', b'aGVsbG8*', b'', b'aGk=', b'ab==', b'abc=', b'a===']:
    t('strict %r' % s, lambda: binascii.a2b_base64(s, strict_mode=True))
t('a2b_base64 nonascii', lambda: binascii.a2b_base64('\xe9'))
t('a2b_base64 int', lambda: binascii.a2b_base64(1))
t('a2b_base64 pos strict', lambda: binascii.a2b_base64(b'aGk=', True))
# crc
t('crc32', lambda: binascii.crc32(b'hello'))
t('crc32 start', lambda: binascii.crc32(b'world', binascii.crc32(b'hello ')))
t('crc32 all', lambda: binascii.crc32(data))
t('crc32 neg', lambda: binascii.crc32(b'x', -1))
t('crc32 big', lambda: binascii.crc32(b'x', 2**40 + 5))
t('crc32 empty', lambda: binascii.crc32(b''))
t('crc32 str', lambda: binascii.crc32('x'))
t('crc32 float', lambda: binascii.crc32(b'x', 1.0))
t('crc32 kw', lambda: binascii.crc32(data=b'x'))
t('crc_hqx', lambda: binascii.crc_hqx(b'hello', 0))
t('crc_hqx start', lambda: binascii.crc_hqx(data, 0xFFFF))
t('crc_hqx big', lambda: binascii.crc_hqx(b'x', 0x12345))
t('crc_hqx neg', lambda: binascii.crc_hqx(b'x', -1))
t('crc_hqx missing', lambda: binascii.crc_hqx(b'x'))
# uu
t('b2a_uu', lambda: binascii.b2a_uu(b'hello'))
t('b2a_uu backtick', lambda: binascii.b2a_uu(b'\x00\x00\x00', backtick=True))
t('b2a_uu zeros', lambda: binascii.b2a_uu(b'\x00\x00\x00'))
t('b2a_uu empty', lambda: binascii.b2a_uu(b''))
t('b2a_uu empty bt', lambda: binascii.b2a_uu(b'', backtick=True))
t('b2a_uu 45', lambda: binascii.b2a_uu(data[:45]))
t('b2a_uu 46', lambda: binascii.b2a_uu(data[:46]))
t('b2a_uu str', lambda: binascii.b2a_uu('ab'))
t('a2b_uu', lambda: binascii.a2b_uu(binascii.b2a_uu(b'hello')))
t('a2b_uu all', lambda: binascii.a2b_uu(binascii.b2a_uu(data[:45])) == data[:45])
t('a2b_uu backtick', lambda: binascii.a2b_uu(b'#````\n'))
t('a2b_uu short', lambda: binascii.a2b_uu(b'%:&5L'))
t('a2b_uu empty', lambda: binascii.a2b_uu(b''))
t('a2b_uu blank', lambda: binascii.a2b_uu(b'\n'))
t('a2b_uu bad', lambda: binascii.a2b_uu(b'#abc\x7f'))
t('a2b_uu trailing', lambda: binascii.a2b_uu(b'!80  xx\n'))
t('a2b_uu trailing ok', lambda: binascii.a2b_uu(b'!80   `\n'))
t('a2b_uu str', lambda: binascii.a2b_uu('%:&5L;&\\\n'))
# qp
for s in [b'hello world', b'caf\xe9', b'a=b', b'tab\there', b'trailing space \nnext',
          b'trailing tab\t\r\nx', b'x' * 100, b'line\r\nbreak', b'.\nstart dot', b'a_b c',
          b'From the start', b'\x00\x7f\x80', b'a' * 75 + b'=', b'ends with space ', b'a\rb',
          b'=' * 30]:
    t('b2a_qp %r' % s[:20], lambda: binascii.b2a_qp(s))
    t('b2a_qp tabs %r' % s[:20], lambda: binascii.b2a_qp(s, quotetabs=True))
    t('b2a_qp bin %r' % s[:20], lambda: binascii.b2a_qp(s, istext=False))
    t('b2a_qp header %r' % s[:20], lambda: binascii.b2a_qp(s, header=True))
for s in [b'hello=20world', b'caf=E9', b'caf=e9', b'soft=\nbreak', b'soft=\r\nbreak', b'a=zz',
          b'a=', b'a=4', b'under_score', b'x=\n', b'=\r\n', b'a=\r', b'trail  \nx', b'=3D=3d']:
    t('a2b_qp %r' % s, lambda: binascii.a2b_qp(s))
    t('a2b_qp header %r' % s, lambda: binascii.a2b_qp(s, header=True))
t('a2b_qp str', lambda: binascii.a2b_qp('a=41'))
t('b2a_qp str', lambda: binascii.b2a_qp('a'))
t('b2a_qp kw', lambda: binascii.b2a_qp(data=b'a b', quotetabs=1, istext=0, header=1))
t('sep euro', lambda: binascii.hexlify(b'ab', '\u20ac'))
t('sep int', lambda: binascii.hexlify(b'ab', 3))
t('sep empty', lambda: binascii.hexlify(b'ab', b''))
t('sep bytearray', lambda: binascii.hexlify(b'ab', bytearray(b':')))
t('per 0', lambda: binascii.hexlify(b'abc', ':', 0))
t('per 5', lambda: binascii.hexlify(b'abc', ':', 5))
t('per str', lambda: binascii.hexlify(b'abc', ':', 'x'))
t('sep none', lambda: binascii.hexlify(b'abc', None, 2))
t('per huge', lambda: binascii.hexlify(b'abcd', ':', 2**40))
for s in [b'====', b'aGVs=', b'aGVs==', b'aGk==', b'aGk=\n', b'aGk=   ', b'aGk=\x80']:
    t('strict %r' % s, lambda: binascii.a2b_base64(s, strict_mode=True))
    t('lenient %r' % s, lambda: binascii.a2b_base64(s))
t('a2b_hex bytearray', lambda: binascii.a2b_hex(bytearray(b'ab')))
t('a2b_hex memoryview', lambda: binascii.a2b_hex(memoryview(b'ab')))
t('b2a_uu backtick int', lambda: binascii.b2a_uu(b'a', backtick=2))
t('crc_hqx huge', lambda: binascii.crc_hqx(b'a', 2**40 + 3))
t('crc_hqx huger', lambda: binascii.crc_hqx(b'a', 2**70))
t('crc32 huge', lambda: binascii.crc32(b'a', 2**70))
t('crc32 neg huge', lambda: binascii.crc32(b'a', -2**70))
t('newline list', lambda: binascii.b2a_base64(b'a', newline=[]))
t('newline float', lambda: binascii.b2a_base64(b'a', newline=1.0))
t('a2b_qp kw', lambda: binascii.a2b_qp(data=b'a_b', header=True))

import codecs
t('hex codec', lambda: codecs.encode(b'\x01\xff', 'hex'))
t('hex codec dec', lambda: codecs.decode(b'01ff', 'hex'))
t('hex codec bad', lambda: codecs.decode(b'zz', 'hex'))
for name in ['a2b_uu', 'b2a_uu', 'a2b_base64', 'b2a_base64', 'a2b_hex', 'unhexlify', 'crc32',
             'crc_hqx', 'a2b_qp', 'b2a_qp', 'b2a_hex', 'hexlify']:
    f = getattr(binascii, name)
    t(name + '()', lambda: f())
    t(name + '(3 args)', lambda: f(b'a', b'b', b'c', b'd', b'e'))
    t(name + ' kw', lambda: f(b'a', bogus=1))
