# A hand-written "gather": run several coroutines round-robin, collect results in order.
class Yield:
    def __await__(self):
        yield

def gather(*coros):
    results = [None] * len(coros)
    pending = list(enumerate(coros))
    rounds = 0
    while pending:
        rounds += 1
        still = []
        for idx, coro in pending:
            try:
                coro.send(None)
                still.append((idx, coro))
            except StopIteration as e:
                results[idx] = e.value
            except Exception as e:
                results[idx] = f"{type(e).__name__}: {e}"
        pending = still
    return results, rounds

trace = []
async def job(name, steps, fail=False):
    for i in range(steps):
        trace.append(f"{name}{i}")
        await Yield()
    if fail:
        raise RuntimeError(f"{name} failed")
    return name * steps

async def nested(name):
    a = await job(name + "x", 1)
    b = await job(name + "y", 2)
    return a + "|" + b

print(gather(job("a", 3), job("b", 1), job("c", 2, fail=True), nested("n")))
print(trace)
# cr_await shows what a suspended coroutine waits on
c = nested("z")
c.send(None)
print(type(c.cr_await).__name__, c.cr_await.cr_code.co_name)
c.close()
