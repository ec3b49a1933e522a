x = "global"
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())

def shadow():
    x = "local"
    return x
print(shadow(), x)

def uses_global():
    return x
print(uses_global())

def unbound():
    try:
        print(y)
    except NameError as e:
        print(type(e).__name__, e)
    try:
        z = z + 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
unbound()

def assigned_later():
    try:
        return x
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 1
assigned_later()

def free_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 2
    return inner()
print(free_unbound())

def deleted_local():
    q = 1
    del q
    try:
        q
    except UnboundLocalError as e:
        print(type(e).__name__, e)
deleted_local()
print(outer.__code__.co_cellvars, outer.__code__.co_varnames)
