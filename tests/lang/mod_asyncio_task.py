# _asyncio.Task on a real asyncio event loop: stepping coroutines, awaiting
# futures and other tasks, cancellation (messages, cancelling/uncancel,
# catching it), names, contexts, the errors a coroutine provokes by
# yielding the wrong thing, exceptions escaping the loop, subclassing, and
# the task registry (current_task, all_tasks).
import asyncio
import contextvars
import _asyncio
from _asyncio import Future, Task

print(asyncio.Task is Task, asyncio.Future is Future)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
run = loop.run_until_complete


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("->", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)


print("-- basics")
log = []


async def add(a, b):
    log.append(("add", a, b))
    await asyncio.sleep(0)
    return a + b


t = Task(add(1, 2), loop=loop)
print(t.done(), t.get_name(), t._state, t._must_cancel, t._fut_waiter, t._log_destroy_pending)
print(type(t.get_coro()).__name__, t._coro is t.get_coro())
print(run(t), t.done(), t.result(), log)
print(repr(t).startswith("<Task finished name='Task-1' coro=<add() done"))
t2 = loop.create_task(add(3, 4), name=12)
print(t2.get_name(), type(t2.get_name()).__name__)
t2.set_name(("x", 1))
print(t2.get_name())
print(run(t2))
show(t2.set_result, 1)
show(t2.set_exception, ValueError())
show(Task, 5, loop=loop)
c = add(1, 1)
show(Task, c, 1)
c.close()
show(Task)


async def chain():
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "from future")
    a = await fut
    b = await loop.create_task(add(10, 20))
    c = await asyncio.gather(add(1, 1), add(2, 2))
    return a, b, c


print(run(chain()))

print("-- exceptions")


async def fails():
    await asyncio.sleep(0)
    raise KeyError("inside")


t = loop.create_task(fails())
show(run, t)
print(t.done(), type(t.exception()).__name__, t.exception())


async def catches():
    try:
        await loop.create_task(fails())
    except KeyError as e:
        return "caught " + repr(e)


print(run(catches()))


async def exits():
    raise SystemExit(3)


t = loop.create_task(exits())
show(run, t)
print(t.done(), type(t.exception()).__name__)

print("-- cancellation")


async def sleeper(tag):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log.append((tag, "cancelled", e.args))
        raise


async def main_cancel():
    t = loop.create_task(sleeper("s1"))
    await asyncio.sleep(0)
    print("waiter", type(t._fut_waiter).__name__)
    print(t.cancel("bye"), t.cancelling(), t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("await cancelled task:", e.args)
    print(t.cancelled(), t.done(), t.cancel(), t.uncancel(), t.uncancel(), t.uncancel())
    show(t.result)
    show(t.exception)
    # cancelled before it ever ran
    t = loop.create_task(sleeper("s2"))
    print(t.cancel(msg="early"), t._must_cancel)
    try:
        await t
    except asyncio.CancelledError as e:
        print("early:", e.args)

    async def refuses():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "refused"

    t = loop.create_task(refuses())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled(), t.cancelling())

    async def cancel_then_return():
        return "returned anyway"

    t = loop.create_task(cancel_then_return())
    t.cancel()
    try:
        print(await t)
    except asyncio.CancelledError:
        print("cancelled before start")

    async def self_cancel():
        asyncio.current_task().cancel("me")
        await asyncio.sleep(0)
        return "not reached"

    try:
        await loop.create_task(self_cancel())
    except asyncio.CancelledError as e:
        print("self cancel", e.args)

    inner = loop.create_task(sleeper("inner"))

    async def outer():
        return await inner

    o = loop.create_task(outer())
    await asyncio.sleep(0)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled", inner.cancelled())


run(main_cancel())
print(log[-3:])

print("-- wait_for and timeouts")


async def slow():
    await asyncio.sleep(1)
    return "slow"


async def timeouts():
    try:
        await asyncio.wait_for(slow(), 0.001)
    except asyncio.TimeoutError:
        print("timed out")
    try:
        async with asyncio.timeout(0.001):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout context", asyncio.current_task().cancelling())
    done, pending = await asyncio.wait([loop.create_task(add(1, 2))])
    print(len(done), len(pending))


run(timeouts())

print("-- bad yields")


class Weird:
    def __await__(self):
        yield self.value


async def await_weird(value):
    w = Weird()
    w.value = value
    await w


for value in [1, "str"]:
    t = loop.create_task(await_weird(value))
    show(run, t)


def gen():
    yield


t = loop.create_task(await_weird(gen()))
try:
    run(t)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("yield was used instead of yield from for generator"))

f = loop.create_future()
t = loop.create_task(await_weird(f))
try:
    run(t)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("yield was used instead of yield from in task"))


async def await_self():
    await asyncio.sleep(0)
    await me


me = loop.create_task(await_self())
try:
    run(me)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("Task cannot await on itself"))

other = asyncio.new_event_loop()
foreign = other.create_future()


async def await_foreign():
    await foreign


try:
    run(loop.create_task(await_foreign()))
except RuntimeError as e:
    print("RuntimeError", "attached to a different loop" in str(e))
other.close()


async def bare_yield():
    log.clear()
    for i in range(3):
        await asyncio.sleep(0)
        log.append(i)
    return log


print(run(bare_yield()))

print("-- duck-typed future")


class Duck:
    _asyncio_future_blocking = False

    def __init__(self, loop):
        self.fut = loop.create_future()
        self._loop = loop

    def __await__(self):
        self._asyncio_future_blocking = True
        yield self
        return self.fut.result()

    def add_done_callback(self, cb, *, context=None):
        print("duck add_done_callback", type(cb).__name__, type(context).__name__)
        self.fut.add_done_callback(lambda f: cb(self), context=context)

    def result(self):
        return self.fut.result()

    def cancel(self, msg=None):
        return self.fut.cancel(msg)

    def get_loop(self):
        return self._loop


async def await_duck():
    d = Duck(loop)
    loop.call_soon(d.fut.set_result, "quack")
    return await d


print(run(await_duck()))

print("-- contexts")
var = contextvars.ContextVar("var", default="default")


async def reads(tag):
    await asyncio.sleep(0)
    return tag, var.get()


async def ctx_main():
    var.set("main")
    t1 = loop.create_task(reads("copied"))
    ctx = contextvars.Context()
    t2 = loop.create_task(reads("explicit"), context=ctx)
    var.set("changed")
    return await t1, await t2


print(run(ctx_main()))

print("-- registry")


async def registry():
    me = asyncio.current_task()
    print(type(me).__name__, me in asyncio.all_tasks(), _asyncio._current_tasks.get(loop) is me)
    return me


t = loop.create_task(registry())
run(t)
print(t in _asyncio._all_tasks, asyncio.current_task(loop))
print(_asyncio._current_tasks.get(loop))

print("-- subclass")


class MyTask(Task):
    steps = 0

    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(coro, loop=loop, name=name)
        self.extra = "ok"

    def cancel(self, msg=None):
        print("MyTask.cancel", msg)
        return super().cancel(msg)


mt = MyTask(add(5, 5), loop=loop, name="mine")
print(run(mt), mt.extra, mt.get_name(), isinstance(mt, Future))


async def cancel_sub():
    t = MyTask(sleeper("sub"), loop=loop)
    await asyncio.sleep(0)
    t.cancel("sub msg")
    try:
        await t
    except asyncio.CancelledError as e:
        print("sub cancelled", e.args)


run(cancel_sub())
print(Task[int], Task.__mro__[1] is Future)

print("-- stack")


async def deep():
    fut = loop.create_future()
    loop.call_soon(fut.set_result, None)
    t = asyncio.current_task()
    print([fr.f_code.co_name for fr in t.get_stack()], len(t.get_stack(limit=1)))
    await fut


run(deep())
t = loop.create_task(fails())
try:
    run(t)
except KeyError:
    pass
print([fr.f_code.co_name for fr in t.get_stack()])
show(t.get_stack, 1)
show(t.print_stack, 1)

print("-- uninitialized task")
u = Task.__new__(Task)
show(u.done)
show(u.cancelled)
show(getattr, u, "_log_destroy_pending")
show(getattr, u, "_must_cancel")

loop.close()
