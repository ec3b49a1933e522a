"""nqueens: every placement of N non-attacking queens on an N x N board.

A recursive generator places one queen per row, keeping the attacked
columns and diagonals in sets, and yields each solution as a tuple of column
indices. Generators (`yield from` through N levels), set membership, tuple
building.

Check: the number of solutions is a fact (OEIS A000170: 92 for 8, 352 for 9,
724 for 10); every solution is verified independently, pair by pair, and the
solutions are all different.
"""
from _harness import main, expect

N = 11
KNOWN_COUNTS = {4: 2, 5: 10, 6: 4, 7: 40, 8: 92, 9: 352, 10: 724, 11: 2680}


def place(n, row, queens, columns, diagonals, antidiagonals):
    if row == n:
        yield tuple(queens)
        return
    for col in range(n):
        if col in columns or row + col in diagonals or row - col in antidiagonals:
            continue
        queens.append(col)
        columns.add(col)
        diagonals.add(row + col)
        antidiagonals.add(row - col)
        yield from place(n, row + 1, queens, columns, diagonals, antidiagonals)
        queens.pop()
        columns.remove(col)
        diagonals.remove(row + col)
        antidiagonals.remove(row - col)


def solve(n):
    return list(place(n, 0, [], set(), set(), set()))


def run():
    # Every board size up to N, as a user checking the sequence would.
    return {n: solve(n) for n in range(4, N + 1)}


def check(solutions):
    for n, found in solutions.items():
        expect(len(found) == KNOWN_COUNTS[n], '%d solutions for %d queens, want %d',
               len(found), n, KNOWN_COUNTS[n])
        expect(len(set(found)) == len(found), 'duplicate solutions for %d queens', n)
        for queens in found:
            expect(len(queens) == n and sorted(queens) == list(range(n)), 'bad columns %r', queens)
            for r1 in range(n):
                for r2 in range(r1 + 1, n):
                    expect(abs(queens[r1] - queens[r2]) != r2 - r1,
                           'queens %r attack on rows %d, %d', queens, r1, r2)


if __name__ == '__main__':
    main('nqueens', run, check)
