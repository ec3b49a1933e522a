class subclass(list): pass
try: subclass(sequence=())
except TypeError as e: print(e)
class S2(list):
    def __init__(self, seq, newarg=None): super().__init__(seq)
print(S2([1], newarg=3))
class S3(list):
    def __new__(cls, *a, **k): return super().__new__(cls)
print(S3([1, 2], x=1))
for t in (tuple, set, frozenset, dict, bytearray):
    class Sub(t): pass
    try: print(t.__name__, Sub([], x=1))
    except TypeError as e: print(t.__name__, e)
for t in (tuple, set, frozenset, list):
    class Sub2(t):
        def __init__(self, *a, **k):
            pass
    try: print(t.__name__, Sub2([1], x=1))
    except TypeError as e: print(t.__name__, e)
    class Sub3(t):
        def __init__(self, *a, **k):
            t.__init__(self, *a, **k)
    try: print(t.__name__, Sub3([1], x=1))
    except TypeError as e: print(t.__name__, e)
