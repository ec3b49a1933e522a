# The standard library's os and os.path over krait's posix module (and io
# over _io): a scratch tree made and removed under the current directory.
import os, stat, io

print(os.name, os.sep, os.curdir, os.pardir, os.extsep, os.linesep == '\n', os.devnull)
print(os.path.join('a', 'b', 'c.txt'), os.path.split('/x/y/z.py'), os.path.splitext('a.tar.gz'))
print(os.path.basename('/a/b.c'), os.path.dirname('/a/b.c'), os.path.normpath('a//b/../c/./d'))
print(os.path.isabs('/x'), os.path.abspath('x') == os.path.join(os.getcwd(), 'x'))
print(os.path.commonprefix(['/usr/lib', '/usr/local']), os.path.relpath('/a/b/c', '/a'))
base = 'os_tree_%d' % os.getpid()
os.makedirs(os.path.join(base, 'a', 'b'))
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(os.path.join(base, 'a'))
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror)
with open(os.path.join(base, 'a', 'f.txt'), 'w') as f:
    f.write('some text\n')
with open(os.path.join(base, 'a', 'b', 'g.bin'), 'wb') as f:
    f.write(bytes(range(10)))
print(sorted((os.path.relpath(r, base), sorted(d), sorted(f)) for r, d, f in os.walk(base)))
p = os.path.join(base, 'a', 'f.txt')
print(os.path.getsize(p), os.path.isfile(p), os.path.isdir(p), os.path.exists(p + 'x'))
print(os.path.islink(base), os.path.samefile(p, p), os.path.lexists(base))
st = os.stat(p)
print(stat.S_ISREG(st.st_mode), stat.filemode(st.st_mode)[0], os.access(p, os.R_OK))
os.symlink('f.txt', os.path.join(base, 'a', 'link'))
print(os.path.islink(os.path.join(base, 'a', 'link')), os.readlink(os.path.join(base, 'a', 'link')),
      os.path.realpath(os.path.join(base, 'a', 'link')) == os.path.realpath(p))
with os.scandir(os.path.join(base, 'a')) as it:
    print(sorted((e.name, e.is_dir(), e.is_symlink()) for e in it))
print(os.fsencode('é'), os.fsdecode(b'abc'), os.fspath(os.path.join(base, 'a')) == base + '/a')
os.environ['KRAIT_OS_TEST'] = 'value'
print(os.environ['KRAIT_OS_TEST'], os.getenv('KRAIT_OS_TEST'), 'KRAIT_OS_TEST' in os.environ)
del os.environ['KRAIT_OS_TEST']
print(os.getenv('KRAIT_OS_TEST', 'gone'))
os.rename(p, p + '.moved')
print(sorted(os.listdir(os.path.join(base, 'a'))))
for root, dirs, files in os.walk(base, topdown=False):
    for n in files:
        os.remove(os.path.join(root, n))
    for n in dirs:
        os.rmdir(os.path.join(root, n))
os.rmdir(base)
print(os.path.exists(base))
print(io.open is open, issubclass(io.FileIO, io.RawIOBase), isinstance(io.StringIO(), io.TextIOBase))
s = io.StringIO()
s.write('through io')
print(s.getvalue(), io.BytesIO(b'b').read(), io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
