e = "global value"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)

def f():
    x = "local"
    try:
        1 / 0
    except ZeroDivisionError as x:
        pass
    try:
        return x
    except UnboundLocalError as err:
        return type(err).__name__ + ": " + str(err)
print(f())

# keeping the exception requires another name
def g():
    saved = None
    try:
        raise KeyError("saved")
    except KeyError as err:
        saved = err
    return repr(saved)
print(g())
# the except target can be an attribute? no: only a name. Check the loop pattern
errors = []
for v in ["1", "x", "2"]:
    try:
        int(v)
    except ValueError as problem:
        errors.append(str(problem))
print(errors)
try:
    problem
except NameError as err:
    print(type(err).__name__, err)
