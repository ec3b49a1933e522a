"""Generate unicode_ctype.h (in the build's gen/ folder): the character-type
tables behind str's case mapping and isX methods, included only by
src/runtime/unicode_ctype.c.

Run by /usr/bin/python3.11 at build time; stdout is the header. Every value
is read off python3.11 itself (Unicode 14.0.0): str methods applied to one
character, and unicodedata. CPython's internal flags that no Python API
shows directly are recovered from behaviour that depends only on them:

  cased           (c + 'a').title() keeps the 'a' lower-case exactly when
                  c is cased (title() title-cases after an uncased char).
  case-ignorable  decided through the final-sigma rule of lower(): a
                  capital sigma becomes final 'ς' when cased letters
                  precede it, skipping case-ignorable characters, and no
                  cased letter follows it, skipping them too.

Layout
------
Each code point maps to a *record* through a two-level table, as in
tools/gen_unicode.py:

    block = CTYPE_INDEX1[cp >> CTYPE_SHIFT]
    rec   = CTYPE_INDEX2[(block << CTYPE_SHIFT) + (cp & ((1 << CTYPE_SHIFT) - 1))]

A record holds the flags (CT_* below), the decimal and digit values (-1 for
none) and four case mappings: lower, upper, title and casefold. A mapping
to one code point is stored as the difference target - cp (so that the
many letters with the same offset share a record); a mapping to several
code points (the full mappings of SpecialCasing.txt: 'ß'.upper() == 'SS')
has its CT_*_EXT flag set and is stored as offset | length << 24 into
CTYPE_EXT, a pool of code points.
"""
import sys
import unicodedata

NCP = 0x110000
SHIFT = 7

FLAGS = ['ALPHA', 'DECIMAL', 'DIGIT', 'NUMERIC', 'LOWER', 'UPPER', 'TITLE', 'CASED',
         'CASE_IGNORABLE', 'SPACE', 'LINEBREAK', 'LOWER_EXT', 'UPPER_EXT', 'TITLE_EXT',
         'FOLD_EXT']
BIT = {name: 1 << i for i, name in enumerate(FLAGS)}
MAX_EXPANSION = 3


def is_cased(ch):
    return (ch + 'a').title()[-1] == 'a'


def is_case_ignorable(ch, cased):
    if cased:
        # A cased ch after the sigma stops the forward scan (no final form)
        # unless it is also case-ignorable.
        return ('A\u03a3' + ch).lower()[1] == '\u03c2'
    # An uncased ch between 'A' and the sigma stops the backward scan
    # (no final form) unless it is case-ignorable.
    return ('A' + ch + '\u03a3').lower()[-1] == '\u03c2'


def main():
    out = sys.stdout.write
    pool = []
    pool_index = {}

    def mapping(cp, text, ext_flag):
        if len(text) == 1:
            return 0, ord(text) - cp
        assert 1 < len(text) <= MAX_EXPANSION, (hex(cp), text)
        key = tuple(ord(c) for c in text)
        if key not in pool_index:
            pool_index[key] = len(pool)
            pool.extend(key)
        return BIT[ext_flag], pool_index[key] | len(key) << 24

    records = {}
    index = [0] * NCP
    empty = (0, -1, -1, 0, 0, 0, 0)
    records[empty] = 0
    for cp in range(NCP):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat in ('Cn', 'Cs', 'Co'):
            continue  # no properties at all (checked exhaustively by the tests)
        flags = 0
        if ch.isalpha():
            flags |= BIT['ALPHA']
        if ch.isdecimal():
            flags |= BIT['DECIMAL']
        if ch.isdigit():
            flags |= BIT['DIGIT']
        if ch.isnumeric():
            flags |= BIT['NUMERIC']
        if ch.islower():
            flags |= BIT['LOWER']
        if ch.isupper():
            flags |= BIT['UPPER']
        if cat == 'Lt':
            flags |= BIT['TITLE']
        cased = is_cased(ch)
        if cased:
            flags |= BIT['CASED']
        if is_case_ignorable(ch, cased):
            flags |= BIT['CASE_IGNORABLE']
        if ch.isspace():
            flags |= BIT['SPACE']
        if ch.splitlines() == ['']:
            flags |= BIT['LINEBREAK']
        maps = []
        for text, ext in ((ch.lower(), 'LOWER_EXT'), (ch.upper(), 'UPPER_EXT'),
                          (ch.title(), 'TITLE_EXT'), (ch.casefold(), 'FOLD_EXT')):
            # str_methods.c sizes its case-mapping buffer on this bound.
            assert (len(text.encode('utf-8', 'surrogatepass'))
                    <= 3 * len(ch.encode('utf-8', 'surrogatepass'))), hex(cp)
            f, v = mapping(cp, text, ext)
            flags |= f
            maps.append(v)
        rec = (flags, unicodedata.decimal(ch, -1), unicodedata.digit(ch, -1), *maps)
        index[cp] = records.setdefault(rec, len(records))

    blocks = {}
    index1 = []
    index2 = []
    size = 1 << SHIFT
    for start in range(0, NCP, size):
        block = tuple(index[start:start + size])
        if block not in blocks:
            blocks[block] = len(blocks)
            index2.extend(block)
        index1.append(blocks[block])

    def ctype_for(values):
        m = max(values)
        return 'uint8_t' if m < 256 else 'uint16_t' if m < 65536 else 'uint32_t'

    def emit_array(ctype, name, values, per_line=16):
        out('static const %s %s[%d] = {\n' % (ctype, name, len(values)))
        for i in range(0, len(values), per_line):
            out('    ' + ','.join(str(v) for v in values[i:i + per_line]) + ',\n')
        out('};\n\n')

    out('// Generated by tools/gen_unicode_ctype.py from python%d.%d (Unicode %s). '
        'Do not edit.\n' % (sys.version_info[0], sys.version_info[1],
                            unicodedata.unidata_version))
    out('#ifndef KRAIT_UNICODE_CTYPE_TABLES\n'
        '#error "this is the generated character-type tables; include runtime/unicode.h"\n'
        '#endif\n')
    out('#include <stdint.h>\n\n')
    out('#define CTYPE_SHIFT %d\n' % SHIFT)
    out('#define CTYPE_MAX_EXPANSION %d\n' % MAX_EXPANSION)
    for name in FLAGS:
        out('#define CT_%s 0x%x\n' % (name, BIT[name]))
    out('#define CT_EXT_FIRST CT_LOWER_EXT  // the *_EXT bits are the last ones\n')
    out('\ntypedef struct CtypeRecord {\n'
        '    uint16_t flags;\n    int8_t decimal, digit;\n'
        '    int32_t lower, upper, title, fold;\n} CtypeRecord;\n\n')
    out('static const CtypeRecord CTYPE_RECORDS[%d] = {\n' % len(records))
    for rec in sorted(records, key=records.get):
        out('    {0x%x, %d, %d, %d, %d, %d, %d},\n' % rec)
    out('};\n\n')
    emit_array(ctype_for(index1), 'CTYPE_INDEX1', index1)
    emit_array(ctype_for(index2), 'CTYPE_INDEX2', index2, 32)
    emit_array('uint32_t', 'CTYPE_EXT', pool)


main()
