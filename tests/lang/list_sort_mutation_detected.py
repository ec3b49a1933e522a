# list.sort detects a list changed during the sort, even when the change
# leaves it the same (append then pop, append then clear); the list keeps
# its sorted items afterwards only when the sort succeeded.
from functools import cmp_to_key


def attempt(label, data, **kw):
    try:
        data.sort(**kw)
        print(label, "ok", data)
    except Exception as e:
        print(label, type(e).__name__, e, len(data))


for mutate in ("append_pop", "append_clear", "append", "clear", "extend_empty",
               "insert_del", "slice_assign", "slice_empty", "none"):
    L = [3, 1, 2]

    def cmp(x, y, mutate=mutate):
        if mutate == "append_pop":
            L.append(3)
            L.pop()
        elif mutate == "append_clear":
            L.append(3)
            del L[:]
        elif mutate == "append":
            L.append(0)
        elif mutate == "clear":
            L.clear()
        elif mutate == "extend_empty":
            L.extend([])
        elif mutate == "insert_del":
            L.insert(0, 9)
            del L[0]
        elif mutate == "slice_empty":
            L[:] = []
        elif mutate == "slice_assign":
            L[:] = [7, 8]
        return (x > y) - (x < y)

    attempt(mutate, L, key=cmp_to_key(cmp))

# the key function sees the list empty
seen = []
M = [5, 4, 6]


def key(x):
    seen.append((len(M), list(M)))
    return x


M.sort(key=key)
print("key sees", seen, M)

# a key that mutates via append+pop
N = list(range(10))


def mutating_key(x):
    N.append(x)
    N.pop()
    return -x


attempt("key append_pop", N, key=mutating_key)

# a key that raises: the items come back unsorted and no ValueError
P = [3, 2, 1]


def bad_key(x):
    if x == 1:
        raise RuntimeError("no")
    P.append(x)
    return x


attempt("key raises after mutating", P, key=bad_key)

# many rounds, as CPython's test_undetected_mutation
count = 0
for i in range(50):
    Q = [1, 2]

    def c(x, y):
        Q.append(3)
        Q.pop()
        return (x > y) - (x < y)

    try:
        Q.sort(key=cmp_to_key(c))
    except ValueError:
        count += 1
print("detected", count)

# sorting an empty and a one-item list with mutation in the key
R = []
attempt("empty", R, key=lambda x: R.append(1))
S = [1]
attempt("one mutating", S, key=lambda x: S.append(2) or x)
