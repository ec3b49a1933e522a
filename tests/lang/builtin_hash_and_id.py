print([hash(v) for v in (0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30)])
print([hash(v) for v in (0.0, -0.0, 1.0, 1.5, -1.5, 0.1, 1e100, 2.0 ** 70, float("inf"), float("-inf"))])
print([hash(v) for v in (True, False, None is None)])
print(hash(1 + 0j) == hash(1), hash(complex(0, 1)), hash((1, 2)) == hash((1, 2)), hash(frozenset()) == hash(frozenset()))
print(hash(()) == hash(()), hash((0,)) != hash(()), hash(((),)) == hash(((),)))
print(hash(range(3)) == hash(range(3)), hash(b"abc") == hash(b"abc"), hash("abc") == hash("abc"))
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]) and False, id(None) == id(None), id(1) == id(1))
x = object()
ids = {id(x)}
print(id(x) in ids, type(id(x)).__name__, id(x) > 0)
# hash of int subclass and float equal values agree
class I(int):
    pass
print(hash(I(5)) == hash(5) == hash(5.0), hash(I(-1)))
print(hash(10 ** 100) == hash(10 ** 100 % (2 ** 61 - 1)), hash(-(10 ** 100)) == -hash(10 ** 100))
print(hash(0.5) == hash(2 ** 60), hash(2.5) == (5 * pow(2, -1, 2 ** 61 - 1)) % (2 ** 61 - 1))
