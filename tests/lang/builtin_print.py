import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" | ", end=" <end>\n")
print("no newline", end="")
print(" continued")
print(1, 2.5, None, True, [1], (2,), {"k": "v"}, sep=",")
print("x", sep=None, end=None)
print(*range(5))
print(*[], sep="-")
print(*"abc", sep="\n")
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc")
print("", n)
try:
    print(sep=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(file=5)
except AttributeError as e:
    print(type(e).__name__, e)
class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = Writer()
print("into", "writer", sep="_", end="!", file=w)
print(w.parts)
print("unicode: é ☃ 😀")
print("tab\tand\\backslash")
