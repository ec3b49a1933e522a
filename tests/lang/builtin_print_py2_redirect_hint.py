# `print >> stream` (Python 2's redirection) raises TypeError with CPython's
# hint; the hint is for print and >> only, not for >>= or other functions.
import sys


class RRShiftNotImplemented:
    def __rrshift__(self, other):
        return NotImplemented


class RRShift:
    def __rrshift__(self, other):
        return "rrshift(%s)" % other.__name__


def attempt(label, f):
    try:
        print(label, "ok", f())
    except TypeError as e:
        print(label, "TypeError", e)


attempt("stderr", lambda: print >> sys.stderr)
attempt("tuple", lambda: (print >> sys.stderr, "message"))
attempt("int", lambda: print >> 42)
attempt("rrshift NotImplemented", lambda: print >> RRShiftNotImplemented())
attempt("rrshift", lambda: print >> RRShift())
attempt("max", lambda: max >> sys.stderr)
attempt("lshift", lambda: print << sys.stderr)
attempt("rshift reversed", lambda: sys.stderr >> print)


def inplace():
    p = print
    p >>= 1
    return p


attempt("inplace", inplace)
my_print = print
attempt("alias", lambda: my_print >> None)


def print(*args):
    pass


attempt("shadowed", lambda: print >> sys.stderr)
