def inner():
    yield "a"
    yield "b"
def outer():
    yield from inner()
g = outer()
print(g.gi_code.co_name, g.gi_running, g.gi_yieldfrom)
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_code.co_name)
print(g.gi_frame.f_code.co_name, g.gi_frame.f_lineno)
list(g)
print(g.gi_yieldfrom, g.gi_frame)
def named():
    yield
n = named()
print(n.__name__, n.__qualname__)
n.__name__ = "renamed"
print(n.__name__, repr(n).startswith("<generator object named at"))
class Holder:
    def method(self):
        yield self
h = Holder().method()
print(h.__qualname__)
ge = (x for x in [])
print(ge.__name__, ge.__qualname__.endswith("<genexpr>"))
print(iter(g) is g, hasattr(g, "__next__"), hasattr(g, "send"), hasattr(g, "__len__"))
