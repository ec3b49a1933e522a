# _asyncio.Future driven by a hand-written loop: states, results and
# exceptions, callbacks with their contexts, cancellation, the iterator
# behind `await`, the private attributes asyncio reads, subclassing, and
# the exact error messages.
import contextvars
from _asyncio import Future


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("->", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)


class Loop:
    def __init__(self, debug=False):
        self.ready = []
        self.errors = []
        self.debug = debug

    def get_debug(self):
        return self.debug

    def call_soon(self, cb, *args, context=None):
        self.ready.append((cb, args, context))

    def call_exception_handler(self, context):
        self.errors.append(context)

    def run(self):
        while self.ready:
            cb, args, ctx = self.ready.pop(0)
            try:
                if ctx is None:
                    cb(*args)
                else:
                    ctx.run(cb, *args)
            except Exception as e:
                print("callback raised", type(e).__name__, e)


loop = Loop()

print("-- states")
f = Future(loop=loop)
print(f.done(), f.cancelled(), f._state, f.get_loop() is loop, f._loop is loop)
show(f.result)
show(f.exception)
print(f._result, f._exception, f._callbacks, f._source_traceback, f._cancel_message)
print(f._asyncio_future_blocking, f._log_traceback)
show(f.set_result, 42)
print(f.done(), f._state, f.result(), f.exception(), f._result)
show(f.set_result, 1)
show(f.set_exception, ValueError())
show(f.cancel)
print(f.cancelled())

print("-- exceptions")
f = Future(loop=loop)
show(f.set_exception, 1)
show(f.set_exception, StopIteration)
show(f.set_exception, StopIteration())
print(f.done())


class MyStop(StopIteration):
    pass


show(f.set_exception, MyStop)
print(f.done(), type(f.exception()).__name__)
f = Future(loop=loop)
f.set_exception(ValueError)
print(f._log_traceback, type(f._exception).__name__)
show(f.result)
print(f._log_traceback)
show(f.exception)
f = Future(loop=loop)
try:
    raise KeyError("k")
except KeyError as e:
    f.set_exception(e)
try:
    f.result()
except KeyError as e:
    print("raised again", repr(e), e.__traceback__ is not None)
show(setattr, f, "_log_traceback", True)
show(setattr, f, "_log_traceback", False)
show(delattr, f, "_log_traceback")

print("-- cancel")
f = Future(loop=loop)
print(f.cancel(), f.cancel(), f.cancelled(), f.done(), f._state)
show(f.result)
show(f.exception)
f = Future(loop=loop)
print(f.cancel(msg="stop it"), f._cancel_message)
try:
    f.result()
except BaseException as e:
    print(type(e).__name__, e.args)
e1 = f._make_cancelled_error()
print(type(e1).__name__, e1.args, type(e1).__module__)
f._cancel_message = "changed"
print(f._make_cancelled_error().args)
show(delattr, f, "_cancel_message")
show(f.cancel, "a", "b")
f = Future(loop=loop)
print(f.cancel("positional"), f._cancel_message)

print("-- callbacks")
loop = Loop()
order = []
var = contextvars.ContextVar("var", default="unset")


def cb(name):
    def callback(fut):
        order.append((name, fut.result(), var.get()))
    callback.__qualname__ = name
    return callback


f = Future(loop=loop)
a, b, c = cb("a"), cb("b"), cb("c")
var.set("when-added")
f.add_done_callback(a)
var.set("second")
f.add_done_callback(b)
ctx = contextvars.copy_context()
ctx.run(var.set, "explicit")
f.add_done_callback(c, context=ctx)
f.add_done_callback(a)
print(len(f._callbacks), [t[0].__qualname__ for t in f._callbacks])
print(all(type(t[1]) is contextvars.Context for t in f._callbacks))
print(f.remove_done_callback(a), len(f._callbacks))
print(f.remove_done_callback(a), f.remove_done_callback(print))
var.set("at-result")
f.set_result("R")
print(f._callbacks, len(loop.ready))
loop.run()
print(order)
order.clear()
f.add_done_callback(a)
print(len(loop.ready), f._callbacks)
loop.run()
print(order)
show(f.add_done_callback)
show(f.add_done_callback, a, b)
show(f.add_done_callback, a, foo=1)
show(f.remove_done_callback)

print("-- remove_done_callback with __eq__")


class Eq:
    def __init__(self, tag):
        self.tag = tag

    def __eq__(self, other):
        return isinstance(other, Eq)

    def __call__(self, fut):
        order.append(self.tag)


f = Future(loop=loop)
for i in range(4):
    f.add_done_callback(Eq(i))
f.add_done_callback(a)
print(f.remove_done_callback(Eq("x")), len(f._callbacks))


class BadEq:
    def __eq__(self, other):
        raise ArithmeticError("no compare")

    def __call__(self, fut):
        pass


f = Future(loop=loop)
f.add_done_callback(BadEq())
f.add_done_callback(a)
show(f.remove_done_callback, a)
print(len(f._callbacks))

print("-- callback errors")
loop = Loop()
f = Future(loop=loop)


def boom(fut):
    raise ZeroDivisionError("in callback")


f.add_done_callback(boom)
f.add_done_callback(cb("after"))
f.set_result(7)
order.clear()
loop.run()
print(order)


class BrokenLoop(Loop):
    def call_soon(self, cb, *args, context=None):
        raise OSError("call_soon broke")


f = Future(loop=BrokenLoop())
f.add_done_callback(a)
f.add_done_callback(b)
show(f.set_result, 1)
print(f.done(), f._callbacks)

print("-- await protocol")
loop = Loop()
f = Future(loop=loop)
it = f.__await__()
print(type(it).__name__, iter(it) is it)
print(next(it) is f, f._asyncio_future_blocking)
show(next, it)
f._asyncio_future_blocking = False
f.set_result("done")
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value)
show(next, it)
f = Future(loop=loop)
f.set_result(None)
it = iter(f)
try:
    it.send(None)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
f = Future(loop=loop)
f.set_result((1, 2))
try:
    f.__await__().send("ignored")
except StopIteration as e:
    print("StopIteration", e.value)
f = Future(loop=loop)
f.set_exception(IndexError("idx"))
show(next, iter(f))
f = Future(loop=loop)
f.cancel()
show(next, iter(f))

it = iter(Future(loop=loop))
show(it.throw)
show(it.throw, 1)
show(it.throw, ValueError(), 1)
show(it.throw, ValueError, 1, 2)
show(it.throw, ValueError, "from class")
show(it.throw, ValueError("instance"))
show(next, it)
it = iter(Future(loop=loop))
show(it.throw, KeyError, ("a", "b"))
show(it.send)
show(it.close, 1)
it = iter(Future(loop=loop))
print(it.close(), next(it, "exhausted"))


async def waiter(fut):
    r = await fut
    return ("got", r)


f = Future(loop=loop)
coro = waiter(f)
print(coro.send(None) is f)
f.set_result(5)
try:
    coro.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)


def old_style(fut):
    r = yield from fut
    return r * 2


f = Future(loop=loop)
g = old_style(f)
print(next(g) is f)
f.set_result(21)
try:
    next(g)
except StopIteration as e:
    print("generator returned", e.value)

f = Future(loop=loop)
coro = waiter(f)
coro.send(None)
try:
    coro.throw(RuntimeError("thrown in"))
except RuntimeError as e:
    print("throw:", e)

print("-- uninitialized")
u = Future.__new__(Future)
for name in ["result", "exception", "done", "cancelled", "get_loop", "cancel",
             "_make_cancelled_error"]:
    print(name, end=": ")
    show(getattr(u, name))
for name in ["_state", "_loop", "_callbacks", "_result", "_exception", "_log_traceback",
             "_source_traceback", "_cancel_message", "_asyncio_future_blocking"]:
    print(name, end=": ")
    show(getattr, u, name)
show(u.set_result, 1)
show(u.set_exception, ValueError)
show(u.add_done_callback, print)
show(u.remove_done_callback, print)
show(repr, u)
show(iter, u)

print("-- arguments and attributes")
show(Future, 1)
show(Future, loop=loop, x=1)
show(f.result, 1)
show(setattr, f, "_state", "FINISHED")
show(setattr, f, "_asyncio_future_blocking", 2)
print(f._asyncio_future_blocking)
show(delattr, f, "_asyncio_future_blocking")
f.extra = "attr"
print(f.extra)
show(getattr, f, "__dict__")
print(Future[int], Future.__module__, Future.__name__)
print(sorted(n for n in dir(Future) if n.startswith("_") and not n.startswith("__")))

print("-- repr")
f = Future(loop=loop)
f.set_result([1, 2])
print(repr(f))
f = Future(loop=loop)
f.set_exception(ValueError("bad"))
print(repr(f))
f.exception()
f = Future(loop=loop)
f.cancel()
print(repr(f))
print(repr(Future(loop=loop)))

print("-- subclass")


class MyFuture(Future):
    def __init__(self, *, loop=None, tag="t"):
        super().__init__(loop=loop)
        self.tag = tag

    def set_result(self, r):
        super().set_result(("wrapped", r))

    def __repr__(self):
        return f"<MyFuture {self.tag} {self._state}>"


m = MyFuture(loop=loop, tag="x")
m.add_done_callback(cb("sub"))
m.set_result(3)
order.clear()
loop.run()
print(m.result(), m, order, isinstance(m, Future))
print(type(iter(m)).__name__)

loop = Loop(debug=True)
f = Future(loop=loop)
print(type(f._source_traceback).__name__, len(f._source_traceback) > 0)
print(f._source_traceback[-1].name)
