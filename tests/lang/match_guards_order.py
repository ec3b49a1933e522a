log = []
def g(name, result):
    log.append(name)
    return result
def classify(v):
    log.clear()
    match v:
        case [x, y] if g("guard1", x > y):
            r = "descending pair"
        case [x, y] if g("guard2", x == y):
            r = "equal pair"
        case [_, _]:
            r = "ascending pair"
        case {"a": a} if g("guard3", a):
            r = "truthy a"
        case _ if g("guard4", True):
            r = "fallback"
    return r, list(log)
for v in ([2, 1], [1, 1], [1, 2], {"a": 0}, {"a": 1}, "str"):
    print(v, classify(v))
# a guard raising an exception propagates
try:
    match 5:
        case n if 1 / 0:
            pass
except ZeroDivisionError as e:
    print(type(e).__name__, e)
# a guard can reference later-bound names from the pattern
match (3, 4):
    case (a, b) if (hyp := (a * a + b * b) ** 0.5) == int(hyp):
        print("pythagorean", a, b, hyp)
# match inside a loop with continue and break
for item in [1, "skip", 2, "stop", 3]:
    match item:
        case "skip":
            continue
        case "stop":
            break
        case n:
            print("item", n)
