def rate_limited(limit):
    def deco(fn):
        calls = 0
        def wrapper(*args):
            nonlocal calls
            if calls >= limit:
                raise RuntimeError(f"{fn.__name__} called more than {limit} times")
            calls += 1
            return fn(*args)
        def reset():
            nonlocal calls
            calls = 0
        wrapper.reset = reset
        wrapper.remaining = lambda: limit - calls
        return wrapper
    return deco

@rate_limited(2)
def ping(x):
    return f"pong {x}"

print(ping(1), ping(2), ping.remaining())
try:
    ping(3)
except RuntimeError as e:
    print(type(e).__name__, e)
ping.reset()
print(ping(4), ping.remaining())
# independent closures per decoration
@rate_limited(1)
def other():
    return "other"
print(other(), ping.remaining(), other.remaining())
# closures over loop variables via a factory
def make_handlers():
    handlers = {}
    for name in ("start", "stop"):
        def handler(evt, name=name):
            return f"{name}:{evt}"
        handlers[name] = handler
    return handlers
h = make_handlers()
print(h["start"]("e1"), h["stop"]("e2"))
# a closure cell shared between a function and a generator
def shared():
    state = {"n": 0}
    total = 0
    def add(v):
        nonlocal total
        total += v
        state["n"] += 1
    def report():
        while True:
            yield total, state["n"]
    return add, report()
add, rep = shared()
add(5)
print(next(rep))
add(10)
print(next(rep))
