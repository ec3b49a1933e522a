words = ["banana", "Banana", "apple", "Apple", "_x", "10", "9", "", "ä", "z"]
print(sorted(words))
print(sorted(words, key=str.casefold))
print(sorted(words, key=lambda w: (len(w), w)))
print("abc" < "abd" < "abda", "a" < "B", "Z" < "a", "" < " ", "10" < "9")
print("abc" == "abc", "abc" != "ABC", "abc".__eq__(1), "abc".__lt__(1))
print(max(words), min(words), "x" * 3 + "y", "ab" in "cabd", "" in "abc", "abc".startswith(""))
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
s = ""
for i in range(5):
    s += str(i)
print(s, s * 2, len(s * 1000), (s * 3)[4:9])
print("a" "b" 'c' """d""", 'it''s', "tab\there", r"raw\there", "multi\
line")
print(str.__add__("x", "y"), str.__mul__("ab", 3), str.__rmul__("ab", 2), str.__contains__("abc", "b"), str.__getitem__("abc", -1))
print("%s" % "a" * 3, ("%s" % "a") * 3, "-" * 0 == "", "abc"[1:2] * 2)
print(hash("abc") == hash("ab" + "c"), len(set(["a", "a", "b"])))
print(ord(max("hello world")), chr(ord("a") + 25), "".join(chr(c) for c in range(65, 71)))
print(str(123).zfill(6), "abc".zfill(5), "-".zfill(3), "+".zfill(1))
