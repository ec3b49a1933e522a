# code.co_linetable, co_lnotab, co_exceptiontable, _co_code_adaptive and
# _varname_from_oparg. krait's bytecode is its own, so the bytes differ from
# CPython's; what must agree is what the tables say: co_linetable, read
# with CPython 3.11's location-table format, gives co_positions() and
# co_lines(); co_lnotab is what CPython computes from that table; the
# exception table parses in CPython's format into ranges inside the code.
import sys


def varint(it):
    b = next(it)
    val, shift = b & 63, 6
    while b & 64:
        b = next(it)
        val |= (b & 63) << shift
        shift += 6
    return val


def svarint(it):
    v = varint(it)
    return -(v >> 1) if v & 1 else v >> 1


def decode_locations(code):
    """One entry per run: (units, (line, end_line, col, end_col)) and the
    line the decoder had reached after it (CPython's computed line)."""
    it = iter(code.co_linetable)
    line = code.co_firstlineno
    out = []
    for head in it:
        assert head & 128, "entry start expected"
        form = (head >> 3) & 15
        units = (head & 7) + 1
        if form == 15:
            pos = (None, None, None, None)
        elif form == 14:
            line += svarint(it)
            end_line = line + varint(it)
            col = varint(it) - 1
            end_col = varint(it) - 1
            pos = (line, end_line, None if col < 0 else col, None if end_col < 0 else end_col)
        elif form == 13:
            line += svarint(it)
            pos = (line, line, None, None)
        elif form >= 10:
            line += form - 10
            pos = (line, line, next(it), next(it))
        else:
            second = next(it)
            col = form * 8 + ((second >> 4) & 7)
            pos = (line, line, col, col + (second & 15))
        out.append((units, pos, line))
    return out


def positions_from_table(code):
    out = []
    for units, pos, _ in decode_locations(code):
        out.extend([pos] * units)
    return out


def merged(ranges):
    out = []
    for start, end, line in ranges:
        if out and out[-1][2] == line and out[-1][1] == start:
            out[-1] = (out[-1][0], end, line)
        else:
            out.append((start, end, line))
    return out


def lines_from_table(code):
    ranges, at = [], 0
    for units, pos, _ in decode_locations(code):
        ranges.append((2 * at, 2 * (at + units), pos[0]))
        at += units
    return merged(ranges)


def lnotab_from_table(code):
    out = bytearray()
    line, offset, at = code.co_firstlineno, 0, 0
    for units, pos, computed in decode_locations(code):
        if computed != line:
            bdelta, ldelta = 2 * at - offset, computed - line
            while bdelta > 255:
                out += bytes([255, 0])
                bdelta -= 255
            while ldelta > 127:
                out += bytes([bdelta, 127])
                bdelta, ldelta = 0, ldelta - 127
            while ldelta < -128:
                out += bytes([bdelta, 128])
                bdelta, ldelta = 0, ldelta + 128
            out += bytes([bdelta, ldelta & 255])
            offset, line = 2 * at, computed
        at += units
    return bytes(out)


def exception_ranges(code):
    it = iter(code.co_exceptiontable)
    out = []
    for first in it:
        assert first & 128, "range start expected"
        def item(b):
            val = b & 63
            while b & 64:
                b = next(it)
                val = (val << 6) | (b & 63)
            return val
        start = item(first & 127)
        length = item(next(it))
        target = item(next(it))
        depth_lasti = item(next(it))
        out.append((start, length, target, depth_lasti))
    return out


def check(label, code):
    positions = list(code.co_positions())
    table = positions_from_table(code)
    units = sum(u for u, _, _ in decode_locations(code))
    print(label, "types", type(code.co_linetable).__name__, type(code.co_lnotab).__name__,
          type(code.co_exceptiontable).__name__, type(code._co_code_adaptive).__name__)
    print(label, "positions agree", table == positions, units == len(positions))
    print(label, "lines agree", lines_from_table(code) == merged(code.co_lines()))
    print(label, "lnotab agrees", lnotab_from_table(code) == code.co_lnotab)
    print(label, "adaptive code length", len(code._co_code_adaptive) == len(code.co_code))
    ranges = exception_ranges(code)
    ok = all(length > 0 and start + length <= units and target < units
             for start, length, target, _ in ranges)
    print(label, "exception ranges", bool(ranges), ok)
    same = code.replace(co_linetable=code.co_linetable)
    print(label, "replace same table", list(same.co_positions()) == positions,
          same.co_linetable == code.co_linetable, same == code)


def plain(a, b):
    x = a + b
    y = [a, b,
         x]
    return x * y[0]


def handlers(n):
    total = 0
    for i in range(n):
        try:
            total += 10 // (i - 2)
        except ZeroDivisionError:
            total -= 1
        finally:
            total += 1
    with open(__file__) as f:
        pass
    return total


def far_lines():
    a = 1



















































































































































    b = 2



    return (a +
            b)


def wide_columns():
    return                                                                                                             (1, 2)


def nested():
    def inner():
        return 1
    return inner


for label, fn in [("plain", plain), ("handlers", handlers), ("far", far_lines),
                  ("wide", wide_columns), ("nested", nested), ("lambda", lambda: 0)]:
    check(label, fn.__code__)
check("module", compile("x = 1\nif x:\n    y = 2\n", "<s>", "exec"))
print(plain(1, 2), handlers(5), far_lines(), wide_columns())

# a table with different positions: every unit on line first + 3
code = plain.__code__
n = len(list(code.co_positions()))
table = bytearray()
left = n
while left:
    k = min(8, left)
    table.append(0x80 | (13 << 3) | (k - 1))
    table.append(3 << 1)   # svarint +3 on the first, then 0
    left -= k
    break
while left:
    k = min(8, left)
    table.append(0x80 | (13 << 3) | (k - 1))
    table.append(0)
    left -= k
moved = code.replace(co_linetable=bytes(table))
print("moved", {p[0] - code.co_firstlineno for p in moved.co_positions()},
      [l - code.co_firstlineno for _, _, l in merged(moved.co_lines())])
print("moved lnotab", moved.co_lnotab == lnotab_from_table(moved))
shifted = code.replace(co_firstlineno=code.co_firstlineno + 100)
print("shifted", [p[0] - q[0] for p, q in zip(shifted.co_positions(), code.co_positions())
                  if p[0] is not None] == [100] * sum(q[0] is not None for q in code.co_positions()))
# a table that ends early: the units past it have no position, no line range
short = code.replace(co_linetable=b"")
print("empty table", list(short.co_positions()), list(short.co_lines()), short.co_lnotab,
      short.co_linetable)
half = code.replace(co_linetable=bytes(table[:2]))
print("one entry", len(list(half.co_positions())), len(list(half.co_lines())),
      half.co_linetable == bytes(table[:2]), half == code, short == half)
try:
    half.co_lines(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    half.co_positions(1)
except TypeError as e:
    print(type(e).__name__, e)
for bad in (None, "x", bytearray(b"")):
    try:
        code.replace(co_linetable=bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(code.replace(co_exceptiontable=code.co_exceptiontable) == code)

# _varname_from_oparg: the locals by index
c = plain.__code__
print([c._varname_from_oparg(i) for i in range(c.co_nlocals)], c.co_varnames)
print(c._varname_from_oparg(oparg=1), c._varname_from_oparg(True))
for bad in (c.co_nlocals + 50, -1, 2 ** 40, 2 ** 80):
    try:
        print(c._varname_from_oparg(bad))
    except (IndexError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in ("x", 1.5, None):
    try:
        c._varname_from_oparg(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    c._varname_from_oparg()
except TypeError as e:
    print(type(e).__name__, e)
try:
    c._varname_from_oparg(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
def free():
    v = 1
    def g():
        return v
    return g
g = free()
print(g.__code__._varname_from_oparg(0), g.__code__.co_freevars)
print(type(c).co_lnotab.__name__, type(c)._varname_from_oparg.__text_signature__)
