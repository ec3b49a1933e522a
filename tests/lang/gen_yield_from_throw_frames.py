import sys
def names(frame):
    out = []
    while frame:
        n = frame.f_code.co_name
        if n.startswith("call_") or n == "<module>":
            break
        out.append(n)
        frame = frame.f_back
    return out
def f():
    print("f1", names(sys._getframe()))
    try:
        yield
    except Exception:
        pass
    print("f2", names(sys._getframe()))
def g():
    print("g1", names(sys._getframe()))
    yield from f()
    print("g2", names(sys._getframe()))
def call_throw(gen):
    gen.throw(RuntimeError)
gen = g()
gen.send(None)
try:
    call_throw(gen)
except StopIteration:
    pass
fl = lambda: (yield 1)
gen = fl()
print(next(gen))
try:
    gen.send(2)
except StopIteration as e:
    print("value", e.value)
