# faulthandler: enable/disable/is_enabled, dump_traceback into a file
# (frames, line numbers, escaped names, the all_threads header), argument
# errors, register/unregister on SIGUSR1, dump_traceback_later, and a
# fatal signal in a forked child (its report read back from a file).
import faulthandler
import os
import re
import signal
import sys
import tempfile
import time


def dumped(fn):
    with tempfile.TemporaryFile() as fp:
        fn(fp)
        fp.seek(0)
        text = fp.read().decode("ascii")
    return normalized(text)


def normalized(text):
    # thread ids differ from run to run; the script's directory is not the point
    text = re.sub(r"0x[0-9a-f]{16}", "0x<id>", text)
    return re.sub(r'File "[^"]*/', 'File "', text)


print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled())
faulthandler.enable(all_threads=False)
print(faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())


def recurse(n, fp, **kw):
    if n == 0:
        faulthandler.dump_traceback(fp, **kw)
        return
    recurse(n - 1, fp, **kw)


print(dumped(lambda fp: recurse(3, fp, all_threads=False)), end="")
print(dumped(lambda fp: recurse(1, fp)), end="")
print(dumped(lambda fp: faulthandler.dump_traceback(file=fp.fileno(), all_threads=0)), end="")


def café_Ω_𠀀(fp):
    faulthandler.dump_traceback(fp, False)


print(dumped(café_Ω_𠀀), end="")

exec(compile("def " + "x" * 600 + "(fp):\n    faulthandler.dump_traceback(fp, False)\n",
             "<long>", "exec"))
print(dumped(globals()["x" * 600]), end="")


def deep(n, fp):
    if n == 0:
        faulthandler.dump_traceback(fp, False)
    else:
        deep(n - 1, fp)


text = dumped(lambda fp: deep(120, fp))
print(len(text.splitlines()), text.splitlines()[-1])


def attempt(label, f):
    try:
        print(label, "ok", f())
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("fd -1", lambda: faulthandler.dump_traceback(-1))
attempt("str file", lambda: faulthandler.dump_traceback("x"))
attempt("bad kw", lambda: faulthandler.dump_traceback(foo=1))
attempt("later 0", lambda: faulthandler.dump_traceback_later(0))
attempt("later -1", lambda: faulthandler.dump_traceback_later(-1.5))
attempt("later huge", lambda: faulthandler.dump_traceback_later(1e20))
attempt("later str", lambda: faulthandler.dump_traceback_later("1"))
attempt("later no args", lambda: faulthandler.dump_traceback_later())
attempt("register SIGSEGV", lambda: faulthandler.register(signal.SIGSEGV))
attempt("register 0", lambda: faulthandler.register(0))
attempt("register 100", lambda: faulthandler.register(100))
attempt("unregister SIGUSR2", lambda: faulthandler.unregister(signal.SIGUSR2))
attempt("unregister SIGABRT", lambda: faulthandler.unregister(signal.SIGABRT))
attempt("cancel", faulthandler.cancel_dump_traceback_later)
saved_stderr = sys.stderr
sys.stderr = None
attempt("stderr None", lambda: faulthandler.dump_traceback())
sys.stderr = saved_stderr


class NoFileno:
    pass


attempt("no fileno", lambda: faulthandler.enable(NoFileno()))
print(faulthandler.is_enabled())


# A user signal writes the traceback of the frame it interrupts.
def user_signal(fp):
    faulthandler.register(signal.SIGUSR1, file=fp, all_threads=False)

    def poke():
        os.kill(os.getpid(), signal.SIGUSR1)

    poke()
    print("unregister", faulthandler.unregister(signal.SIGUSR1),
          faulthandler.unregister(signal.SIGUSR1))


print(dumped(user_signal), end="")


# The watchdog fires once while sleep() runs.
def watchdog(fp):
    faulthandler.dump_traceback_later(0.25, file=fp)

    def nap():
        time.sleep(1.5)

    nap()
    faulthandler.cancel_dump_traceback_later()


print(dumped(watchdog), end="")


# Cancelled in time: nothing is written.
def cancelled(fp):
    faulthandler.dump_traceback_later(30, file=fp)
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.05)


print(repr(dumped(cancelled)))


# A fatal signal in a child: the report, then death by that signal.
def crash_child(how):
    with tempfile.TemporaryFile() as fp:
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                # the default actions (a sanitizer's own handlers would
                # otherwise be the ones faulthandler hands the signal back to)
                for signum in (signal.SIGSEGV, signal.SIGBUS, signal.SIGFPE, signal.SIGABRT):
                    signal.signal(signum, signal.SIG_DFL)
                faulthandler.enable(fp, all_threads=False)

                def crash():
                    getattr(faulthandler, how)()

                crash()
            finally:
                os._exit(99)
        _, status = os.waitpid(pid, 0)
        fp.seek(0)
        report = fp.read().decode()
    print(how, os.WIFSIGNALED(status) and signal.Signals(os.WTERMSIG(status)).name)
    print(normalized(report), end="")


for how in ("_sigsegv", "_read_null", "_sigabrt", "_sigfpe"):
    crash_child(how)


# Py_FatalError from a C thread: "Thread 0x..." (not the current one), then SIGABRT.
def fatal_c_thread(fp):
    os.dup2(fp.fileno(), 2)
    signal.signal(signal.SIGABRT, signal.SIG_DFL)
    faulthandler._fatal_error_c_thread()


# With sys.stdlib_module_names emptied, the report lists the C modules.
def extension_modules(fp):
    sys.stdlib_module_names = frozenset()
    signal.signal(signal.SIGSEGV, signal.SIG_DFL)
    faulthandler.enable(fp, all_threads=True)
    faulthandler._sigsegv()


for label, body in (("c thread", fatal_c_thread), ("ext modules", extension_modules)):
    with tempfile.TemporaryFile() as fp:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            try:
                body(fp)
            finally:
                os._exit(99)
        _, status = os.waitpid(pid, 0)
        fp.seek(0)
        report = normalized(fp.read().decode())
    print(label, os.WIFSIGNALED(status) and signal.Signals(os.WTERMSIG(status)).name)
    head, _, ext = report.partition("\nExtension modules: ")
    print(head, end="")
    if ext:
        names = ext.split(" (total: ")[0].split(", ")
        print("extension modules listed:", "sys" in names, "faulthandler" in names)
