# ctypes and threads: callbacks called in several threads at once (each
# qsort comparator takes the GIL back while its foreign call runs without
# it), and a blocking foreign call lets the other threads run.
import threading, time, ctypes, ctypes.util
from ctypes import *
libc = CDLL(ctypes.util.find_library("c"))
CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
results = []
def worker(k):
    calls = [0]
    def cmp(a, b):
        calls[0] += 1
        return a[0] - b[0]
    f = CMP(cmp)
    for _ in range(20):
        data = (c_int * 50)(*[(i * 7919 + k) % 101 for i in range(50)])
        libc.qsort(data, 50, sizeof(c_int), f)
        assert list(data) == sorted(data)
    results.append((k, calls[0] > 0))
ts = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results))
# a blocking call releases the GIL: the main thread runs meanwhile
ticks = []
def sleeper():
    libc.usleep(500000)
    ticks.append("slept")
t = threading.Thread(target=sleeper)
t.start()
n = 0
while t.is_alive():
    n += 1
    time.sleep(0.01)
t.join()
print(ticks, n >= 10)
