def f():
    try:
        raise ValueError("original")
    except ValueError as e:
        raise KeyError("while handling") 
try:
    f()
except KeyError as k:
    print(type(k).__name__, k, "context:", type(k.__context__).__name__, k.__context__)

def g():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise   # re-raises ValueError, not TypeError
try:
    g()
except Exception as e:
    print(type(e).__name__, e)

def h():
    try:
        1 / 0
    except ZeroDivisionError as e:
        undefined_name
try:
    h()
except NameError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

def bare_raise_outside():
    raise
try:
    bare_raise_outside()
except RuntimeError as e:
    print(type(e).__name__, e)

# error inside else and finally blocks
def in_else():
    try:
        pass
    except Exception:
        pass
    else:
        raise IndexError("from else")
try:
    in_else()
except IndexError as e:
    print(type(e).__name__, e, e.__context__)

# handler for the exception raised in except isn't the same try
def same_try():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise TypeError("b")
        except TypeError:
            print("not here")
    except TypeError as e:
        print("outer", e)
same_try()
# exception raised in __eq__ during except matching? (matching uses issubclass)
class Meta(type):
    def __subclasscheck__(cls, sub):
        print("subclasscheck called")
        return True
class Catchall(Exception, metaclass=Meta):
    pass
try:
    try:
        raise KeyError("k")
    except Catchall:
        print("caught by Catchall")
except KeyError:
    print("metaclass __subclasscheck__ is not used by except")
