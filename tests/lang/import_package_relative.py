from lib.shapes import Circle, Shape, square
from lib.shapes.circle import same_base, PI
import lib.shapes.base
print(Circle(2).describe(), square.Square(3).describe())
print(same_base(), PI)
print(Circle.__module__, square.Square.__module__, Shape.__module__, square.__name__, square.__package__)
print(lib.shapes.base is __import__("lib.shapes.base", fromlist=["x"]))
try:
    Shape().area()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(sorted(lib.shapes.__all__))
print(lib.shapes.circle.helpers.greet("relative"))
