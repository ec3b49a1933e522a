count = 0
def bump():
    global count
    count += 1
    return count
bump(); bump()
print(count)

def create_global():
    global created
    created = "made inside a function"
create_global()
print(created)

def read_only():
    return count * 10
print(read_only())

def shadow_then_global():
    count = 100
    def inner():
        global count
        return count
    return inner(), count
print(shadow_then_global())

def del_global():
    global created
    del created
del_global()
try:
    created
except NameError as e:
    print(type(e).__name__, e)

# global in a class body
class C:
    global class_made
    class_made = "from class body"
    count = "class attr"
print(class_made, C.count, count)

# globals() dict is live
g = globals()
g["injected"] = 42
print(injected)
print("bump" in g, g["__name__"])
# global statement in a nested function refers to module scope, not enclosing
def outer():
    count = "outer local"
    def inner():
        global count
        count = "set by inner"
    inner()
    return count
print(outer(), count)
# for-loop target declared global
def loop_global():
    global loopvar
    for loopvar in range(3):
        pass
loop_global()
print(loopvar)
# import binding as global
def imp():
    global sys
    import sys
imp()
print(sys.__name__)
