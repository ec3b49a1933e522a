print(format(3.14159, ".2f"), format(42, "b"), format(42, "o"), format(42, "X"), format(42, "#X"), format(42, "c"))
print(format("text", "<8") + "|", format("text", ">8"), format("text", "^8"), format("text", "*^8"), format("text", ".2"))
print(format(1234567.891, ",.2f"), format(1234567, ",d"), format(-1234567, "_d"), format(0.000123, ".2e"), format(12, "%"))
print(format(True), format(True, "d"), format(None), format([1, 2]), format((1,)), format({"a": 1}), format(1j))
print(format(1 + 2j, ".1f"), format(-1.5j, "e"), format(complex(1, -1), ">15"))
print(format(10, "+"), format(-10, "+"), format(10, " "), format(10, "-"), format(-0.0, "+"), format(0.0, "+"))
print(format(255, "08x"), format(255, "#010b"), format(-255, "#x"), format(2 ** 70, "_x"))
print(format(1e100, "g"), format(1e-100, "G"), format(123456789, "e"), format(0.5, "n"), format(1e16, ".0f"))
print(format(float("nan"), "f"), format(float("inf"), "E"), format(float("-inf"), "%"), format(float("nan"), "^7") + "|")
print(format(5, "=+8"), format(-5, "=8"), format(5.5, "=+10.2f"), format(-5, "08"), format(5, "<08"), format(5, "^08"))
for bad in ((1, "s"), ("s", "d"), (1.5, "x"), (1, ",s"), (1, ".5d"), ("s", "+"), (1j, "%"), (1, "=s")):
    try:
        format(*bad)
    except ValueError as e:
        print(type(e).__name__, e)
