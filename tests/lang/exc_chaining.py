def show(e):
    print(type(e).__name__, e,
          "| cause:", repr(e.__cause__),
          "| context:", repr(e.__context__),
          "| suppress:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)

try:
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("explicit") from k
except RuntimeError as e:
    show(e)

try:
    try:
        [][1]
    except IndexError:
        raise TypeError("no context") from None
except TypeError as e:
    show(e)

try:
    raise ValueError("direct") from KeyError("cause")
except ValueError as e:
    show(e)

# raise from a class
try:
    raise ValueError("x") from KeyError
except ValueError as e:
    show(e)

# context chain
try:
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise IndexError("b")
    except IndexError:
        raise ValueError("c")
except ValueError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(type(cur).__name__)
        cur = cur.__context__
    print(chain)

# re-raise keeps context unchanged
try:
    try:
        raise KeyError("orig")
    except KeyError as e:
        raise
except KeyError as e:
    show(e)

# context is not set to itself
try:
    e1 = ValueError("same")
    try:
        raise e1
    except ValueError:
        raise e1
except ValueError as e:
    show(e)

# setting attributes manually
e = ValueError("manual")
e.__cause__ = KeyError("set")
print(e.__suppress_context__)
try:
    e.__cause__ = 5
except TypeError as err:
    print(type(err).__name__, err)
try:
    e.__context__ = "x"
except TypeError as err:
    print(type(err).__name__, err)
# context set in finally
try:
    try:
        raise KeyError("in try")
    finally:
        try:
            raise ValueError("in finally")
        except ValueError as v:
            show(v)
except KeyError as k:
    show(k)
