from .base import Shape
from . import base as base_module
from .. import helpers

PI = 3.14159

class Circle(Shape):
    name = "circle"
    def __init__(self, r):
        self.r = r
    def area(self):
        return PI * self.r ** 2

def same_base():
    return base_module.Shape is Shape and helpers.clamp(5, 0, 3) == 3
