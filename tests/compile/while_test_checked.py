while (yield):
    pass
