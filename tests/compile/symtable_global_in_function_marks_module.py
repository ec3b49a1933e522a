def f():
    global g
    g = 1
g = 2
