def gen(a):
    b = a * 2
    yield locals()
    c = b + 1
    yield sorted(locals().items())

g = gen(5)
print(sorted(next(g).items()))
print(next(g))

# generators keep their state independently
def counter():
    i = 0
    while True:
        i += 1
        yield i
g1, g2 = counter(), counter()
print(next(g1), next(g1), next(g2), next(g1), next(g2))

# a generator referencing itself through a closure
def selfish():
    me = yield
    yield me is g
g = selfish()
next(g)
print(g.send(g))

# generator in a class
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
    def walk(self, depth=0):
        yield depth, self.v
        for k in self.kids:
            yield from k.walk(depth + 1)
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), list(t.walk()))
print(2 in t, 5 in t)
# yield inside try/except inside loop
def resilient(items):
    for it in items:
        try:
            yield 10 // it
        except ZeroDivisionError:
            yield "div0"
print(list(resilient([1, 0, 5])))
# yield in expressions
def exprs():
    x = (yield 1) + (yield 2)
    yield x
g = exprs()
print(next(g), g.send(10), g.send(20))
def yield_in_args():
    print("args:", (yield "a"), (yield "b"))
g = yield_in_args()
print(next(g), g.send("A"))
try:
    g.send("B")
except StopIteration:
    pass
