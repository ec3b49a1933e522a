print(str(0), str(-0), str(10 ** 18), str(-(10 ** 25)), repr(2 ** 64))
print(int("1" * 4300) % 97, len(str(10 ** 4299)))
try:
    str(10 ** 4300)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(int("1" * 5000, 16) % 1000, hex(2 ** 20000)[:10], len(hex(2 ** 20000)))
try:
    int("0" * 5000 + "7")     # leading zeros count as digits
except ValueError as e:
    print(type(e).__name__, str(e)[:40])
import sys
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(10000)
print(len(str(10 ** 5000)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
print(f"{10 ** 30:,}", f"{-10 ** 20:_}", format(2 ** 100, "x"), format(2 ** 100, "b")[:5], f"{255:#010x}")
print(int("0x_ff", 16), int("0b_101", 0), int("0o_7", 0))
for s in ("0_1", "1__2", "_1", "1_", "0x_", "1 000"):
    try:
        print(s, int(s, 0))
    except ValueError as e:
        print(type(e).__name__, e)
