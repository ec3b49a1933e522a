class Config:
    names = ["a", "b", "c"]
    upper = [n.upper() for n in names]          # the iterable is evaluated in class scope
    pairs = list((n, i) for i, n in enumerate(names))
    try:
        prefixed = [prefix + n for n in names]
    except NameError as e:
        prefixed = "NameError: " + str(e)
    prefix = "x"
    gen = (n * 2 for n in names)
print(Config.upper, Config.pairs, Config.prefixed, list(Config.gen), list(Config.gen))
class Lazy:
    items = range(3)
    squares = (i * i for i in items)
items = "module-level items is not used by the generator"
print(list(Lazy.squares))
def factory():
    base = 10
    class Inner:
        vals = [base + i for i in range(3)]
        gen = (base * i for i in range(3))
    return Inner
I = factory()
print(I.vals, list(I.gen))
