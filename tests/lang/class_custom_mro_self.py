# A custom mro() that leaves the class out of its own MRO: class creation
# fails in super(cls, cls).__init_subclass__'s check, as CPython.
class B:
    pass
class M(type):
    def mro(cls):
        del M.mro
        return (B,)
try:
    class A(metaclass=M):
        pass
    print('made', A.__mro__)
except TypeError as e:
    print(type(e).__name__, e)
class M2(type):
    def mro(cls):
        return (B, object)
try:
    class A2(metaclass=M2):
        pass
    print('made', A2.__mro__)
except TypeError as e:
    print(type(e).__name__, e)
class M3(type):
    def mro(cls):
        return (cls, B, object)
class A3(metaclass=M3):
    pass
print([c.__name__ for c in A3.__mro__], issubclass(A3, B))
try:
    super(A3, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(super(B, A3()).__init__ is not None)
