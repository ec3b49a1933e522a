def v(x):
    print("eval", repr(x))
    return x
print(v(0) and v(1))
print(v(2) and v(3))
print(v(0) or v(4))
print(v(5) or v(6))
print(v("") or v([]) or v("last"))
print(v(1) and v(2) and v(0) and v(3))
print(not v(0), not v("x"))
print([] or {}, 0 or None, "a" and "b", None and 1, 0.0 or -0.0)
print(1 if v(True) else v("not evaluated"))
print(v("yes") if v(0) else v("no"))
# and binds tighter than or; not binds looser than comparison
print(True or False and False, (True or False) and False, not 1 == 2, not (1 == 2))
x = 5
print(0 < x < 10, 0 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 2)
print(x is not None, x is None, not x is None, None is None)
print(1 in [1, 2] in [[1, 2]], "a" not in "abc", 3 not in [1, 2])
# short-circuit skips side effects
calls = []
def mark(name, val):
    calls.append(name)
    return val
if mark("a", False) and mark("b", True):
    pass
if mark("c", True) or mark("d", True):
    pass
print(calls)
