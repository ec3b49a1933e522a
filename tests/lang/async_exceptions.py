class Step:
    def __await__(self):
        return (yield "step")

async def leaf(fail):
    await Step()
    if fail:
        raise KeyError("leaf failed")
    return "leaf ok"

async def middle(fail):
    try:
        return await leaf(fail)
    except KeyError as e:
        raise RuntimeError("middle wraps") from e
    finally:
        print("middle finally")

def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value

print(run(middle(False)))
try:
    run(middle(True))
except RuntimeError as e:
    print(type(e).__name__, e, "<-", type(e.__cause__).__name__, e.__cause__)

# throw() into a suspended coroutine
async def catcher():
    try:
        await Step()
    except ValueError as e:
        return f"caught {e}"
c = catcher()
c.send(None)
try:
    c.throw(ValueError("thrown in"))
except StopIteration as e:
    print(e.value)

# close() runs finally blocks
async def with_finally():
    try:
        await Step()
        await Step()
    finally:
        print("cleanup on close")
c = with_finally()
c.send(None)
c.close()
print(c.cr_frame)

# exception propagates through several awaits
async def level(n):
    if n == 0:
        await Step()
        raise ZeroDivisionError("deep")
    return await level(n - 1)
try:
    run(level(5))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
# a coroutine that was never awaited: closing it is fine
async def never():
    print("never runs")
c = never()
c.close()
print("closed unawaited")
