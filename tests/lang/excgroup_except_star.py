# try/except*: which part each clause sees, and what propagates at the end:
# naked exceptions, nested groups, bare raise, new exceptions, the unmatched
# rest, tuples of types, else/finally, and the TypeErrors of bad clauses.
import sys


def outcome(f):
    try:
        f()
    except BaseException as e:
        print("  propagates:", repr(e))
        return e
    print("  propagates: nothing")


def group():
    return ExceptionGroup("eg", [ValueError(1), TypeError(2),
                                 ExceptionGroup("in", [OSError(3), KeyError(4), ValueError(5)])])


print("handle some")


def handle_some():
    try:
        raise group()
    except* ValueError as e:
        print("  ValueError part:", repr(e))
    except* OSError as e:
        print("  OSError part:", repr(e))


outcome(handle_some)

print("handle all")


def handle_all():
    try:
        raise group()
    except* (ValueError, TypeError) as e:
        print("  tuple part:", repr(e))
    except* LookupError as e:
        print("  lookup part:", repr(e), type(e).__name__)
    except* Exception as e:
        print("  rest part:", repr(e))


outcome(handle_all)

print("bare raise keeps the structure")


def reraise():
    try:
        raise group()
    except* ValueError:
        raise
    except* KeyError:
        pass


e = outcome(reraise)
print(" ", e.exceptions[2].message, e.__traceback__ is not None)

print("new exception and re-raise")


def new_and_reraise():
    try:
        raise group()
    except* ValueError:
        raise
    except* TypeError as e:
        raise RuntimeError("from the TypeError clause")


e = outcome(new_and_reraise)
print(" ", repr(e.exceptions[0].__context__), e.message == "")

print("new exceptions in two clauses")


def two_new():
    try:
        raise group()
    except* ValueError:
        raise RuntimeError("one")
    except* OSError:
        raise RuntimeError("two") from None


e = outcome(two_new)
print(" ", e.exceptions[1].__suppress_context__, repr(e.exceptions[1].__context__))

print("raise a group from a clause")


def raise_group():
    try:
        raise group()
    except* TypeError as tg:
        raise ExceptionGroup("replacement", [NameError("n")]) from tg


outcome(raise_group)

print("naked exception")


def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("  sees:", repr(e), type(e).__name__, e.exceptions[0].__traceback__ is not None)
        print("  exc_info:", repr(sys.exc_info()[1]), sys.exc_info()[1] is e)


outcome(naked)

print("naked re-raised")


def naked_reraise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise


outcome(naked_reraise)

print("naked replaced")


def naked_replace():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("instead")


e = outcome(naked_replace)
print(" ", repr(e.__context__))

print("naked unmatched")


def naked_unmatched():
    try:
        raise ValueError("naked")
    except* TypeError:
        print("  not reached")


outcome(naked_unmatched)

print("naked BaseException")


def naked_base():
    try:
        raise KeyboardInterrupt("stop")
    except* KeyboardInterrupt as e:
        print("  sees:", type(e).__name__, repr(e))
        raise


outcome(naked_base)

print("else and finally")


def else_finally(fail):
    try:
        if fail:
            raise ExceptionGroup("g", [ValueError()])
        print("  body ok")
    except* ValueError:
        print("  handled")
    else:
        print("  else")
    finally:
        print("  finally")


outcome(lambda: else_finally(False))
outcome(lambda: else_finally(True))

print("unmatched rest with finally")


def rest_finally():
    try:
        raise group()
    except* OSError:
        print("  OSError handled")
    finally:
        print("  finally runs first")


outcome(rest_finally)

print("the as-name is unbound after the clause")


def unbound():
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* ValueError as err:
        pass
    try:
        err
    except NameError as ne:
        print(" ", ne)


outcome(unbound)

print("nested try/except* inside a clause")


def nested():
    try:
        raise group()
    except* ValueError as outer:
        try:
            raise outer
        except* ValueError as inner:
            print("  inner sees:", repr(inner))
        print("  outer clause done")


outcome(nested)

print("except* inside except")


def in_except():
    try:
        raise TypeError("plain")
    except TypeError:
        try:
            raise ExceptionGroup("g", [KeyError(1), ValueError(2)])
        except* KeyError:
            pass


e = outcome(in_except)
print(" ", repr(e.__context__))

print("bad clause types")
for bad in (ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int, (ValueError, 3),
            "ValueError"):
    def clause():
        try:
            raise ValueError("v")
        except* bad:
            pass
    e = outcome(clause)
    print("  context:", repr(e.__context__))

print("loops")
for i in range(3):
    try:
        raise ExceptionGroup(f"round {i}", [ValueError(i), TypeError(i)])
    except* ValueError as e:
        print(" ", repr(e))
    except* TypeError as e:
        print(" ", repr(e))

print("in a generator")


def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError("gen")])
    except* ValueError as e:
        yield repr(e)


print(" ", list(gen()))

print("in a function called from a clause")


def raiser():
    raise ExceptionGroup("from call", [OSError("deep")])


def calls():
    try:
        raiser()
    except* OSError as e:
        print("  caught:", repr(e), e.exceptions[0].__traceback__ is not None)


outcome(calls)

print("compile-time errors")
for src in ("try:\n    pass\nexcept* ValueError:\n    break\n",
            "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
            "for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
            "try:\n    pass\nexcept*:\n    pass\n",
            "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n"):
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        print(" ", e.msg, e.lineno)

print("one new exception, everything handled")


def one_new():
    try:
        raise group()
    except* Exception:
        raise RuntimeError("only one")


e = outcome(one_new)
print(" ", type(e) is ExceptionGroup, repr(e.exceptions[0].__context__))
