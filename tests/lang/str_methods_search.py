s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.find(""), s.find("", 100), s.rfind(""))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), "aaaa".count("aa"))
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("dog"), s.endswith("lazy", 0, -4), s.startswith("quick", 4))
print("abc".find("c", -1), "abc".find("a", -1), "abc"[-10:], "abc".find("b", 1, 2), "abc".find("b", 2, 1))
try:
    s.index("cat")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("cat")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.startswith(["t"])
except TypeError as e:
    print(type(e).__name__, e)
print("a" in "abc", "" in "", "abc" in "ab", "bc" not in "abc")
print(s.partition(" "), s.rpartition(" "), s.partition("zzz"), s.rpartition("zzz"))
print("key=value=more".partition("="), "key=value=more".rpartition("="))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaa".replace("", "-"), "abc".replace("", "-", 2))
print("mississippi".replace("ss", "SS"), "x".replace("x", ""), "".replace("", "new"))
