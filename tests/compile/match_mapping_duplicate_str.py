match x:
    case {'a': a, "a": b}:
        pass
