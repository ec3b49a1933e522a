print(eval("1 + 2 * 3"), eval("'x' * 3"), eval("[i for i in range(3)]"), eval("  42  "))
x = 10
print(eval("x + 1"), eval("x * y", {"x": 2, "y": 3}), eval("x", {"x": "globals"}, {"x": "locals"}))
g = {"a": 1}
exec("b = a + 1\nc = b * 10", g)
print(g["b"], g["c"], "__builtins__" in g)
l = {}
exec("z = 5", {}, l)
print(l)
exec("print('printed from exec')")
code = compile("v * 2", "<expr>", "eval")
print(type(code).__name__, code.co_filename, eval(code, {"v": 21}))
code2 = compile("for i in range(2): print('loop', i)", "<exec>", "exec")
exec(code2)
single = compile("1 + 1", "<single>", "single")
exec(single)   # 'single' mode prints expression values (through sys.displayhook)
print(eval(compile("(lambda q: q ** 2)(7)", "", "eval")))
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, e.filename)
try:
    exec("def f(:\n  pass", {})
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename)
try:
    eval("x = 1")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("1", "<s>", "bogus")
except ValueError as e:
    print(type(e).__name__, e)
try:
    eval("undefined_name_here")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
print(eval("__name__"), eval("__name__", {}), eval("len('abc')", {}))
print(eval("len", {"__builtins__": {"len": "custom len"}}))
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
print(exec("1"), eval(b"2 + 2"))
