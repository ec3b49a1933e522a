x = [0x1for x in y]
y = 1if 1else 2
