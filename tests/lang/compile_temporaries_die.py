# A value an expression left in a temporary register must not outlive its
# last use: after `del`, a collection frees it as CPython's refcounting does.
import gc
from _weakref import ref


def listed():
    a = lambda: 0
    r = ref(a)
    [a, a, a, a]
    del a
    gc.collect()
    return r()


def passed_as_argument():
    a = lambda: 1
    r = ref(a)
    len((a, a, a))
    del a
    gc.collect()
    return r()


def in_loop():
    r = None
    for i in range(3):
        f = lambda: i
        r = ref(f)
        str((f, f))
        del f
    gc.collect()
    return r()


def kept_while_live():
    a = lambda: 2
    r = ref(a)
    b = [a]
    del a
    gc.collect()
    return r() is b[0]


print(listed(), passed_as_argument(), in_loop(), kept_while_live())


# A return value is computed before the with exit call (and finally copies)
# run: it stays alive through collections they trigger.
class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        gc.collect()
        junk = [[i] for i in range(300)]
        return False


def returns_through_with():
    with CM():
        return [1, 2, 3]


def returns_through_finally():
    try:
        return {"k": [4]}
    finally:
        gc.collect()


for _ in range(20):
    got = returns_through_with(), returns_through_finally()
print(got)
