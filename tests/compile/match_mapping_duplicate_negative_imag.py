match x:
    case {-1j: a, -0-1j: b}:
        pass
