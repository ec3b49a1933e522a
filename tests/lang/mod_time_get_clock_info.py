# time.get_clock_info for each clock, and its errors.
import time
for name in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
    info = time.get_clock_info(name)
    print(name, type(info).__name__, info.implementation, info.monotonic, info.adjustable,
          type(info.resolution).__name__, 0 < info.resolution < 1)
for bad in ("x", 5, b"time"):
    try:
        time.get_clock_info(bad)
    except Exception as e:
        print(type(e).__name__, e)
