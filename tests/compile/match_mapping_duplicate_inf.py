match x:
    case {1e400: a, 2e400: b}:
        pass
