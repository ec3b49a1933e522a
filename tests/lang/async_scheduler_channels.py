# Producer/consumer coroutines over a channel, on a hand-written scheduler.

class Channel:
    def __init__(self, cap):
        self.cap = cap
        self.items = []
        self.closed = False
    async def put(self, v):
        while len(self.items) >= self.cap:
            await Yield("put-wait")
        self.items.append(v)
    async def get(self):
        while not self.items:
            if self.closed:
                return None
            await Yield("get-wait")
        return self.items.pop(0)

class Yield:
    def __init__(self, why):
        self.why = why
    def __await__(self):
        yield self.why

def scheduler(tasks):
    trace = []
    tasks = list(tasks)
    results = {}
    while tasks:
        name, coro = tasks.pop(0)
        try:
            why = coro.send(None)
            trace.append(f"{name}:{why}")
            tasks.append((name, coro))
        except StopIteration as e:
            results[name] = e.value
            trace.append(f"{name}:done")
    return trace, results

async def producer(ch, items):
    for it in items:
        await ch.put(it)
        if it % 3 == 2:
            await Yield(f"put {it}")
    ch.closed = True
    return len(items)

async def consumer(ch, tag):
    got = []
    while True:
        v = await ch.get()
        if v is None:
            return got
        got.append(v)
        await Yield(f"got {v}")

ch = Channel(2)
trace, results = scheduler([("P", producer(ch, list(range(7)))), ("C1", consumer(ch, 1)), ("C2", consumer(ch, 2))])
print(trace)
print(sorted(results.items()))
print(sorted(results["C1"] + results["C2"]))
