# A class whose __str__ is another type's __repr__ slot wrapper (what
# enum.ReprEnum does for IntEnum: str(member) is int.__repr__(member)).
class I(int):
    def __repr__(self):
        return "R"
    __str__ = int.__repr__
print(str(I(5)), repr(I(5)), "%s" % I(5), f"{I(6)}")
class J(int):
    def __repr__(self):
        return "R"
J.__str__ = int.__repr__
print(str(J(7)), repr(J(7)))
J.__str__ = int.__str__
print(str(J(8)))
class F(float):
    __repr__ = lambda self: "F"
    __str__ = float.__repr__
print(str(F(1.5)), repr(F(1.5)))
import enum
class Color(enum.IntEnum):
    RED = 1
print(str(Color.RED), format(Color.RED), repr(Color.RED), "%s|%d" % (Color.RED, Color.RED))
class Flag(enum.IntFlag):
    A = 1
    B = 2
print(str(Flag.A | Flag.B), repr(Flag.A))
