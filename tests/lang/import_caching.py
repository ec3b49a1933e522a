import sys
import lib.helpers
first = lib.helpers
import lib.helpers
print(first is lib.helpers, sys.modules["lib.helpers"] is first)
first.Counter.shared = "mutations are visible through every import"
from lib.helpers import Counter
print(Counter.shared)
del sys.modules["lib.helpers"]
import lib.helpers as again      # runs the module body again
print(again is first, again.LOAD_COUNT, hasattr(again.Counter, "shared"))
print(sys.modules["lib"].helpers is again)
# a module can be replaced by any object in sys.modules
sys.modules["fake_module_xyz"] = "just a string"
import fake_module_xyz
print(fake_module_xyz)
sys.modules["fake_none"] = None
try:
    import fake_none
except ImportError as e:
    print(type(e).__name__, e)
