# A tiny enum built from a metaclass: members are instances created at class creation.
class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and not callable(v)}
        for k in members:
            del ns[k]
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = {}
        for k, v in members.items():
            inst = object.__new__(cls)
            inst.name, inst.value = k, v
            cls._members[k] = inst
            setattr(cls, k, inst)
        return cls
    def __iter__(cls):
        return iter(cls._members.values())
    def __len__(cls):
        return len(cls._members)
    def __call__(cls, value):
        for m in cls._members.values():
            if m.value == value:
                return m
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")
    def __contains__(cls, item):
        return isinstance(item, cls)

class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"
    def __str__(self):
        return f"{type(self).__name__}.{self.name}"

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def is_warm(self):
        return self is Color.RED

print(list(Color), len(Color))
print(Color.RED, repr(Color.GREEN), Color(3), Color(1) is Color.RED, Color.RED.is_warm(), Color.BLUE.is_warm())
print(Color.RED in Color, 1 in Color, [c.name for c in Color if c.value > 1])
try:
    Color(9)
except ValueError as e:
    print(type(e).__name__, e)
print(sorted(Color, key=lambda c: -c.value))
print({c: c.value * 10 for c in Color}[Color.GREEN])
