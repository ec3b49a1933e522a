def leaky():
    yield 1
    raise StopIteration("leaked")

try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)

def next_in_gen():
    it = iter([])
    yield next(it)
try:
    list(next_in_gen())
except RuntimeError as e:
    print(type(e).__name__, e)

def catches_properly():
    it = iter([1, 2])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return
print(list(catches_properly()))

# in a generator expression too
try:
    list(next(iter([])) for _ in range(3))
except RuntimeError as e:
    print(type(e).__name__, e)
# StopIteration subclass is converted too
class MyStop(StopIteration):
    pass
def sub_stop():
    yield 1
    raise MyStop
try:
    list(sub_stop())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
# a plain function raising StopIteration inside a for loop just ends it
def ends():
    raise StopIteration
class Iter:
    def __iter__(self):
        return self
    def __next__(self):
        ends()
print(list(Iter()))
# return value through StopIteration
def ret():
    return "value"
    yield
try:
    next(ret())
except StopIteration as e:
    print(repr(e), e.value)
