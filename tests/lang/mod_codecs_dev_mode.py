# -X dev: str.encode, bytes/bytearray(str, ...), bytes.decode and
# str(bytes, ...) look the encoding and error handler names up first, so a
# bad name fails even for empty input; without -X dev only real work does.
import os
import subprocess
import sys

env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDEVMODE", "PYTHONWARNINGS")}

code = r'''
import sys, codecs
print(sys.flags.dev_mode)
codecs.register_error('mine', codecs.lookup_error('replace'))
kws = ({'encoding': 'boom'}, {'encoding': 'ascii', 'errors': 'boom'},
       {'encoding': 'utf8', 'errors': 'boom'}, {'encoding': 'latin1', 'errors': 'boom'},
       {'encoding': 'hex_codec'}, {'encoding': 'ascii', 'errors': 'mine'},
       {'encoding': 'utf-16', 'errors': 'namereplace'})
for t in (bytes, bytearray, str):
    for data in ('', 'short'):
        for kw in kws:
            try:
                r = data.encode(**kw) if t is str else t(data, **kw)
                print(t.__name__, repr(data), kw, 'ok', r)
            except LookupError as e:
                print(t.__name__, repr(data), kw, 'LookupError', e)
    for data in (b'', b'short'):
        for kw in kws + ({'errors': 'boom'},):
            try:
                d = bytearray(data) if t is bytearray else data
                r = d.decode(**kw) if t is not str else str(d, **kw)
                print(t.__name__, repr(data), kw, 'ok', repr(r))
            except LookupError as e:
                print(t.__name__, repr(data), kw, 'LookupError', e)
'''

for args in ([], ["-X", "dev"]):
    out = subprocess.run([sys.executable, *args, "-c", code], env=env,
                         capture_output=True, text=True)
    print(args, out.returncode)
    print(out.stdout)
    print([line for line in out.stderr.splitlines() if "Error" in line])
