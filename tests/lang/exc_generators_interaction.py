def producer():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("producer caught", e)
        yield "after catch"
    finally:
        print("producer finally")

# an exception in the consumer does not enter the generator
g = producer()
try:
    for v in g:
        print("got", v)
        raise KeyError("consumer failed")
except KeyError as e:
    print("consumer:", e)
print(g.gi_frame is not None)
g.close()
print(g.gi_frame)

# exception inside generator propagates through for
def failing():
    yield 1
    raise ValueError("inside")
try:
    for v in failing():
        print("value", v)
except ValueError as e:
    print("propagated:", e)

# sys.exc_info inside a generator resumed within an except block
import sys
def peek():
    yield sys.exc_info()[0]
    yield sys.exc_info()[0]
p = peek()
print(next(p))
try:
    raise TypeError
except TypeError:
    print(next(p).__name__)

# exception context across yields
def ctx():
    try:
        raise KeyError("first")
    except KeyError:
        yield "in handler"
        raise ValueError("second")
c = ctx()
print(next(c))
try:
    next(c)
except ValueError as e:
    print(repr(e), repr(e.__context__))
# generator raising StopIteration explicitly via return value
def ret_gen():
    yield 1
    return "done"
def wrapper():
    result = yield from ret_gen()
    print("wrapper got", result)
list(wrapper())
