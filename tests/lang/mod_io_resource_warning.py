# A file finalized while open gives "unclosed file <repr>" ResourceWarning,
# once, naming the outermost object (TextIOWrapper, buffered object or
# FileIO); closed files, closefd=False and detached wrappers give none.
# The warning is printed to stderr, never into the file being finalized.
# (Files are made and dropped at module level: `del f; gc.collect()` there
# is where krait frees them as promptly as CPython.)
import gc
import io
import os
import sys
import tempfile
import warnings

d = tempfile.mkdtemp()
path = os.path.join(d, 'f.txt')
r, w = os.pipe()

def show(label, rep, log):
    msgs = [(x.category.__name__, str(x.message).replace(path, 'PATH')) for x in log]
    print(label, rep.replace(path, 'PATH') if 'name=' in rep else '', msgs)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    f = io.FileIO(path, 'wb'); rep = repr(f); del f; gc.collect(); show('fileio', rep, log); log.clear()
    f = open(path, 'wb', buffering=0); rep = repr(f); del f; gc.collect(); show('open wb0', rep, log); log.clear()
    f = open(path, 'wb'); rep = repr(f); del f; gc.collect(); show('open wb', rep, log); log.clear()
    f = open(path, 'rb'); rep = repr(f); del f; gc.collect(); show('open rb', rep, log); log.clear()
    f = open(path, 'w', encoding='utf-8'); rep = repr(f); del f; gc.collect(); show('open w', rep, log); log.clear()
    f = open(path, 'r+', encoding='utf-8'); rep = repr(f); del f; gc.collect(); show('open r+', rep, log); log.clear()
    f = open(path, 'w', encoding='utf-8'); f.close(); rep = repr(f); del f; gc.collect(); show('closed', rep, log); log.clear()
    f = open(r, 'rb', closefd=False); rep = repr(f); del f; gc.collect(); show('fd closefd=False', rep, log); log.clear()
    f = open(r, 'rb'); rep = repr(f); del f; gc.collect(); show('fd', rep, log); log.clear()
    f = open(path, 'w', encoding='utf-8'); b = f.detach(); b.close(); del b; rep = repr(f); del f; gc.collect(); show('detached', rep, log); log.clear()
    f = open(path, 'w', encoding='utf-8'); f.write('data'); rep = repr(f); del f; gc.collect(); show('written', rep, log); log.clear()
os.close(w)
with open(path, encoding='utf-8') as f:
    print(f.read())

err = io.StringIO()
saved_stderr = sys.stderr
with warnings.catch_warnings():
    warnings.simplefilter('always')
    sys.stderr = err
    f = open(path, 'w', encoding='utf-8'); f.write('payload'); del f; gc.collect()
    sys.stderr = saved_stderr
print('stderr has it', 'ResourceWarning: unclosed file <_io.TextIOWrapper' in err.getvalue())
with open(path, encoding='utf-8') as f:
    print(repr(f.read()))

os.unlink(path)
os.rmdir(d)
