match x:
    case True as t:
        pass
