class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(L(0)), bool(L(3)), len(L(7)))
if not L(0):
    print("empty is falsy")
try:
    len(L(-1))
except ValueError as e:
    print(type(e).__name__, e)
try:
    len(L(2 ** 70))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    len(L("3"))
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(L(3.0))
except TypeError as e:
    print(type(e).__name__, e)
class IntSub(int):
    pass
print(len(L(IntSub(4))), type(len(L(IntSub(4)))).__name__)

class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
print(bool(B(True)), not B(False))
print(B(True) and "and-result")
print(B(False) or "or-result")
try:
    bool(B(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    if B("yes"):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
print(bool(Both()))
class Neither:
    pass
print(bool(Neither()))
class BoolNone:
    __bool__ = None
try:
    bool(BoolNone())
except TypeError as e:
    print(type(e).__name__, e)
print([x for x in (0, 1, "", "a", [], [0], None, 0.0, -0.0, 1e-300, (), {}, set(), L(0), L(1)) if x].__len__())
