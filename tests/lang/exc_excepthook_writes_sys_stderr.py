# sys.excepthook / sys.__excepthook__ write their report to the current
# sys.stderr object (which a program may replace), including the
# "Did you mean" suggestion; nothing is written when sys.stderr is None.
import sys


class Capture:
    def __init__(self):
        self.parts = []
        self.flushes = 0

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.flushes += 1


class A:
    blech = None


def report(hook):
    old = sys.stderr
    cap = sys.stderr = Capture()
    try:
        hook(*sys.exc_info())
    finally:
        sys.stderr = old
    text = "".join(cap.parts)
    print(all(type(p) is str for p in cap.parts), cap.flushes > 0)
    for line in text.splitlines():
        print(line.replace(__file__, "FILE"))


try:
    A().bluch
except AttributeError:
    report(sys.__excepthook__)

try:
    blech_undefined_name
except NameError:
    report(sys.excepthook)

try:
    raise ValueError("boom")
except ValueError:
    try:
        raise KeyError("k")
    except KeyError:
        report(sys.excepthook)

old = sys.stderr
sys.stderr = None
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print(sys.excepthook(*sys.exc_info()))
finally:
    sys.stderr = old


class BadWrite:
    def write(self, s):
        raise OSError("cannot write")


sys.stderr = BadWrite()
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print(sys.excepthook(*sys.exc_info()))
finally:
    sys.stderr = old
print("done")
