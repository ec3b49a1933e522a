assert x, (yield)
