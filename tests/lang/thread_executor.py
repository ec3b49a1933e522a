# concurrent.futures.ThreadPoolExecutor: map, submit, exceptions,
# as_completed, wait, callbacks, shutdown.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_EXCEPTION
import threading


def square(x):
    return x * x


def boom(x):
    raise ValueError(f"bad {x}")


with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    print(list(ex.map(lambda a, b: a + b, "abc", "xyz")))
    futs = [ex.submit(square, i) for i in range(8)]
    print(sorted(f.result() for f in as_completed(futs)))
    f = ex.submit(boom, 3)
    try:
        f.result()
    except ValueError as e:
        print("ValueError", e)
    print(type(f.exception()).__name__, f.done(), f.cancelled())
    done, not_done = wait([ex.submit(square, 2), ex.submit(boom, 1)],
                          return_when=FIRST_EXCEPTION)
    print(len(done) >= 1, sorted(type(d.exception()).__name__ for d in done if d.exception()))
    try:
        list(ex.map(boom, [1, 2]))
    except ValueError as e:
        print("map raised", e)
    calls = []
    ev = threading.Event()

    def cb(fut):
        calls.append(fut.result())
        ev.set()

    ex.submit(square, 7).add_done_callback(cb)
    ev.wait(10)
    print("callback:", calls)
    names = set(ex.map(lambda _: threading.current_thread().name.split("_")[0], range(20)))
    print("worker names:", sorted(names))

try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)

# results come back in order even when the work finishes out of order
import time
with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(lambda d: (time.sleep(d), d)[1], [0.03, 0.01, 0.02])))
