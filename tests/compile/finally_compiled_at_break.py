for x in y:
    try:
        break
        [*a, *b] = c
    finally:
        [*d, *e] = g
