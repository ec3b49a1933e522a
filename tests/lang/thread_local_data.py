# threading.local: each thread sees its own attributes; a subclass's
# __init__ runs once per thread that uses the object; a thread's data
# goes away when the thread ends.
import gc
import threading
import weakref

data = threading.local()
data.x = "main"
seen = {}
lock = threading.Lock()


def worker(k):
    has = hasattr(data, "x")
    data.x = k
    for _ in range(100):
        pass
    with lock:
        seen[k] = (has, data.x, sorted(data.__dict__))


ts = [threading.Thread(target=worker, args=(k,)) for k in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen.items()))
print("main still:", data.x, data.__dict__)


class Counter(threading.local):
    inits = 0

    def __init__(self, start):
        Counter.inits += 1
        self.value = start

    def bump(self):
        self.value += 1
        return self.value


c = Counter(10)
c.bump()
results = []


def use_counter():
    results.append((c.value, c.bump(), c.bump()))


ts = [threading.Thread(target=use_counter) for _ in range(3)]
for t in ts:
    t.start()
    t.join()
print(results, c.value, Counter.inits)


# the data a thread stored dies with the thread
class Payload:
    pass


loc = threading.local()
refs = []


def store():
    p = Payload()
    refs.append(weakref.ref(p))
    loc.p = p


t = threading.Thread(target=store)
t.start()
t.join()
gc.collect()
print("payload freed:", refs[0]() is None, hasattr(loc, "p"))
