# Producer/consumer through a Condition, a bounded queue.Queue with
# several producers and consumers, SimpleQueue, and a Semaphore that caps
# how many threads are inside at once.
import queue
import threading

# Condition: a consumer waits for items a producer appends
items = []
cond = threading.Condition()
consumed = []


def producer():
    for i in range(50):
        with cond:
            items.append(i)
            cond.notify()
    with cond:
        items.append(None)
        cond.notify()


def consumer():
    while True:
        with cond:
            while not items:
                cond.wait()
            x = items.pop(0)
        if x is None:
            return
        consumed.append(x)


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print(consumed == list(range(50)), len(consumed))

# wait_for with a timeout that expires
with cond:
    print("wait_for timeout:", cond.wait_for(lambda: False, timeout=0.02))

# a bounded Queue: 3 producers, 2 consumers
q = queue.Queue(maxsize=4)
got = []
got_lock = threading.Lock()


def prod(base):
    for i in range(30):
        q.put(base + i)


def cons():
    while True:
        x = q.get()
        if x is None:
            q.task_done()
            return
        with got_lock:
            got.append(x)
        q.task_done()


producers = [threading.Thread(target=prod, args=(k * 100,)) for k in range(3)]
consumers = [threading.Thread(target=cons) for _ in range(2)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
q.join()
for t in consumers:
    t.join()
print(sorted(got) == sorted(k * 100 + i for k in range(3) for i in range(30)), len(got))
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")

# SimpleQueue: a get() blocks until another thread puts
sq = queue.SimpleQueue()
out = []


def sq_getter():
    for _ in range(3):
        out.append(sq.get(timeout=10))


t = threading.Thread(target=sq_getter)
t.start()
for v in ("a", "b", "c"):
    sq.put(v)
t.join()
print(out, sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")

# Semaphore: never more than 2 inside
sem = threading.BoundedSemaphore(2)
inside = 0
peak = 0
state = threading.Lock()


def limited():
    global inside, peak
    for _ in range(20):
        with sem:
            with state:
                inside += 1
                peak = max(peak, inside)
            for _ in range(200):
                pass
            with state:
                inside -= 1


ts = [threading.Thread(target=limited) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak inside <= 2:", peak <= 2, inside)
try:
    sem.release()
except ValueError as e:
    print("ValueError", e)
