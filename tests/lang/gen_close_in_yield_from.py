log = []
def leaf(name):
    try:
        while True:
            try:
                v = yield name
                log.append(f"{name} got {v}")
            except ValueError as e:
                log.append(f"{name} handled {e}")
    finally:
        log.append(f"{name} closed")

def middle():
    try:
        r = yield from leaf("leaf")
        log.append(f"middle result {r}")
    finally:
        log.append("middle closed")

def top():
    yield from middle()

g = top()
print(next(g), g.send(1), g.throw(ValueError("x")), g.send(2))
g.close()
print(log)

# throw into a delegating generator whose child does not handle it
def child():
    yield 1
    yield 2
def parent():
    try:
        yield from child()
    except KeyError as e:
        yield f"parent caught {e}"
p = parent()
next(p)
print(p.throw(KeyError("k")))
# close while the child ignores GeneratorExit
def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            yield "refused"
def deleg():
    yield from stubborn()
d = deleg()
next(d)
try:
    d.close()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    d.throw(KeyError("stop"))   # finish it, so that no finalizer runs it again
except KeyError:
    print("stubborn generator finished")
# yield from a generator that raises StopIteration(value) via return
def returns():
    yield "x"
    return {"result": 1}
def collect():
    r = yield from returns()
    return r
c = collect()
next(c)
try:
    next(c)
except StopIteration as e:
    print(e.value)
