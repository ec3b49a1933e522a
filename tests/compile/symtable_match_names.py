match x:
    case [a, *b, {'k': c, **d}, C(e, f=g) as h] | [a, *b, c, d, e, g, h]:
        pass
