def gen():
    yield 1
    yield 2
    return 5
print(list(gen()), [x for x in gen()], tuple(gen()), sum(gen()), sorted(set(gen())))
print(dict.fromkeys(gen()), list(map(str, gen())), list(zip(gen(), gen())), list(enumerate(gen())))
print(" ".join(map(str, gen())), max(gen()), min(gen()), any(gen()), all(gen()))
import itertools
print(list(itertools.chain(gen(), gen())), list(itertools.islice(gen(), 5)))
g = gen(); next(g); next(g)
try:
    next(g)
except StopIteration as e:
    print("next:", e.value)
def outer():
    r = yield from gen()
    yield r
print(list(outer()))
m = map(str, gen()); next(m); next(m)
try:
    next(m)
except StopIteration as e:
    print("map next:", e.args)
