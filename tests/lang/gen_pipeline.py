def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1

def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

def squares(src):
    for x in src:
        yield x * x

def take(n, src):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x

print(list(take(5, squares(evens(numbers(100))))))

def window(src, size):
    buf = []
    for x in src:
        buf.append(x)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)
print(list(window("abcde", 3)))

def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave("ab", [1, 2, 3], (x for x in "XYZW"))))

def flatten(nested):
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, (2, [3, (4,)]), [], [[5]]])))

# a generator-based state machine
def traffic_light():
    while True:
        for color, ticks in (("green", 3), ("yellow", 1), ("red", 2)):
            for _ in range(ticks):
                yield color
tl = traffic_light()
print([next(tl) for _ in range(8)])
# the itertools-like helpers written by hand
def my_zip(*its):
    its = [iter(i) for i in its]
    while True:
        try:
            yield tuple([next(i) for i in its])
        except StopIteration:
            return
print(list(my_zip("abc", range(5), [True, False, None])))
def accumulate(xs):
    total = 0
    for x in xs:
        total += x
        yield total
print(list(accumulate(range(1, 8))))
