# _posixsubprocess.fork_exec's argument checks (the parent side), and the
# errpipe protocol as subprocess.py reads it.
import _posixsubprocess as p, os

def args(**over):
    names = ["args", "executable_list", "close_fds", "pass_fds", "cwd", "env", "p2cread",
             "p2cwrite", "c2pread", "c2pwrite", "errread", "errwrite", "errpipe_read",
             "errpipe_write", "restore_signals", "call_setsid", "pgid_to_set", "gid",
             "extra_groups", "uid", "child_umask", "preexec_fn", "allow_vfork"]
    r, w = os.pipe()
    while w < 3:
        w = os.dup(w)
    d = dict(args=["true"], executable_list=[b"/bin/true"], close_fds=True, pass_fds=(),
             cwd=None, env=None, p2cread=-1, p2cwrite=-1, c2pread=-1, c2pwrite=-1,
             errread=-1, errwrite=-1, errpipe_read=r, errpipe_write=w,
             restore_signals=True, call_setsid=False, pgid_to_set=-1, gid=None,
             extra_groups=None, uid=None, child_umask=-1, preexec_fn=None, allow_vfork=False)
    d.update(over)
    if "pass_fds" not in over:
        d["pass_fds"] = (w,)  # as subprocess.py keeps errpipe_write open
    return [d[n] for n in names], r, w

def run(**over):
    a, r, w = args(**over)
    try:
        pid = p.fork_exec(*a)
    except Exception as e:
        print(type(e).__name__, e)
        os.close(r); os.close(w)
        return
    os.close(w)
    data = b""
    while True:
        part = os.read(r, 1000)
        if not part:
            break
        data += part
    os.close(r)
    _, status = os.waitpid(pid, 0)
    print("child:", data, os.waitstatus_to_exitcode(status))

try:
    p.fork_exec()
except TypeError as e:
    print(e)
try:
    p.fork_exec(*args()[0], 1)
except TypeError as e:
    print(e)
run()
run(pass_fds=[3])
run(pass_fds=(3, 2))
run(pass_fds=(-1,))
run(pass_fds=("a",))
run(errpipe_write=1)
run(args=[1])
run(args=5)
run(args=["a\0"])
run(cwd=5)
run(env=5)
run(env=[b"a\0b"])
run(env=["A=b"])
run(executable_list=5)
run(executable_list=["/bin/true"])
run(p2cread="a")
run(gid="a")
run(uid="a")
run(extra_groups=5)
run(executable_list=[b"/nonexistent/x"])
run(executable_list=[b"/nonexistent/x", b"/bin/false"])
run(executable_list=[b"/etc/passwd"])
run(cwd="/nonexistent/dir")
run(preexec_fn=5)
run(preexec_fn=lambda: None)
run(args=None, executable_list=[b"/bin/true"])
