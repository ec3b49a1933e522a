def __debug__():
    return f(b=1, b=2)
