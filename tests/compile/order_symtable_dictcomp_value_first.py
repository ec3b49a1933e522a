def f():
    return {[(yield) for a in b]: [(yield) for c in d] for x in y}
