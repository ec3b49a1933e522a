def zip_longest(*its, fillvalue=None):
    iters = [iter(i) for i in its]
    active = len(iters)
    if not active:
        return
    while True:
        row = []
        for k, it in enumerate(iters):
            try:
                row.append(next(it))
            except StopIteration:
                active -= 1
                if active == 0:
                    return
                iters[k] = iter(())
                row.append(fillvalue)
        yield tuple(row)
print(list(zip_longest("abc", [1, 2], fillvalue="-")))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest([1], [], [2, 3])))
def chunked(seq, n):
    it = iter(seq)
    while chunk := [x for _, x in zip(range(n), it)]:
        yield chunk
print(list(chunked(range(10), 3)), list(chunked([], 2)))
def pairwise(xs):
    it = iter(xs)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x
print(list(pairwise("abcd")), list(pairwise("a")), list(pairwise("")))
def product(*pools):
    result = [()]
    for pool in pools:
        result = [r + (x,) for r in result for x in pool]
    return result
print(product("ab", [0, 1]), len(product(range(3), range(3), range(3))))
def groupby(xs, key):
    out = []
    for x in xs:
        k = key(x)
        if out and out[-1][0] == k:
            out[-1][1].append(x)
        else:
            out.append((k, [x]))
    return out
print(groupby("aaabccdda", key=lambda c: c), groupby(range(10), key=lambda n: n // 4))
