def f():
    exec("local_var = 1")
    try:
        return local_var
    except NameError as e:
        return "NameError: " + str(e)
print(f())

def g():
    ns = {}
    exec("local_var = 2", globals(), ns)
    return ns["local_var"]
print(g())

def h():
    a = 5
    return eval("a * 2")      # eval sees the function's locals
print(h())

def k():
    a = 1
    loc = locals()
    exec("a = 99", globals(), loc)
    return a, loc["a"]
print(k())

# exec at module level binds globals
exec("module_level_from_exec = 'yes'")
print(module_level_from_exec)

# functions defined in exec use the given globals
ns = {"factor": 3}
exec("def scale(v):\n    return v * factor", ns)
print(ns["scale"](5))
ns["factor"] = 10
print(ns["scale"](5))

# class body in exec with separate locals
ns2 = {}
exec("class K:\n    attr = 'in class'\nresult = K.attr", ns2)
print(ns2["result"])

# closures in exec with separate globals/locals: functions cannot see exec locals
g2, l2 = {}, {}
exec("y = 1\ndef read_y():\n    return y", g2, l2)
try:
    l2["read_y"]()
except NameError as e:
    print(type(e).__name__, e)

# comprehension inside eval with locals
print(eval("[n * 4 for n in range(3)]"))
try:
    eval("[n * m for n in range(3)]", {}, {"m": 4})
except NameError as e:
    print(type(e).__name__, e)
# eval with a custom mapping as locals
class Loud(dict):
    def __getitem__(self, key):
        return f"<{key}>"
print(eval("anything + '!'", {}, Loud()))
# nested exec
exec("exec('inner = 7')")
print(inner)
# compile flags: dont_inherit, and code object attributes
c = compile("a = 1\nb = 2", "<multi>", "exec")
print(sorted(c.co_names), c.co_name, c.co_firstlineno)
