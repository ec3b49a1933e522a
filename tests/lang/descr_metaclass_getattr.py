class Lazy(type):
    def __getattr__(cls, name):
        if name.isupper():
            value = name.lower() * 2
            setattr(cls, name, value)
            print("made", name)
            return value
        raise AttributeError(name)

class Config(metaclass=Lazy):
    existing = "here"

print(Config.existing, Config.HOST, Config.HOST, Config.PORT)
try:
    Config.lowercase
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted(k for k in vars(Config) if k.isupper()))
# the instance does not see the metaclass __getattr__
try:
    Config().NEW
except AttributeError as e:
    print(type(e).__name__, e)
print(Config().HOST)
# data descriptors on the metaclass win over class attributes
class DMeta(type):
    @property
    def kind(cls):
        return "metaclass property"
class D(metaclass=DMeta):
    kind = "class attribute"
print(D.kind, D().kind)
# a non-data descriptor on the metaclass loses to the class attribute
class NMeta(type):
    def kind(cls):
        return "metaclass method"
class N(metaclass=NMeta):
    kind = "class attribute"
print(N.kind)
class N2(metaclass=NMeta):
    pass
print(N2.kind())
