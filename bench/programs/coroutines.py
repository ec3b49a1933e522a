"""coroutines: generator-based coroutines driven by send(), no asyncio.

Three patterns from before async/await, all resumed with send():
- a chain of STAGES coroutines, each receiving a value with `x = yield`,
  adding its stage number and sending the result on; a filter stage drops
  multiples of 7; a sink sums what arrives. VALUES values go through;
- a delegating coroutine that averages groups of values through
  `result = yield from averager()`, ended by sending None;
- close() on the chain, which each stage handles (GeneratorExit) by reporting
  how many values it saw.

Check, by closed forms: the sink's sum is the sum over the non-multiples of
7 below VALUES of (x + 0 + 1 + ... + STAGES-1); each group's average is the
middle of the arithmetic sequence sent; every stage saw the right count.
"""
from _harness import main, expect

STAGES = 8
VALUES = 200000
GROUPS = 4000
GROUP_SIZE = 21


def coroutine(function):
    """Create the generator and run it to its first yield."""
    def start(*args):
        gen = function(*args)
        next(gen)
        return gen
    return start


@coroutine
def sink(totals):
    total = 0
    try:
        while True:
            total += yield
    except GeneratorExit:
        totals['sink'] = total


@coroutine
def stage(number, target, seen):
    count = 0
    try:
        while True:
            x = yield
            count += 1
            target.send(x + number)
    except GeneratorExit:
        seen.append(count)
        target.close()


@coroutine
def drop_multiples(divisor, target, seen):
    count = 0
    try:
        while True:
            x = yield
            count += 1
            if x % divisor:
                target.send(x)
    except GeneratorExit:
        seen.append(count)
        target.close()


def averager():
    total = 0
    count = 0
    while True:
        value = yield
        if value is None:
            return total / count
        total += value
        count += 1


@coroutine
def grouper(results, key):
    while True:
        results[key] = yield from averager()


def run():
    totals, seen = {}, []
    head = sink(totals)
    for number in range(STAGES - 1, -1, -1):
        head = stage(number, head, seen)
    head = drop_multiples(7, head, seen)
    for x in range(VALUES):
        head.send(x)
    head.close()

    averages = {}
    for g in range(GROUPS):
        group = grouper(averages, g)
        for i in range(GROUP_SIZE):
            group.send(g * 10 + i)
        group.send(None)
    return totals['sink'], seen, averages


def check(result):
    total, seen, averages = result
    passed = [x for x in range(VALUES) if x % 7]
    offset = STAGES * (STAGES - 1) // 2
    expect(total == sum(passed) + len(passed) * offset, 'the sink summed %d', total)
    expect(seen == [VALUES] + [len(passed)] * STAGES, 'stages saw %r', seen)
    expect(len(averages) == GROUPS, '%d groups averaged', len(averages))
    for g, average in averages.items():
        expect(average == g * 10 + (GROUP_SIZE - 1) / 2, 'group %d averaged %r', g, average)


if __name__ == '__main__':
    main('coroutines', run, check)
