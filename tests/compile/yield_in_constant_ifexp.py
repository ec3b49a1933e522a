x = 1 if 0 else (yield)
