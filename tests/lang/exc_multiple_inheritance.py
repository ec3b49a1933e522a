class NetworkError(Exception):
    pass
class TimeoutErrorish(Exception):
    pass
class ConnectTimeout(NetworkError, TimeoutErrorish):
    def __init__(self, host, seconds):
        super().__init__(f"{host} did not answer in {seconds}s")
        self.host = host
class LookupProblem(KeyError, NetworkError):
    pass

def raise_it(e):
    try:
        raise e
    except TimeoutErrorish as t:
        return f"timeout handler: {type(t).__name__}: {t}"
    except NetworkError as n:
        return f"network handler: {type(n).__name__}: {n}"
    except LookupError as l:
        return f"lookup handler: {type(l).__name__}: {l}"

print(raise_it(ConnectTimeout("db", 5)))
print(raise_it(LookupProblem("no route")))
print(raise_it(NetworkError("generic")))
print([c.__name__ for c in ConnectTimeout.__mro__])
print([c.__name__ for c in LookupProblem.__mro__])
print(str(LookupProblem("k")), repr(LookupProblem("k")))
class OSLike(OSError):
    pass
e = OSLike(2, "custom errno")
print(type(e).__name__, e.errno, e.strerror, isinstance(e, OSError), str(e))
class MyVal(ValueError, ArithmeticError):
    pass
try:
    raise MyVal("both")
except ArithmeticError as x:
    print("caught as ArithmeticError:", repr(x))
try:
    class Bad(OSError, StopIteration):
        pass
except TypeError as err:
    print(type(err).__name__, err)
