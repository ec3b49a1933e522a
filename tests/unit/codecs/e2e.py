"""End-to-end check of declared source encodings: krait vs ast.parse.

Usage: e2e.py KRAIT OUTDIR

Writes source files in every encoding python3.11 can decode source with
(valid programs with non-ASCII strings, identifiers and comments, plus
corrupted and truncated variants) into OUTDIR, then runs
tools/ast_conformance.py over them: the AST dump or the error (class,
message, line, offset) must match CPython's. Exits with its status.
(Not --render: the traceback text CPython prints for some errors in files
with a non-UTF-8 declaration is main.c's business, not the decoder's.)
"""
import os
import random
import shutil
import subprocess
import sys

KRAIT, OUT = sys.argv[1], sys.argv[2]
rng = random.Random(3492)

CJK = ['big5', 'big5hkscs', 'cp932', 'cp949', 'cp950', 'euc_jis_2004', 'euc_jisx0213', 'euc_jp',
       'euc_kr', 'gb18030', 'gb2312', 'gbk', 'johab', 'shift_jis', 'shift_jis_2004',
       'shift_jisx0213', 'hz', 'iso2022_jp', 'iso2022_jp_1', 'iso2022_jp_2', 'iso2022_jp_2004',
       'iso2022_jp_3', 'iso2022_jp_ext', 'iso2022_kr']
OTHER = ['utf-7', 'unicode_escape', 'raw_unicode_escape', 'utf_8_sig', 'cp1252', 'koi8-r',
         'mac_roman', 'cp037', 'latin-1']
UTF16_32 = ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'UTF16']


def repertoire(name):
    chars, letters = [], []
    for cp in rng.sample(range(0xA0, 0x30000), 40000):
        ch = chr(cp)
        if 0xD800 <= cp < 0xE000:
            continue
        try:
            if ch.encode(name).decode(name) != ch:
                continue
        except UnicodeError:
            continue
        chars.append(ch)
        if ch.isidentifier():
            letters.append(ch)
        if len(chars) > 400:
            break
    return chars or ['?'], letters or ['x']


def program(name, chars, letters):
    text = ''.join(rng.choice(chars) for _ in range(rng.randint(1, 10)))
    ident = ''.join(rng.choice(letters) for _ in range(rng.randint(1, 3)))
    return ('# -*- coding: %s -*-\n'
            's = %r\n'
            '%s = 1  # %s\n'
            'def f(a):\n'
            '    return "%s" + s\n' % (name, text, ident, text, text.replace('"', '')))


def write(fname, data):
    with open(os.path.join(OUT, fname), 'wb') as f:
        f.write(data)


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    n = 0
    for name in CJK + OTHER:
        chars, letters = repertoire(name)
        for k in range(6):
            src = program(name, chars, letters)
            if name in ('unicode_escape', 'raw_unicode_escape'):
                data = src.encode('ascii', 'backslashreplace')
            else:
                try:
                    data = src.encode(name)
                except UnicodeError:
                    continue
            write('%s_%d_ok.py' % (name, k), data)
            cut = data.find(b'\n') + 1 or 1
            b = bytearray(data)
            pos = rng.randrange(cut, len(b))
            b[pos] = rng.randrange(0x80, 0x100)
            write('%s_%d_bad.py' % (name, k), bytes(b))
            write('%s_%d_cut.py' % (name, k), data[:rng.randrange(cut, len(data))])
            n += 3
    for name in UTF16_32:
        for k, body in enumerate([b'x = 1\n', b'x = 12\n', b'x = 123\n', b'x=(1,\n 2)\n']):
            write('utf16_32_%s_%d.py' % (name, k), b'# coding: %s\n' % name.encode() + body)
            n += 1
    extra = {
        'escape_surrogate.py': b'# coding: unicode_escape\nx = "\\ud800"\n',
        'escape_newline.py': b'# coding: unicode_escape\nx = 1\\ny = 2\n',
        'escape_name.py': b'# coding: unicode_escape\nx = "\\N{EM DASH}"\n',
        'escape_bad_name.py': b'# coding: unicode_escape\nx = "\\N{NO SUCH NAME}"\n',
        'utf7_surrogate.py': b'# coding: utf-7\nx = "+2AA-"\n',
        'utf7_ok.py': b'# coding: utf-7\nx = "+AOk-"\n',
        'punycode_ok.py': b'# coding: punycode\nx = 1\n-',
        'punycode_bad.py': b'# coding: punycode\nx = 1\n',
        'idna_ok.py': b'# coding: idna\nx = a.b\n',
        'idna_roundtrip.py': b'# coding: idna\nx = a.xn--abc-.b\n',
        'undefined.py': b'# coding: undefined\nx = 1\n',
        'hz_tilde.py': b'# coding: hz\nx = "~~"\n',
        'iso2022_g0_latin1.py': b'# coding: iso2022_jp_2\nx = \'\x1b(A\'\n',
        'euc_jp_line2.py': b'#!/usr/bin/python\n# vim: set fileencoding=euc-jp :\nx = "\xa4\xa2"\n',
        'gb18030_four.py': b'# coding: gb18030\nx = "\x81\x30\x81\x30\x90\x30\x81\x30"\n',
        'gb18030_four_bad.py': b'# coding: gb18030\nx = "\x81\x30\x81"\n',
        'big5hkscs_pair.py': b'# coding: big5hkscs\nx = "\x88\x62"\n',
        'cp932_ident.py': '# coding: cp932\n変数 = "値"\n'.encode('cp932'),
        'euc_kr_makeup.py': b'# coding: euc-kr\nx = "\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4"\n',
    }
    for fname, data in extra.items():
        write(fname, data)
        n += 1
    print('wrote %d files to %s' % (n, OUT))
    sys.stdout.flush()
    tool = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'tools', 'ast_conformance.py')
    r = subprocess.run([sys.executable, tool, '--label', 'codecs-e2e', '--krait', KRAIT, OUT])
    sys.exit(r.returncode)


main()
