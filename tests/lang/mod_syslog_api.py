# syslog: openlog/syslog/closelog/setlogmask, LOG_MASK/LOG_UPTO (C int
# shifts), the constants and CPython's argument errors.
import syslog


def show(f, *a, **k):
    try:
        return repr(f(*a, **k))
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


print(sorted((n, getattr(syslog, n)) for n in dir(syslog) if n.isupper() and not callable(getattr(syslog, n))))
print(sorted(n for n in dir(syslog) if callable(getattr(syslog, n))))
calls = [
    (syslog.syslog, (), {}), (syslog.syslog, (1, 2, 3), {}), (syslog.syslog, (1,), {}),
    (syslog.syslog, ("a", "b"), {}), (syslog.syslog, (syslog.LOG_DEBUG, "krait test"), {}),
    (syslog.syslog, ("x",), {"priority": 1}), (syslog.syslog, (2**40, "x"), {}),
    (syslog.syslog, (1.5, "x"), {}), (syslog.syslog, (True, "x"), {}),
    (syslog.syslog, ("a\0b",), {}), (syslog.syslog, ("a\udc80",), {}),
    (syslog.openlog, (1,), {}), (syslog.openlog, (None,), {}), (syslog.openlog, ("id", "x"), {}),
    (syslog.openlog, (), {"ident": "krait", "logoption": syslog.LOG_PID, "facility": syslog.LOG_USER}),
    (syslog.openlog, (), {"foo": 1}), (syslog.openlog, ("a", "b", "c", "d"), {}),
    (syslog.openlog, ("a\udc80",), {}), (syslog.openlog, (), {}),
    (syslog.setlogmask, (), {}), (syslog.setlogmask, ("a",), {}), (syslog.setlogmask, (0,), {}),
    (syslog.setlogmask, (syslog.LOG_UPTO(syslog.LOG_ERR),), {}), (syslog.setlogmask, (255,), {}),
    (syslog.setlogmask, (2**70,), {}), (syslog.setlogmask, (1.5,), {}), (syslog.setlogmask, (1, 2), {}),
    (syslog.LOG_MASK, (3,), {}), (syslog.LOG_UPTO, (3,), {}), (syslog.LOG_MASK, ("a",), {}),
    (syslog.LOG_MASK, (), {}), (syslog.LOG_MASK, (1, 2), {}), (syslog.LOG_MASK, (), {"pri": 1}),
    (syslog.LOG_MASK, (70,), {}), (syslog.LOG_MASK, (31,), {}), (syslog.LOG_MASK, (-1,), {}),
    (syslog.LOG_UPTO, (-1,), {}), (syslog.LOG_UPTO, (30,), {}), (syslog.LOG_UPTO, (31,), {}),
    (syslog.LOG_UPTO, (2**70,), {}),
    (syslog.closelog, (), {}), (syslog.closelog, (1,), {}), (syslog.closelog, (), {}),
    (syslog.syslog, ("after close",), {}), (syslog.closelog, (), {}),
]
for f, a, k in calls:
    print(f.__name__, a, k, show(f, *a, **k))
