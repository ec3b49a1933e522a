# Many threads incrementing shared counters: under a Lock the total is
# exact; an RLock taken twice per step too. The GIL hands over between
# threads (a loop body with no blocking call) while they run.
import threading

N_THREADS = 8
N_STEPS = 2000
lock = threading.Lock()
rlock = threading.RLock()
counts = {"lock": 0, "rlock": 0}
per_thread = [0] * N_THREADS


def work(k):
    for i in range(N_STEPS):
        with lock:
            counts["lock"] += 1
        with rlock:
            with rlock:
                counts["rlock"] += 2
        per_thread[k] += 1


threads = [threading.Thread(target=work, args=(k,), name=f"w{k}") for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts, sum(per_thread), per_thread == [N_STEPS] * N_THREADS)
print([t.is_alive() for t in threads], [t.name for t in threads][:3])
print(lock.locked(), threading.active_count(), threading.current_thread().name)

# acquire with timeouts against a holder in another thread
held = threading.Lock()
held.acquire()
result = []


def try_take():
    result.append(held.acquire(timeout=0.05))
    result.append(held.acquire(blocking=False))


t = threading.Thread(target=try_take)
t.start()
t.join()
print("timed out while held:", result)
held.release()

# a lock released by another thread than its owner (allowed for Lock)
gate = threading.Lock()
gate.acquire()
opened = []


def opener():
    opened.append("opening")
    gate.release()


t = threading.Thread(target=opener)
t.start()
print("acquired after release elsewhere:", gate.acquire(timeout=10), opened)
t.join()

# RLock owned by another thread: release from here fails
r = threading.RLock()
ready = threading.Event()
done = threading.Event()


def owner():
    r.acquire()
    ready.set()
    done.wait(10)
    r.release()


t = threading.Thread(target=owner)
t.start()
ready.wait(10)
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
print("rlock busy:", r.acquire(blocking=False))
done.set()
t.join()
print("rlock free:", r.acquire(blocking=False))
r.release()
