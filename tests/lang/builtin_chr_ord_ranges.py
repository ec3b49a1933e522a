print([chr(i) for i in range(65, 91, 5)], [ord(c) for c in "az09 \n\t"])
print(repr(chr(0)), repr(chr(127)), repr(chr(160)), chr(0x10FFFF) == "\U0010ffff", ord("\U0010ffff"))
print(ascii(chr(0x1F600)), len(chr(0x1F600)), chr(0xD800).isprintable(), len(chr(0xD800)))
for bad in (-1, 0x110000, 2 ** 40):
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in ("", "ab", b"ab", 5):
    try:
        ord(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(ord(b"A"), ord(bytearray(b"z")), chr(True), sorted("Zebra", key=ord), max("hello", key=ord))
print("".join(chr(ord(c) ^ 32) if c.isalpha() else c for c in "Hello World"))
print(sum(ord(c) for c in "checksum") % 256, [hex(ord(c)) for c in "é€𝄞"])
