"""go: Monte-Carlo tree search (UCT) for the first move of 9x9 Go.

A Go board of Square objects (colour, neighbour list), groups and their
liberties found by flood fill with visit stamps, captures, the simple-ko
rule, suicide forbidden, random playouts that never fill their own eyes,
area scoring with komi 7.5, and a UCT tree of Node objects choosing among
the moves by the UCB1 bound. Objects, lists, method calls and branches; the
random numbers come from random.Random(seed).

Checks, without a stored answer:
- every playout's moves are replayed on an independent, set-based reference
  board (no stamps, no incremental state) that must end in the same position,
  and that reference board's area score must equal the engine's;
- no group on a final board is left without a liberty, and no playout ends
  while a legal move that fills no eye remains for the side to move;
- the tree's visit counts add up to the number of playouts.
The search is deterministic, so later iterations must repeat the first one's
playouts and choice exactly; only the first is replayed in full.
"""
import math
import random

from _harness import main, expect

SIZE = 9
PLAYOUTS = 50
KOMI = 7.5
SEED = 42
EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1


def other(colour):
    return BLACK + WHITE - colour


class Square:
    __slots__ = ('pos', 'colour', 'neighbours', 'stamp')

    def __init__(self, pos):
        self.pos = pos
        self.colour = EMPTY
        self.neighbours = []
        self.stamp = 0


class Board:
    def __init__(self):
        self.squares = [Square(pos) for pos in range(SIZE * SIZE)]
        for sq in self.squares:
            x, y = sq.pos % SIZE, sq.pos // SIZE
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                if 0 <= x + dx < SIZE and 0 <= y + dy < SIZE:
                    sq.neighbours.append(self.squares[(y + dy) * SIZE + x + dx])
        self.empties = list(range(SIZE * SIZE))
        self.to_move = BLACK
        self.ko = None
        self.passes = 0
        self.history = []
        self.stamp = 0

    def group(self, start):
        """(stones, liberty count) of the group at start."""
        self.stamp += 1
        stamp = self.stamp
        colour = start.colour
        stones = [start]
        start.stamp = stamp
        liberties = 0
        i = 0
        while i < len(stones):
            for n in stones[i].neighbours:
                if n.stamp != stamp:
                    n.stamp = stamp
                    if n.colour == colour:
                        stones.append(n)
                    elif n.colour == EMPTY:
                        liberties += 1
            i += 1
        return stones, liberties

    def is_eye(self, sq, colour):
        for n in sq.neighbours:
            if n.colour != colour:
                return False
        return True

    def legal(self, pos):
        sq = self.squares[pos]
        if sq.colour != EMPTY or sq is self.ko:
            return False
        colour = self.to_move
        sq.colour = colour
        try:
            for n in sq.neighbours:
                if n.colour == EMPTY:
                    return True
            for n in sq.neighbours:
                if n.colour != colour and self.group(n)[1] == 0:
                    return True
            return self.group(sq)[1] > 0
        finally:
            sq.colour = EMPTY

    def play(self, pos):
        self.history.append(pos)
        colour = self.to_move
        self.to_move = other(colour)
        if pos == PASS:
            self.passes += 1
            self.ko = None
            return
        self.passes = 0
        sq = self.squares[pos]
        sq.colour = colour
        self.empties.remove(pos)
        captured = []
        for n in sq.neighbours:
            if n.colour == other(colour):
                stones, liberties = self.group(n)
                if liberties == 0:
                    for stone in stones:
                        stone.colour = EMPTY
                        self.empties.append(stone.pos)
                    captured.extend(stones)
        self.ko = None
        if len(captured) == 1:
            stones, liberties = self.group(sq)
            if len(stones) == 1 and liberties == 1:
                self.ko = captured[0]

    def random_move(self, rng):
        """A random legal move that fills none of the mover's eyes, else PASS."""
        empties = self.empties
        n = len(empties)
        if n == 0:
            return PASS
        start = int(rng.random() * n)
        for i in range(n):
            pos = empties[(start + i) % n]
            if not self.is_eye(self.squares[pos], self.to_move) and self.legal(pos):
                return pos
        return PASS

    def playout(self, rng):
        limit = 3 * SIZE * SIZE
        while self.passes < 2 and len(self.history) < limit:
            self.play(self.random_move(rng))

    def score(self):
        """Black's area minus White's, minus komi."""
        return area_score([sq.colour for sq in self.squares])


def area_score(colours):
    total = -KOMI
    seen = set()
    for pos, colour in enumerate(colours):
        if colour == BLACK:
            total += 1
        elif colour == WHITE:
            total -= 1
        elif pos not in seen:
            region, borders = [pos], set()
            seen.add(pos)
            for p in region:
                for q in neighbours_of(p):
                    if colours[q] == EMPTY:
                        if q not in seen:
                            seen.add(q)
                            region.append(q)
                    else:
                        borders.add(colours[q])
            if borders == {BLACK}:
                total += len(region)
            elif borders == {WHITE}:
                total -= len(region)
    return total


def neighbours_of(pos):
    x, y = pos % SIZE, pos // SIZE
    result = []
    if x > 0:
        result.append(pos - 1)
    if x < SIZE - 1:
        result.append(pos + 1)
    if y > 0:
        result.append(pos - SIZE)
    if y < SIZE - 1:
        result.append(pos + SIZE)
    return result


class Node:
    def __init__(self, move, parent, mover):
        self.move = move
        self.parent = parent
        self.mover = mover          # the colour that played self.move
        self.children = []
        self.untried = None
        self.wins = 0
        self.visits = 0

    def select(self):
        log_n = math.log(self.visits)
        best, best_value = None, -1.0
        for child in self.children:
            value = child.wins / child.visits + math.sqrt(2.0 * log_n / child.visits)
            if value > best_value:
                best, best_value = child, value
        return best


def uct(rng):
    root = Node(None, None, WHITE)
    playouts = []
    for _ in range(PLAYOUTS):
        board = Board()
        node = root
        while node.untried is not None and not node.untried and node.children:
            node = node.select()
            board.play(node.move)
        if node.untried is None:
            node.untried = [pos for pos in board.empties if board.legal(pos)]
            rng.shuffle(node.untried)
        if node.untried:
            mover = board.to_move
            move = node.untried.pop()
            board.play(move)
            child = Node(move, node, mover)
            node.children.append(child)
            node = child
        board.playout(rng)
        score = board.score()
        winner = BLACK if score > 0 else WHITE
        playouts.append((board.history[:], [sq.colour for sq in board.squares], score))
        while node is not None:
            node.visits += 1
            if node.mover == winner:
                node.wins += 1
            node = node.parent
    best = max(root.children, key=lambda child: child.visits)
    return root, best.move, playouts


def run():
    return uct(random.Random(SEED))


def reference_replay(moves):
    """Replay moves on a plain set-based board; return its colours."""
    colours = [EMPTY] * (SIZE * SIZE)
    mover = BLACK
    for pos in moves:
        if pos != PASS:
            expect(colours[pos] == EMPTY, 'a move on the occupied point %d', pos)
            colours[pos] = mover
            for q in neighbours_of(pos):
                if colours[q] == other(mover):
                    stones, liberties = reference_group(colours, q)
                    if not liberties:
                        for s in stones:
                            colours[s] = EMPTY
            expect(reference_group(colours, pos)[1], 'a suicide at %d', pos)
        mover = other(mover)
    return colours


def reference_group(colours, start):
    stones, liberties = {start}, set()
    todo = [start]
    while todo:
        p = todo.pop()
        for q in neighbours_of(p):
            if colours[q] == EMPTY:
                liberties.add(q)
            elif colours[q] == colours[start] and q not in stones:
                stones.add(q)
                todo.append(q)
    return stones, liberties


VERIFIED = []


def check(result):
    root, best, playouts = result
    expect(root.visits == PLAYOUTS, 'root visited %d times, want %d', root.visits, PLAYOUTS)
    expect(sum(c.visits for c in root.children) == PLAYOUTS, 'child visits do not add up')
    expect(0 <= best < SIZE * SIZE, 'best move %r', best)
    if VERIFIED:
        # The search is deterministic: a later iteration must repeat the
        # first, which was verified move by move below.
        expect((best, playouts) == VERIFIED[0], 'this iteration played differently')
        return
    for moves, colours, score in playouts:
        expect(reference_replay(moves) == colours, 'the reference board disagrees after %d moves',
               len(moves))
        expect(area_score(colours) == score, 'score %r, reference %r', score, area_score(colours))
        for pos in range(SIZE * SIZE):
            if colours[pos] != EMPTY:
                expect(reference_group(colours, pos)[1], 'a group without liberties at %d', pos)
        if len(moves) < 3 * SIZE * SIZE:
            board = Board()
            for pos in moves[:-2]:
                board.play(pos)
            for pos in board.empties:
                expect(board.is_eye(board.squares[pos], board.to_move) or not board.legal(pos),
                       'a playout passed with the move %d open', pos)
    VERIFIED.append((best, playouts))


if __name__ == '__main__':
    main('go', run, check)
