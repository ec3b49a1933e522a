import sys
def runaway(n):
    return runaway(n + 1)
try:
    runaway(0)
except RecursionError as e:
    print(type(e).__name__, e)

def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", type(e).__name__)

# recursion through a special method
class Deep:
    def __repr__(self):
        return repr(self)
try:
    repr(Deep())
except RecursionError as e:
    print("repr:", type(e).__name__)

class Attr:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    Attr().a
except RecursionError as e:
    print("getattr:", type(e).__name__)

# the interpreter still works afterwards
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(100) % 1000003)
# a deep but finite recursion is fine
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(800))
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError as e:
    print("lowered limit:", type(e).__name__)
sys.setrecursionlimit(1000)
print(depth(500))
