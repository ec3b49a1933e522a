# __mro_entries__: a non-class object in a class's bases list
class Real:
    def who(self):
        return "Real"

class Stand:
    def __mro_entries__(self, bases):
        print("mro_entries called with", [getattr(b, "__name__", type(b).__name__) for b in bases])
        return (Real,)

class Derived(Stand()):
    pass
print([c.__name__ for c in Derived.__mro__], Derived().who())
print(Derived.__orig_bases__[0].__class__.__name__, Derived.__bases__)

class Empty:
    def __mro_entries__(self, bases):
        return ()
class Plain(Empty()):
    pass
print(Plain.__bases__)

# list[int] as a base (GenericAlias has __mro_entries__)
class IntList(list[int]):
    pass
print(IntList.__bases__, IntList([1, 2]) + [3])
try:
    class Bad(Stand(), Real):
        pass
except TypeError as e:
    print(type(e).__name__, e)
