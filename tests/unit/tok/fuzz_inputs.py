"""Write random small sources that stress the tokenizer (numbers, strings,
brackets, indentation, continuations, encodings, odd bytes) as files, for
tools/ast_conformance.py to compare krait with python3.11.
Usage: fuzz_inputs.py OUTDIR [N] [SEED]"""
import os
import random
import sys

FRAGS = [
    b'x', b'y1', b'_', b'\xc3\xa9', b'a\xc3\xa9', b'\xe2\x82\xac', b'\xc2\xa0', b'\xf6', b'\xe2\x82',
    b'\xe2\x84\x98', b'\xcc\x80', b'0', b'00', b'0777', b'0_7', b'1_', b'1__0', b'1e', b'1e+', b'1.5j',
    b'0x', b'0x1f', b'0b12', b'0o8', b'0o17_8', b'1if', b'1else', b'1and', b'1or', b'.5', b'5.',
    b'1_000.0_1e1_0j', b'0xfor', b'1in', b'1is', b'1not', b'0b1_', b'0x_', b'1E-', b'1j_',
    b'"a"', b"'b'", b'"""t\nq"""', b"'''u'''", b'"abc', b"'abc", b'"""abc', b'b"x"', b'rb"\\"',
    b'f"{x}"', b'u"x"', b'ur"x"', b'bu"x"', b'Rb"x"', b'"\\\n"', b'"\xf6"',
    b'(', b')', b'[', b']', b'{', b'}', b'((', b'))', b'(]', b'[)',
    b'+', b'-', b'*', b'**', b'//', b'/=', b'->', b':=', b'<>', b'!=', b'!', b'$', b'?', b'`', b'@',
    b'...', b'..', b'.', b',', b':', b';', b'=', b'==', b'<<=', b'>>=', b'~', b'^', b'|', b'&', b'%',
    b' ', b' ', b' ', b'  ', b'\t', b'\x0c', b'\\', b'\\\n', b'\\ \n', b'#c', b'# \xf6',
    b'\n', b'\n', b'\n', b'\n    ', b'\n  ', b'\n\t', b'\n        ', b'\r\n', b'\r', b'\n\n',
    b'if x:', b'def f():', b'class C:', b'pass', b'return', b'lambda', b'not', b'in', b'for',
    b'\x01', b'\x7f', b'\x0b', b'\xe2\x80\x8b',
]
HEADERS = [b'', b'', b'', b'', b'\xef\xbb\xbf', b'# coding: latin-1\n', b'# -*- coding: utf-8 -*-\n',
           b'#!/x\n# coding: koi8-r\n', b'# coding: ascii\n', b'# coding: cp1252\n',
           b'# coding: utf8\n', b'\xef\xbb\xbf# coding: latin-1\n', b'# coding: nope\n']


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 263)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        body = b''.join(rnd.choice(FRAGS) for _ in range(rnd.randint(1, 14)))
        if rnd.random() < 0.3:
            body = b'if 1:\n    ' + body
        src = rnd.choice(HEADERS) + body
        if rnd.random() < 0.5:
            src += b'\n'
        with open(os.path.join(out, 'f%05d.py' % i), 'wb') as f:
            f.write(src)


main()
