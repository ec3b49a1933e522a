print({k: k * k for k in range(5)})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
print({(i, j): i * j for i in range(2) for j in range(2)})
print(sorted({x % 4 for x in range(20)}))
print(sorted({c.lower() for c in "HeLLo WoRLD" if c.isalpha()}))
print({len(w) for w in ["a", "bb", "cc", "ddd"]} == {1, 2, 3})
print(type({x for x in ()}).__name__, type({x: x for x in ()}).__name__)
# later keys win, order of first insertion kept
print({k % 3: k for k in range(10)})
# key evaluated before value (3.8+)
order = []
def k(v):
    order.append("k" + str(v))
    return v
def v(x):
    order.append("v" + str(x))
    return x
print({k(i): v(i) for i in range(2)}, order)
try:
    {[]: 1 for _ in range(1)}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[x] for x in range(1)}
except TypeError as e:
    print(type(e).__name__, e)
nested = {outer: {inner: outer * inner for inner in range(3)} for outer in range(1, 3)}
print(nested)
print(frozenset(x for x in [3, 1, 3]) == {1, 3})
