# compile-time scope errors, checked through compile()
sources = {
    "nonlocal at module": "nonlocal x",
    "nonlocal without binding": "def f():\n    nonlocal nothing\n",
    "global after use": "def f():\n    print(x)\n    global x\n",
    "global after assignment": "def f():\n    x = 1\n    global x\n",
    "nonlocal and global": "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "parameter declared global": "def f(a):\n    global a\n",
    "parameter declared nonlocal": "def f(a):\n    nonlocal a\n",
    "nonlocal in class refers to function": "def f():\n    v = 1\n    class C:\n        nonlocal v\n        v = 2\n    return v\n",
    "annotated global": "def f():\n    global g\n    g: int = 1\n",
    "return outside function": "return 5",
    "yield outside function": "yield 5",
    "break outside loop": "break",
    "continue outside loop": "continue",
    "await outside async": "def f():\n    await x\n",
}
for name, src in sources.items():
    try:
        compile(src, "<test>", "exec")
        print(name, "-> compiles")
    except SyntaxError as e:
        print(name, "->", type(e).__name__, e.msg, e.lineno)
