import errno
print(len(errno.errorcode), errno.errorcode[11], errno.ENOENT, errno.EWOULDBLOCK)
print(sorted(errno.errorcode.items())[:5])
print(sorted(n for n in dir(errno) if n[0]=='E') == sorted(set(errno.errorcode.values()) | {'EWOULDBLOCK','EDEADLK','EOPNOTSUPP'}))
for code in (errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.EAGAIN, errno.EPIPE, errno.ECHILD, errno.ESRCH, errno.EINTR, errno.EISDIR, errno.ENOTDIR, errno.ETIMEDOUT, errno.ECONNRESET, errno.EINVAL, 99999):
    e = OSError(code, 'msg', 'file')
    print(code, type(e).__name__, e, e.errno, e.strerror, e.filename, e.args)
print(repr(OSError(2, 'x')), OSError(2,'x','a',None,'b'))
