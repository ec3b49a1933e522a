def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"
print([grade(s) for s in (95, 85, 75, 10, 90, 80)])
def sign(n):
    if n > 0: return 1
    elif n < 0: return -1
    return 0
print(sign(5), sign(-2), sign(0))
# truthiness of many kinds of objects in conditions
for obj in (0, 1, -1, 0.0, 0.1, "", " ", [], [[]], {}, {0: 0}, (), (None,), None, set(), range(0), range(1), b"", 0j):
    if obj:
        print(repr(obj), "truthy")
    else:
        print(repr(obj), "falsy")
# nested ifs and pass
if True:
    if False:
        pass
    else:
        print("nested else")
x = 3
if x == 1:
    pass
elif x == 3:
    print("elif matched")
if (y := x * 2) > 5:
    print("walrus in if", y)
