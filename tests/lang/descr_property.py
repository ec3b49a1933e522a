class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "temperature in C"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
print(Temp.celsius.__doc__, type(Temp.celsius).__name__)
print(Temp.celsius.fget.__name__, Temp.fahrenheit.fset)
# property() call form
class P:
    def _get(self): return "got"
    def _set(self, v): print("set", v)
    x = property(_get, _set, None, "doc x")
    ro = property(lambda self: "ro")
p = P()
p.x = 1
print(p.x, P.x.__doc__, p.ro)
try:
    p.ro = 2
except AttributeError as e:
    print(type(e).__name__, e)
# property shadows instance dict
p.__dict__["x"] = "dict"
print(p.x)
# property raising AttributeError
class Q:
    @property
    def bad(self):
        raise AttributeError("inner problem")
try:
    Q().bad
except AttributeError as e:
    print(type(e).__name__, e)
# property on class access returns itself
print(Temp.celsius is Temp.__dict__["celsius"])
# overriding a property in a subclass
class T2(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return "sub:" + str(self._c)
t2 = T2()
t2.celsius = 5
print(t2.celsius)
