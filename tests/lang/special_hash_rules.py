class Plain:
    pass
print(hash(Plain()) == hash(Plain()) or True, Plain.__hash__ is object.__hash__)

class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print(type(e).__name__, e)

class EqAndHash:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, EqAndHash) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
s = {EqAndHash(1), EqAndHash(1), EqAndHash(2)}
print(len(s), EqAndHash(1) in s)
d = {EqAndHash("a"): 1}
d[EqAndHash("a")] = 2
print(len(d), list(d.values()))

# subclass defining __eq__ loses inherited __hash__
class Parent:
    def __hash__(self):
        return 42
class Child(Parent):
    def __eq__(self, o):
        return False
print(hash(Parent()), Child.__hash__)
class Child2(Parent):
    def __eq__(self, o):
        return False
    __hash__ = Parent.__hash__
print(hash(Child2()))
# __hash__ must return an int
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class NegOne:
    def __hash__(self):
        return -1
print(hash(NegOne()))
# builtins
for v in ([1], {1: 2}, {1}, bytearray(b"x")):
    try:
        hash(v)
    except TypeError as e:
        print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)), hash(1) == hash(1.0) == hash(True), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
print(hash(-1), hash(-2), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(0.5), hash(1.5), hash(-0.0), hash(float("inf")), hash(10 ** 20))
