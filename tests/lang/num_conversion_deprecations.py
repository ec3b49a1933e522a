import warnings, operator
class BadIndex:
    def __index__(self): return True
class BadIndex2(int):
    def __index__(self): return True
class BadInt:
    def __int__(self): return True
class BadInt2(int):
    def __int__(self): return True
class TruncReturnsBadIndex:
    def __trunc__(self): return BadIndex()
class TruncReturnsBadInt:
    def __trunc__(self): return BadInt()
class TruncReturnsIntSubclass:
    def __trunc__(self): return True
class Trunc:
    def __trunc__(self): return 7
class BadFloat:
    def __float__(self):
        class F(float): pass
        return F(2.5)
class BadComplex:
    def __complex__(self):
        class C(complex): pass
        return C(1j)
cases = [("int", int, BadIndex()), ("int", int, BadIndex2(5)), ("int", int, BadInt()),
         ("int", int, BadInt2(6)), ("int", int, TruncReturnsBadIndex()), ("int", int, TruncReturnsBadInt()),
         ("int", int, TruncReturnsIntSubclass()), ("int", int, Trunc()),
         ("index", operator.index, BadIndex()), ("index", operator.index, BadIndex2(3)),
         ("range", lambda x: range(x), BadIndex()), ("list*", lambda x: [1] * x, BadIndex()),
         ("float", float, BadFloat()), ("complex", complex, BadComplex())]
for name, f, x in cases:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = f(x)
            print(name, type(x).__name__, repr(r), type(r).__name__)
        except Exception as e:
            print(name, type(x).__name__, type(e).__name__, e)
    for m in w:
        print("   ", m.category.__name__, m.message, m.filename == __file__)
