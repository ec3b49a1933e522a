from lib.shapes import *
print(sorted(n for n in dir() if not n.startswith("_")))
print(Circle(1).describe(), square.Square(2).area(), Shape.name)
try:
    base
except NameError as e:
    print(type(e).__name__, e)
import lib.shapes
print(sorted(lib.shapes.__all__), lib.shapes.base.Shape is Shape)
