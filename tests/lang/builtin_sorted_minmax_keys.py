people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
print(max(people, key=lambda p: p[1] if p[0] != "eve" else 0))
print(sorted(people, key=lambda p: p[0][-1]))
print(min("hello", "world", key=lambda s: s[1]), max([3, -5, 2], key=abs), min([3, -5, 2], key=abs))
print(sorted(range(10), key=lambda n: (n % 3, -n)))
print(max({"a": 3, "b": 5, "c": 1}.items(), key=lambda kv: kv[1]))
print(sorted("The quick Brown fox".split(), key=str.lower), sorted("The quick Brown fox".split()))
print(min([], default="none"), max((x for x in []), default=0), min([[2], [1]], key=len))
# key called once per element
calls = []
def key(v):
    calls.append(v)
    return -v
print(sorted([3, 1, 2], key=key), calls)
# max returns the first maximal element, min the first minimal
print(max([(1, "a"), (1, "b")], key=lambda t: t[0]), min([(1, "a"), (1, "b")], key=lambda t: t[0]))
print(sorted([1, 2, 3], key=lambda v: 0), sorted([3, 2, 1], key=lambda v: 0, reverse=True))
