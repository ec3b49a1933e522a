"""Generate source_codecs.h: what krait needs to decode source files declared with a
PEP 263 coding other than UTF-8.

Run by /usr/bin/python3.11 at build time; stdout is the header. Everything
comes from python3.11's own `encodings` package, so names, aliases and
decoding tables are CPython's:

- CODEC_NAMES: every name that resolves (after encodings.normalize_encoding)
  to a codec, alias or module name, with the codec it selects;
- CODEC_INFO: per codec, how krait decodes it (the CODEC_* kinds) and the
  name its errors carry;
- CHARMAP_TABLES: the 256-entry decoding table of each charmap codec
  (0xFFFF marks a byte the codec leaves undefined);
- the multibyte (CJK) tables, found by asking each codec about every byte
  sequence that matters: MB_TABLES, MB_ROWS, MB_LEADS, MB_POOL, MB_EXTRAS,
  GB18030_RANGES, EUCKR_CHOSEONG/EUCKR_JONGSEONG, UTF7_DIRECT.

How the multibyte tables work (codecs_source.c reads them): a table answers
"what does the byte sequence starting here decode to". Its single-byte row
says, per first byte, either a character, an error of N bytes, or "a lead
byte": a lead byte needs a second byte (MULTI) or a third (MULTI3, the EUC
0x8F plane), and the row for the lead (or for the second byte after the
0x8F) gives the outcome per last byte. A row stores only the span [lo, hi]
of last bytes that are not one-byte errors. Row contents are 16-bit slots
(a BMP character, or one of the SLOT_* codes in the surrogate range, which
no table decodes to); characters outside the BMP and pairs of characters
sit in MB_EXTRAS, keyed by their slot's index in MB_POOL. Rows are packed
into one pool where a row that already occurs (as a whole or inside a
longer row, e.g. a GB2312 row inside the GBK row) is stored once.

The C code mirrors CPython's decoders (Modules/cjkcodecs) in control flow:
when a codec asks for more bytes before it looks at them, which bytes it
reads raw, and its stateful escape handling. What varies per byte sequence
comes from these probes, and the generator checks that each codec's
answers have the shape that code expects, failing the build if not.
"""
import array
import codecs
import encodings
import encodings.aliases
import importlib
import pkgutil
import sys

KINDS = ['UNSUPPORTED', 'UTF8', 'ASCII', 'LATIN1', 'CHARMAP', 'NONTEXT', 'UTF8_SIG',
         'UTF16', 'UTF16_LE', 'UTF16_BE', 'UTF32', 'UTF32_LE', 'UTF32_BE', 'UTF7',
         'UNICODE_ESCAPE', 'RAW_UNICODE_ESCAPE', 'UNDEFINED', 'PUNYCODE', 'IDNA',
         'MULTIBYTE', 'HZ', 'ISO2022']
K = {name: i for i, name in enumerate(KINDS)}

# Modules whose decoder is one of CPython's built-in codecs.
BUILTIN_KINDS = {
    'utf_8': 'UTF8', 'ascii': 'ASCII', 'latin_1': 'LATIN1', 'charmap': 'LATIN1',
    'utf_8_sig': 'UTF8_SIG', 'utf_16': 'UTF16', 'utf_16_le': 'UTF16_LE',
    'utf_16_be': 'UTF16_BE', 'utf_32': 'UTF32', 'utf_32_le': 'UTF32_LE',
    'utf_32_be': 'UTF32_BE', 'utf_7': 'UTF7', 'unicode_escape': 'UNICODE_ESCAPE',
    'raw_unicode_escape': 'RAW_UNICODE_ESCAPE', 'undefined': 'UNDEFINED',
    'punycode': 'PUNYCODE', 'idna': 'IDNA', 'hz': 'HZ',
}
# The name a UnicodeDecodeError of these carries (differs from CodecInfo.name).
ERROR_NAMES = {'UTF8': 'utf-8', 'UTF8_SIG': 'utf-8', 'ASCII': 'ascii', 'LATIN1': 'latin-1',
               'CHARMAP': 'charmap', 'UTF7': 'utf7', 'UNICODE_ESCAPE': 'unicodeescape',
               'RAW_UNICODE_ESCAPE': 'rawunicodeescape'}

# Stateless multibyte codecs, and the continuation each handles by hand
# (codecs_source.c: a SLOT_NEED in a lead row).
MB_FAMILY = {'gb18030': 'MB_GB18030', 'euc_kr': 'MB_EUCKR'}
ISO2022_CONFIGS = ['iso2022_kr', 'iso2022_jp', 'iso2022_jp_1', 'iso2022_jp_2',
                   'iso2022_jp_2004', 'iso2022_jp_3', 'iso2022_jp_ext']

# ISO-2022 character sets: the table name, the codec and designation escape
# used to probe it, and its width in bytes.
ESC = b'\x1b'
ISO_CHARSETS = [
    ('jisx0208', 'iso2022_jp', ESC + b'$B', 2),
    ('jisx0212', 'iso2022_jp_1', ESC + b'$(D', 2),
    ('ksx1001', 'iso2022_jp_2', ESC + b'$(C', 2),
    ('gb2312_7bit', 'iso2022_jp_2', ESC + b'$A', 2),
    ('jisx0201_r', 'iso2022_jp', ESC + b'(J', 1),
    ('jisx0201_k', 'iso2022_jp_ext', ESC + b'(I', 1),
    ('jisx0213_2000_1', 'iso2022_jp_3', ESC + b'$(O', 2),
    ('jisx0213_2000_2', 'iso2022_jp_3', ESC + b'$(P', 2),
    ('jisx0213_2004_1', 'iso2022_jp_2004', ESC + b'$(Q', 2),
    ('jisx0213_2004_2', 'iso2022_jp_2004', ESC + b'$(P', 2),
]

SLOT_ERR = 0xD800      # + N: an error covering N bytes (1..3)
SLOT_NEED = 0xD808     # the codec reads further bytes (family-specific)
SLOT_MULTI = 0xD809    # lead byte of a two-byte sequence
SLOT_MULTI3 = 0xD80A   # lead byte of a three-byte sequence
SLOT_EXTRA = 0xD80F    # see MB_EXTRAS
SPECIAL = 0xFFFF0000   # semantic keys of slots (see Packer)


def fail(msg):
    sys.stderr.write('gen_source_codecs.py: %s\n' % msg)
    sys.exit(1)


def probe(dec, data, skip=0):
    """('ok', text) or ('err', start, end, reason) for data decoded strictly;
    `skip` bytes of designation prefix are subtracted from positions."""
    try:
        return ('ok', dec(data)[0])
    except UnicodeDecodeError as e:
        return ('err', e.start - skip, e.end - skip, e.reason)


class Packer:
    """Collects rows of 256 outcomes and packs them into the shared pool."""

    def __init__(self):
        self.rows = {}        # semantic tuple -> row index
        self.row_list = []    # (lo, hi, semantic tuple)
        self.pairs = {}       # text of two characters -> id
        self.extras = {}      # semantic key -> (cp1, cp2)
        self.add((SPECIAL | (SLOT_ERR + 1),) * 256)   # row 0: every byte an error

    def key_of_text(self, text):
        if len(text) == 1:
            cp = ord(text)
            if 0xD800 <= cp < 0xE000:
                fail('a table decodes to a surrogate')
            if cp > 0xFFFF:
                self.extras[cp] = (cp, 0)
            return cp
        if len(text) != 2:
            fail('a sequence decodes to %r' % text)
        pid = self.pairs.setdefault(text, len(self.pairs))
        key = 0x80000000 | pid
        self.extras[key] = (ord(text[0]), ord(text[1]))
        return key

    def add(self, keys):
        keys = tuple(keys)
        assert len(keys) == 256
        if keys in self.rows:
            return self.rows[keys]
        default = SPECIAL | (SLOT_ERR + 1)
        used = [i for i, k in enumerate(keys) if k != default]
        lo, hi = (used[0], used[-1]) if used else (1, 0)
        self.rows[keys] = len(self.row_list)
        self.row_list.append((lo, hi, keys[lo:hi + 1]))
        return self.rows[keys]

    def pack(self):
        """Returns (pool slots, row offsets, extras sorted by pool index)."""
        sem = array.array('I')
        hay = bytearray()     # sem as bytes, for searching
        offsets = [0] * len(self.row_list)
        order = sorted(range(len(self.row_list)), key=lambda r: -len(self.row_list[r][2]))
        for r in order:
            seg = self.row_list[r][2]
            if not seg:
                continue
            needle = array.array('I', seg).tobytes()
            at = hay.find(needle)
            while at >= 0 and at % 4:
                at = hay.find(needle, at + 1)
            if at < 0:
                offsets[r] = len(sem)
                sem.extend(seg)
                hay += needle
            else:
                offsets[r] = at // 4
        pool = []
        extras = []
        for i, k in enumerate(sem):
            if k >= SPECIAL:
                pool.append(k - SPECIAL)
            elif k in self.extras:
                pool.append(SLOT_EXTRA)
                extras.append((i,) + self.extras[k])
            else:
                pool.append(k)
        return pool, offsets, extras


def outcome_key(packer, r, start=0):
    """Semantic key of one probe whose sequence starts at `start`."""
    if r[0] == 'ok':
        return packer.key_of_text(r[1])
    _, s, e, reason = r
    if s != start or reason != 'illegal multibyte sequence' or not 1 <= e - s <= 3:
        fail('unexpected error %r' % (r,))
    return SPECIAL | (SLOT_ERR + e - s)


def stateless_table(packer, leadmaps, name):
    """Probe one stateless multibyte codec; returns its MB_TABLES entry."""
    dec = codecs.getdecoder(name)
    single = []
    lead_rows = [0] * 256
    lead3 = 0
    lead3_rows = None
    for c in range(256):
        r = probe(dec, bytes([c]))
        if r[0] == 'ok' or r[3] != 'incomplete multibyte sequence':
            single.append(outcome_key(packer, r))
            continue
        if r[1:3] != (0, 1):
            fail('%s: odd incomplete error for %02x' % (name, c))
        outs = [probe(dec, bytes([c, c2])) for c2 in range(256)]
        incomplete = [o[0] == 'err' and o[3] == 'incomplete multibyte sequence' for o in outs]
        if all(incomplete):
            # The EUC 0x8F plane: three bytes are read before any is looked at.
            if lead3:
                fail('%s: two three-byte leads' % name)
            lead3 = c
            single.append(SPECIAL | SLOT_MULTI3)
            rows3 = [0] * 256
            for c2 in range(256):
                keys = []
                for c3 in range(256):
                    o = probe(dec, bytes([c, c2, c3]))
                    keys.append(outcome_key(packer, o))
                rows3[c2] = packer.add(keys)
            lead3_rows = rows3
            continue
        single.append(SPECIAL | SLOT_MULTI)
        keys = []
        for c2, o in enumerate(outs):
            if incomplete[c2]:
                if name not in MB_FAMILY:
                    fail('%s: %02x %02x asks for more bytes' % (name, c, c2))
                keys.append(SPECIAL | SLOT_NEED)
            else:
                keys.append(outcome_key(packer, o))
        lead_rows[c] = packer.add(keys)
    check_need_shape(name, single, lead_rows, packer)
    entry = {'single': packer.add(single), 'leads': len(leadmaps), 'lead3': lead3,
             'leads3': -1, 'family': MB_FAMILY.get(name, 'MB_PLAIN')}
    leadmaps.append(lead_rows)
    if lead3_rows is not None:
        entry['leads3'] = len(leadmaps)
        leadmaps.append(lead3_rows)
    return entry


def check_need_shape(name, single, lead_rows, packer):
    """The hand-written continuations handle exactly these sequences."""
    need = set()
    for c in range(256):
        row = packer.row_list[lead_rows[c]]
        lo, hi, seg = row
        for c2 in range(lo, hi + 1):
            if seg[c2 - lo] == SPECIAL | SLOT_NEED:
                need.add((c, c2))
    if name == 'gb18030':
        want = {(c, c2) for c in range(0x80, 0x100) for c2 in range(0x30, 0x3A)}
    elif name == 'euc_kr':
        want = {(0xA4, 0xD4)}
    else:
        want = set()
    if need != want:
        fail('%s: sequences needing more bytes are not the expected ones' % name)


def gb18030_ranges():
    """Runs of the four-byte BMP area: (first index, first code point)."""
    dec = codecs.getdecoder('gb18030')
    runs = []
    for lseq in range(39420):
        c4 = lseq % 10
        c3 = lseq // 10 % 126
        c2 = lseq // 1260 % 10
        c1 = lseq // 12600
        r = probe(dec, bytes([0x81 + c1, 0x30 + c2, 0x81 + c3, 0x30 + c4]))
        if r[0] != 'ok' or len(r[1]) != 1:
            fail('gb18030: four-byte index %d does not decode' % lseq)
        cp = ord(r[1])
        if not runs or runs[-1][1] + (lseq - runs[-1][0]) != cp:
            runs.append((lseq, cp))
    # The supplementary planes are linear from 90 30 81 30.
    for b, cp in ((b'\x90\x30\x81\x30', 0x10000), (b'\xe3\x32\x9a\x35', 0x10FFFF)):
        if probe(dec, b) != ('ok', chr(cp)):
            fail('gb18030: supplementary planes moved')
    return runs


def euckr_jamo():
    """KS X 1001:1998 Annex 3 make-up sequences: initial and final consonant
    indexes of the bytes A1..BE (0xFF: not valid there)."""
    dec = codecs.getdecoder('euc_kr')
    cho, jong = [], []
    for b in range(0xA1, 0xBF):
        r = probe(dec, bytes([0xA4, 0xD4, 0xA4, b, 0xA4, 0xBF, 0xA4, 0xD4]))
        cho.append((ord(r[1]) - 0xAC00) // 588 if r[0] == 'ok' else 0xFF)
        r = probe(dec, bytes([0xA4, 0xD4, 0xA4, 0xA1, 0xA4, 0xBF, 0xA4, b]))
        jong.append((ord(r[1]) - 0xAC00) % 28 if r[0] == 'ok' else 0xFF)
    return cho, jong


def iso_charset_table(packer, leadmaps, name, codec, escape, width):
    dec = codecs.getdecoder(codec)
    skip = len(escape)

    def key(r):
        if r[0] == 'ok':
            return packer.key_of_text(r[1])
        if r[1] != 0 or r[2] != width or r[3] != 'illegal multibyte sequence':
            fail('%s: unexpected error %r' % (name, r))
        return SPECIAL | (SLOT_ERR + width)

    if width == 1:
        single = [SPECIAL | (SLOT_ERR + 1)] * 256
        for c in range(0x20, 0x80):
            single[c] = key(probe(dec, escape + bytes([c]), skip))
        return {'single': packer.add(single), 'leads': -1, 'lead3': 0, 'leads3': -1,
                'family': 'MB_PLAIN'}
    rows = [0] * 256
    for c in range(0x20, 0x80):
        rows[c] = packer.add([key(probe(dec, escape + bytes([c, c2]), skip))
                              for c2 in range(256)])
    entry = {'single': 0, 'leads': len(leadmaps), 'lead3': 0, 'leads3': -1,
             'family': 'MB_PLAIN'}
    leadmaps.append(rows)
    return entry


def hz_table(packer, leadmaps):
    """GB mode of HZ: two 7-bit bytes."""
    dec = codecs.getdecoder('hz')
    rows = [0] * 256
    for c in range(0x80):
        if c == ord('~'):
            continue
        keys = []
        for c2 in range(256):
            r = probe(dec, b'~{' + bytes([c, c2]), 2)
            if r[0] == 'ok':
                keys.append(packer.key_of_text(r[1]))
            elif r[1:3] == (0, 1) and r[3] == 'illegal multibyte sequence':
                keys.append(SPECIAL | (SLOT_ERR + 1))
            else:
                fail('hz: unexpected %r' % (r,))
        rows[c] = packer.add(keys)
    leadmaps.append(rows)
    return {'single': 0, 'leads': len(leadmaps) - 1, 'lead3': 0, 'leads3': -1,
            'family': 'MB_PLAIN'}


def iso8859_7_g2(packer):
    """The G2 set ISO-8859-7 of ISO-2022-JP-2, by the (raw) byte after ESC N."""
    dec = codecs.getdecoder('iso2022_jp_2')
    prefix = ESC + b'.F' + ESC + b'N'
    single = [SPECIAL | (SLOT_ERR + 1)] * 256
    for c in range(256):
        r = probe(dec, prefix + bytes([c]), len(prefix) - 2)
        if r[0] == 'ok':
            single[c] = packer.key_of_text(r[1])
        elif r[1:3] == (0, 3):
            single[c] = SPECIAL | (SLOT_ERR + 3)
        else:
            fail('iso8859_7 G2: unexpected %r' % (r,))
    return {'single': packer.add(single), 'leads': -1, 'lead3': 0, 'leads3': -1,
            'family': 'MB_PLAIN'}


def utf7_direct():
    """Bytes UTF-7 decodes as themselves outside a base64 run."""
    out = []
    for c in range(128):
        try:
            ok = bytes([c]).decode('utf-7') == chr(c) and c != ord('+')
        except UnicodeDecodeError:
            ok = False
        out.append(1 if ok else 0)
    return out


def multibyte_tables():
    packer = Packer()
    leadmaps = []
    tables = []      # (name, entry)
    mb_modules = []
    for m in sorted(x.name for x in pkgutil.iter_modules(encodings.__path__)):
        try:
            mod = importlib.import_module('encodings.' + m)
        except ImportError:
            continue
        if type(getattr(mod, 'codec', None)).__name__ == 'MultibyteCodec':
            mb_modules.append(m)
    for m in mb_modules:
        if m == 'hz' or m in ISO2022_CONFIGS:
            continue
        tables.append((m, stateless_table(packer, leadmaps, m)))
    for name, codec, escape, width in ISO_CHARSETS:
        tables.append((name, iso_charset_table(packer, leadmaps, name, codec, escape, width)))
    tables.append(('hz_gb', hz_table(packer, leadmaps)))
    tables.append(('iso8859_7_g2', iso8859_7_g2(packer)))
    missing = set(mb_modules) - {t[0] for t in tables} - set(ISO2022_CONFIGS) - {'hz'}
    if missing:
        fail('unhandled multibyte codecs %s' % sorted(missing))
    return packer, leadmaps, tables, mb_modules


def main():
    packer, leadmaps, mb_tables, mb_modules = multibyte_tables()
    mb_index = {name: i for i, (name, _) in enumerate(mb_tables)}

    modules = sorted(m.name for m in pkgutil.iter_modules(encodings.__path__))
    codec_list = []   # (module, kind, error_name, table_index)
    tables = []
    index = {}
    for m in modules:
        try:
            mod = importlib.import_module('encodings.' + m)
            info = mod.getregentry()
        except Exception:
            continue  # mbcs, oem (Windows only), aliases: no codec
        if not isinstance(info, codecs.CodecInfo):
            continue
        table = -1
        if not getattr(info, '_is_text_encoding', True):
            kind = 'NONTEXT'
        elif m in BUILTIN_KINDS:
            kind = BUILTIN_KINDS[m]
        elif m in ISO2022_CONFIGS:
            kind = 'ISO2022'
            table = ISO2022_CONFIGS.index(m)
        elif m in mb_index:
            kind = 'MULTIBYTE'
            table = mb_index[m]
        elif (isinstance(getattr(mod, 'decoding_table', None), str)
              and len(mod.decoding_table) == 256):
            kind = 'CHARMAP'
            table = len(tables)
            tables.append([0xFFFF if ch == '\ufffe' else ord(ch) for ch in mod.decoding_table])
        else:
            fail('no decoder for encodings.%s' % m)
        err_name = ERROR_NAMES.get(kind, info.name)
        if kind in ('UTF16', 'UTF32'):
            err_name = info.name    # the byte order is added when decoding
        index[m] = len(codec_list)
        codec_list.append((m, K[kind], err_name, table))

    names = {}
    for alias, target in encodings.aliases.aliases.items():
        if target in index:
            names.setdefault(alias, ('alias', index[target]))
    for m, i in index.items():
        names.setdefault('\0' + m, ('module', i))

    out = sys.stdout.write
    out('// Generated by tools/gen_source_codecs.py from python%d.%d encodings. Do not edit.\n'
        % sys.version_info[:2])
    out('#include <stdint.h>\n\n')
    out('enum {\n')
    for k in KINDS:
        out('    CODEC_%s,\n' % k)
    out('};\n\n')
    out('typedef struct CodecInfoEntry {\n    const char *module;\n    unsigned char kind;\n'
        '    short table;\n    const char *error_name;\n} CodecInfoEntry;\n\n')
    out('static const CodecInfoEntry CODEC_INFO[] = {\n')
    for m, kind, err_name, table in codec_list:
        out('    {"%s", %d, %d, "%s"},\n' % (m, kind, table, err_name))
    out('};\n\n')
    out('// is_module: the name is an encodings module name (looked up last and\n'
        '// only without a dot); otherwise an alias.\n')
    out('typedef struct CodecName {\n    const char *name;\n    unsigned char is_module;\n'
        '    short codec;\n} CodecName;\n\n')
    out('static const CodecName CODEC_NAMES[] = {\n')
    for key in sorted(names):
        kind, i = names[key]
        out('    {"%s", %d, %d},\n' % (key.lstrip('\0'), kind == 'module', i))
    out('};\n\n')
    out('static const uint16_t CHARMAP_TABLES[%d][256] = {\n' % max(1, len(tables)))
    for t in tables:
        out('    {')
        for j in range(0, 256, 16):
            out(''.join('0x%04x,' % v for v in t[j:j + 16]))
            out('\n     ' if j < 240 else '')
        out('},\n')
    if not tables:
        out('    {0},\n')
    out('};\n\n')
    emit_multibyte(out, packer, leadmaps, mb_tables)


def emit_list(out, values, per_line=16):
    for j in range(0, len(values), per_line):
        out('    ' + ','.join(str(v) for v in values[j:j + per_line]) + ',\n')


def emit_multibyte(out, packer, leadmaps, mb_tables):
    pool, offsets, extras = packer.pack()
    out('// ---- multibyte codecs (see the generator\'s docstring)\n')
    out('enum {\n    SLOT_ERR = 0x%X, SLOT_NEED = 0x%X, SLOT_MULTI = 0x%X, SLOT_MULTI3 = 0x%X,\n'
        '    SLOT_EXTRA = 0x%X,\n};\n' % (SLOT_ERR, SLOT_NEED, SLOT_MULTI, SLOT_MULTI3, SLOT_EXTRA))
    out('enum { MB_PLAIN, MB_GB18030, MB_EUCKR };\n\n')
    for i, (name, _) in enumerate(mb_tables):
        out('#define MB_TABLE_%s %d\n' % (name.upper(), i))
    for i, name in enumerate(ISO2022_CONFIGS):
        out('#define ISO2022_CFG_%s %d\n' % (name[len('iso2022_'):].upper(), i))
    out('#define ISO2022_CFG_COUNT %d\n\n' % len(ISO2022_CONFIGS))
    out('typedef struct MbTable {\n    uint16_t single;  // row of the first byte\n'
        '    int16_t leads;    // MB_LEADS entry: row per lead byte, or -1\n'
        '    int16_t leads3;   // MB_LEADS entry: row per second byte after lead3\n'
        '    uint8_t lead3;    // the three-byte lead, or 0\n'
        '    uint8_t family;\n} MbTable;\n\n')
    out('static const MbTable MB_TABLES[] = {\n')
    for name, e in mb_tables:
        out('    {%d, %d, %d, %d, %s}, // %s\n' % (e['single'], e['leads'], e['leads3'],
                                              e['lead3'], e['family'], name))
    out('};\n\n')
    out('typedef struct MbRow {\n    uint32_t off;\n    uint8_t lo, hi;\n} MbRow;\n\n')
    out('static const MbRow MB_ROWS[] = {\n')
    rows = ['{%d,%d,%d}' % (offsets[r], lo, hi) for r, (lo, hi, _) in enumerate(packer.row_list)]
    for j in range(0, len(rows), 8):
        out('    ' + ','.join(rows[j:j + 8]) + ',\n')
    out('};\n\n')
    out('static const uint16_t MB_LEADS[%d][256] = {\n' % len(leadmaps))
    for lm in leadmaps:
        out('    {\n')
        emit_list(out, lm, 32)
        out('    },\n')
    out('};\n\n')
    out('static const uint16_t MB_POOL[%d] = {\n' % len(pool))
    emit_list(out, pool, 20)
    out('};\n\n')
    out('typedef struct MbExtra {\n    uint32_t at;  // index in MB_POOL\n'
        '    uint32_t cp1, cp2;  // cp2 0: a single character\n} MbExtra;\n\n')
    out('static const MbExtra MB_EXTRAS[%d] = {\n' % len(extras))
    items = ['{%d,%d,%d}' % e for e in extras]
    for j in range(0, len(items), 6):
        out('    ' + ','.join(items[j:j + 6]) + ',\n')
    out('};\n\n')
    runs = gb18030_ranges()
    out('// GB18030 four-byte BMP area: runs of (index, first code point).\n')
    out('static const uint32_t GB18030_RANGES[%d][2] = {\n' % (len(runs) + 1))
    items = ['{%d,%d}' % r for r in runs] + ['{39420,0}']
    for j in range(0, len(items), 8):
        out('    ' + ','.join(items[j:j + 8]) + ',\n')
    out('};\n\n')
    cho, jong = euckr_jamo()
    out('// EUC-KR make-up sequences: jamo index of bytes A1..BE (0xFF: none).\n')
    out('static const uint8_t EUCKR_CHOSEONG[30] = {%s};\n' % ','.join(map(str, cho)))
    out('static const uint8_t EUCKR_JONGSEONG[30] = {%s};\n\n' % ','.join(map(str, jong)))
    out('// UTF-7: bytes that stand for themselves outside base64.\n')
    out('static const uint8_t UTF7_DIRECT[128] = {\n')
    emit_list(out, utf7_direct(), 32)
    out('};\n')
    if '-v' in sys.argv:
        sys.stderr.write('gen_source_codecs.py: %d rows, pool %d slots, %d extras, %d lead maps\n'
                         % (len(rows), len(pool), len(extras), len(leadmaps)))


main()
