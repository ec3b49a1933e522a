# A naked exception re-raised from an except* clause comes out wrapped.
def f():
    raise ZeroDivisionError("naked")


try:
    f()
except* ZeroDivisionError as e:
    print(repr(e), e.exceptions[0].__traceback__ is not None)
    raise
