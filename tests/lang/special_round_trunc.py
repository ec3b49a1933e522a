class Num:
    def __init__(self, v):
        self.v = v
    def __round__(self, ndigits=None):
        return f"round({self.v}, {ndigits})"
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
    def __trunc__(self):
        return "trunc"
print(round(Num(1.5)), round(Num(1.5), 1), round(Num(1.5), None))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.25, 1), round(1.35, 1))
print(round(5, 2), round(15, -1), round(25, -1), round(-15, -1), round(10 ** 20 + 5, -1))
print(type(round(5.0)).__name__, type(round(5.0, 1)).__name__, type(round(5, 1)).__name__)
print(round(0.5), round(1.5), round(-0.5), round(-1.5), round(1e16 + 1.0))
print(round(123.456, 10), round(123.456, -5), round(float("1e300"), -300))
try:
    round(1.5, 1.5)
except TypeError as e:
    print(type(e).__name__, e)
print((7).__floor__(), (7).__ceil__(), (7.7).__floor__(), (7.2).__ceil__(), (-7.7).__trunc__())
print(divmod(7, 2), divmod(-7, 2), divmod(7.0, 2), divmod(-7, 2.0), (7).__divmod__(2), (2).__rdivmod__(7))
class R:
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
print(divmod(R(), 3), divmod(3, R()))
