# A script whose bytes are not UTF-8 and that declares no encoding (nor has
# a BOM) is refused by the file tokenizer: "Non-UTF-8 code starting with
# '\xNN' in file F on line N ..." (run from a file or stdin); compile() and
# import of the same bytes report the codec's "(unicode error)" instead, and
# a declared encoding or a BOM decodes as usual.
import os
import subprocess
import sys
import tempfile

d = tempfile.mkdtemp()

def run(label, data, name='script.py', stdin=False):
    path = os.path.join(d, name)
    with open(path, 'wb') as f:
        f.write(data)
    if stdin:
        p = subprocess.run([sys.executable, '-'], input=data, capture_output=True, cwd=d)
    else:
        p = subprocess.run([sys.executable, name], capture_output=True, cwd=d)
    err = p.stderr.decode('utf-8', 'replace').replace(d, 'DIR').splitlines()
    print(label, p.returncode, p.stdout, err[-1:] if err else err)

run('line 2', b'x = 1\n\x89 = 2\n')
run('line 1', b'\x89\n')
run('comment', b'print(1)\n# caf\xc3\n')
run('surrogate', b'x = (\n\xed\xa0\x80)\n')
run('string', b'print("\xff")\n')
run('stdin', b'print(2)\n\x89\n', stdin=True)
run('latin-1 declared', b'# coding: latin-1\nprint("\xe9")\n')
run('declared on line 2', b'#!/usr/bin/env python\n# -*- coding: latin-1 -*-\nprint(len("\xe9"))\n')
run('bom', b'\xef\xbb\xbfprint("ok")\n')
run('bom bad', b'\xef\xbb\xbfprint("\x89")\n')
run('utf-8 declared bad', b'# coding: utf-8\nprint("\x89")\n')
run('valid', 'print("caf\u00e9")\n'.encode())

for src in (b'\x89', b'x = 1\n\x89 = 2\n'):
    try:
        compile(src, 'f', 'exec')
    except SyntaxError as e:
        print('compile', e.msg, e.lineno)

with open(os.path.join(d, 'badmod.py'), 'wb') as f:
    f.write(b'x = 1\n\x89\n')
sys.path.insert(0, d)
try:
    import badmod
except SyntaxError as e:
    print('import', e.msg, e.lineno)

for name in os.listdir(d):
    p = os.path.join(d, name)
    if os.path.isfile(p):
        os.unlink(p)
    else:
        for sub in os.listdir(p):
            os.unlink(os.path.join(p, sub))
        os.rmdir(p)
os.rmdir(d)
