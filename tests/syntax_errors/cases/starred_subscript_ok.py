x = a[*b]
y = a[1:2, *c]
