import warnings
for src in ["x = 0x1for x in y", "x = 1if y else 2", "x = 0o7and 1", "x = 0b1or 1", "x = 1.5in y",
            "x = 1jif y else 2", "x = 1not in y", "x = 1else", "x = 1abc"]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(src, "<s>", "exec")
        except SyntaxError as e:
            print(repr(src), "SyntaxError", e.msg, e.offset)
    print(repr(src), [(w.category.__name__, str(w.message), w.lineno) for w in caught])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<s>", "exec")
        except SyntaxError as e:
            print("   error:", e.msg, e.lineno, e.offset)
