"""Generate the Unicode character name table behind \\N{...} escapes.

Run with /usr/bin/python3.11 at build time; stdout becomes
$(BUILD)/gen/unicode_name_table.h, which only src/runtime/unicode_names.c
includes. The data comes from python3.11's own unicodedata module, so the set
of names that krait accepts is exactly the set CPython 3.11 accepts:

  * every character name unicodedata.name() knows, except the algorithmic
    HANGUL SYLLABLE and CJK UNIFIED IDEOGRAPH names (unicode_names.c computes
    those; we only emit the ideograph ranges);
  * the formal name aliases (NameAliases.txt), which \\N{} accepts but
    unicodedata.name() never returns. unicodedata keeps them at private-use
    code points U+F0000.. in its name table; we read them back through the
    module's name capsule (the one the str decoder itself uses) with ctypes.
    Named sequences (U+F0200..) are not accepted by \\N{} and are left out.

Encoding (see the essay in unicode_names.c for the lookup side):

  * Names are split into words at ' ' and '-'. Words are numbered by
    frequency; a name becomes a byte string of word tokens: ids below
    ONE_BYTE_IDS take one byte (id + 1), the rest two bytes (a prefix byte
    in 201..255, then the low byte). A '-' separator is the byte 0; a space
    between two words is implicit.
  * The encoded names are sorted bytewise and front-coded in blocks of
    NAME_BLOCK: each record is [shared prefix length][suffix length][suffix]
    [code point], where the code point is 3 bytes at a block start and a
    zigzag varint delta from the previous record otherwise.
  * The lexicon (the words, sorted alphabetically) is front-coded the same
    way in blocks of WORD_BLOCK; word_rank maps alphabetical index -> id.
  * alias_bits marks the records that are aliases, for the reverse
    direction (code point -> name, unicodedata.name()).
"""
import ctypes
import re
import sys
import unicodedata
from collections import Counter

NAME_BLOCK = 16
WORD_BLOCK = 16
ONE_BYTE_IDS = 200          # ids 0..199 -> bytes 1..200
TWO_BYTE_FIRST = ONE_BYTE_IDS + 1
HYPHEN = 0

ALGORITHMIC_PREFIXES = ('HANGUL SYLLABLE ', 'CJK UNIFIED IDEOGRAPH-')


def name_capi():
    """The getname/getcode pair of unicodedata's _ucnhash_CAPI capsule."""
    get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
    get_pointer.restype = ctypes.c_void_p
    get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    ptr = get_pointer(unicodedata._ucnhash_CAPI, b'unicodedata._ucnhash_CAPI')
    fns = (ctypes.c_void_p * 2).from_address(ptr)
    getname = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p,
                               ctypes.c_int, ctypes.c_int)(fns[0])
    getcode = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
                               ctypes.POINTER(ctypes.c_uint32), ctypes.c_int)(fns[1])
    return getname, getcode


def collect():
    names = {}
    cjk = []
    for cp in range(0x110000):
        nm = unicodedata.name(chr(cp), None)
        if nm is None:
            continue
        if nm.startswith('CJK UNIFIED IDEOGRAPH-'):
            cjk.append(cp)
            continue
        if nm.startswith('HANGUL SYLLABLE '):
            continue
        names[nm] = cp

    getname, getcode = name_capi()
    buf = ctypes.create_string_buffer(256)
    aliases = 0
    alias_names = set()
    for pua in range(0xF0000, 0xF0200):
        if not getname(pua, buf, len(buf), 1):
            continue
        alias = buf.value
        code = ctypes.c_uint32()
        assert getcode(alias, len(alias), ctypes.byref(code), 0)
        alias = alias.decode('ascii')
        assert unicodedata.lookup(alias) == chr(code.value)
        assert names.get(alias, code.value) == code.value
        names[alias] = code.value
        alias_names.add(alias)
        aliases += 1
    assert aliases > 400, 'alias capsule did not answer'

    ranges = []
    for cp in cjk:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return names, alias_names, ranges


def split_words(name):
    # ['LATIN', ' ', 'SMALL', ...]: words at even indices, separators at odd
    return re.split('([ -])', name)


def front_code(items, block):
    """items: sorted list of (key bytes, payload bytes-producing callable)."""
    out = bytearray()
    offsets = []
    prev = b''
    for i, (key, payload) in enumerate(items):
        if i % block == 0:
            offsets.append(len(out))
            prev = b''
        shared = 0
        limit = min(len(prev), len(key), 255)
        while shared < limit and prev[shared] == key[shared]:
            shared += 1
        suffix = key[shared:]
        assert len(suffix) < 256
        out.append(shared)
        out.append(len(suffix))
        out += suffix
        out += payload(i % block == 0)
        prev = key
    return out, offsets


def zigzag_varint(delta):
    z = (delta << 1) ^ (delta >> 63) if delta < 0 else delta << 1
    z &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = z & 0x7F
        z >>= 7
        if z:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def c_bytes(name, data, out):
    out.append('static const unsigned char %s[%d] =' % (name, len(data) + 1))
    line = ''
    for b in data:
        # printable ASCII as itself (3-digit octal escapes cannot swallow a
        # following digit); quote, backslash and '?' (trigraphs) escaped
        if 0x20 <= b < 0x7F and chr(b) not in '"\\?':
            line += chr(b)
        else:
            line += '\\%03o' % b
        if len(line) >= 96:
            out.append('    "%s"' % line)
            line = ''
    if line or not data:
        out.append('    "%s"' % line)
    out.append('    ;')


def c_array(ctype, name, values, out, per_line=12):
    out.append('static const %s %s[%d] = {' % (ctype, name, len(values)))
    for i in range(0, len(values), per_line):
        out.append('    ' + ', '.join(str(v) for v in values[i:i + per_line]) + ',')
    out.append('};')


def main():
    names, alias_names, cjk_ranges = collect()

    freq = Counter()
    for nm in names:
        for w in split_words(nm)[0::2]:
            freq[w] += 1
    by_freq = sorted(freq, key=lambda w: (-freq[w], w))
    word_id = {w: i for i, w in enumerate(by_freq)}
    assert len(by_freq) - ONE_BYTE_IDS <= (256 - TWO_BYTE_FIRST) * 256

    def encode(nm):
        parts = split_words(nm)
        out = bytearray()
        for i, part in enumerate(parts):
            if i % 2:
                if part == '-':
                    out.append(HYPHEN)
                continue
            wid = word_id[part]
            if wid < ONE_BYTE_IDS:
                out.append(wid + 1)
            else:
                wid -= ONE_BYTE_IDS
                out.append(TWO_BYTE_FIRST + (wid >> 8))
                out.append(wid & 0xFF)
        return bytes(out)

    encoded = sorted((encode(nm), cp, nm in alias_names) for nm, cp in names.items())
    for a, b in zip(encoded, encoded[1:]):
        assert a[0] != b[0], 'encoding is not injective'

    prev_cp = [0]

    def cp_payload(entry):
        def payload(restart):
            cp = entry[1]
            if restart:
                data = bytes([cp >> 16, (cp >> 8) & 0xFF, cp & 0xFF])
            else:
                data = zigzag_varint(cp - prev_cp[0])
            prev_cp[0] = cp
            return data
        return payload

    name_data, name_offsets = front_code([(e[0], cp_payload(e)) for e in encoded], NAME_BLOCK)

    words_sorted = sorted(by_freq, key=lambda w: w.encode())
    word_data, word_offsets = front_code([(w.encode(), lambda restart: b'') for w in words_sorted],
                                         WORD_BLOCK)
    word_rank = [word_id[w] for w in words_sorted]

    out = []
    out.append('// Generated by tools/gen_unicode_name_table.py from python3.11 unicodedata %s.'
               % unicodedata.unidata_version)
    out.append('// Do not edit. %d names and aliases, %d words.' % (len(encoded), len(words_sorted)))
    out.append('#define UNINAME_NAME_BLOCK %d' % NAME_BLOCK)
    out.append('#define UNINAME_WORD_BLOCK %d' % WORD_BLOCK)
    out.append('#define UNINAME_ONE_BYTE_IDS %d' % ONE_BYTE_IDS)
    out.append('#define UNINAME_TWO_BYTE_FIRST %d' % TWO_BYTE_FIRST)
    out.append('#define UNINAME_HYPHEN %d' % HYPHEN)
    out.append('#define UNINAME_COUNT %d' % len(encoded))
    out.append('#define UNINAME_WORD_COUNT %d' % len(words_sorted))
    c_bytes('uniname_names', name_data, out)
    c_array('uint32_t', 'uniname_name_blocks', name_offsets, out)
    c_bytes('uniname_words', word_data, out)
    c_array('uint32_t', 'uniname_word_blocks', word_offsets, out)
    c_array('uint16_t', 'uniname_word_rank', word_rank, out, per_line=16)
    # Which records are formal aliases (bit i % 8 of byte i / 8, in record
    # order): unicodedata.name() maps a code point back to its one real name.
    alias_bits = [0] * ((len(encoded) + 7) // 8)
    for i, e in enumerate(encoded):
        if e[2]:
            alias_bits[i // 8] |= 1 << (i % 8)
    c_array('uint8_t', 'uniname_alias_bits', alias_bits, out, per_line=16)
    c_array('uint32_t', 'uniname_cjk_ranges',
            ['0x%X' % v for r in cjk_ranges for v in r], out, per_line=8)
    out.append('#define UNINAME_CJK_RANGE_COUNT %d' % len(cjk_ranges))
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
