# _opcode.stack_effect (and dis.stack_effect over it) for every CPython 3.11
# opcode number and the compiler's pseudo-instructions, with opargs that
# exercise each formula, the three jump values, and the argument errors.
import _opcode
import dis


def effect(*a, **k):
    try:
        return _opcode.stack_effect(*a, **k)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


opargs = [0, 1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 255, 256, 257, 0x1ff, 0x10203, -1, 2**32 + 5]
for op in range(-12, 260):
    rows = []
    for jump in (None, True, False):
        if op < 90:
            rows.append(effect(op, jump=jump))
            rows.append(effect(op, 0, jump=jump))
        else:
            rows.append(effect(op, jump=jump))
            rows.append([effect(op, a, jump=jump) for a in opargs])
    print(op, rows)
print(dis.stack_effect(dis.opmap["BUILD_TUPLE"], 3), dis.stack_effect(dis.opmap["FOR_ITER"], 0, jump=True))
for a, k in [((), {}), ((1, 2, 3), {}), ((90,), {}), ((1, 1), {}), ((90, 1), {"jump": 2}),
             ((90, 1), {"foo": 2}), (("a",), {}), ((2**40,), {}), ((90, 2**40), {}),
             ((90, 2**63), {}), ((90, "x"), {}), ((300, 1), {}), ((1, None), {}),
             ((90, None), {}), ((93, 1), {"jump": 1}), ((93,), {"oparg": 1}), ((True,), {})]:
    print(a, k, effect(*a, **k))
print(_opcode.get_specialization_stats(), _opcode.stack_effect.__doc__)
