def outer():
    def inner():
        "inner doc"
        return 1
    return inner

def plain(a, b=2):
    """Plain docstring."""
    return a + b

print(plain.__name__, plain.__qualname__, plain.__doc__)
print(plain.__module__)
i = outer()
print(i.__name__, i.__qualname__, i.__doc__)
print(outer.__doc__)
plain.custom = "attr"
print(plain.custom, plain.__dict__)
plain.__name__ = "renamed"
print(plain.__name__)
try:
    plain.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
print(type(plain).__name__)
print(callable(plain), callable(5))
lam = lambda: 0
print(lam.__name__, lam.__qualname__)
print(plain.__code__.co_name, plain.__code__.co_argcount, plain.__code__.co_varnames)
print(plain.__globals__ is globals())
def nodoc():
    x = "not a docstring"
print(nodoc.__doc__)
