# compile: mode=single
x = [y for y in z]
