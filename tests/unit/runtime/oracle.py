"""Print what tests/unit/runtime_test.c prints, from CPython 3.11."""


def show(label, f):
    try:
        v = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {v!r}")


def show_int(label, f):
    try:
        v = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {int(v)}")


show("repr None", lambda: None)
show("repr NotImplemented", lambda: NotImplemented)
show("repr Ellipsis", lambda: ...)
show("repr int type", lambda: int)
l = []
show("append 5", lambda: l.append(5))
show("append str", lambda: l.append("x"))
show("list", lambda: l)
show("list.append(l, 7)", lambda: list.append(l, 7))
show("list", lambda: l)
show("pop", lambda: l.pop())
show("list.nope", lambda: list.nope)
show("l.nope", lambda: l.nope)
show("(5).foo", lambda: (5).foo)
show("1 + 'a'", lambda: 1 + 'a')
show("[1] + (2,)", lambda: [1] + (2,))
show("[1] * 'a'", lambda: [1] * 'a')
show("3 * 'ab'", lambda: 3 * 'ab')
show("'ab' + 'cd'", lambda: 'ab' + 'cd')
show("2 ** 100", lambda: 2 ** 100)
show("1 ** 'a'", lambda: 1 ** 'a')
show("1 < 'a'", lambda: 1 < 'a')
show("[1, 2] < [1, 3]", lambda: [1, 2] < [1, 3])
show("-'a'", lambda: -'a')
show("abs('a')", lambda: abs('a'))
show("~1.5", lambda: ~(3 / 2))
show_int("hash([])", lambda: hash([]))
show_int("hash((1, 2))", lambda: hash((1, 2)))
show_int("len(5)", lambda: len(5))
five = 5
show("5[0]", lambda: five[0])
show("iter(5)", lambda: iter(5))
show("5()", lambda: five())
show_int("isinstance(True, int)", lambda: isinstance(True, int))
show_int("isinstance(1, (str, int))", lambda: isinstance(1, (str, int)))
show_int("isinstance(1, str)", lambda: isinstance(1, str))
show_int("truth []", lambda: bool([]))
show_int("truth [0]", lambda: bool([0]))
show_int("truth ''", lambda: bool(''))
show_int("truth None", lambda: bool(None))
show_int("'b' in 'abc'", lambda: 'b' in 'abc')
show_int("1 in 5", lambda: 1 in 5)
d = {}
d["a"] = 1
d["b"] = 2
show("d.get('a')", lambda: d.get('a'))
show("d.get('z')", lambda: d.get('z'))
show("d.keys()", lambda: d.keys())
show("d['z']", lambda: d['z'])
show("dict.fromkeys", lambda: dict.fromkeys and 'bound')
show("object()", lambda: object() and 'object')
show("list after gc", lambda: l)
