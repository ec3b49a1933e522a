class Cancelled(BaseException):
    pass

class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for _ in range(self.n):
            yield "tick"

log = []
async def worker(name):
    try:
        for i in range(10):
            log.append(f"{name} step {i}")
            await Sleep(1)
        return "completed"
    except Cancelled:
        log.append(f"{name} cleaning up")
        await Sleep(1)
        log.append(f"{name} cleaned")
        raise
    finally:
        log.append(f"{name} finally")

async def stubborn():
    while True:
        try:
            await Sleep(1)
        except Cancelled:
            log.append("stubborn ignores cancel")
            return "refused"

def run_until(coro, ticks):
    for _ in range(ticks):
        coro.send(None)

def cancel(coro):
    try:
        coro.throw(Cancelled())
        while True:
            coro.send(None)
    except Cancelled:
        return "cancelled"
    except StopIteration as e:
        return f"finished with {e.value!r}"

w = worker("w")
run_until(w, 3)
print(cancel(w))
s = stubborn()
run_until(s, 2)
print(cancel(s))
print("\n".join(log))
