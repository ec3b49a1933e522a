cases = ["", " ", "  a  ", "a,b", ",a,", ",,", "a b  c   d", "\ta\nb\r\nc\x0bd", "one", "a-b-c-d"]
for s in cases:
    print(repr(s), s.split(), s.split(" "), s.split(","), s.rsplit(None, 1), s.split("-", 2), s.rsplit("-", 2))
print("1,2,3".split(",", 0), "1,2,3".split(",", -1), "1,2,3".rsplit(",", 0), "  x  y  ".split(None, 0))
print("aXbXc".split("X"), "aXXbXXc".split("XX"), "XXX".split("XX"), "abc".split("abc"), "abcabc".split("abc"))
print("a\nb\n".split("\n"), "a\nb\n".splitlines(), "a\r\nb".split("\n"), "\n\n".splitlines(True))
print("k=v;k2=v2;".split(";"), dict(p.split("=") for p in "k=v;k2=v2".split(";")))
print("path/to/file.tar.gz".rsplit("/", 1), "file.tar.gz".split(".", 1), "file.tar.gz".rsplit(".", 1), "noext".rpartition("."))
