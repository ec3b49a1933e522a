"""chaos: the chaos game, drawing iterated-function-system fractals.

Points are GVector objects with operator methods (__add__, __mul__ ...);
each map of the system is an object whose apply() builds new vectors; the map
for each step is drawn with weights from random.Random(seed); the visited
points are plotted into a bitmap. Object allocation, operator overloading,
float arithmetic and method calls.

Two fractals:
- the Sierpinski triangle: maps p -> (p + v) / 2 for the corners v = (0,0),
  (1,0), (0,1). Each step makes a corner's coordinates the leading binary
  digits of the point, exactly in floating point, so at level K the cell
  (int(x 2^K), int(y 2^K)) of every point has no bit set in both indices,
  and the 3^K such cells must all be hit;
- Barnsley's fern, with its four affine maps and weights 1/85/7/7%: every
  point must stay inside the fern's bounding box [-2.1820, 2.6558] x
  [0, 9.9983], and the fern must cover a plausible share of its bitmap.
"""
import random

from _harness import main, expect

SIERPINSKI_POINTS = 60000
FERN_POINTS = 60000
LEVEL = 7
SEED = 1234


class GVector:
    __slots__ = ('x', 'y')

    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __add__(self, other):
        return GVector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return GVector(self.x - other.x, self.y - other.y)

    def __mul__(self, factor):
        return GVector(self.x * factor, self.y * factor)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Halfway:
    """p -> (p + corner) / 2."""

    def __init__(self, corner):
        self.corner = corner

    def apply(self, p):
        return (p + self.corner) * 0.5


class Affine:
    """p -> (row1 . p, row2 . p) + shift."""

    def __init__(self, a, b, c, d, e, f):
        self.row1 = GVector(a, b)
        self.row2 = GVector(c, d)
        self.shift = GVector(e, f)

    def apply(self, p):
        return GVector(self.row1.dot(p), self.row2.dot(p)) + self.shift


class ChaosGame:
    def __init__(self, maps, weights, rng):
        self.maps = maps
        self.cumulative = []
        total = 0.0
        for w in weights:
            total += w
            self.cumulative.append(total)
        self.rng = rng

    def choose(self):
        r = self.rng.random() * self.cumulative[-1]
        for m, bound in zip(self.maps, self.cumulative):
            if r < bound:
                return m
        return self.maps[-1]

    def play(self, start, steps, plot):
        p = start
        for _ in range(steps):
            p = self.choose().apply(p)
            plot(p)


class Bitmap:
    def __init__(self, width, height, left, bottom, right, top):
        self.width = width
        self.height = height
        self.left, self.bottom = left, bottom
        self.sx = width / (right - left)
        self.sy = height / (top - bottom)
        self.rows = [bytearray(width) for _ in range(height)]
        self.outside = 0

    def plot(self, p):
        i = int((p.x - self.left) * self.sx)
        j = int((p.y - self.bottom) * self.sy)
        if 0 <= i < self.width and 0 <= j < self.height:
            self.rows[j][i] = 1
        else:
            self.outside += 1

    def count(self):
        return sum(sum(row) for row in self.rows)


def sierpinski(rng):
    corners = [GVector(0.0, 0.0), GVector(1.0, 0.0), GVector(0.0, 1.0)]
    game = ChaosGame([Halfway(c) for c in corners], [1.0, 1.0, 1.0], rng)
    side = 2 ** LEVEL
    cells = Bitmap(side, side, 0.0, 0.0, 1.0, 1.0)
    game.play(GVector(0.0, 0.0), SIERPINSKI_POINTS, cells.plot)
    return cells


def fern(rng):
    maps = [Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0),
            Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6),
            Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6),
            Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44)]
    game = ChaosGame(maps, [0.01, 0.85, 0.07, 0.07], rng)
    image = Bitmap(100, 200, -2.1820, 0.0, 2.6558, 9.9983)
    game.play(GVector(0.0, 0.0), FERN_POINTS, image.plot)
    return image


def run():
    rng = random.Random(SEED)
    return sierpinski(rng), fern(rng)


def check(result):
    cells, image = result
    expect(cells.outside == 0, '%d Sierpinski points left the unit square', cells.outside)
    for j, row in enumerate(cells.rows):
        for i, hit in enumerate(row):
            expect(not (hit and i & j), 'cell (%d, %d) is not in the Sierpinski triangle', i, j)
    expect(cells.count() == 3 ** LEVEL, '%d cells hit, want 3^%d = %d',
           cells.count(), LEVEL, 3 ** LEVEL)
    expect(image.outside == 0, '%d fern points left its bounding box', image.outside)
    share = image.count() / (image.width * image.height)
    expect(0.25 < share < 0.6, 'the fern covers %.3f of its bitmap', share)


if __name__ == '__main__':
    main('chaos', run, check)
