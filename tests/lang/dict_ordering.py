d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(list(d))
d["alpha"] = 100        # updating keeps position
print(list(d.items()))
del d["zeta"]
d["zeta"] = 0           # re-inserting goes to the end
print(list(d))
d2 = {3: "c", 1: "a", 2: "b"}
print(d2, list(d2.values()))
print({**d2, 0: "z"}, {0: "z", **d2})
# equality ignores order
print({1: 1, 2: 2} == {2: 2, 1: 1}, list({1: 1, 2: 2}) == list({2: 2, 1: 1}))
# popitem is LIFO
d3 = {"a": 1, "b": 2, "c": 3}
print(d3.popitem(), d3.popitem(), d3)
# mutation during iteration
d4 = {"a": 1, "b": 2}
try:
    for k in d4:
        d4["new" + k] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
d5 = {"a": 1, "b": 2}
try:
    for k in d5:
        del d5[k]
except RuntimeError as e:
    print(type(e).__name__, e)
d6 = {"a": 1, "b": 2}
for k in d6:
    d6[k] = "value change is fine"
print(d6)
for k in list(d6):
    del d6[k]
print(d6)
# keys of different types keep insertion order
mixed = {1: "int", "1": "str", (1,): "tuple", 1.5: "float", None: "none", True: "bool replaces 1"}
print(mixed)
# a large dict keeps order after many deletions
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
big[0] = "back"
print(list(big)[:5], list(big)[-3:], len(big))
