"""float: Point objects built from trigonometry, normalized, then maximized.

The classic "float" workload: make POINTS Point objects with x = sin(i),
y = 3 cos(i), z = x^2 / 2, normalize each in place (x, y, z divided by the
length), then fold them into a Point holding the component-wise maximum.
Object creation with float attributes, math calls, attribute loads and
stores, method calls.

Check: every normalized point has length 1 within 1e-12, and the maximum is
recomputed independently from plain tuples (no Point objects, no methods)
and must match exactly; each maximum must also be within 1e-6 below its
analytic supremum (x: 2/sqrt(5) where sin = 1; y: 1 where sin = 0; z:
1/sqrt(5) where sin = 1), since among 100000 consecutive integers some come
close enough to pi/2 + 2k pi.
"""
import math

from _harness import main, expect

POINTS = 100000


class Point:
    __slots__ = ('x', 'y', 'z')

    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return '<Point: x=%s, y=%s, z=%s>' % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def run():
    points = [Point(i) for i in range(POINTS)]
    for p in points:
        p.normalize()
    lengths = [p.x * p.x + p.y * p.y + p.z * p.z for p in points]
    return maximize(points), lengths


def reference_maximum():
    mx = my = mz = -math.inf
    for i in range(POINTS):
        x = math.sin(i)
        y = math.cos(i) * 3
        z = (x * x) / 2
        norm = math.sqrt(x * x + y * y + z * z)
        x, y, z = x / norm, y / norm, z / norm
        mx, my, mz = max(mx, x), max(my, y), max(mz, z)
    return mx, my, mz


REFERENCE = []


def check(result):
    best, lengths = result
    for i, squared in enumerate(lengths):
        expect(abs(squared - 1.0) < 1e-12, 'point %d has squared length %r', i, squared)
    if not REFERENCE:
        REFERENCE.append(reference_maximum())
    ref = REFERENCE[0]
    expect((best.x, best.y, best.z) == ref, 'maximum %r, reference %r', best, ref)
    for got, sup in ((best.x, 2 / math.sqrt(5)), (best.y, 1.0), (best.z, 1 / math.sqrt(5))):
        expect(sup - 1e-6 < got <= sup + 1e-15, 'maximum %r: %r is not just below %r',
               best, got, sup)


if __name__ == '__main__':
    main('float', run, check)
