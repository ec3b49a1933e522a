m = __import__("lib.helpers")
print(m.__name__, m.helpers.__name__)
m2 = __import__("lib.helpers", globals(), locals(), ["greet"], 0)
print(m2.__name__, m2.greet("dunder"))
m3 = __import__("lib", fromlist=["starmod", "nostarall"])
print(m3.__name__, m3.starmod.public_one, m3.nostarall.visible)
try:
    __import__("lib.missing_module_zz")
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    __import__(5)
except TypeError as e:
    print(type(e).__name__, e)
# level > 0 needs a package context
try:
    __import__("helpers", globals(), None, [], 1)
except ImportError as e:
    print(type(e).__name__, e)
print(__import__("lib.shapes.circle", fromlist=["*"]).PI)
