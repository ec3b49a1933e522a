class S:
    __slots__ = ("a", "b")
print(type(S.a).__name__, S.a.__name__, S.a.__objclass__.__name__)
s = S()
try:
    s.a
except AttributeError as e:
    print(type(e).__name__, e)
S.a.__set__(s, 5)
print(S.a.__get__(s, S), s.a)
S.b.__set__(s, "bee")
S.b.__delete__(s)
print(hasattr(s, "b"))
try:
    S.a.__set__(object(), 1)
except TypeError as e:
    print(type(e).__name__, e)
class T(S):
    __slots__ = ("c",)
t = T()
t.a, t.c = 1, 3
print(t.a, t.c, T.__slots__, hasattr(t, "__dict__"))
# slot names are mangled too
class Priv:
    __slots__ = ("__hidden",)
    def __init__(self):
        self.__hidden = "ok"
    def get(self):
        return self.__hidden
print(Priv().get(), Priv.__slots__, hasattr(Priv, "_Priv__hidden"))
# __slots__ with a default value via class attribute on a subclass
class Base:
    __slots__ = ("x",)
class WithDefault(Base):
    x = "class default shadows the slot"
w = WithDefault()
print(w.x)
try:
    w.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    class BadSlots:
        __slots__ = ("ok", 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class BadSlots2:
        __slots__ = ("a", "a")
    print("duplicate slots accepted?")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
