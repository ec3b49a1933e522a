def booh(self):
    raise AttributeError("booh")
class E:
    __eq__ = property(booh)
print(E() == E())
class I:
    __init__ = property(booh)
try:
    I()
except AttributeError as e:
    print("AttributeError", e)
class L:
    __len__ = property(booh)
try:
    len(L())
except Exception as e:
    print(type(e).__name__, e)
class H:
    __hash__ = property(booh)
try:
    hash(H())
except Exception as e:
    print(type(e).__name__, e)
