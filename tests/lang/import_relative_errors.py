# A relative import in the main script has no parent package.
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .lib import helpers
except ImportError as e:
    print(type(e).__name__, e)
import lib.relative_beyond
print(lib.relative_beyond.attempt())
print(__package__, __spec__ is None or __spec__.name)
