# posix: processes, the environment, the struct sequences, constants.
import posix, errno

print(posix.getpid() > 0, posix.getppid() > 0, posix.getuid() == posix.geteuid())
print(type(posix.environ).__name__, all(type(k) is bytes and type(v) is bytes for k, v in posix.environ.items()))
posix.putenv('KRAIT_POSIX_TEST', 'value')
posix.unsetenv('KRAIT_POSIX_TEST')
for bad in ['', 'a=b']:
    try:
        posix.putenv(bad, 'x')
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
print(posix.strerror(errno.ENOENT), posix.strerror(errno.EACCES))
print(posix.error is OSError, posix.O_RDONLY, posix.O_WRONLY, posix.O_RDWR, posix.O_CREAT, posix.O_EXCL)
print(posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK, posix.WNOHANG, posix.EX_OK)
print(len(posix.urandom(16)), type(posix.urandom(0)), posix.cpu_count() >= 1)
try:
    posix.urandom(-1)
except ValueError as e:
    print('ValueError', e)
u = posix.uname()
print(type(u).__name__, u.sysname, len(u), u[0] == u.sysname)
t = posix.times()
print(type(t).__name__, len(t), t.user >= 0, t.elapsed == t[4])
old = posix.umask(0o22)
print(posix.umask(old) == 0o22)

class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
print(posix.fspath('a'), posix.fspath(b'b'), posix.fspath(P('c')), posix.fspath(P(b'd')))
for bad in [1, None, P(3)]:
    try:
        posix.fspath(bad)
    except TypeError as e:
        print('TypeError', e)
print(posix.stat(P('.')).st_mode == posix.stat('.').st_mode)

# stat_result is a struct sequence with extra named fields
S = posix.stat_result
print(S.n_fields, S.n_sequence_fields, S.n_unnamed_fields, S.__match_args__)
s = S(range(10))
print(s, s.st_atime, s.st_mtime_ns, s[9], len(s), s == tuple(range(10)))
s = S(range(19))
print(s.st_atime, s.st_rdev, s[7], s[-1])
s = S(range(10), {'st_atime_ns': 42, 'st_blocks': 7})
print(s.st_atime_ns, s.st_blocks, s.st_rdev)
for bad in [range(9), range(20)]:
    try:
        S(bad)
    except TypeError as e:
        print('TypeError', e)
st = posix.stat('.')
print(isinstance(st, tuple), st[:3] == (st.st_mode, st.st_ino, st.st_dev))
try:
    st.st_mode = 1
except AttributeError as e:
    print('AttributeError', e)

# status decoding
for status in [0, 1 << 8, 9, 0x137f, 0xffff]:
    print(status, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.WIFSIGNALED(status),
          posix.WTERMSIG(status), posix.WIFSTOPPED(status), posix.WSTOPSIG(status))
print(posix.waitstatus_to_exitcode(3 << 8), posix.waitstatus_to_exitcode(9))

# a child process
pid = posix.fork()
if pid == 0:
    posix._exit(7)
wpid, status = posix.waitpid(pid, 0)
print(wpid == pid, posix.WIFEXITED(status), posix.WEXITSTATUS(status))
try:
    posix.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e)
try:
    posix.kill(pid, 0)
except ProcessLookupError as e:
    print(type(e).__name__, e)
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.close(r)
    posix.dup2(w, 1)
    posix.execv('/bin/echo', ['echo', 'from', 'exec'])
posix.close(w)
out = b''
while True:
    chunk = posix.read(r, 100)
    if not chunk:
        break
    out += chunk
posix.close(r)
print(out, posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
