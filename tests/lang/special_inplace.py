class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("iadd", o)
        self.v += o
        return self
    def __add__(self, o):
        print("add", o)
        return Acc(self.v + o)
    def __isub__(self, o):
        print("isub returns NotImplemented")
        return NotImplemented
    def __sub__(self, o):
        print("sub", o)
        return Acc(self.v - o)
    def __imul__(self, o):
        return "imul result replaces the target"
    def __repr__(self):
        return f"Acc({self.v})"

a = Acc(1)
b = a
a += 5
print(a, b, a is b)
a -= 2
print(a, b, a is b)
a *= 3
print(a)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 1
print(x.v, y.v, x is y)

class R:
    def __radd__(self, o):
        return f"radd({o})"
z = 5
z += R()
print(z)

# in-place on lists mutates; on tuples rebinds
l1 = [1]
l2 = l1
l1 += [2]
print(l1, l2, l1 is l2)
t1 = (1,)
t2 = t1
t1 += (2,)
print(t1, t2, t1 is t2)
# the list += tuple quirk
l1 += (3, 4)
print(l1)
try:
    l1 = l1 + (5,)
except TypeError as e:
    print(type(e).__name__, e)
# augmented assignment on attributes and items evaluates target once
class Obj:
    def __init__(self):
        self.log = []
        self.d = {"k": 1}
    def __getitem__(self, k):
        self.log.append("get " + k)
        return self.d[k]
    def __setitem__(self, k, v):
        self.log.append(f"set {k}={v}")
        self.d[k] = v
o = Obj()
o["k"] += 10
print(o.log)
# tuple item augmented: error after the add happened
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(t)
for op in ("+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="):
    v = None
    try:
        exec("v " + op + " 1")
    except TypeError as e:
        print(type(e).__name__, e)
