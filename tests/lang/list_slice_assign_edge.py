base = list(range(10))
def show(label, l):
    print(f"{label:<22} {l}")
a = base[:]; a[2:5] = []; show("delete via slice", a)
a = base[:]; a[2:2] = ["x", "y"]; show("insert at 2", a)
a = base[:]; a[-2:] = "AB"; show("replace tail", a)
a = base[:]; a[8:3] = ["z"]; show("reversed bounds", a)
a = base[:]; a[::3] = "abcd"; show("extended step 3", a)
a = base[:]; a[::-2] = range(5); show("extended step -2", a)
a = base[:]; a[100:] = [1]; show("past the end", a)
a = base[:]; a[-100:1] = ["start"]; show("before the start", a)
a = base[:]; a[1:9:2] = a[2:10:2]; show("shift odds", a)
a = base[:]; a[:] = a[::-1]; show("reverse in place", a)
a = base[:]; a[3:6] = a; show("self insert", a)
a = base[:]; del a[::-3]; show("del step -3", a)
a = base[:]; a[slice(1, 3)] = (9, 9, 9); show("slice object", a)
a = base[:]
for bad in ((slice(None, None, 2), [1]), (slice(1, 2), 5), (slice(None, None, 0), [])):
    try:
        a[bad[0]] = bad[1]
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a = [1, 2, 3]
a[1:2] = iter("xyz")
show("from iterator", a)
a[0:0] = {"k": 1}
show("from dict", a)
b = bytearray(b"hello")
b[1:4] = b"EY"
b[::2] = b"12"
show("bytearray", b)
