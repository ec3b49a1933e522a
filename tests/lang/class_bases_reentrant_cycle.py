ready = False
class M(type):
    def mro(cls):
        if ready:
            if cls.__name__ == 'B1':
                B2.__bases__ = (B1,)
            if cls.__name__ == 'B2':
                B1.__bases__ = (B2,)
        return type.mro(cls)
class A(metaclass=M):
    pass
class B1(A):
    pass
class B2(A):
    pass
ready = True
try:
    B1.__bases__ += ()
except TypeError as e:
    print("TypeError", e)
print(B1.__mro__, B2.__mro__)
