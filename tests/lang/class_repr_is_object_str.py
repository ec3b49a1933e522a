class Foo:
    pass
Foo.__repr__ = Foo.__str__
foo = Foo()
for f in (str, repr):
    try:
        f(foo)
    except RecursionError as e:
        print("RecursionError")
l = []
print(hash(l.append) == hash(l.append), l.append == l.append, l.append != [].append)
try:
    hash([].append)
except TypeError as e:
    print("TypeError", e)
