[(y := 1) for x in range(3)]
print(y)
