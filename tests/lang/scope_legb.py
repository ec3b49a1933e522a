x = "global"
def enclosing():
    x = "enclosing"
    def local():
        x = "local"
        return x
    def uses_enclosing():
        return x
    def uses_global():
        global x
        return x
    return local(), uses_enclosing(), uses_global()
print(enclosing())
print(len("builtin len still visible"))
def shadows_builtin():
    len = lambda s: "local len"
    return len("x")
print(shadows_builtin(), len("x"))
# names are resolved at call time, not definition time
def later():
    return defined_after
defined_after = "resolved when called"
print(later())
# a class scope is not an enclosing scope for methods
class K:
    y = "class y"
    def m(self):
        try:
            return y
        except NameError as e:
            return "NameError: " + str(e)
print(K().m())
# lambda default captures at definition; body looks up at call
val = 1
f = lambda a=val: (a, val)
val = 2
print(f())
# deleting a global makes later lookups fail, even from functions
tmp = "temporary"
def read_tmp():
    return tmp
print(read_tmp())
del tmp
try:
    read_tmp()
except NameError as e:
    print(type(e).__name__, e)
# conditional definitions
if True:
    def cond():
        return "first"
else:
    def cond():
        return "second"
print(cond())
for i in range(2):
    def looped(i=i):
        return i
print(looped())
