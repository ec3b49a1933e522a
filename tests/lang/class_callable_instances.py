class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5))
print(list(map(Adder(100), [1, 2, 3])))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
# __call__ looked up on the type, not the instance
n = NotCallable()
n.__call__ = lambda: "instance attr"
try:
    n()
except TypeError as e:
    print(type(e).__name__, e)
print(callable(n))
# callable class attribute that is itself callable object
class Outer:
    helper = Adder(1)
print(Outer().helper(1))
try:
    five = 5
    five()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = "str"
    s(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    nothing = None
    nothing()
except TypeError as e:
    print(type(e).__name__, e)
