for x in [memoryview(b'100'), memoryview(b'1234')[1:3], memoryview(b'12x')[:2], bytearray(b' 7 ')]:
    for base in (None, 10, 16):
        try:
            print(int(x) if base is None else int(x, base))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
