import sys
def f(exc):
    try:
        if exc:
            raise exc
        print("no exception")
    except (KeyError, IndexError) as e:
        print("lookup", type(e).__name__, sys.exc_info()[0].__name__)
    except ValueError:
        print("value", sys.exc_info()[1])
    except Exception as e:
        print("other", type(e).__name__)
    else:
        print("else")
    finally:
        print("finally", sys.exc_info())
for e in (None, KeyError("k"), IndexError(), ValueError("v"), TypeError("t")):
    f(e)

def name_unbound():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as u:
        return "unbound: " + str(u)
print(name_unbound())

def reraise():
    try:
        try:
            raise KeyError("x")
        except KeyError:
            raise
    except KeyError as e:
        print("reraised", repr(e))
reraise()

def chain():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("wrapped") from e
    except ValueError as e:
        print(repr(e), repr(e.__cause__), e.__suppress_context__)
chain()

def nested_exc_info():
    try:
        raise KeyError(1)
    except KeyError:
        try:
            raise ValueError(2)
        except ValueError:
            print(sys.exc_info()[0].__name__)
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0])
nested_exc_info()

def bad_except_class():
    try:
        try:
            raise ValueError
        except 42:
            pass
    except TypeError as e:
        print("TypeError", e)
bad_except_class()

class E(Exception):
    pass
def deep(n):
    if n == 0:
        raise E("bottom")
    try:
        deep(n - 1)
    finally:
        pass
try:
    deep(5)
except E as e:
    print("deep", e)

def loop_exc():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        except ValueError as e:
            out.append(-e.args[0])
    return out
print(loop_exc())
x = 5
try:
    del x
    print(x)
except NameError as e:
    print("NameError", e)
