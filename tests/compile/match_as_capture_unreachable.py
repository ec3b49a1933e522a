match x:
    case (y as z):
        pass
    case _:
        pass
