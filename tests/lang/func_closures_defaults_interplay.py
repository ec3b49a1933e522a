def make(n):
    def f(x, n=n):
        return x + n
    def g(x):
        return x + n
    return f, g
f, g = make(1)
print(f(10), g(10), f(10, 5), f.__defaults__, g.__closure__[0].cell_contents)
def counter_with_default(start, step=1, _state={}):
    _state.setdefault(start, start)
    _state[start] += step
    return _state[start]
print([counter_with_default(0) for _ in range(3)], counter_with_default(100, 10), counter_with_default(0))
def kwonly_defaults(*, a=[]):
    a.append(len(a))
    return a
print(kwonly_defaults(), kwonly_defaults(), kwonly_defaults(a=[9]), kwonly_defaults.__kwdefaults__)
kwonly_defaults.__kwdefaults__ = {"a": ["fresh"]}
print(kwonly_defaults())
def recursive_default(n, acc=None):
    acc = [] if acc is None else acc
    if n:
        acc.append(n)
        recursive_default(n - 1, acc)
    return acc
print(recursive_default(4), recursive_default(2))
def uses_later_global(x=None):
    return x if x is not None else LATER
LATER = "late global"
print(uses_later_global(), uses_later_global(0))
