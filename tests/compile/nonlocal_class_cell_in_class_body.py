def f():
    class C:
        nonlocal __class__
