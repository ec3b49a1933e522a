# Threads that allocate (dicts, lists, strings, closures, generators,
# exceptions) while collections run: everything they hold must survive
# the collector whichever thread runs it, and what they drop must go.
import gc
import threading
import weakref

results = {}
lock = threading.Lock()


class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt


def build(k):
    head = None
    for i in range(400):
        head = Node((k, i, str(i) * 2), head)
        if i % 50 == 0:
            gc.collect()
    total = 0
    n = head
    while n:
        total += n.v[1] + len(n.v[2])
        n = n.nxt
    gens = [(x * k for x in range(i)) for i in range(30)]
    total += sum(sum(g) for g in gens)
    try:
        {}["missing" + str(k)]
    except KeyError as e:
        total += len(str(e))
    with lock:
        results[k] = total


ts = [threading.Thread(target=build, args=(k,)) for k in range(6)]
for t in ts:
    t.start()
for i in range(20):
    junk = [[j] * 10 for j in range(200)]
    gc.collect()
for t in ts:
    t.join()
print(sorted(results.items()))


class Box:
    pass


refs = []


def drop():
    b = Box()
    refs.append(weakref.ref(b))


t = threading.Thread(target=drop)
t.start()
t.join()
gc.collect()
print("dropped object freed:", refs[0]() is None)
