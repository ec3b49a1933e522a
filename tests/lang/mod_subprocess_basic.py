import subprocess, sys, os
r = subprocess.run(["echo", "hello"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(["sh", "-c", "echo out; echo err >&2"], stderr=subprocess.STDOUT))
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"abc\ndef\n")
print(out, err, p.returncode)
try:
    subprocess.run(["nosuchprog"])
except Exception as e:
    print(type(e).__name__, e)
try:
    subprocess.run(["ls"], cwd="/nonexistent/dir")
except Exception as e:
    print(type(e).__name__, e)
print(subprocess.run(["pwd"], cwd="/tmp", capture_output=True).stdout)
print(subprocess.run(["sh", "-c", "echo $FOO"], env={"FOO": "bar"}, capture_output=True).stdout)
r = subprocess.run(["sh", "-c", "exit 3"])
print(r.returncode)
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e)
def pre():
    os.environ["X"] = "1"
    print("in preexec", flush=True)
print(subprocess.run(["sh", "-c", "echo $X"], preexec_fn=pre, capture_output=True).stdout)
def bad():
    raise ValueError("x")
try:
    subprocess.run(["true"], preexec_fn=bad)
except Exception as e:
    print(type(e).__name__, e)
rfd, wfd = os.pipe()
p = subprocess.Popen(["sh", "-c", f"echo passed >&{wfd}"], pass_fds=(wfd,))
p.wait(); os.close(wfd)
print(os.read(rfd, 100)); os.close(rfd)
p = subprocess.Popen(["sh", "-c", "ps -o sid= -p $$ ; ps -o pid= -p $$"], start_new_session=True, stdout=subprocess.PIPE, text=True)
sid, pid = p.communicate()[0].split()
print(sid == pid)
p1 = subprocess.Popen(["printf", "b\\na\\nc\\n"], stdout=subprocess.PIPE)
p2 = subprocess.Popen(["sort"], stdin=p1.stdout, stdout=subprocess.PIPE)
p1.stdout.close()
print(p2.communicate()[0]); print(p1.wait())
try:
    print(type(e).__name__, e)
print(subprocess.getoutput("echo hi; exit 2"), subprocess.getstatusoutput("exit 2"))
r = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdin.read().upper())"], input="xyz", capture_output=True, text=True)
print(r.stdout)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.timeout > 0)
