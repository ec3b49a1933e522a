def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

acc = accumulator()
print(acc.send(None))
print(acc.send(5))
print(acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)

g = accumulator()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)

def running_average():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
ra = running_average()
next(ra)
print([ra.send(v) for v in (10, 20, 30, 40)])

def two_way():
    received = []
    for i in range(3):
        r = yield f"out{i}"
        received.append(r)
    yield received
t = two_way()
print(next(t), t.send("a"), t.send("b"), t.send("c"))
# send on an exhausted generator
try:
    t.send(1)
except StopIteration:
    print("exhausted")
try:
    t.send(2)
except StopIteration:
    print("still exhausted")
# a generator cannot be resumed while running
def self_ref():
    yield gen.send(None)
gen = self_ref()
try:
    next(gen)
except ValueError as e:
    print(type(e).__name__, e)
