"""mandelbrot: the Benchmarks Game's Mandelbrot set bitmap.

A SIZE x SIZE bitmap of the plane [-1.5, 0.5] x [-1, 1] (c = 2x/SIZE - 1.5 +
i(2y/SIZE - 1)), 50 iterations of z -> z^2 + c on float pairs, escape when
|z|^2 > 4, eight pixels packed per byte as in the Benchmarks Game's PBM
output. Float arithmetic and bit operations in a tight loop.

Checks, none of which needs a stored answer:
- every pixel whose c lies in the main cardioid or the period-2 disk (closed
  forms) is set: those points never escape;
- SIZE is a power of two, so c for rows y and SIZE - y are exact conjugates
  and the iteration is exactly mirrored: those rows must be identical;
- the set pixels cover between 1.50 and 1.65 square units: the Mandelbrot
  set's area is 1.5066, and 50 iterations keep a thin band around it.
"""
from _harness import main, expect

SIZE = 256
ITERATIONS = 50


def mandelbrot(size):
    rows = []
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        row = bytearray(size // 8)
        bits = 0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = zi = tr = ti = 0.0
            i = 0
            while i < ITERATIONS and tr + ti <= 4.0:
                zi = 2.0 * zr * zi + ci
                zr = tr - ti + cr
                tr = zr * zr
                ti = zi * zi
                i += 1
            bits = (bits << 1) | (tr + ti <= 4.0)
            if x & 7 == 7:
                row[x >> 3] = bits
                bits = 0
        rows.append(bytes(row))
    return rows


def pixel(rows, x, y):
    return (rows[y][x >> 3] >> (7 - (x & 7))) & 1


def run():
    return mandelbrot(SIZE)


def check(rows):
    size = SIZE
    expect(len(rows) == size, '%d rows', len(rows))
    for y in range(1, size // 2):
        expect(rows[y] == rows[size - y], 'rows %d and %d differ', y, size - y)
    inside = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            set_ = pixel(rows, x, y)
            inside += set_
            q = (cr - 0.25) ** 2 + ci * ci
            in_cardioid = q * (q + cr - 0.25) <= 0.25 * ci * ci
            in_bulb = (cr + 1.0) ** 2 + ci * ci <= 1.0 / 16
            if in_cardioid or in_bulb:
                expect(set_, 'pixel (%d, %d) lies in the main cardioid or bulb but escaped', x, y)
    area = inside * (2.0 / size) ** 2
    expect(1.50 <= area <= 1.65, 'area %.4f outside [1.50, 1.65]', area)


if __name__ == '__main__':
    main('mandelbrot', run, check)
