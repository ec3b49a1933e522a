match x:
    case y if y:
        pass
    case z:
        pass
