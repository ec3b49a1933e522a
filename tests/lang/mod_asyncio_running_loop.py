# _asyncio's module functions: the running loop (per thread), the event
# loop lookup through the policy, and the task registry with its errors.
import threading
import _asyncio


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("->", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)


class Loop:
    def __repr__(self):
        return "<Loop>"


print(sorted(n for n in dir(_asyncio) if not n.startswith("__")))
show(_asyncio._get_running_loop)
show(_asyncio.get_running_loop)
show(_asyncio._set_running_loop)
show(_asyncio._set_running_loop, 1, 2)
show(_asyncio.get_running_loop, 1)
loop = Loop()
show(_asyncio._set_running_loop, loop)
show(_asyncio._get_running_loop)
show(_asyncio.get_running_loop)
show(_asyncio.get_event_loop)
show(_asyncio._get_event_loop)
show(_asyncio._get_event_loop, 5)
show(_asyncio._get_event_loop, "x")

seen = []


def in_thread():
    seen.append(_asyncio._get_running_loop())
    other = Loop()
    _asyncio._set_running_loop(other)
    seen.append(_asyncio._get_running_loop() is other)


th = threading.Thread(target=in_thread)
th.start()
th.join()
print(seen, _asyncio._get_running_loop() is loop)
show(_asyncio._set_running_loop, None)
show(_asyncio._get_running_loop)

print("-- tasks registry")
cur = _asyncio._current_tasks
print(type(cur).__name__, type(_asyncio._all_tasks).__name__, len(cur))
show(_asyncio._enter_task, loop, "t1")
print(cur.get(loop))
show(_asyncio._enter_task, loop, "t2")
show(_asyncio._leave_task, loop, "t2")
show(_asyncio._leave_task, loop, "t1")
show(_asyncio._leave_task, loop, "t1")
show(_asyncio._enter_task, loop=loop, task="kw")
show(_asyncio._leave_task, task="kw", loop=loop)
show(_asyncio._enter_task, [], "unhashable loop")
show(_asyncio._enter_task, loop)
show(_asyncio._leave_task)
print(len(cur))


class T:
    pass


t = T()
show(_asyncio._register_task, t)
print(t in _asyncio._all_tasks)
show(_asyncio._unregister_task, t)
show(_asyncio._unregister_task, task=t)
print(t in _asyncio._all_tasks)
show(_asyncio._register_task, 1)
show(_asyncio._register_task)

print("-- fork")
import os
import sys

_asyncio._set_running_loop(loop)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child sees", _asyncio._get_running_loop())
    _asyncio._set_running_loop(loop)
    print("child after set", _asyncio._get_running_loop() is loop)
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
print("parent still", _asyncio._get_running_loop() is loop)
_asyncio._set_running_loop(None)

print("-- event loops in several threads")
import asyncio

results = []


async def work(tag):
    s = 0
    for i in range(100):
        await asyncio.sleep(0)
        s += i
    return tag, s, asyncio.get_running_loop() is _asyncio._get_running_loop()


def runner(tag):
    results.append(asyncio.run(work(tag)))


threads = [threading.Thread(target=runner, args=(i,)) for i in range(3)]
for th in threads:
    th.start()
main_result = asyncio.run(work("main"))
for th in threads:
    th.join()
print(main_result, sorted(results), _asyncio._get_running_loop())
