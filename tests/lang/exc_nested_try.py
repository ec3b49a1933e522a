def level(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        return level(n - 1)
    except KeyError:
        print("never")
    finally:
        print("unwind", n)
try:
    level(3)
except ValueError as e:
    print(type(e).__name__, e)

def reraise_inner():
    try:
        try:
            raise KeyError("k")
        except KeyError:
            print("inner handler")
            raise
    except LookupError as e:
        print("outer handler", type(e).__name__, e)
reraise_inner()

def mismatched():
    try:
        try:
            raise TypeError("t")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
mismatched()

# the exception variable is deleted after the except block
try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print(type(e).__name__, e)
# except clauses are tested in order
for exc in (KeyError(), IndexError(), LookupError(), ValueError()):
    try:
        raise exc
    except KeyError:
        print("KeyError clause")
    except (IndexError, ValueError) as e:
        print("tuple clause", type(e).__name__)
    except LookupError:
        print("LookupError clause")
# except with a computed class
classes = {"v": ValueError}
try:
    raise ValueError("computed")
except classes["v"] as e:
    print("computed clause", e)
# bare except catches everything including SystemExit
try:
    raise SystemExit(4)
except:
    print("bare except caught SystemExit")
# sys.exc_info inside handlers
import sys
try:
    raise KeyError("info")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())
try:
    raise ValueError("outer")
except ValueError:
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
# except clause with non-exception class
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
