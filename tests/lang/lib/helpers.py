"""Small helpers for the import tests."""
print("lib.helpers imported; __name__ =", __name__, "__package__ =", __package__)
LOAD_COUNT = 0
LOAD_COUNT += 1

def clamp(v, lo, hi):
    return max(lo, min(hi, v))

def greet(name):
    return f"hello, {name}"

class Counter:
    def __init__(self):
        self.n = 0
    def tick(self):
        self.n += 1
        return self.n

_private = "underscore name"
