# fork() from a program with running threads: in the child only the
# forking thread exists (and is the main thread); the child can start
# threads of its own; the parent's threads go on.
import os
import threading

release = threading.Event()
started = threading.Event()


def blocked():
    started.set()
    release.wait()


workers = [threading.Thread(target=blocked, name=f"bg{k}") for k in range(3)]
for t in workers:
    t.start()
started.wait()
print("parent before fork:", threading.active_count())
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    lines = [f"child active: {threading.active_count()}",
             f"child main: {threading.current_thread() is threading.main_thread()}"]
    box = []
    t = threading.Thread(target=lambda: box.append(sum(range(100))))
    t.start()
    t.join()
    lines.append(f"child thread result: {box}")
    lk = threading.Lock()
    lines.append(f"child lock: {lk.acquire(timeout=1)}")
    os.write(w, ("\n".join(lines) + "\n").encode())
    os._exit(7)
os.close(w)
out = b""
while True:
    chunk = os.read(r, 1024)
    if not chunk:
        break
    out += chunk
os.close(r)
_, status = os.waitpid(pid, 0)
print(out.decode(), end="")
print("child exit:", os.waitstatus_to_exitcode(status))
release.set()
for t in workers:
    t.join()
print("parent after:", threading.active_count(), [t.is_alive() for t in workers])
