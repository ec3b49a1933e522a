# _struct, _codecs and binascii with offsets, counts and flags at the limits of C integers.
import struct, _codecs, binascii
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
buf = bytearray(4)
t('pack_into huge', lambda: struct.pack_into('<h', buf, 2**63, 1))
t('pack_into big', lambda: struct.pack_into('<h', buf, 2**62, 1))
t('pack_into negbig', lambda: struct.pack_into('<h', buf, -2**62, 1))
t('unpack_from huge', lambda: struct.unpack_from('<h', b'abcd', 2**63))
t('unpack_from big', lambda: struct.unpack_from('<h', b'abcd', 2**62))
t('unpack_from negbig', lambda: struct.unpack_from('<h', b'abcd', -2**62))
t('calcsize huge', lambda: struct.calcsize('9223372036854775807x'))
t('calcsize huge2', lambda: struct.calcsize('9223372036854775807xh'))
t('calcsize huge3', lambda: struct.calcsize('4611686018427387904h'))
t('pack huge s', lambda: struct.pack('99999999999999s', b''))
t('utf_16_ex big bo', lambda: _codecs.utf_16_ex_decode(b'ab', 'strict', 2**40))
t('utf_16_encode big bo', lambda: _codecs.utf_16_encode('ab', 'strict', 2**40))
t('hexlify per neg huge', lambda: binascii.hexlify(b'ab', ':', -2**31))
t('hexlify per min', lambda: binascii.hexlify(b'abc', ':', -2**31 + 1))
# negative offsets: an item that would run past the end, one before the start
buf10 = bytearray(10)
t('pack_into neg short', lambda: struct.pack_into('<I', buf10, -2, 123))
t('pack_into neg range', lambda: struct.pack_into('<B', buf10, -11, 123))
t('unpack_from neg short', lambda: struct.unpack_from('<I', buf10, -2))
t('unpack_from neg range', lambda: struct.unpack_from('<B', buf10, -11))
t('unpack_from neg ok', lambda: struct.unpack_from('<H', b'abcdef', -2))
t('Struct.unpack_from neg short', lambda: struct.Struct('<q').unpack_from(buf10, -4))
