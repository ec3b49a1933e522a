# PEP 475 in the io stack: a system call that a signal interrupts runs the
# Python handler and is retried (or fails with the handler's exception);
# a buffered write whose handler calls the same object gets RuntimeError.
import io
import os
import signal

r, w = os.pipe()


def add_more(sig, frame):
    os.write(w, b"bar")


signal.signal(signal.SIGALRM, add_more)
for buffering in [0, -1]:
    f = io.open(r, "rb", buffering=buffering, closefd=False)
    os.write(w, b"foo")
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    got = f.read(6) if buffering else f.read(3) + f.read(3)
    print("read with retry", buffering, got)
    signal.setitimer(signal.ITIMER_REAL, 0)

os.write(w, b"xy")
signal.setitimer(signal.ITIMER_REAL, 0.05)
print("os.read", os.read(r, 2), os.read(r, 3))
signal.setitimer(signal.ITIMER_REAL, 0)


def fail(sig, frame):
    raise ZeroDivisionError("from the handler")


signal.signal(signal.SIGALRM, fail)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    os.read(r, 1)
except ZeroDivisionError as e:
    print("os.read:", type(e).__name__, e)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    io.open(r, "rb", buffering=0, closefd=False).read(1)
except ZeroDivisionError as e:
    print("FileIO.read:", type(e).__name__, e)
signal.setitimer(signal.ITIMER_REAL, 0)

# A write that fills the pipe blocks until the handler raises.
wio = io.open(w, "wb", closefd=False)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    wio.write(b"z" * (4 * 1024 * 1024))
except ZeroDivisionError as e:
    print("buffered write:", type(e).__name__, e)
signal.setitimer(signal.ITIMER_REAL, 0)
os.close(r)
os.close(w)

# Reentrant write from a handler.
r, w = os.pipe()
wio = io.open(w, "wb")


def reenter(sig, frame):
    wio.write(b"again")
    1 / 0


signal.signal(signal.SIGALRM, reenter)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    while True:
        for i in range(100):
            wio.write(b"xy")
            wio.flush()
        os.read(r, 200)
except ZeroDivisionError:
    # The handler ran between two calls (timing decides which).
    print("reentrant: stopped", True)
except RuntimeError as e:
    print("reentrant: stopped", str(e).startswith("reentrant call inside <_io.BufferedWriter"))
signal.setitimer(signal.ITIMER_REAL, 0)
try:
    wio.close()
except OSError:
    pass
os.close(r)
