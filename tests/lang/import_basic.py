import lib.helpers
print(lib.helpers.greet("world"), lib.helpers.clamp(15, 0, 10), lib.VERSION)
import lib.helpers as h
print(h is lib.helpers, h.__name__, h.__doc__)
from lib.helpers import Counter, clamp as c
print(Counter().tick(), c(-3, 0, 9))
from lib import helpers
print(helpers is h, helpers.LOAD_COUNT)
import lib
print(lib.__name__, lib.__package__, type(lib).__name__, hasattr(lib, "helpers"))
print(h._private)
import _underscore_helper
print(_underscore_helper.triple("ab"))
def local_import():
    import lib.helpers as local_h
    from lib.helpers import greet
    return greet("local"), "local_h" in locals()
print(local_import())
print("greet" in globals())
