def attempt(fn):
    try:
        fn()
    except BaseException as e:
        print(type(e).__name__, repr(e), e.args)

attempt(lambda: (_ for _ in ()).throw(ValueError("via throw")))
def raise_class():
    raise KeyError
def raise_instance():
    raise KeyError("instance")
def raise_tuple_args():
    raise ValueError("a", 1, None)
def raise_from_none():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
def raise_exc_class_with_init():
    class E(Exception):
        def __init__(self):
            super().__init__("constructed without arguments")
    raise E
def raise_exc_class_requiring_args():
    class NeedsArgs(Exception):
        def __init__(self, a, b):
            super().__init__(a + b)
    raise NeedsArgs
def reraise_in_nested_function():
    try:
        raise IndexError("orig")
    except IndexError:
        def inner():
            raise
        inner()
def raise_in_lambda_default():
    f = lambda x=[][0]: x
for fn in (raise_class, raise_instance, raise_tuple_args, raise_from_none, raise_exc_class_with_init,
           raise_exc_class_requiring_args, reraise_in_nested_function, raise_in_lambda_default):
    attempt(fn)
