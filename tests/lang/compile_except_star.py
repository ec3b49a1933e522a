def test(eg):
    try:
        raise eg
    except* ValueError as e:
        print("value", repr(e))
    except* TypeError as e:
        print("type", repr(e))

test(ExceptionGroup("g", [ValueError(1), TypeError(2)]))
test(ExceptionGroup("g", [ValueError(1)]))
try:
    test(ExceptionGroup("g", [ValueError(1), KeyError(2)]))
except ExceptionGroup as e:
    print("rest", repr(e))
try:
    test(KeyError("naked"))
except KeyError as e:
    print("naked passes", repr(e))
def wrap_naked():
    try:
        raise ValueError("v")
    except* ValueError as e:
        print("wrapped", repr(e))
wrap_naked()
def raise_in_handler():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise TypeError("new")
try:
    raise_in_handler()
except Exception as e:
    print("raised", repr(e))
def else_finally():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else")
    finally:
        print("finally")
else_finally()
