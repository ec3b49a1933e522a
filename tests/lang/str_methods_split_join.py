print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "".split(","), "".split())
print("  spaced   out  words ".split(), "  spaced   out  ".split(None, 1), "  spaced   out  ".rsplit(None, 1))
print("a\tb\nc\x0bd\x0ce\rf\x1cg\x1dh\x1ei\x85j\u2028k".split())
print("line1\nline2\r\nline3\rline4\n".splitlines(), "x\n\ny".splitlines(True), "".splitlines(), "\n".splitlines())
print("a\x1cb\x1dc\x85d\u2029e".splitlines())
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "/".join(str(i) for i in range(4)))
print("  strip me  ".strip(), "xxhixx".strip("x"), "  left".lstrip(), "right  ".rstrip(), "abcba".strip("ab"), "\t\n x \r".strip())
print("www.example.com".lstrip("w."), "example.com".removeprefix("exa"), "file.txt".removesuffix(".txt"), "x".removeprefix("y"))
print("abc".center(9, "*"), "abc".center(8), "abc".ljust(6, "."), "abc".rjust(6), "abc".center(2), "42".zfill(5), "-42".zfill(6), "+7".zfill(4))
print("a\tbc\td".expandtabs(), "a\tbc\td".expandtabs(4), "12345\t6".expandtabs(4), "\t".expandtabs(0))
print("%s" % "x".join(["1", "2"]), "a b".split(" ", 0), "a  b".split(" "))
print(str.maketrans("abc", "xyz"), "abcabc".translate(str.maketrans("abc", "xyz")))
print("hello".translate({ord("l"): None, ord("h"): "J"}), "abc".translate(str.maketrans("a", "A", "c")))
print(str.maketrans({"a": "1", "b": None}))
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    ",".join(["a", None])
except TypeError as e:
    print(type(e).__name__, e)
