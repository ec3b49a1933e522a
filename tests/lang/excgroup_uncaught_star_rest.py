# What an except* statement re-raises, left uncaught: a new exception from a
# clause next to the unhandled rest, in ExceptionGroup("", [...]).
def work():
    try:
        raise ExceptionGroup("jobs", [ValueError("bad value"), OSError("disk"), KeyError("key")])
    except* ValueError as e:
        print("handling", repr(e))
        raise RuntimeError("cleanup failed")
    except* KeyError as e:
        print("ignoring", repr(e))


try:
    work()
except ExceptionGroup as e:
    print(repr(e), [type(x).__name__ for x in e.exceptions])
work()
