print("{} {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}-{0}".format(5, name="n"))
print("{:>8}|{:<8}|{:^8}|{:*^8}".format("r", "l", "c", "s"))
print("{0[0]} {0[key]} {1.real} {1.imag}".format({"key": "v", 0: "zero"}, 3 + 4j))
print("{0!r} {0!s} {0!a}".format("é"))
print("{:{w}.{p}f}".format(3.14159, w=10, p=2), "{:{}}".format("x", 3) + "|")
print("{:,} {:_x} {:#b} {:c} {:%}".format(10 ** 6, 2 ** 20, 5, 65, 0.5))
print("{{}} {{{}}}".format(1), "{!r:^10}".format("s"))
class P:
    x = 1
    y = [10, 20]
print("{0.x} {0.y[1]}".format(P()))
print(format("abc", "^7"), format(12, "x"), format(3.5, "08.2f"), format("s"), format(None), format([1, 2]))
print("{:=10d}|{:=+10d}|{:0=10d}".format(-5, 5, -5))
print("{0:{fill}{align}{width}}".format("mid", fill="~", align="^", width=9))
for bad in ("{", "}", "{0", "{:x}".format, "{a.}", "{0[}"):
    try:
        if callable(bad):
            bad("str")
        else:
            bad.format(1)
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
print("{:s}".format("ok"), "{:5}|".format(3), "{:5}|".format("s"), "{:.3}".format("abcdef"), "{:.3}".format(1.23456))
print("abc".format_map({}), "{x}".format_map({"x": "mapped"}))
class Default(dict):
    def __missing__(self, k):
        return f"<{k}>"
print("{a} {b}".format_map(Default(a=1)))
