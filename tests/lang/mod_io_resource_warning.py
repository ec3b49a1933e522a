# A file finalized while open gives "unclosed file <repr>" ResourceWarning,
# once, naming the outermost object (TextIOWrapper, buffered object or
# FileIO); closed files, closefd=False and detached wrappers give none.
# (The warning's source is not compared: Lib/warnings.py's warn_explicit,
# which krait's _warnings hands over to, passes it as WarningMessage's file.)
import gc
import io
import os
import tempfile
import warnings

d = tempfile.mkdtemp()
path = os.path.join(d, 'f.txt')

def check(label, make):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        f = make()
        r = repr(f)
        del f
        gc.collect()
        msgs = [(x.category.__name__, str(x.message).replace(path, 'PATH').replace(repr(path), 'PATH'))
                for x in w]
        print(label, r.replace(path, 'PATH') if 'name=' in r else '', msgs)

check('fileio', lambda: io.FileIO(path, 'wb'))
check('open wb0', lambda: open(path, 'wb', buffering=0))
check('open wb', lambda: open(path, 'wb'))
check('open rb', lambda: open(path, 'rb'))
check('open w', lambda: open(path, 'w', encoding='utf-8'))
check('open r+', lambda: open(path, 'r+', encoding='utf-8'))

def closed():
    f = open(path, 'w', encoding='utf-8')
    f.close()
    return f
check('closed', closed)

r, w = os.pipe()
check('fd closefd=False', lambda: open(r, 'rb', closefd=False))
check('fd', lambda: open(r, 'rb'))
os.close(w)

def detached():
    f = open(path, 'w', encoding='utf-8')
    b = f.detach()
    b.close()
    return f
check('detached', detached)

def written():
    f = open(path, 'w', encoding='utf-8')
    f.write('data')
    return f
check('written', written)
with open(path, encoding='utf-8') as f:
    print(f.read())

os.unlink(path)
os.rmdir(d)
