def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield "recovered"
    finally:
        print("finally")

g = guarded()
print(next(g))
print(g.throw(ValueError("injected")))
try:
    next(g)
except StopIteration:
    print("done")

g = guarded()
next(g)
try:
    g.throw(KeyError("not handled"))
except KeyError as e:
    print("propagated", e)

# throw into a generator that has not started
g = guarded()
try:
    g.throw(ValueError("early"))
except ValueError as e:
    print("unstarted throw raises directly", e)

# close runs finally, GeneratorExit
def closing():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
g = closing()
next(g)
g.close()
g.close()
print("closed twice ok")

def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
g = bad_close()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    g.throw(KeyError("stop"))   # finish it, so that no finalizer runs it again
except KeyError:
    print("finished")

def return_on_close():
    try:
        yield 1
    finally:
        return "ignored"
g = return_on_close()
next(g)
print(g.close())

# throw with a class and the legacy (type, value) signature
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, e.args)
c = catcher()
next(c)
c.throw(TypeError)
c.throw(TypeError, TypeError("instance"))
c.throw(ValueError("direct"))
try:
    c.throw(5)
except TypeError as e:
    print(type(e).__name__, e)
# close of an unstarted generator
def never():
    print("body never runs")
    yield
never().close()
print("ok")
# throw returns next yielded value, and StopIteration if it finishes
def one_more():
    try:
        yield 1
    except ValueError:
        pass
g = one_more()
next(g)
try:
    g.throw(ValueError)
except StopIteration:
    print("throw finished the generator")
