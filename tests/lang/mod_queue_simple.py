# _queue.SimpleQueue and queue.Queue/LifoQueue/PriorityQueue used from one thread.
import _queue, queue

q = _queue.SimpleQueue()
print(q.empty(), q.qsize())
for i in range(100):
    q.put(i)
    if i % 3 == 0:
        q.put_nowait(-i)
print(q.qsize(), q.empty())
out = []
while not q.empty():
    out.append(q.get() if len(out) % 2 else q.get_nowait())
print(len(out), out[:10], sum(out))
for f in [lambda: q.get(timeout=-1), lambda: q.get(False), lambda: q.get_nowait(), lambda: q.put(), lambda: q.get(1, 2, 3),
          lambda: _queue.SimpleQueue(1), lambda: q.get(timeout='a'), lambda: q.put(1, False, 3, 4), lambda: q.qsize(1),
          lambda: _queue.SimpleQueue[int], lambda: type('X', (_queue.SimpleQueue,), {})().qsize(), lambda: _queue.Empty.__module__,
          lambda: _queue.Empty.__mro__, lambda: q.get(timeout=0.01), lambda: q.get(block=False, timeout=-5),
          lambda: queue.Empty is _queue.Empty, lambda: queue.SimpleQueue is _queue.SimpleQueue, lambda: q.put(item=5), lambda: q.get(block=True, timeout=0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

class Q(_queue.SimpleQueue):
    def __init__(self, name):
        self.name = name
s = Q('sub')
s.put('a'); s.put('b')
print(s.name, s.get(), s.qsize())

for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls(maxsize=5)
    for x in (3, 1, 4, 1, 5):
        q.put(x)
    print(cls.__name__, q.full(), q.qsize(), [q.get() for _ in range(5)], q.empty())
    try:
        q.get(timeout=0.01)
    except queue.Empty:
        print('Empty')
    q.put(9); q.task_done() if False else None
