
srcs = ["", "\n", "# c\n", "x = 5", "x = 5\n", "a = 1\nb = 2", "a = 1;b=2", "if 1:\n  a=1\nb = 2\n", "if 1:\n  a=1\n", "if 1:\n  a=1", "a = 1\n\n", "a = 1  # c\n  # d\n", "1 +", "for x in y:\n  pass\nelse:\n  pass", "x = (1,\n2)", "def f():\n  return 1\n\n\n", "@d\ndef f(): pass\n", "a = 1\n$"]
for s in srcs:
    try:
        t = compile(s, "<s>", "single")
        print(repr(s), "ok")
    except SyntaxError as e:
        print(repr(s), "SyntaxError", repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for s in ["1 +", "(1 +", "1 +\n", "1 2", "", "x\n\n", "x y\n"]:
    try:
        compile(s, "<e>", "eval")
        print(repr(s), "ok")
    except SyntaxError as e:
        print(repr(s), "SyntaxError", repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
