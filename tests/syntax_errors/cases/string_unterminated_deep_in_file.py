def f():
    return 1

class C:
    s = """never
    closed
