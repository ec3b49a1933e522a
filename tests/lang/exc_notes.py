e = ValueError("base")
print(hasattr(e, "__notes__"))
e.add_note("note one")
e.add_note("note two")
print(e.__notes__, str(e), e.args)
try:
    e.add_note(42)
except TypeError as err:
    print(type(err).__name__, err)
try:
    try:
        raise KeyError("k")
    except KeyError as k:
        k.add_note("added while handling")
        raise
except KeyError as k2:
    print(k2.__notes__)
e.__notes__ = ["replaced"]
e.add_note("appended")
print(e.__notes__)
e2 = TypeError("x")
e2.__notes__ = "not a list"
try:
    e2.add_note("y")
except TypeError as err:
    print(type(err).__name__, err)
eg = ExceptionGroup("g", [ValueError(1)])
eg.add_note("group note")
m, r = eg.split(ValueError)
print(m.__notes__, r)
