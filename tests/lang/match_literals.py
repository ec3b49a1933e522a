def classify(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case -3 + 4j:
            return "complex literal"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes"
        case True:
            return "true"
        case None:
            return "none"
        case _:
            return "other " + repr(v)

for v in (0, 1, 3, -1, 1.5, 2j, -3 + 4j, "hello", b"bytes", True, None, False, 1.0, 0.0, "x", 4):
    print(repr(v), "->", classify(v))
# True/False/None match by identity: 1 does not match True
def tf(v):
    match v:
        case True:
            return "True"
        case 1:
            return "one"
        case _:
            return "?"
print(tf(1), tf(True), tf(1.0))
# string concatenation in patterns
match "ab":
    case "a" "b":
        print("implicit concatenation matched")
