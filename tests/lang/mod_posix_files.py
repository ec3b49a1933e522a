# posix: files, directories, descriptors and their errors, in a scratch
# directory made (and removed) under the current one.
import posix, errno

base = 'posix_test_%d' % posix.getpid()
posix.mkdir(base)
try:
    print(sorted(posix.listdir(base)))
    f = base + '/a.txt'
    fd = posix.open(f, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    print(type(fd).__name__, posix.write(fd, b'hello\nworld\n'))
    print(posix.lseek(fd, 0, 1), posix.lseek(fd, 2, 0))
    posix.ftruncate(fd, 8)
    posix.fsync(fd)
    posix.close(fd)
    st = posix.stat(f)
    print(st.st_size, oct(st.st_mode & 0o777), st[6], len(st), type(st).__name__)
    print(st.st_mtime_ns // 10**9 == st[8] == int(st.st_mtime), st.st_atime == st.st_atime)
    print(repr(st).startswith('os.stat_result(st_mode='), st.st_nlink)
    fd = posix.open(f, posix.O_RDONLY)
    print(posix.read(fd, 3), posix.read(fd, 100), posix.read(fd, 10))
    print(posix.fstat(fd).st_size, posix.isatty(fd))
    fd2 = posix.dup(fd)
    print(fd2 != fd, posix.get_inheritable(fd2))
    posix.close(fd2)
    posix.close(fd)
    r, w = posix.pipe()
    posix.write(w, b'through a pipe')
    posix.close(w)
    print(posix.read(r, 100), posix.read(r, 100))
    posix.close(r)
    posix.mkdir(base + '/sub')
    posix.mkdir(base + '/sub/deeper', 0o755)
    posix.symlink('a.txt', base + '/link')
    print(posix.readlink(base + '/link'), posix.readlink((base + '/link').encode()))
    print(sorted(posix.listdir(base)), sorted(posix.listdir(base.encode())))
    import_lstat = posix.lstat(base + '/link')
    print(import_lstat.st_mode & 0o170000 == 0o120000, posix.stat(base + '/link').st_size)
    posix.link(f, base + '/hard')
    print(posix.stat(f).st_nlink)
    entries = sorted(posix.scandir(base), key=lambda e: e.name)
    for e in entries:
        print(e.name, e.path == base + '/' + e.name, e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_file(follow_symlinks=False), e.stat().st_size == posix.stat(e.path).st_size,
              e.inode() == posix.lstat(e.path).st_ino, repr(e) == '<DirEntry %r>' % e.name)
    with posix.scandir(base.encode()) as it:
        print(sorted(e.name for e in it))
    posix.chmod(f, 0o600)
    print(oct(posix.stat(f).st_mode & 0o777), posix.access(f, posix.R_OK), posix.access(base + '/nope', posix.F_OK))
    posix.utime(f, (1000000000, 1000000001.5))
    st = posix.stat(f)
    print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[7], st[8])
    posix.utime(f, ns=(5 * 10**9 + 7, 6 * 10**9 + 9))
    st = posix.stat(f)
    print(st.st_atime_ns, st.st_mtime_ns)
    posix.rename(f, base + '/b.txt')
    posix.replace(base + '/b.txt', base + '/c.txt')
    print(sorted(posix.listdir(base)))
    for call in [lambda: posix.stat(base + '/missing'),
                 lambda: posix.open(base + '/missing', posix.O_RDONLY),
                 lambda: posix.mkdir(base + '/sub'),
                 lambda: posix.rmdir(base + '/sub'),
                 lambda: posix.rmdir(base + '/c.txt'),
                 lambda: posix.listdir(base + '/c.txt'),
                 lambda: posix.unlink(base + '/sub'),
                 lambda: posix.rename(base + '/missing', base + '/other'),
                 lambda: posix.close(9999),
                 lambda: posix.read(9999, 1),
                 lambda: posix.stat([1]),
                 lambda: posix.mkdir(None),
                 lambda: posix.listdir(3.5),
                 lambda: posix.stat('a\0b'),
                 lambda: posix.stat(b'a\0b'),
                 lambda: posix.close('x'),
                 lambda: posix.write(1, 'text'),
                 lambda: posix.rename('a', b'b'),
                 lambda: posix.stat(),
                 lambda: posix.stat('x', bogus=1),
                 ]:
        try:
            call()
        except Exception as e:
            print(type(e).__name__, str(e).replace(base, 'BASE'),
                  getattr(e, 'errno', None), errno.errorcode.get(getattr(e, 'errno', None)))
    posix.unlink(base + '/c.txt')
    posix.remove(base + '/link')
    posix.unlink(base + '/hard')
    posix.rmdir(base + '/sub/deeper')
    posix.rmdir(base + '/sub')
finally:
    for name in posix.listdir(base):
        try:
            posix.unlink(base + '/' + name)
        except OSError:
            pass
    posix.rmdir(base)
print(base in posix.listdir('.'), base in posix.listdir())
