# A subpackage whose __init__ re-exports names from its modules.
from .base import Shape
from .circle import Circle
from . import square
__all__ = ["Shape", "Circle", "square"]
print("lib.shapes package ready; __package__ =", __package__)
