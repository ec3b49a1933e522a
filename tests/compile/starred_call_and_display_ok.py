f(*a, *b, **c)
x = [*a, *b]
y = {*a}
z = *a, *b
