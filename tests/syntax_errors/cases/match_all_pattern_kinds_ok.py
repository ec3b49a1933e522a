match x:
    case 1 | -2 | 3.5 | -1j | 1+2j | 'a' 'b' | b'c' | None | True | False:
        pass
    case [a, *rest, b] | (c, d) | []:
        pass
    case {"k": v, 1: _, **kw}:
        pass
    case Point(x=0, y=yy) | Point(1, 2) | a.b.C():
        pass
    case (p as q) | {**r}:
        pass
    case _ if guard:
        pass
