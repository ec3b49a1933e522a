import time
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
for ts in [0, 86399.9, -1.5, 1700000000, 2**31, 951782400]:
    g = time.gmtime(ts)
    print(g, g.tm_zone, g.tm_gmtoff, tuple(g))
    print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %U %w %y %%", g), time.asctime(g))
print(time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0), len(time.gmtime()), type(time.localtime()).__name__)
t = (2024, 2, 29, 12, 30, 45, 3, 60, 0)
print(time.strftime("%Y/%m/%d", t), time.asctime(t))
print(type(time.mktime(time.localtime(1000))).__name__, time.mktime(time.localtime(1000)))
print(time.localtime(time.mktime(time.localtime(123456789))) == time.localtime(123456789))
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 24, 0, 0, 0, 1, 0), (1, 2), "x", (2024, 1, 1, 0, 0, 0, 0, 400, 0)]:
    try: print(time.strftime("%Y", bad))
    except Exception as e: print(type(e).__name__, e)
for bad in ["x", 1e300, float("nan"), 2**70, None]:
    try: print(time.gmtime(bad)[:3] if bad is not None else "now-ok")
    except Exception as e: print(type(e).__name__, e)
print(time.strftime(""), repr(time.strftime("%")), time.ctime(0)[:3] in ("Thu", "Wed", "Fri"))
print(type(time.timezone).__name__, type(time.tzname).__name__, len(time.tzname), time.daylight in (0, 1))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)), time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)).tm_zone)
import logging, calendar
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.isleap(2024))
