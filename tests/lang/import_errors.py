import sys
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, "| name:", e.name)
try:
    import lib.no_such_submodule
except ModuleNotFoundError as e:
    print(type(e).__name__, e, "| name:", e.name)
try:
    from lib import no_such_name
except ImportError as e:
    print(type(e).__name__, e.msg.split(" (")[0], "| name:", e.name)
try:
    from lib.helpers import nothing_here
except ImportError as e:
    print(type(e).__name__, e.msg.split(" (")[0], "| name:", e.name)
try:
    import lib.broken
except RuntimeError as e:
    print(type(e).__name__, e)
print("lib.broken" in sys.modules)
try:
    import lib.broken
except RuntimeError as e:
    print("again:", type(e).__name__, e)
try:
    import lib.bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, e.filename.replace("\\", "/").split("/")[-1])
print("lib.bad_syntax" in sys.modules)
try:
    import lib.helpers.not_a_package
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
