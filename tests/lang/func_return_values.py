def nothing():
    pass
def bare():
    return
def many():
    return 1, 2, 3
def early(n):
    for i in range(10):
        if i == n:
            return i * 100
    return -1
def in_while():
    i = 0
    while True:
        i += 1
        if i > 4:
            return i
print(nothing(), bare(), many(), early(3), early(20), in_while())
a, b, c = many()
print(a + b + c)
def starred():
    rest = [2, 3]
    return 1, *rest
print(starred())
def nested_return():
    def inner():
        return "inner"
    return inner() + "!"
print(nested_return())
def ret_in_loop_else():
    for i in range(3):
        pass
    else:
        return "else", i
print(ret_in_loop_else())
