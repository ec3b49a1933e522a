# Deeply nested data built iteratively, then walked recursively.
def nest(n):
    v = []
    for _ in range(n):
        v = [v]
    return v
def depth(v):
    d = 0
    while v:
        v = v[0]
        d += 1
    return d
print(depth(nest(10000)))
try:
    repr(nest(100000))
except RecursionError as e:
    print(type(e).__name__)
try:
    nest(100000) == nest(100000)
except RecursionError as e:
    print(type(e).__name__)
d = {}
cur = d
for i in range(50000):
    cur["k"] = {}
    cur = cur["k"]
try:
    str(d)
except RecursionError as e:
    print(type(e).__name__)
# recursion in a generator chain
def chain(n):
    if n == 0:
        yield "bottom"
    else:
        yield from chain(n - 1)
try:
    print(list(chain(100)))
    list(chain(100000))
except RecursionError as e:
    print(type(e).__name__)
print("still alive")
