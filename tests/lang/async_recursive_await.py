class Suspend:
    def __await__(self):
        return (yield "suspend")

async def depth(n):
    if n == 0:
        return await Suspend()
    return 1 + await depth(n - 1)

def run(coro, answer):
    steps = 0
    try:
        value = coro.send(None)
        while True:
            steps += 1
            value = coro.send(answer)
    except StopIteration as e:
        return e.value, steps

print(run(depth(0), 100), run(depth(50), 0), run(depth(300), 1))
async def fib(n):
    if n < 2:
        await Suspend()
        return n
    return await fib(n - 1) + await fib(n - 2)
print(run(fib(12), 0)[1])
async def fib_ok(n):
    if n < 2:
        await Suspend()
        return n
    a = await fib_ok(n - 1)
    b = await fib_ok(n - 2)
    return a + b
def run_fib(n):
    c = fib_ok(n)
    steps = 0
    try:
        c.send(None)
        while True:
            steps += 1
            c.send(None)
    except StopIteration as e:
        return e.value, steps
print(run_fib(15))
