def f(v):
    match v:
        case [x, y] if x == y:
            return "same pair", x
        case [x, y] if (s := x + y) > 10:
            return "big pair", s
        case [x, y]:
            return "pair", x, y
        case (1 | 2 | 3) as small:
            return "small", small
        case [1, *_] | [*_, 1] as edge_one:
            return "one at an edge", edge_one
        case {"k": [_, (_, z)]}:
            return "deep capture", z
        case _:
            return "default"
for v in ([2, 2], [5, 7], [1, 2], 2, [1, 5, 6], [5, 6, 1], {"k": [0, (0, "z")]}, 9):
    print(f(v))

# a failed guard leaves captures bound
match [10, 20]:
    case [a, b] if a > b:
        pass
    case _:
        print("guard failed; a and b are", a, b)
# capture patterns bind even if later parts fail? (partial binding is unspecified; check the success path)
match (1, 2):
    case (p, 3):
        pass
    case (p, q):
        print(p, q)
# or-patterns must bind the same names
match ("x", 1):
    case ("x", n) | ("y", n):
        print("n =", n)
# value patterns with dotted names
class Color:
    RED = "red"
    BLUE = "blue"
def color(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.BLUE:
            return "is blue"
    return "neither"
print(color("red"), color("blue"), color("green"))
# the subject is evaluated once
calls = []
def subject():
    calls.append(1)
    return 3
match subject():
    case 1:
        pass
    case 2:
        pass
    case 3:
        print("matched, subject evaluated", len(calls), "time(s)")
# no case matches: nothing happens
match 99:
    case 1:
        print("no")
print("after unmatched match")
# match is a soft keyword
match = [1, 2]
case = "still a name"
print(match, case)
match match:
    case [1, x]:
        print("soft keyword subject", x)
