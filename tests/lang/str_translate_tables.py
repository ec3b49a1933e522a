# str.translate with every kind of table (dicts, dict subclasses, lists,
# objects with __getitem__ raising LookupError or other errors) and
# str.maketrans' checks.


class D(dict):
    pass


class T:
    def __getitem__(self, k):
        if k == 98:
            raise IndexError(k)
        if k == 99:
            raise ValueError("boom")
        if k == 100:
            raise KeyError(k)
        return None if k == 97 else chr(k).upper()


class Missing(dict):
    def __missing__(self, k):
        return "<%d>" % k


for table in [{97: "xyz", 98: 98, 99: ""}, D({97: "x"}), T(), Missing({97: "A"}), ["-"] * 100,
              "0123456789" * 12, {97: 0x10FFFF}, {97: 0x110000}, {97: -1}, {97: 1.0},
              {97: b"x"}, {97: True}, {ord("é"): "e", ord("𝔘"): None}, None, 5, str.maketrans("", "")]:
    for text in ["abcd", "xyz", "é𝔘é", ""]:
        try:
            print(repr(text), "->", repr(text.translate(table)))
        except Exception as e:
            print(repr(text), "->", type(e).__name__ + ":", e)

for args in [(D(a="b"),), ({"a": "b", 99: None},), ("abc", "xyz", "q"), ("", "", ""), ("é", "e"),
             ({"": 1},), ({"ab": 1},), ({(1,): 1},), ({1: 2, "1": 3},), ("a", "bc"), (b"a", "b"),
             ("a", b"b"), ("a", "b", b"c")]:
    try:
        print("maketrans", args, "->", str.maketrans(*args))
    except Exception as e:
        print("maketrans", args, "->", type(e).__name__ + ":", e)
table = str.maketrans("aeiou", "AEIOU", " ")
print("a quick brown fox".translate(table), "".join(sorted(map(str, table.items()))))
