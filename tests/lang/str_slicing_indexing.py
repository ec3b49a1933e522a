s = "abcdefghij"
print(s[0], s[-1], s[3:7], s[:3], s[7:], s[::2], s[1::3], s[::-1], s[-3:], s[:-3], s[8:2:-2], s[100:], s[-100:2])
print(s[2:2], s[5:2], s[::-3], s[-1:-5:-1], s[None:None:None], s[slice(1, 4)], s[slice(None, None, -4)])
print(len(s[3:1000]), s[0:0] == "", s[:] is s or s[:] == s)
u = "héllo wörld ☃ 😀"
print(len(u), u[1], u[-1], u[6:11], u[::-1], u.upper(), u.find("☃"), u.encode("utf-8")[:8])
print([c for c in "añ😀"], list(reversed("añ😀")), ord("😀"), chr(128512), "😀" > "☃")
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[1] = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
sl = slice(1, 8, 2)
print(sl, sl.start, sl.stop, sl.step, sl.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print("abc" * 3, 3 * "ab", "x" * 0, "x" * -2, "a" + "b" + "c")
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "Z" < "a" < "z", max("hello"), min("hello"), sorted("hello"))
print("é" == "e\u0301", len("e\u0301"), "\N{SNOWMAN}", "\u2603" == "☃", "\x41\101\u0041")
