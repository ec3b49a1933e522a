class Tick:
    def __await__(self):
        yield

def run(aw):
    it = aw.__await__()
    try:
        while True:
            it.send(None)
    except StopIteration as e:
        return e.value

log = []
async def ticker(n):
    try:
        for i in range(n):
            await Tick()
            log.append(f"yield {i}")
            yield i
    except GeneratorExit:
        log.append("GeneratorExit")
        raise
    finally:
        log.append("finally")

async def take(agen, k):
    out = []
    async for v in agen:
        out.append(v)
        if len(out) == k:
            break
    return out

ag = ticker(10)
print(run(take(ag, 3)))
print(ag.ag_running, ag.ag_frame is not None, ag.ag_code.co_name)
run(ag.aclose())
print(log, ag.ag_frame)
# anext on an exhausted generator, asend before start
ag2 = ticker(1)
print(run(ag2.__anext__()))
try:
    run(ag2.__anext__())
except StopAsyncIteration:
    print("exhausted")
ag3 = ticker(2)
try:
    run(ag3.asend("x"))
except TypeError as e:
    print(type(e).__name__, e)
# athrow into a fresh generator
ag4 = ticker(2)
try:
    run(ag4.athrow(ValueError("early")))
except ValueError as e:
    print("athrow before start:", e)
print(type(ag4.__aiter__()).__name__, ag4.__aiter__() is ag4)
# aclose of a never-started generator does nothing
run(ticker(5).aclose())
print(log[-2:])
