match x:
    case 1 | 2 | 3:
        pass
    case -1:
        pass
    case 1.5 + 2j | -3 - 4j:
        pass
    case "ab":
        pass
    case None | True | False:
        pass
    case a.b.c:
        pass
    case [a, b, *rest]:
        pass
    case (a, b, *_):
        pass
    case ():
        pass
    case []:
        pass
    case (a):
        pass
    case (a,):
        pass
    case {}:
        pass
    case {1: a, "b": b, c.d: e, **rest}:
        pass
    case Point():
        pass
    case Point(1, 2, x=3, y=4):
        pass
    case a.B(x=1):
        pass
    case [Point(x=0, y=0) as p, *_] if p:
        pass
    case _:
        pass
    case x if x > 0:
        pass
    case *a, b:
        pass
    case a, *b:
        pass
    case a as b:
        pass
    case (1 | 2) as c:
        pass
match (a, b):
    case _: pass
match a, b:
    case _: pass
match *a, b:
    case _: pass
match = 1
match.x = 2
match(a)
case = 3
_ = 4
print(match, case)
