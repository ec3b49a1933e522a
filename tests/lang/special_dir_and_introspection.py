class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(Custom()))
class Bad:
    def __dir__(self):
        return 5
try:
    dir(Bad())
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Derived(Base):
    derived_attr = 2
    def __init__(self):
        self.inst_attr = 3
names = [n for n in dir(Derived()) if not n.startswith("__")]
print(names)
print([n for n in dir(Derived) if not n.startswith("__")])
print(dir(Derived()) == sorted(dir(Derived())))
print("inst_attr" in dir(Derived()), "inst_attr" in dir(Derived))
def f():
    local_a = 1
    local_b = 2
    return dir()
print(f())
print([n for n in dir(int) if not n.startswith("_")][:8])
print("append" in dir([]), "keys" in dir({}), "__len__" in dir(""), "real" in dir(1))
