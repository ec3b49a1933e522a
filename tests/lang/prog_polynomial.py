class Poly:
    def __init__(self, coeffs):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = c or [0]
    @property
    def degree(self):
        return len(self.c) - 1 if self.c != [0] else -1
    def __call__(self, x):
        acc = 0
        for a in reversed(self.c):
            acc = acc * x + a
        return acc
    def __add__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        n = max(len(self.c), len(o.c))
        return Poly([(self.c[i] if i < len(self.c) else 0) + (o.c[i] if i < len(o.c) else 0) for i in range(n)])
    __radd__ = __add__
    def __neg__(self):
        return Poly([-a for a in self.c])
    def __sub__(self, o):
        return self + (-o if isinstance(o, Poly) else -o)
    def __mul__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        out = [0] * (len(self.c) + len(o.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(o.c):
                out[i + j] += a * b
        return Poly(out)
    __rmul__ = __mul__
    def __pow__(self, n):
        r = Poly([1])
        for _ in range(n):
            r = r * self
        return r
    def __divmod__(self, d):
        if d.degree < 0:
            raise ZeroDivisionError("polynomial division by zero")
        q = [0] * max(len(self.c) - len(d.c) + 1, 1)
        r = list(self.c)
        while len(r) >= len(d.c) and any(r):
            shift = len(r) - len(d.c)
            factor = r[-1] / d.c[-1]
            if factor == int(factor):
                factor = int(factor)
            q[shift] = factor
            for i, b in enumerate(d.c):
                r[i + shift] -= factor * b
            r.pop()
        return Poly(q), Poly(r)
    def derivative(self):
        return Poly([i * a for i, a in enumerate(self.c)][1:] or [0])
    def __eq__(self, o):
        return isinstance(o, Poly) and self.c == o.c
    def __repr__(self):
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            a = self.c[i]
            if a == 0 and len(self.c) > 1:
                continue
            coef = "" if a == 1 and i else "-" if a == -1 and i else str(a)
            terms.append(coef + ("x^%d" % i if i > 1 else "x" if i == 1 else ""))
        return " + ".join(terms).replace("+ -", "- ")
x = Poly([0, 1])
p = (x + 1) ** 3
print(p, p.degree, p(2), p.derivative(), p.derivative()(1))
q = x * x - 1
print(q, divmod(p, x + 1), divmod(q, x - 1), divmod(x ** 3 + 2, x * x))
print(p - p, (p - p).degree, 3 * x + 2 == Poly([2, 3]), -x ** 2, Poly([]), x - x * x)
print([Poly([1, -3, 2])(v) for v in range(4)], (x ** 10)(2), (x ** 2 + x + 41)(40))
try:
    divmod(p, Poly([0]))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
