import sys
def store_raise_exc_generator():
    try:
        print("A", sys.exc_info()[0])
        yield
    except Exception as exc:
        print("B", sys.exc_info()[0], exc.__context__)
        yield
        print("C", sys.exc_info()[0])
        yield
        raise
make = store_raise_exc_generator()
next(make)
try:
    raise ValueError()
except Exception as exc:
    try:
        make.throw(exc)
    except Exception as e:
        print("throw raised", repr(e))
print("D", sys.exc_info())
next(make)
try:
    next(make)
except ValueError as e:
    print("E", repr(e), e.__context__)
print("F", sys.exc_info())
