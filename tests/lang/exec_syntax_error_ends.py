for s, m in [("x\n  y\n", "exec"), ("if 1:\n  x\n y\n", "exec"), ("def f(:\n", "exec"), ("if 1:\n", "exec"), ("if 1:", "single"), ("for x in y:", "exec"), ("1 +", "eval"), ("(", "eval"), ("x = (", "exec"), ("class A:\n", "exec"), ("f(**", "eval"), ("a b", "single"), ("try:\n  x\n", "exec")]:
    try:
        compile(s, "<s>", m)
        print(repr(s), "ok")
    except SyntaxError as e:
        print(repr(s), m, type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
