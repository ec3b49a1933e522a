
for fmt in ["abc", b"abc"]:
    for a in [[1], [], b"xy", bytearray(b"a"), {1:2}, range(2), "s", (1,), (), 5]:
        try:
            print(repr(fmt), repr(a), repr(fmt % a))
        except Exception as e:
            print(repr(fmt), repr(a), type(e).__name__, e)
