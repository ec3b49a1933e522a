class DebugHelperMeta(type):
    def mro(cls):
        print("mro", cls.__name__, cls.__dict__.get("__mro__"))
        return type.mro(cls)
class M(DebugHelperMeta):
    def mro(cls):
        print("in mro", cls.__mro__ is None)
        if cls.__mro__ is None:
            try:
                super(cls, cls).xxx
            except AttributeError as e:
                print("AttributeError", e)
        return type.mro(cls)
class A(metaclass=M):
    pass
print(A.__mro__)
