"""hexiom: solving Hexiom puzzles by backtracking with constraint checks.

Hexiom is played on a hexagon of hexagonal cells. Each tile carries a number,
and a solved board has every tile's number equal to how many of its (up to
six) neighbouring cells hold a tile. A puzzle gives the board and the bag of
tiles; some cells stay empty. Here each puzzle is made by putting tiles on a
random set of cells of a radius-2 board (19 cells) and writing the right
numbers on them; as in the game, LOCKED cells are given (a tile or an empty
cell), the rest of the bag must be placed. The solver goes cell by cell in
row order, keeps per-cell counts of placed and undecided neighbours, prunes
any tile whose number can no longer be met, and finds every solution.
Recursion, small-int bookkeeping in lists, method calls.

Check: every solution found satisfies all the tile constraints and uses the
bag exactly (verified from scratch), the solutions are distinct, and the
arrangement the puzzle was made from is among them.
"""
import random

from _harness import main, expect

RADIUS = 2
PUZZLES = 8
LOCKED = 4
SEED = 2011
EMPTY = -1
UNSET = -2


class Hexagon:
    """The cells of a hexagonal board in axial coordinates, in row order."""

    def __init__(self, radius):
        self.cells = [(q, r) for r in range(-radius, radius + 1)
                      for q in range(-radius, radius + 1) if abs(q + r) <= radius]
        index = {cell: i for i, cell in enumerate(self.cells)}
        self.neighbours = []
        for q, r in self.cells:
            around = []
            for dq, dr in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)):
                j = index.get((q + dq, r + dr))
                if j is not None:
                    around.append(j)
            self.neighbours.append(around)

    def numbers_for(self, occupied):
        """The tile each occupied cell must carry; EMPTY elsewhere."""
        return [sum(1 for j in self.neighbours[i] if occupied[j]) if occupied[i] else EMPTY
                for i in range(len(self.cells))]


class Solver:
    def __init__(self, board, bag, empties, locked):
        self.board = board
        self.locked = locked              # cell -> the value the puzzle fixes
        self.n = len(board.cells)
        self.bag = bag                    # bag[v] = tiles numbered v left to place
        self.empties = empties            # cells that must stay empty, left to decide
        self.values = [UNSET] * self.n
        self.occupied = [0] * self.n      # neighbours holding a tile
        self.undecided = [len(nb) for nb in board.neighbours]
        self.solutions = []

    def fits(self, i):
        """Can cell i's tile (if any) still see exactly its number?"""
        v = self.values[i]
        return v < 0 or self.occupied[i] <= v <= self.occupied[i] + self.undecided[i]

    def assign(self, i, v):
        self.values[i] = v
        for j in self.board.neighbours[i]:
            self.undecided[j] -= 1
            if v != EMPTY:
                self.occupied[j] += 1

    def unassign(self, i, v):
        for j in self.board.neighbours[i]:
            self.undecided[j] += 1
            if v != EMPTY:
                self.occupied[j] -= 1
        self.values[i] = UNSET

    def consistent(self, i):
        if not self.fits(i):
            return False
        for j in self.board.neighbours[i]:
            if not self.fits(j):
                return False
        return True

    def solve(self, i=0):
        if i == self.n:
            self.solutions.append(list(self.values))
            return
        choices = [v for v in range(7) if self.bag[v] and v <= len(self.board.neighbours[i])]
        if self.empties:
            choices.append(EMPTY)
        if i in self.locked:
            choices = [v for v in choices if v == self.locked[i]]
        for v in choices:
            if v == EMPTY:
                self.empties -= 1
            else:
                self.bag[v] -= 1
            self.assign(i, v)
            if self.consistent(i):
                self.solve(i + 1)
            self.unassign(i, v)
            if v == EMPTY:
                self.empties += 1
            else:
                self.bag[v] += 1


def make_puzzle(board, rng):
    n = len(board.cells)
    occupied = [rng.random() < 0.7 for _ in range(n)]
    numbers = board.numbers_for(occupied)
    bag = [0] * 7
    empties = numbers.count(EMPTY)
    for v in numbers:
        if v != EMPTY:
            bag[v] += 1
    locked = {}
    for i in rng.sample(range(n), LOCKED):
        locked[i] = numbers[i]
    return numbers, bag, empties, locked


def run():
    rng = random.Random(SEED)
    board = Hexagon(RADIUS)
    results = []
    for _ in range(PUZZLES):
        made, bag, empties, locked = make_puzzle(board, rng)
        solver = Solver(board, list(bag), empties, locked)
        solver.solve()
        results.append((board, made, bag, locked, solver.solutions))
    return results


def check(results):
    expect(len(results) == PUZZLES, '%d puzzles', len(results))
    total = 0
    for board, made, bag, locked, solutions in results:
        expect(made in solutions, 'the arrangement the puzzle was made from was not found')
        expect(len(set(map(tuple, solutions))) == len(solutions), 'duplicate solutions')
        for values in solutions:
            expect(board.numbers_for([v != EMPTY for v in values]) == values,
                   'a solution breaks a tile constraint: %r', values)
            used = [0] * 7
            for i, v in enumerate(values):
                expect(values[i] == locked.get(i, v), 'a solution moved the locked cell %d', i)
                if v != EMPTY:
                    used[v] += 1
            expect(used == bag, 'a solution uses tiles %r, the bag holds %r', used, bag)
        total += len(solutions)
    expect(total >= PUZZLES, 'only %d solutions', total)


if __name__ == '__main__':
    main('hexiom', run, check)
