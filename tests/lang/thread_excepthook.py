# An exception in a thread goes to threading.excepthook (replaced here, so
# that its effect is printed on stdout); SystemExit ends a thread quietly;
# _thread.start_new_thread reports through sys.unraisablehook.
import _thread
import sys
import threading

caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                   args.exc_traceback is not None))


threading.excepthook = hook


def fails():
    raise KeyError("lost")


def exits():
    sys.exit(3)


for target, name in ((fails, "failing"), (exits, "exiting")):
    t = threading.Thread(target=target, name=name)
    t.start()
    t.join()
print(caught)


class MyThread(threading.Thread):
    def run(self):
        raise ValueError("in run " + self.name)


t = MyThread(name="custom")
t.start()
t.join()
print(caught[-1])

threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)

unraisable = []
sys.unraisablehook = lambda u: unraisable.append((u.exc_type.__name__, str(u.exc_value),
                                                  u.err_msg, u.object.__name__))
done = threading.Event()


def raw():
    try:
        raise OSError("raw thread")
    finally:
        done.set()


_thread.start_new_thread(raw, ())
done.wait(10)
# the report comes after the function returned: wait for the thread to end
while _thread._count():
    threading.Event().wait(0.01)
print(unraisable)

ok = threading.Event()
_thread.start_new_thread(lambda: (ok.set(), _thread.exit()), ())
print("exit in thread:", ok.wait(10))
