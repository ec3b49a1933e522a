# os.utime with float seconds: the fraction is floored to nanoseconds, as
# CPython's ROUND_FLOOR conversion (1.0020030005 -> 1002003000 ns; negative
# times too); NaN and out-of-range times are errors.
import os
import tempfile

fd, path = tempfile.mkstemp()
os.close(fd)
for atime, mtime in [(1.0020030005, 4.0050060005), (5.0, 8.0), (1.9999999999, 2.5),
                     (-1.5, -0.0000000001), (1e-9, 123456789.123456789), (0.9999999999999, 3)]:
    os.utime(path, (atime, mtime))
    st = os.stat(path)
    print(atime, mtime, st.st_atime_ns, st.st_mtime_ns)
    os.utime(path, times=(atime, mtime))
    st = os.stat(path)
    print(' times=', st.st_atime_ns, st.st_mtime_ns)
for bad in [(float('nan'), 1.0), (1e300, 1.0), (1.0, float('-inf'))]:
    try:
        os.utime(path, bad)
    except (ValueError, OverflowError) as e:
        print(bad, type(e).__name__, e)
os.unlink(path)
