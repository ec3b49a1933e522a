print(str(), str(5), str(None), str([1, "a"]), str(b"bytes"), str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"))
print(repr("it's"), repr('say "hi"'), repr("tab\there"), repr("\\"), repr("\x07\x1b"), repr("\u200b"), repr("\U0001F600"))
print(chr(65), ord("A"), chr(0x263A), ord("\n"), [ord(c) for c in "aé"])
print("abc".encode(), "é".encode("utf-8"), "é".encode("latin-1"), b"abc".decode(), "é".encode("ascii", "replace"), "é".encode("ascii", "ignore"))
print("é".encode("ascii", "backslashreplace"), "é".encode("ascii", "xmlcharrefreplace"), b"\xe9".decode("latin-1"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xc3".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
s = "immutable"
t = s
s += "!"
print(s, t)
print(sorted(["banana", "Apple", "cherry", "apple"]), sorted(["banana", "Apple", "cherry"], key=str.lower))
print("".join(reversed("stressed")), "racecar" == "racecar"[::-1], "a,b".split(",") + ["c"])
print(len(""), len("\n"), len("😀"), "x".__len__(), "ab".__contains__("a"), "ab".__getitem__(1), "a".__add__("b"))
print(str.__name__, type("").__name__, isinstance("", str), "abc".__class__ is str)
print(min("b", "a", "c"), max(["aa", "b"], key=len), "%s" % str.join)
