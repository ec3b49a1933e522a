print([(last := x) for x in range(3)], last)
