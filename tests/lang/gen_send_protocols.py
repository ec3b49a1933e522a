# A coroutine-style consumer pipeline with send(): a grep, a counter and a sink.
def coroutine(fn):
    def start(*a, **k):
        g = fn(*a, **k)
        next(g)
        return g
    return start

@coroutine
def sink(results):
    while True:
        item = yield
        results.append(item)

@coroutine
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line.upper())

@coroutine
def counter(target):
    n = 0
    try:
        while True:
            item = yield n
            n += 1
            target.send((n, item))
    except GeneratorExit:
        target.send(("closed after", n))
        raise

collected = []
s = sink(collected)
g = grep("py", s)
for line in ["python", "java", "pypy", "ruby", "cpython"]:
    g.send(line)
print(collected)
pairs = []
c = counter(sink(pairs))
for word in "abc":
    c.send(word)
c.close()
print(pairs)
# send returns the next yielded value
def echo_upper():
    value = None
    while True:
        value = yield (value.upper() if isinstance(value, str) else value)
e = echo_upper()
print(next(e), e.send("hi"), e.send(5), e.send("yo"))
# averaging with send and a sentinel return
def averager():
    total = count = 0
    while True:
        v = yield
        if v is None:
            return total / count if count else None
        total += v
        count += 1
def drive(values):
    a = averager()
    next(a)
    for v in values:
        a.send(v)
    try:
        a.send(None)
    except StopIteration as s:
        return s.value
print(drive([1, 2, 3, 4]), drive([]), drive([10]))
