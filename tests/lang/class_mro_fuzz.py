# Random class hierarchies (a fixed linear congruential generator, so both
# interpreters build the same ones): the C3 MRO of each class, or the
# TypeError when there is none, and attribute lookup along it.
state = 12345

def rand(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return state % n

for trial in range(40):
    classes = []
    lines = []
    for i in range(8):
        nbases = rand(4) if classes else 0
        bases = []
        for _ in range(nbases):
            b = classes[rand(len(classes))]
            if b not in bases:
                bases.append(b)
        ns = {"tag": "C%d" % i} if rand(3) == 0 else {}
        if rand(4) == 0:
            ns["__slots__"] = ("s%d" % i,) if rand(2) else ()
        try:
            c = type("C%d" % i, tuple(bases), ns)
        except TypeError as e:
            lines.append("C%d %s: %s" % (i, [b.__name__ for b in bases], e))
            continue
        classes.append(c)
        lines.append("C%d %s tag=%s" % (i, [k.__name__ for k in c.__mro__], getattr(c, "tag", None)))
    print("trial", trial)
    for line in lines:
        print(" ", line)
