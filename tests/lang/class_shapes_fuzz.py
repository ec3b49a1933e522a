# Random attribute traffic on instances (a fixed linear congruential
# generator): sets, deletes, reads, vars(), __dict__ edits and __class__
# switches, checked against a plain dict model and printed.
state = 777

def rand(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return state % n

class A:
    pass
class B:
    pass
names = ["n%d" % i for i in range(12)]
objs = [A() for _ in range(6)]
models = [{} for _ in range(6)]
for step in range(3000):
    k = rand(len(objs))
    o, m = objs[k], models[k]
    op = rand(100)
    name = names[rand(len(names))]
    if op < 45:
        setattr(o, name, step)
        m[name] = step
    elif op < 65:
        try:
            delattr(o, name)
            ok = True
        except AttributeError:
            ok = False
        if ok != (name in m):
            print("delete mismatch", step, name)
        m.pop(name, None)
    elif op < 90:
        got = getattr(o, name, None)
        if got != m.get(name):
            print("read mismatch", step, name, got, m.get(name))
    elif op < 94:
        if vars(o) != m or list(vars(o)) != list(m):
            print("vars mismatch", step, vars(o), m)
    elif op < 97:
        o.__dict__[name] = -step
        m[name] = -step
    else:
        o.__class__ = B if type(o) is A else A
for o, m in zip(objs, models):
    print(type(o).__name__, sorted(vars(o).items()) == sorted(m.items()), list(vars(o)) == list(m), len(m))
