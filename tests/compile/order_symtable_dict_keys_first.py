def f():
    return {1: [(yield) for x in y], [(yield) for z in w]: 2}
