log = []
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(f"prepare {name}")
        return {}
    def __new__(mcls, name, bases, ns, **kw):
        log.append(f"meta new {name} {sorted(k for k in ns if not k.startswith('__'))}")
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        log.append(f"meta init {name}")
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        log.append(f"meta call {cls.__name__} {a}")
        inst = super().__call__(*a, **k)
        log.append("meta call done")
        return inst

class Desc:
    def __set_name__(self, owner, name):
        log.append(f"set_name {owner.__name__}.{name}")

class Base(metaclass=Meta):
    log.append("Base body start")
    d = Desc()
    def __init_subclass__(cls, **kw):
        log.append(f"init_subclass {cls.__name__} {kw}")
        super().__init_subclass__()
    def __new__(cls, *a):
        log.append(f"new {cls.__name__}")
        return super().__new__(cls)
    def __init__(self, *a):
        log.append(f"init {type(self).__name__} {a}")
    log.append("Base body end")

class Child(Base, flag=True):
    log.append("Child body")
    e = Desc()

Child(1, 2)
print("\n".join(log))
