# o.f(...) where f is an attribute of the instance (a stored bound method,
# a function, any callable): the instance's value is called without self,
# and every change that makes the class's attribute win again is seen.
class Sink:
    def __init__(self):
        self.out = []
        self.write = self.out.append

    def write_twice(self, x):
        for _ in range(2):
            self.write(x)


s = Sink()
for i in range(5):
    s.write(i)
s.write_twice("w")
print(s.out)


class Base:
    def hello(self):
        return "class hello"


b = Base()
results = []
for round in range(4):
    for _ in range(3):
        results.append(b.hello())
    if round == 0:
        b.hello = lambda: "instance hello"       # the instance shadows the method
    elif round == 1:
        del b.hello                              # the method again
    elif round == 2:
        Base.hello = property(lambda self: lambda: "data descriptor wins")
print(results)


class Slots:
    pass


objs = [Slots() for _ in range(3)]
objs[0].f = len
objs[1].f = str.upper
objs[2].g = 1
objs[2].f = abs
out = []
for _ in range(3):
    out.append((objs[0].f("abc"), objs[1].f("abc"), objs[2].f(-3)))
print(out)
try:
    objs[2].g()
except TypeError as e:
    print("TypeError", e)


class WithGetattr:
    def __getattr__(self, name):
        return lambda: "from __getattr__ " + name


w = WithGetattr()
print([w.anything() for _ in range(3)])
w.anything = lambda: "own"
print([w.anything() for _ in range(3)])
