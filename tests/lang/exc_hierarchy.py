def chain(cls):
    return " > ".join(c.__name__ for c in cls.__mro__)
for cls in (ZeroDivisionError, KeyError, IndexError, UnboundLocalError, FileNotFoundError,
            RecursionError, NotImplementedError, StopIteration, StopAsyncIteration,
            KeyboardInterrupt, SystemExit, GeneratorExit, UnicodeDecodeError,
            ModuleNotFoundError, TimeoutError, OverflowError, FloatingPointError,
            TabError, DeprecationWarning, BaseExceptionGroup, ExceptionGroup):
    print(chain(cls))
print(issubclass(KeyError, LookupError), issubclass(SystemExit, Exception))
print(isinstance(ValueError(), BaseException))
print(EnvironmentError is OSError, IOError is OSError)
def catches(exc, cls):
    try:
        raise exc
    except cls:
        return True
    except BaseException:
        return False
print(catches(KeyError("k"), LookupError), catches(KeyError("k"), IndexError))
print(catches(ZeroDivisionError(), ArithmeticError), catches(SystemExit(), Exception))
print(catches(ValueError(), (TypeError, ValueError)))
print(catches(UnicodeDecodeError("utf-8", b"x", 0, 1, "bad"), ValueError))
