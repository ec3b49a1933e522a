print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"))
del len
print(len("abc"))

def local_shadow():
    max = 5
    return max
print(local_shadow(), max(1, 2))

builtins = __builtins__      # the builtins module, in the main program
print(builtins.len("xy"), builtins.__name__)
builtins.my_new_builtin = "visible everywhere"
print(my_new_builtin)
def uses():
    return my_new_builtin
print(uses())
del builtins.my_new_builtin
try:
    uses()
except NameError as e:
    print(type(e).__name__, e)
# shadowing print, restoring it
_print = print
def print(*a):
    _print("custom:", *a)
print("hello")
del print
print("restored")
# True/False/None are keywords, not names
try:
    exec("True = 1")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
print(type(__builtins__).__name__)
