# Barrier (with an action, a broken barrier, a timeout), Event with
# timeouts, and Timer.
import threading

N = 4
order = []
order_lock = threading.Lock()
barrier = threading.Barrier(N, action=lambda: order.append("action"))


def phase_worker(k):
    for phase in range(3):
        with order_lock:
            order.append(("p", phase))
        barrier.wait()


ts = [threading.Thread(target=phase_worker, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
# every phase's N entries come before that phase's action
phases = []
cur = []
for x in order:
    if x == "action":
        phases.append(cur)
        cur = []
    else:
        cur.append(x)
print([len(p) for p in phases], [sorted(set(p)) for p in phases])

# a barrier that times out breaks for everyone
b = threading.Barrier(3)
results = []


def waiter():
    try:
        b.wait(timeout=0.05)
        results.append("passed")
    except threading.BrokenBarrierError:
        results.append("broken")


ts = [threading.Thread(target=waiter) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results), b.broken)
b.reset()
print("after reset:", b.broken, b.n_waiting, b.parties)

# Event
ev = threading.Event()
print("wait timeout:", ev.wait(0.01), ev.is_set())
seen = []


def setter():
    ev.set()


def getter():
    seen.append(ev.wait(10))


g = threading.Thread(target=getter)
g.start()
s = threading.Thread(target=setter)
s.start()
s.join()
g.join()
print("waiter saw:", seen, ev.is_set())
ev.clear()
print("cleared:", ev.is_set(), ev.wait(0))

# Timer: runs once; a cancelled one never runs
fired = []
t1 = threading.Timer(0.01, fired.append, args=("t1",))
t2 = threading.Timer(10, fired.append, args=("t2",))
t1.start()
t2.start()
t2.cancel()
t1.join()
t2.join()
print("fired:", fired)
