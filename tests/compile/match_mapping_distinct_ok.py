match x:
    case {1: a, '1': b, b'1': c, 1.5: d, 2j: e, None: f, False: g, y.z: h}:
        pass
