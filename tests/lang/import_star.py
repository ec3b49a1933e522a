from lib.starmod import *
print(public_one, _exported_private)
print("public_two" in globals(), "_hidden" in globals())
from lib.nostarall import *
print(visible, function())
print("_invisible" in globals())
def in_function():
    ns = {}
    exec("from lib.starmod import *", ns)
    return sorted(k for k in ns if k != "__builtins__")
print(in_function())
