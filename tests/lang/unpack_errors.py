def attempt(src, fn):
    try:
        fn()
        print(src, "-> ok")
    except (ValueError, TypeError) as e:
        print(src, "->", type(e).__name__, e)

def two():
    a, b = [1, 2, 3]
def three_short():
    a, b, c = [1, 2]
def star_short():
    a, b, *c = [1]
def not_iterable():
    a, b = 5
def from_none():
    a, b = None
def empty():
    a, = []
def one_from_string():
    (a,) = "ab"
def nested_bad():
    (a, b), c = [1, 2], 3, 4
def nested_inner():
    (a, b), c = [1, 2, 3], 4
def from_gen():
    a, b = (x for x in range(5))
def from_dict():
    a, b = {"k1": 1, "k2": 2}
    print(a, b)
def from_set_ok():
    a, = {42}
    print(a)
for name, fn in list(globals().items()):
    if callable(fn) and name != "attempt" and not name.startswith("__"):
        attempt(name, fn)
