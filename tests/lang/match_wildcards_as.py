def parse(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", _]:
            return "can't go that way"
        case ["take", *objs] if objs:
            return "taking " + " and ".join(objs)
        case ["drop", obj, *_] as full:
            return f"dropping {obj} ({len(full)} words)"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "say something"
        case [verb, *_]:
            return f"unknown verb {verb!r}"
for c in ("go north", "go up", "take lamp key", "take", "drop sword now please", "exit", "", "dance wildly"):
    print(repr(c), "->", parse(c))
# a class pattern with "as"
match 3.5:
    case (int() | float()) as num:
        print("number", num)
# nested "as" with sequence
match [1, [2, 3]]:
    case [a, [b, c] as inner] as outer:
        print(a, b, c, inner, outer)
# irrefutable capture in the last case
def last(v):
    match v:
        case 0:
            return "zero"
        case other:
            return f"other={other}"
print(last(0), last("x"))
