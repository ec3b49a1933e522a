class Meta(type):
    registry = []
    meta_attr = "from the metaclass"
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry.append(name)
        return cls
    def class_method_via_meta(cls):
        return f"called on {cls.__name__}"
    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"
    def __len__(cls):
        return len(cls.__dict__.get("items", ()))
    def __iter__(cls):
        return iter(cls.__dict__.get("items", ()))
    def __getitem__(cls, key):
        return f"{cls.__name__}[{key}]"
    def __getattr__(cls, name):
        return f"meta __getattr__ {name}"

class Colors(metaclass=Meta):
    items = ("red", "green", "blue")

print(Colors, repr(Colors), len(Colors), list(Colors), Colors["x"])
print(Colors.meta_attr, Colors.class_method_via_meta(), Colors.anything)
c = Colors()
print(hasattr(c, "meta_attr"), hasattr(c, "class_method_via_meta"))
try:
    c.anything
except AttributeError as e:
    print(type(e).__name__, e)
class Sub(Colors):
    items = ("x",)
print(Meta.registry, len(Sub), type(Sub).__name__)
print(type(Colors).__mro__)
print(isinstance(Colors, Meta), isinstance(c, Meta), type(c) is Colors)
# metaclass methods vs class methods of the same name: the class wins for instances
class Meta2(type):
    def describe(cls):
        return "meta describe"
class K(metaclass=Meta2):
    def describe(self):
        return "instance describe"
print(K.describe(K()), K().describe(), Meta2.describe(K))
