# A signal that arrives while C code runs (here a long sum(), which does not
# look at signals) has its Python handler run as soon as the call returns,
# inside the caller's try block, as CPython's eval breaker does after a
# CALL: the statement after the call never runs. Plain and star-argument
# calls alike.
import signal


def handler(signum, frame):
    raise KeyError("from the handler, signal %s" % signal.Signals(signum).name)


signal.signal(signal.SIGALRM, handler)
for how in ["plain", "star"]:
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.001)
        if how == "plain":
            total = sum(range(3_000_000))
        else:
            total = sum(*(range(3_000_000),))
        state = "the statement after the call ran"
        print(how, state)
    except KeyError as e:
        print(how, "caught", e)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
