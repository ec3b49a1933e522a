import fcntl, os, tempfile, struct
FIONREAD = 0x541B  # FIONREAD on Linux
def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)
print(sorted((n, getattr(fcntl, n)) for n in dir(fcntl) if n.isupper()))
r, w = os.pipe()
t(fcntl.fcntl, r, fcntl.F_GETFD); t(fcntl.fcntl, r, fcntl.F_GETFL); t(fcntl.fcntl, -1, 1)
t(fcntl.fcntl, 'x', 1); t(fcntl.fcntl, r, 'a')
t(fcntl.fcntl, r, fcntl.F_GETFD, b'x' * 1025); t(fcntl.fcntl, r, fcntl.F_GETFD, 'ab')
t(fcntl.fcntl, r, fcntl.F_GETFD, 1.5); t(fcntl.fcntl, 99, 1); t(fcntl.fcntl, r, fcntl.F_GETFD, 0, 5)
t(fcntl.fcntl, r, fcntl.F_SETFL, os.O_NONBLOCK); print(os.get_blocking(r))
t(fcntl.fcntl, r, fcntl.F_SETFD, 0); print(os.get_inheritable(r))
d = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 10); print(d >= 10); os.close(d)
t(fcntl.flock, 99, fcntl.LOCK_EX); t(fcntl.lockf, r, 0)
os.write(w, b'12345')
t(fcntl.ioctl, r, FIONREAD); t(fcntl.ioctl, r, FIONREAD, bytearray(4))
t(fcntl.ioctl, r, FIONREAD, b'1234'); t(fcntl.ioctl, r, FIONREAD, bytearray(4), False)
a = memoryview(bytearray(4)); t(fcntl.ioctl, r, FIONREAD, a, True); print(a.tobytes())
t(fcntl.ioctl, r, FIONREAD, 'abcd'); t(fcntl.ioctl, 'x', 1)
fd, path = tempfile.mkstemp()
t(fcntl.flock, fd, fcntl.LOCK_EX | fcntl.LOCK_NB); t(fcntl.flock, fd, fcntl.LOCK_UN)
t(fcntl.lockf, fd, fcntl.LOCK_EX | fcntl.LOCK_NB); t(fcntl.lockf, fd, fcntl.LOCK_UN, 0, 0, 0)
t(fcntl.lockf, fd, 8)
pid = os.fork()
if pid == 0:
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os._exit(0)
    except OSError as e:
        os._exit(e.errno)
print("child", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0)
fcntl.lockf(fd, fcntl.LOCK_EX)
pid = os.fork()
if pid == 0:
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os._exit(0)
    except BlockingIOError:
        os._exit(7)
    except OSError:
        os._exit(8)
print("child", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
class F:
    def fileno(self): return fd
t(fcntl.fcntl, F(), fcntl.F_GETFD)
with open(path, 'rb') as f:
    t(fcntl.flock, f, fcntl.LOCK_SH)
    lk = struct.pack('hhqqi', fcntl.F_RDLCK, 0, 0, 0, 0)
    res = fcntl.fcntl(f, fcntl.F_GETLK, lk); print(len(res), struct.unpack('hhqqi', res)[0] == fcntl.F_UNLCK)
os.close(fd); os.unlink(path)
