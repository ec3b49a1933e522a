# A tiny round-robin event loop written with generators-as-awaitables.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield ("sleep", self.ticks)

class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []     # (wake_time, seq, task)
        self.seq = 0
        self.log = []
    def spawn(self, coro, name):
        self.schedule(0, Task(coro, name))
    def schedule(self, delay, task):
        self.ready.append((self.now + delay, self.seq, task))
        self.seq += 1
    def run(self):
        while self.ready:
            self.ready.sort(key=lambda t: (t[0], t[1]))
            wake, _, task = self.ready.pop(0)
            self.now = max(self.now, wake)
            try:
                cmd = task.coro.send(task.value)
            except StopIteration as e:
                self.log.append(f"t={self.now} {task.name} finished -> {e.value!r}")
                task.done = True
                task.result = e.value
                for waiter in task.waiters:
                    waiter.value = e.value
                    self.schedule(0, waiter)
                continue
            except Exception as e:
                self.log.append(f"t={self.now} {task.name} failed: {type(e).__name__}: {e}")
                continue
            task.value = None
            if cmd[0] == "sleep":
                self.schedule(cmd[1], task)
            elif cmd[0] == "join":
                cmd[1].waiters.append(task)

class Task:
    def __init__(self, coro, name):
        self.coro = coro
        self.name = name
        self.value = None
        self.waiters = []
        self.done = False
        self.result = None
    def __await__(self):
        if self.done:
            return self.result
        return (yield ("join", self))

loop = Loop()

async def worker(name, n, delay):
    total = 0
    for i in range(n):
        await Sleep(delay)
        total += i
        loop.log.append(f"t={loop.now} {name} step {i}")
    return total

async def failing():
    await Sleep(2)
    raise ValueError("worker exploded")

async def supervisor():
    t1 = Task(worker("w1", 3, 2), "w1")
    t2 = Task(worker("w2", 2, 3), "w2")
    loop.schedule(0, t1)
    loop.schedule(0, t2)
    r1 = await t1
    r2 = await t2
    loop.log.append(f"t={loop.now} supervisor got {r1} and {r2}")
    return r1 + r2

loop.spawn(supervisor(), "supervisor")
loop.spawn(failing(), "failing")
loop.run()
print("\n".join(loop.log))
