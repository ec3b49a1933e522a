# str's special methods through the operators and builtins that use them.


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class RAdd:
    def __radd__(self, other):
        return "radd(" + other + ")"

    def __rmul__(self, other):
        return "rmul(" + other + ")"

    def __rmod__(self, other):
        return "rmod(" + other + ")"


s = "héllo wörld"
print(s[0], s[-1], s[1:4], s[::2], s[::-1], s[Idx(1)], s[Idx(-2):], s[100:], s[-100:2])
for bad in [100, -100, "1", 1.0, None, [1]]:
    try:
        print(s[bad])
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
print("ö" in s, "wö" in s, "" in s, "x" in s, [c for c in "aé𝔘"], list(iter("ab")), len(s))
try:
    print(1 in s)
except TypeError as e:
    print("TypeError:", e)
print("ab" * 3, 3 * "ab", "ab" * Idx(2), Idx(2) * "ab", "ab" * 0, "ab" * -4, "ab" * True)
for bad in [1.5, "2", None]:
    try:
        print("ab" * bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    print("ab" * (2 ** 100))
except OverflowError as e:
    print("OverflowError:", e)
print("ab" + "cd", "ab" + RAdd(), "ab" * RAdd())
try:
    print("ab" % RAdd())
except TypeError as e:
    print("TypeError:", e)
for bad in [1, None, b"x", ["x"]]:
    try:
        print("ab" + bad)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(bad + "ab")
    except TypeError as e:
        print("TypeError:", e)
print("a" < "b", "a" < "ab", "é" > "z", "Z" < "a", "" < "a", "abc" <= "abc", "b" >= "ab")
print(sorted(["b", "é", "a", "B", "", "𝔘", "\ud800"]), max("hello"), min("hello"))
for op in ["<", "<=", ">", ">="]:
    try:
        print(eval("'a' " + op + " 1"))
    except TypeError as e:
        print("TypeError:", e)
print("a" == 1, "a" != 1, "a" == "a", "a" != "b", "1" == 1)
print(hash("abc") == hash("ab" + "c"), hash("") == hash(str()), {"é": 1}["é"], len({"a", "a", "b"}))
print("abc".__getnewargs__(), "ab".__sizeof__() > 0, "%d%%" % 5, "x".__mod__(()),
      "x".__rmod__("%s"), (5).__rmod__ if False else "ok")
print(str.__mod__("%s-%s", (1, 2)), str.__rmod__("a", "%s!"), "x".__mod__(1) if False else "")
print(NotImplemented is "x".__rmod__(5), NotImplemented is "a".__add__(1) if False else "skip")
try:
    print(5 % "x")
except TypeError as e:
    print("TypeError:", e)
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\x00\t\n\r\x7f\x80\xa0é\u2028\U0001f600\ud800"))
print(str("x"), str(), str(5), str(1.5), str(None), str(b"ab"), str([1, "x"]))
print(format("x", "^5"), "x".__format__(">3"), ascii("é𝔘"), ord("é"), chr(233))
