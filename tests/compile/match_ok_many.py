match x:
    case [1, *_, {'a': [b, c], **d}] if b:
        pass
    case C(1, y=[e, *f]) | D(e, y=f):
        pass
    case -1 | 2.5 | 3+4j | 'x' | b'y' | None | True:
        pass
    case {}:
        pass
    case g:
        pass
