# The interpreter's own traceback printer (sys.__excepthook__, as for an
# uncaught exception) marks a failing binary operation's operator and a
# failing subscript's brackets with '^' and the rest of the expression
# with '~', as CPython 3.11 does; other expressions get plain carets.
import sys


def show(f):
    try:
        f()
    except Exception:
        saved = sys.stderr
        sys.stderr = sys.stdout
        try:
            sys.__excepthook__(*sys.exc_info())
        finally:
            sys.stderr = saved


def binop():
    a = 1
    return a + "s"


def binop_paren():
    a = 1
    return (a + "s") * 2


def floordiv():
    a = 1
    return a  //  0


def power():
    return 2.0 ** 10000


def shift():
    return 1 << -1


def matmul():
    return [1] @ [2]


def subscript():
    d = {}
    return d["missing"]


def subscript_spaces():
    a = [1]
    return a[  5  ]


def nested_subscript():
    a = [[1]]
    return a[0][3]


def slice_sub():
    return {}[1:2]


def unicode_line():
    é = "é"
    return é + 1


def whole_line():
    a = 1
    a + "s"


def call():
    return int("x")


def attr():
    return (1).nope


def multi_line():
    a = 1
    return (a +
            "s")


def inner_part():
    d = {}
    x = (d["a"] + 1) * 2
    return x


for f in [binop, binop_paren, floordiv, power, shift, matmul, subscript, subscript_spaces,
          nested_subscript, slice_sub, unicode_line, whole_line, call, attr, multi_line,
          inner_part]:
    show(f)
