# The int/str conversion limit of 3.11 (4300 digits by default), in both
# directions, and sys.set_int_max_str_digits.
import sys

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        if isinstance(r, str) and len(r) > 60:
            r = f"<str of {len(r)} chars: {r[:10]}...{r[-10:]}>"
        elif isinstance(r, int) and not isinstance(r, bool) and r.bit_length() > 200:
            r = f"<int of {r.bit_length()} bits, {r % 1000003}>"
        print(label, "=", r)

print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits,
      sys.int_info.str_digits_check_threshold)

big = 10 ** 4299         # 4300 digits
bigger = 10 ** 4300      # 4301 digits
show("str(big)", lambda: str(big))
show("str(-big)", lambda: str(-big))
show("str(bigger)", lambda: str(bigger))
show("repr(-bigger)", lambda: repr(-bigger))
show("str(bigger - 1)", lambda: str(bigger - 1))
show("f'{bigger}'", lambda: f"{bigger}")
show("'%d' % bigger", lambda: "%d" % bigger)
show("format(bigger, 'd')", lambda: format(bigger, "d"))
show("hex(bigger)", lambda: hex(bigger))
show("bin(bigger)", lambda: bin(bigger))
show("format(bigger, 'x')", lambda: format(bigger, "x"))

for text, base in [("1" * 4300, 10), ("1" * 4301, 10), ("-" + "1" * 4301, 10), ("0" * 4301, 10),
                   ("1_" * 4300 + "1", 10), ("1_" * 2150, 10), (" " * 5000 + "7", 10),
                   ("1" * 4301, 16), ("1" * 4301, 8), ("1" * 4301, 2), ("1" * 4301, 32),
                   ("1" * 4301, 36), ("1" * 4301, 3), ("1" * 4301, 0), ("0x" + "1" * 4301, 0),
                   ("0o" + "1" * 4301, 0), ("0b" + "1" * 4301, 0), ("1" * 4301 + "x", 10),
                   ("x" + "1" * 4301, 10), ("1" * 5000 + "_", 10)]:
    show(f"int({text[:8]!r}... len {len(text)}, {base})", lambda: int(text, base))
show("int(bytes)", lambda: int(b"9" * 4301))
show("float(4301 digits)", lambda: float("9" * 4301))

# ---- changing the limit
show("set(100)", lambda: sys.set_int_max_str_digits(100))
show("set(-1)", lambda: sys.set_int_max_str_digits(-1))
show("set('x')", lambda: sys.set_int_max_str_digits("x"))
show("set()", lambda: sys.set_int_max_str_digits())
show("set(641)", lambda: sys.set_int_max_str_digits(641))
print(sys.get_int_max_str_digits())
show("str(10**640)", lambda: str(10**640))
show("str(10**641)", lambda: str(10**641))
show("int('1' * 641)", lambda: int("1" * 641))
show("int('1' * 642)", lambda: int("1" * 642))
show("set(maxdigits=5000)", lambda: sys.set_int_max_str_digits(maxdigits=5000))
show("str(bigger)", lambda: str(bigger))
show("int('1' * 5000)", lambda: int("1" * 5000))
show("int('1' * 5001)", lambda: int("1" * 5001))
show("set(0)", lambda: sys.set_int_max_str_digits(0))
print(sys.get_int_max_str_digits())
show("str(10**20000)", lambda: str(10**20000))
show("int('7' * 20000) % 97", lambda: int("7" * 20000) % 97)
show("round trip", lambda: int(str(3**30000)) == 3**30000)
sys.set_int_max_str_digits(4300)
show("back to 4300", lambda: str(bigger))
