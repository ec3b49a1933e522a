with (a as b, c as d,):
    pass
with (a, b):
    pass
