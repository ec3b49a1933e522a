# The exact TypeError messages for bad calls.
def show(fn, *a, **k):
    try:
        fn(*a, **k)
    except TypeError as e:
        print(type(e).__name__, e)

def one(a): pass
def two(a, b): pass
def three(a, b, c): pass
def opt(a, b=1): pass
def kwo(*, k): pass
def kwo2(*, k, m): pass
def mixed(a, b, *, c, d): pass
def star(a, *args): pass

show(one)
show(one, 1, 2)
show(two)
show(two, 1)
show(three)
show(three, 1)
show(opt)
show(opt, 1, 2, 3)
show(kwo)
show(kwo2)
show(kwo, 1)
show(kwo, 1, k=2)
show(mixed, 1)
show(mixed, 1, 2)
show(mixed, 1, 2, c=3)
show(mixed, 1, 2, 3, 4)
show(one, a=1, b=2)
show(one, 1, a=2)
show(two, 1, a=2)
show(one, zzz=1)
show(star)
show(opt, 1, 2, 3, b=4)
def noargs(): pass
show(noargs, 1)
show(noargs, x=1)
def pos(a, /): pass
show(pos, a=1)
def pos2(a, b, /, c): pass
show(pos2, 1, b=2, c=3)
show(lambda x: x)
show(lambda: 0, 1, 2)
