# `from pkg import sub` where pkg.sub exists but itself imports a missing
# module: the inner ModuleNotFoundError propagates (name of the inner
# module), it is not turned into "cannot import name".
try:
    from lib import missing_dep
except ImportError as e:
    print(type(e).__name__, e, "| name:", e.name)
try:
    from lib import not_there_at_all
except ImportError as e:
    print(type(e).__name__, e.msg.split(" (")[0], "| name:", e.name)
