class Account:
    def __init__(self, balance):
        self.__balance = balance        # stored as _Account__balance
        self._protected = "one underscore"
        self.__dunder__ = "not mangled"
    def balance(self):
        return self.__balance
    def __secret(self):
        return "secret method"
    def reveal(self):
        return self.__secret()

a = Account(100)
print(a.balance(), a.reveal(), a._protected, a.__dunder__)
print(sorted(vars(a)))
try:
    a.__balance
except AttributeError as e:
    print(type(e).__name__, e)
print(a._Account__balance, a._Account__secret())

class Savings(Account):
    def __init__(self, balance):
        super().__init__(balance)
        self.__balance = "subclass's own"
    def both(self):
        return self.__balance, self._Account__balance
s = Savings(5)
print(s.both(), sorted(vars(s)))

# mangling applies inside strings? no. In getattr? no.
class M:
    __x = 1
    def get(self):
        return getattr(self, "__x", "getattr is not mangled"), self.__x
print(M().get())
# leading underscores in the class name are stripped
class _Private:
    def __init__(self):
        self.__v = 1
print(sorted(vars(_Private())))
class __Dunderish:
    def __init__(self):
        self.__v = 2
print(sorted(vars(__Dunderish())))
# mangling in nested functions and comprehensions inside the class
class N:
    __k = "k"
    def method(self):
        def inner():
            return self.__k
        return inner(), [self.__k for _ in range(1)]
print(N().method())
# global names are mangled too inside a class
_N2__glob = "mangled global"
class N2:
    def get(self):
        return __glob
print(N2().get())
