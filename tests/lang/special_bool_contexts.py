class Flag:
    def __init__(self, v, name):
        self.v, self.name = v, name
    def __bool__(self):
        print(f"bool({self.name})")
        return self.v
t, f = Flag(True, "t"), Flag(False, "f")
print("if:")
if t:
    pass
print("while:")
n = 0
while f:
    n += 1
print("not:", not t)
print("and:", (t and f).name)
print("or:", (f or t).name)
print("ternary:", "yes" if f else "no")
print("any:", any([f, t]))
print("all:", all([t, f, t]))
print("filter:", [x.name for x in filter(None, [t, f])])
print("comprehension:", [x.name for x in [t, f] if x])
print("assert:")
assert t
print("chained and in if:")
if t and f:
    pass
print("bool():", bool(t), bool(f))
print("list truth does not call __bool__ of elements:", bool([f]))
