# The classic shared mutable default.
def append_to(item, target=[]):
    target.append(item)
    return target

a = append_to(1)
b = append_to(2)
print(a, b, a is b)
print(append_to(3, []))
print(append_to(4))
print(append_to.__defaults__)

def register(name, registry={}):
    registry[name] = len(registry)
    return registry

register("x")
register("y")
r = register("z")
print(list(r.items()))

# the None idiom
def safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe(1), safe(2))

# defaults shared between calls also for sets of ints
def collect(n, seen=set()):
    seen.add(n)
    return sorted(seen)
for i in (3, 1, 2, 3):
    print(collect(i))

# mutating the default through __defaults__
append_to.__defaults__[0].clear()
print(append_to(5))
