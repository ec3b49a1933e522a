class Noisy:
    def __init__(self, tag, eq_result=False):
        self.tag = tag
        self.eq_result = eq_result
    def __eq__(self, other):
        print(f"  {self.tag}.__eq__({getattr(other, 'tag', other)})")
        return self.eq_result
    __hash__ = object.__hash__
    def __repr__(self):
        return self.tag

a, b, c = Noisy("a"), Noisy("b"), Noisy("c", True)
lst = [a, b]
print("a in lst:"); print(a in lst)          # identity first: no __eq__ call
print("c in lst:"); print(c in lst)
print("count:"); print(lst.count(a))
print("index:"); print([b, a].index(a))
print("remove:"); lst2 = [b, a]; lst2.remove(a); print(lst2)
print("list ==:"); print([a] == [a], [a] == [b])
print("tuple ==:"); print((b,) == (a,))
print("dict lookup:"); d = {a: 1}; print(d.get(a), d.get(Noisy("a")))
print("set membership:"); print(c in {a, b})
nan = float("nan")
print([nan] == [nan], (nan,) == (nan,), nan in [nan], [nan].count(nan), [nan].index(nan))
print([float("nan")] == [float("nan")])
# __eq__ returning a non-bool is converted with bool() in containers
class Truthy:
    def __eq__(self, o):
        return "non-empty string"
    __hash__ = None
print(Truthy() in [1], [Truthy()] == [1])
class Raises:
    def __eq__(self, o):
        raise ValueError("eq failed")
    __hash__ = None
try:
    Raises() in [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
