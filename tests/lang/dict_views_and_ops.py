d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
d["d"] = 4
print(list(k), list(v), list(it), len(k))  # views are live
del d["a"]
print(list(k), "a" in k, ("b", 2) in it, 2 in v)
print(k & {"b", "x"}, sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}))
print(k == {"b", "c", "d"}, k <= {"b", "c", "d", "e"}, k.isdisjoint({"x"}), it & {("c", 3)})
print(sorted(d.items(), key=lambda kv: -kv[1]))
print(dict(sorted(d.items())), dict(reversed(list(d.items()))))
try:
    for key in d.keys():
        d.pop(key)
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
inverse = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inverse)
merged = {}
for part in ({"a": 1}, {"b": 2}, {"a": 3}):
    merged.update(part)
print(merged, {**{"a": 1}, **{"a": 2}}, {"a": 1} | {"a": 2} | {"b": 0})
counts = {}
for w in "the cat the hat the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts, key=lambda w: (-counts[w], w)))
groups = {}
for n in range(10):
    groups.setdefault(n % 3, []).append(n)
print(groups)
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested, nested["a"]["b"].get("c"), nested.get("x", {}).get("y"))
print(list(d.keys())[0] if d else None, next(iter(d.values()), "empty"))
print({1: 2}.keys() == {1}, {1: 2}.values() == {1: 2}.values(), {}.items() == set())
