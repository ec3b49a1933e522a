"""Arithmetic helpers the tests below exercise."""


def add(a, b):
    return a + b


def divide(a, b):
    if b == 0:
        raise ZeroDivisionError("cannot divide %r by zero" % (a,))
    return a / b


def mean(values):
    values = list(values)
    if not values:
        raise ValueError("mean of an empty sequence")
    return sum(values) / len(values)


def parse_pairs(text):
    """'a=1, b=2' -> {'a': 1, 'b': 2}

    >>> parse_pairs("x=1, y = 2")
    {'x': 1, 'y': 2}
    >>> parse_pairs("x")
    Traceback (most recent call last):
        ...
    ValueError: invalid literal for int() with base 10: ''
    """
    out = {}
    for item in text.split(","):
        key, _, value = item.strip().partition("=")
        out[key.strip()] = int(value)
    return out
