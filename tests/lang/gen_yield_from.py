def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-after"
    return "outer-result"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)

# yield from any iterable
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2), {"k": 1})))

# throw and close are forwarded
def sub():
    try:
        yield 1
        yield 2
    except KeyError:
        yield "sub handled KeyError"
    finally:
        print("sub finally")
def delegator():
    try:
        yield from sub()
    finally:
        print("delegator finally")
d = delegator()
next(d)
print(d.throw(KeyError))
d.close()

# recursive yield from
def tree(node):
    if isinstance(node, list):
        for child in node:
            yield from tree(child)
    else:
        yield node
print(list(tree([1, [2, [3, [4]], 5], [[6]]])))

# yield from a generator that returns immediately
def immediate():
    return 42
    yield
def user():
    v = yield from immediate()
    yield v
print(list(user()))

# the value of yield from a non-generator iterator is None
def plain():
    r = yield from [1]
    yield r
print(list(plain()))

# StopIteration carrying a value from a custom iterator
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("custom value")
def from_custom():
    r = yield from It()
    yield r
print(list(from_custom()))
# send to a delegating generator reaching a list iterator fails
def deleg_list():
    yield from [1, 2]
dl = deleg_list()
next(dl)
try:
    dl.send("x")
except AttributeError as e:
    print(type(e).__name__, e)
