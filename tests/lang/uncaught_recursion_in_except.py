# an exception raised while handling another: the last line is the last exception
def handler():
    try:
        raise OSError(2, "No such file or directory")
    except OSError:
        raise AttributeError("secondary failure")
handler()
