b = b"hello world"
print(b[0], b[-1], b[:5], b[::-1], len(b), b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"o"), b.count(b"l"))
print(bytes(3), bytes([65, 66]), bytes(range(5)), bytes("é", "utf-8"), b"\x00\xff".hex(), bytes.fromhex("41 42 ff"))
print(b"a" + b"b", b"ab" * 2, b"a" < b"b", b"abc" == b"abc", b"abc" == "abc", list(b"AB"), 65 in b"A", b"A" in b"AB")
ba = bytearray(b"mutable")
ba[0] = ord("M")
ba.append(33)
ba.extend(b"??")
ba[1:3] = b"UT"
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode())
print(b"x,y".split(b","), b" strip ".strip(), b"-".join([b"a", b"b"]), b"abc".startswith(b"a"), b"%d" % 5)
print(repr(b"quote'"), repr(b'both\'"'), repr(b"\t\n\r\x7f\x80"), bytearray(b"x"))
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    ba[0] = 256
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
print(b"abc".decode("ascii"), b"\xe2\x98\x83".decode(), "☃".encode(), b"ABC".lower(), b"a b".title(), b"12".isdigit())
print(int.from_bytes(b"\x01\x02", "little"), (258).to_bytes(2, "big"), bytes(b"copy"), b"x" * 0)
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], sorted([b"b", b"a", b"ab"]))
mv = memoryview(b"abcdef")
print(mv[1], bytes(mv[1:3]), mv.tobytes(), len(mv))
