"""generators: a pipeline of generators, and a tree walked with yield from.

Two classic generator workloads:
- a pipeline: numbers() -> squares of the odd ones (generator expression
  over a filtering generator) -> sliding windows of three -> window sums ->
  batches of 100 (itertools.islice) -> per-batch sums, with enumerate in
  the middle; every item is resumed through each stage;
- a balanced binary tree of DEPTH levels walked in order by a recursive
  generator with `yield from`, so each value climbs up through every level.

Check, by closed forms: the odd squares below N sum to M(2M-1)(2M+1)/3 with
M = N/2; the window sums add up to 3S minus the edge terms; the batches cover
every window once; the in-order walk of the tree built from range(2^DEPTH - 1)
yields exactly that range.
"""
import itertools

from _harness import main, expect

N = 200000
DEPTH = 15
BATCH = 100


def numbers(limit):
    i = 0
    while i < limit:
        yield i
        i += 1


def only_odd(items):
    for item in items:
        if item & 1:
            yield item


def windows(items, size):
    window = []
    for item in items:
        window.append(item)
        if len(window) > size:
            del window[0]
        if len(window) == size:
            yield tuple(window)


def batches(items, size):
    while True:
        batch = list(itertools.islice(items, size))
        if not batch:
            return
        yield batch


def pipeline():
    squares = (x * x for x in only_odd(numbers(N)))
    with_sums = ((window, sum(window)) for window in windows(squares, 3))
    square_total = 0
    window_sums = []
    for index, (window, total) in enumerate(with_sums):
        square_total += window[0]
        window_sums.append(total)
    batch_sums = [sum(batch) for batch in batches(iter(window_sums), BATCH)]
    return square_total, window_sums, batch_sums


class Tree:
    __slots__ = ('left', 'value', 'right')

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))


def run():
    tree = build(0, 2 ** DEPTH - 1)
    return pipeline(), list(tree)


def check(result):
    (first_total, window_sums, batch_sums), walked = result
    m = N // 2
    odd = [(2 * j + 1) ** 2 for j in (0, 1, m - 2, m - 1)]
    total = m * (2 * m - 1) * (2 * m + 1) // 3
    # Every window's first element: all odd squares but the last two.
    expect(first_total == total - odd[2] - odd[3], 'window starts add up to %d', first_total)
    expect(len(window_sums) == m - 2, '%d windows, want %d', len(window_sums), m - 2)
    want = 3 * total - 2 * odd[0] - odd[1] - odd[2] - 2 * odd[3]
    expect(sum(window_sums) == want, 'window sums add up to %d, want %d', sum(window_sums), want)
    expect(len(batch_sums) == -(-(m - 2) // BATCH), '%d batches', len(batch_sums))
    expect(sum(batch_sums) == want, 'batch sums add up to %d, want %d', sum(batch_sums), want)
    expect(walked == list(range(2 ** DEPTH - 1)), 'the in-order walk is out of order')


if __name__ == '__main__':
    main('generators', run, check)
