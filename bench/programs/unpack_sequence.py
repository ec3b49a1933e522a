"""unpack_sequence: tuple and list unpacking in every form the language has.

Over ROWS ten-element tuples and the same rows as lists, REPEAT times:
plain ten-target unpacking, starred unpacking (first, *middle, last),
nested targets ((a, b), (c, d)), unpacking in for-loop targets, the swap
idiom, and building tuples to unpack again. The UNPACK_SEQUENCE family of
bytecodes and small-int arithmetic.

Check, by closed forms: the ten targets of row i are i .. i+9, so each
accumulated sum is a polynomial in ROWS (written out below), the starred
middles all have eight items, and an even number of swaps leaves the pair
as it was.
"""
from _harness import main, expect

ROWS = 2000
REPEAT = 60


def unpack_tuples(rows):
    total = 0
    for row in rows:
        a, b, c, d, e, f, g, h, i, j = row
        total += a + j
        a, b, c, d, e, f, g, h, i, j = j, i, h, g, f, e, d, c, b, a
        total += a - j
    return total


def unpack_starred(rows):
    total = 0
    for row in rows:
        first, *middle, last = row
        total += len(middle) + last - first
        *init, tail = middle
        total += tail - init[0]
    return total


def unpack_nested(rows):
    total = 0
    for row in rows:
        pairs = ((row[0], row[1]), (row[2], row[3]))
        (a, b), (c, d) = pairs
        total += (b - a) + (d - c)
    for (a, b), (c, d) in zip(zip(rows, rows), zip(rows, rows)):
        total += a[0] - d[0]
    return total


def swaps(count):
    x, y = 'x', 'y'
    for _ in range(count):
        x, y = y, x
        x, y, _ = y, x, x
    return x, y


def run():
    tuples = [tuple(range(i, i + 10)) for i in range(ROWS)]
    lists = [list(row) for row in tuples]
    results = []
    for _ in range(REPEAT):
        results.append((unpack_tuples(tuples), unpack_tuples(lists), unpack_starred(tuples),
                        unpack_starred(lists), unpack_nested(tuples), swaps(ROWS)))
    return results


def check(results):
    n = ROWS
    # a + j = 2i + 9, then (after reversing) a - j = 9: sum over i < n.
    plain = n * (n - 1) + 9 * n + 9 * n
    # 8 + 9 from the first starred form, 8 - 1 = 7 from the second.
    starred = (8 + 9 + 7) * n
    nested = 2 * n
    for result in results:
        expect(result[:5] == (plain, plain, starred, starred, nested),
               'sums %r, want %r', result[:5], (plain, plain, starred, starred, nested))
        expect(result[5] == ('x', 'y'), 'swapping %d times gave %r', n, result[5])


if __name__ == '__main__':
    main('unpack_sequence', run, check)
