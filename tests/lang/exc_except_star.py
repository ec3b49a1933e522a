def run(excs):
    try:
        raise ExceptionGroup("group", excs)
    except* ValueError as eg:
        print("ValueError part:", repr(eg))
    except* TypeError as eg:
        print("TypeError part:", repr(eg))
    except* (KeyError, IndexError) as eg:
        print("Lookup part:", [type(e).__name__ for e in eg.exceptions])

run([ValueError(1), TypeError(2), KeyError(3)])
run([ValueError(1), ValueError(2)])
try:
    run([ZeroDivisionError("unhandled"), ValueError(5)])
except ExceptionGroup as eg:
    print("escaped:", repr(eg))

# a naked exception is wrapped in a group
try:
    raise ValueError("naked")
except* ValueError as eg:
    print(type(eg).__name__, repr(eg.exceptions))

# raising in an except* clause
try:
    try:
        raise ExceptionGroup("g", [ValueError("x")])
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as eg:
    print(repr(eg), type(eg.exceptions[0].__context__).__name__)

# re-raising with bare raise keeps the original group structure
try:
    try:
        raise ExceptionGroup("g", [ValueError("x"), TypeError("y")])
    except* ValueError:
        raise
except ExceptionGroup as eg:
    print(repr(eg))

# nested groups
try:
    raise ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError("deep")]), TypeError("top")])
except* ValueError as eg:
    print(repr(eg))
except* TypeError as eg:
    print(repr(eg))
# except* with else/finally
try:
    pass
except* ValueError:
    print("no")
else:
    print("else ran")
finally:
    print("finally ran")
try:
    try:
        raise ValueError("v")
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(type(e).__name__, e)
