class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("getattribute", name)
        return super().__getattribute__(name)
    def method(self):
        return self.a
l = Logged()
print(l.a)
print(l.method())
try:
    l.zzz
except AttributeError as e:
    print(type(e).__name__, e)

class Hide:
    def __init__(self):
        self.visible = 1
        self.hidden = 2
    def __getattribute__(self, name):
        if name == "hidden":
            raise AttributeError("no peeking")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"__getattr__({name})"
h = Hide()
print(h.visible, h.hidden, h.other)
print(object.__getattribute__(h, "hidden"))

# an error other than AttributeError does not trigger __getattr__
class Err:
    def __getattribute__(self, name):
        raise KeyError(name)
    def __getattr__(self, name):
        return "not reached"
try:
    Err().x
except KeyError as e:
    print(type(e).__name__, e)
# hasattr only swallows AttributeError
try:
    hasattr(Err(), "x")
except KeyError as e:
    print("hasattr raised", type(e).__name__, e)
print(getattr(Hide(), "hidden", "dflt"))
# special methods bypass __getattribute__
class Spec:
    def __getattribute__(self, name):
        print("getattribute", name)
        return object.__getattribute__(self, name)
    def __len__(self):
        return 3
s = Spec()
print(len(s))
print(s.__len__())
