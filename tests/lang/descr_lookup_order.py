log = []
class Desc:
    def __init__(self, name):
        self.name = name
    def __get__(self, obj, typ):
        log.append("get " + self.name)
        return self.name
    def __set__(self, obj, v):
        log.append("set " + self.name)

class A:
    x = Desc("A.x")
class B(A):
    x = "B plain"
class C(B):
    pass
c = C()
print(c.x)
c.x = 1
print(c.x, c.__dict__)
class D(A):
    pass
d = D()
print(d.x)
d.x = 2
print(d.__dict__, log)
# __getattr__ only after normal lookup fails
class G:
    a = 1
    def __getattr__(self, name):
        return "fallback " + name
g = G()
g.b = 2
print(g.a, g.b, g.zzz)
class H:
    @property
    def p(self):
        raise AttributeError("p broke")
    def __getattr__(self, name):
        return "getattr caught " + name
print(H().p)
# __getattribute__ overriding everything
class I:
    x = 1
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError(name)
        return ("intercepted", name)
    def __getattr__(self, name):
        return ("fallback", name)
i = I()
print(i.x, i.anything, i.secret)
