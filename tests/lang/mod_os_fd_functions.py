# posix functions behind os.fwalk and CPython's test_os: scandir(fd),
# statvfs/fstatvfs, eventfd, memfd_create, readv/writev, sendfile,
# copy_file_range, splice, getrandom, get/setpriority, the set*id family's
# argument errors, bytes-like paths (deprecated), os.supports_* sets.
import os
import warnings


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


base = os.path.join(os.environ.get("TMPDIR", "/tmp"), "krait_mod_os_fd_%d" % os.getpid())
os.mkdir(base)
os.mkdir(os.path.join(base, "sub"))
with open(os.path.join(base, "file"), "wb") as f:
    f.write(b"0123456789")
os.symlink("file", os.path.join(base, "link"))

fd = os.open(base, os.O_RDONLY)
entries = sorted(os.scandir(fd), key=lambda e: e.name)
for e in entries:
    print(e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.is_file(follow_symlinks=False),
          e.stat().st_size == os.stat(os.path.join(base, e.name)).st_size)
print(sorted(os.listdir(fd)))
print("fwalk:", hasattr(os, "fwalk"))
for root, dirs, files, rootfd in os.fwalk(base):
    print(root == base or os.path.basename(root), sorted(dirs), sorted(files), isinstance(rootfd, int))
os.close(fd)
print(sorted(f.__name__ for f in os.supports_fd & {os.scandir, os.listdir, os.stat, os.chown, os.statvfs}))
print(sorted(f.__name__ for f in os.supports_dir_fd & {os.chown, os.open, os.stat}))
print(sorted(f.__name__ for f in os.supports_follow_symlinks & {os.chown, os.stat}))

st = os.statvfs(base)
print(type(st).__name__, len(st), st.f_bsize > 0, st.f_namemax > 0, st[0] == st.f_bsize,
      isinstance(st.f_fsid, int))
fd = os.open(os.path.join(base, "file"), os.O_RDONLY)
print(os.fstatvfs(fd)[:4] == os.statvfs(base)[:4] or "same fs")
try:
    os.statvfs(os.path.join(base, "missing"))
except OSError as e:
    print("statvfs missing", type(e).__name__, e.errno, os.path.basename(e.filename))
show("fstatvfs bad fd", lambda: os.fstatvfs(-1))

# readv / writev
r, w = os.pipe()
print("writev", os.writev(w, [b"ab", bytearray(b"cde"), memoryview(b"f")]))
bufs = [bytearray(2), bytearray(10)]
print("readv", os.readv(r, bufs), bufs)
show("writev not a sequence", lambda: os.writev(w, 3))
show("writev bad item", lambda: os.writev(w, [b"a", "b"]))
show("readv read-only", lambda: os.readv(r, [b"xx"]))
show("readv bad fd", lambda: os.readv(-1, [bytearray(1)]))
os.close(r)
os.close(w)

# sendfile / copy_file_range / splice
out = os.open(os.path.join(base, "copy"), os.O_RDWR | os.O_CREAT)
print("sendfile", os.sendfile(out, fd, 2, 4), os.sendfile(out, fd, None, 3))
print("copy_file_range", os.copy_file_range(fd, out, 2, 8))
os.lseek(out, 0, 0)
print(os.read(out, 100))
show("sendfile negative", lambda: os.sendfile(out, fd, 0, -1))
show("copy_file_range negative", lambda: os.copy_file_range(fd, out, -1))
r, w = os.pipe()
print("splice", os.splice(fd, w, 5, offset_src=1))
print(os.read(r, 10))
show("splice negative", lambda: os.splice(fd, w, -1))
os.close(r)
os.close(w)
os.close(out)
os.close(fd)

# eventfd / memfd
efd = os.eventfd(3)
print("eventfd", os.eventfd_read(efd))
os.eventfd_write(efd, 2)
os.eventfd_write(efd, 5)
print(os.eventfd_read(efd))
show("eventfd_write str", lambda: os.eventfd_write(efd, "x"))
show("eventfd_write negative", lambda: os.eventfd_write(efd, -1))
os.close(efd)
efd = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_SEMAPHORE)
show("eventfd empty", lambda: os.eventfd_read(efd))
os.eventfd_write(efd, 2)
print(os.eventfd_read(efd), os.eventfd_read(efd))
os.close(efd)
mfd = os.memfd_create("krait")
print("memfd", os.write(mfd, b"hello"), os.get_inheritable(mfd), os.fstat(mfd).st_size)
os.close(mfd)

# getrandom, priorities, ids
print("getrandom", len(os.getrandom(16)), os.getrandom(0), len(os.getrandom(3, os.GRND_NONBLOCK)))
show("getrandom negative", lambda: os.getrandom(-1))
show("getrandom str", lambda: os.getrandom("1"))
print("priority", os.getpriority(os.PRIO_PROCESS, 0) == os.getpriority(os.PRIO_PROCESS, os.getpid()))
os.setpriority(os.PRIO_PROCESS, 0, os.getpriority(os.PRIO_PROCESS, 0))
for name in ["setuid", "seteuid", "setgid", "setegid"]:
    show(name + " str", lambda: getattr(os, name)("x"))
    show(name + " big", lambda: getattr(os, name)(1 << 32))
    show(name + " negative", lambda: getattr(os, name)(-2))
show("setreuid big", lambda: os.setreuid(0, 1 << 32))
show("setregid big", lambda: os.setregid(1 << 32, 0))

# bytes-like paths still work, with a DeprecationWarning
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(sorted(os.listdir(bytearray(os.fsencode(base))))[:2])
    print(sorted(e.path for e in os.scandir(memoryview(os.fsencode(base))))[:1] ==
          [os.fsencode(os.path.join(base, "copy"))])
for w in caught:
    print(w.category.__name__, w.message)

for name in ["copy", "link", "file"]:
    os.unlink(os.path.join(base, name))
os.rmdir(os.path.join(base, "sub"))
os.rmdir(base)

# mkfifo, mknod, device numbers
base2 = base + "_fifo"
os.mkdir(base2)
os.mkfifo(os.path.join(base2, "fifo"), 0o600)
import stat
print("fifo", stat.S_ISFIFO(os.stat(os.path.join(base2, "fifo")).st_mode),
      stat.filemode(os.stat(os.path.join(base2, "fifo")).st_mode))
dfd = os.open(base2, os.O_RDONLY)
os.mkfifo("fifo2", dir_fd=dfd)
os.mknod("node", 0o600 | stat.S_IFIFO, dir_fd=dfd)
print(sorted(os.listdir(dfd)))
try:
    os.mkfifo(os.path.join(base2, "fifo"))
except FileExistsError as e:
    print("mkfifo again:", type(e).__name__, e.errno, e.filename)
for name in ["fifo", "fifo2", "node"]:
    os.unlink(name, dir_fd=dfd)
os.close(dfd)
os.rmdir(base2)
print(os.major(0x10305), os.minor(0x10305), os.makedev(3, 5), os.makedev(os.major(12345), os.minor(12345)))
for f in [os.major, os.minor]:
    for a in [-1, 2 ** 64, 1.5]:
        show(f.__name__ + " " + repr(a), lambda: f(a))
show("makedev big", lambda: os.makedev(2 ** 32, 0))
show("makedev float", lambda: os.makedev(1.0, 0))
