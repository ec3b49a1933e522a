b = bytes(range(0, 256, 51))
print(b, list(b), b.hex(), b.hex(":"), bytes.fromhex(b.hex()) == b)
print(b"abc".center(7, b"*"), b"a,b,,c".split(b","), b"  x ".strip(), b"x".join([b"1", b"2"]), b"abc".upper())
print(b"hello world".title(), b"Hello".swapcase(), b"abc".find(b"c"), b"abcabc".rfind(b"b"), b"a b c".split(None, 1))
print(b"abc"[0], b"abc"[-1:], b"abc"[::-1], bytes(b"abc"[1:]), b"abc" + bytes([100]), b"ab" * 3)
print(b"abc" < b"abd", b"" < b"a", b"\xff" > b"\x00", b"abc" == bytearray(b"abc"), b"a" in b"abc", 97 in b"abc")
ba = bytearray(b"hello")
ba.reverse()
ba += b"!!"
ba.insert(0, 33)
ba.remove(ord("!"))
del ba[-1]
print(ba, ba.count(b"l"), ba.index(b"l"), ba.decode(), bytearray(3), bytearray([1, 2]) * 2)
ba[1:3] = b"XYZW"
print(ba, len(ba), ba.pop(0), ba)
print(b"%s|%5d|%-3s|%x" % (b"x", 42, b"y", 255), b"%c%c" % (65, b"B"), b"%a" % "é", b"%r" % "s")
print(b"tab\tnew\nline".expandtabs(4), b"A\x00B".replace(b"\x00", b"-"), b"abc".startswith((b"x", b"a")))
print(bytes.maketrans(b"abc", b"xyz"), b"aabbcc".translate(bytes.maketrans(b"abc", b"xyz")), b"abc".translate(None, b"b"))
print(int.from_bytes(b"\x00\x01\x00", "big"), int.from_bytes(b"\x80", "big", signed=True), (1000).to_bytes(4, "little"))
for bad in (lambda: bytes([300]), lambda: b"a"[5], lambda: bytearray(b"a").pop(3), lambda: b"abc".index(b"z"), lambda: bytes("s")):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(b"\xe2\x82\xac".decode(), "€".encode(), b"caf\xe9".decode("latin-1"), b"\xff\xfe".decode("utf-8", "replace"), b"\xff".decode("utf-8", "ignore"))
print(repr(b"\x00\x07\x7f\x80\xff'\""), repr(bytearray(b"'")), b"".join([]), bytes(0), bytes())
