class A:
    n = 5
    # the outermost iterable is evaluated in class scope: n is visible
    squares = [i * i for i in range(n)]
    # but any inner reference to n is not
    try:
        shifted = [i + n for i in range(2)]
    except NameError as e:
        shifted = "NameError: " + str(e)
    # nor in a second for clause
    try:
        pairs = [(i, j) for i in range(2) for j in range(n)]
    except NameError as e:
        pairs = "NameError: " + str(e)
    # nor in conditions
    try:
        filtered = [i for i in range(10) if i < n]
    except NameError as e:
        filtered = "NameError: " + str(e)
    gen = list(i for i in range(n))
    dct = {i: None for i in range(n - 3)}
print(A.squares, A.shifted, A.pairs, A.filtered, A.gen, A.dct, sep="\n")

n = "module n"
class B:
    n = "class n"
    seen = [n for _ in range(1)]
    seen_in_lambda = (lambda: n)()
    seen_direct = n
print(B.seen, B.seen_in_lambda, B.seen_direct)

def func():
    n = "function n"
    class C:
        n = "class n"
        seen = [n for _ in range(1)]
        def method(self):
            return n
    return C.seen, C().method()
print(func())
