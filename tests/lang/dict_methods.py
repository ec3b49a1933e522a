d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], d.get("four"), d.get("four", 4), "one" in d, 1 in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("two", 20), d.setdefault("five", 5), d)
print(d.pop("five"), d.pop("nope", "default"), d)
print(d.popitem(), d)
d.update({"x": 10}, y=11)
d.update([("z", 12)])
print(d)
c = d.copy()
c["only_in_copy"] = True
print(len(d), len(c))
print(dict.fromkeys("abc"), dict.fromkeys(["k1", "k2"], 0))
shared = dict.fromkeys("ab", [])
shared["a"].append(1)
print(shared)
print(dict(a=1, b=2), dict([("a", 1)], b=2), dict({"a": 1}, a=3), dict(zip("xy", [1, 2])))
d.clear()
print(d, bool(d))
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
print({1: "a"} | {2: "b"}, {1: "a", 2: "b"} | {1: "z"})
try:
    {} | [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.pop("missing")
except KeyError as e:
    print(type(e).__name__, e)
ks = {"a": 1, "b": 2}.keys()
print(ks & {"a", "z"}, sorted(ks | {"c"}), ks - {"a"}, ks ^ {"a", "q"} == {"b", "q"}, "a" in ks, len(ks))
vs = {"a": 1}.values()
print(list(vs), 1 in vs, vs == vs)
its = {"a": 1}.items()
print(("a", 1) in its, ("a", 2) in its, its & {("a", 1)})
print(list(reversed({"a": 1, "b": 2, "c": 3})), list(reversed({"a": 1}.items())))
print(type(ks).__name__, type(vs).__name__, type(its).__name__)
print(repr({}.keys()), repr({"k": [1]}.items()))
try:
    dict(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
