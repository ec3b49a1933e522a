def inner():
    raise ValueError("from inner")
def outer():
    inner()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    names = []
    lines = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(names, lines)
    print(type(e.__traceback__).__name__)
# with_traceback returns the same exception
err = KeyError("k")
print(err.with_traceback(None) is err, err.__traceback__)
try:
    raise err
except KeyError as e:
    print(e.__traceback__.tb_lineno, e.__traceback__.tb_next)
# re-raising adds frames
def reraiser():
    try:
        inner()
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    tb = e.__traceback__
    chain = []
    while tb:
        chain.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(chain)
# frames see their locals
def with_locals():
    secret = 42
    raise RuntimeError("x")
try:
    with_locals()
except RuntimeError as e:
    print(e.__traceback__.tb_next.tb_frame.f_locals["secret"])
# a traceback from a generator
def gen():
    yield 1
    raise IndexError("gen")
try:
    list(gen())
except IndexError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
