"""closures: callbacks, closures over cells, nonlocal, decorators, partial.

An event bus calls back closures registered for each event: handlers made
by factories that capture their arguments in cells, counters that update
state with `nonlocal`, bound methods, functools.partial objects, lambdas,
and functions wrapped by decorators (a call counter and a memoizer built on
closures). Function composition builds chains of closures that call each
other. Calls through cells and free variables, MAKE_FUNCTION on every
registration, *args/**kwargs forwarding in the wrappers.

Check, by closed forms: every handler's total is a sum over the emitted
payloads written out below, the wrapped functions were called exactly as
often as the bus says, the memoized Fibonacci numbers satisfy their
recurrence, and CHAIN composed steps x -> 2x + 1 map x to (x + 1) 2^CHAIN - 1,
which the composed inverse steps map back to x.
"""
import functools

from _harness import main, expect

EVENTS = 100000
HANDLERS = 6
CHAIN = 20


class Bus:
    def __init__(self):
        self.handlers = {}
        self.emitted = 0

    def on(self, event, callback):
        self.handlers.setdefault(event, []).append(callback)
        return callback

    def emit(self, event, payload):
        self.emitted += 1
        for callback in self.handlers.get(event, ()):
            callback(payload)


def counter():
    count = 0
    total = 0

    def handle(payload):
        nonlocal count, total
        count += 1
        total += payload

    def report():
        return count, total
    return handle, report


def scaled_sink(factor, sink):
    def handle(payload):
        sink.append(payload * factor)
    return handle


def counted(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return function(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def memoize(function):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = function(n)
        return cache[n]
    return wrapper


def compose(f, g):
    return lambda x: f(g(x))


class Accumulator:
    def __init__(self):
        self.total = 0

    def add(self, payload, weight=1):
        self.total += payload * weight


def run():
    bus = Bus()
    reports = []
    for i in range(HANDLERS):
        handle, report = counter()
        bus.on('tick', handle)
        reports.append(report)
    sinks = [[] for _ in range(3)]
    for factor, sink in zip((1, 2, 3), sinks):
        bus.on('tock', scaled_sink(factor, sink))
    acc = Accumulator()
    bus.on('tick', acc.add)
    bus.on('tock', functools.partial(acc.add, weight=10))
    squares = []
    bus.on('tock', lambda p: squares.append(p * p))

    @counted
    def on_tick(payload, scale=1):
        return payload * scale
    bus.on('tick', on_tick)

    @memoize
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    bus.on('fib', fib)

    for i in range(EVENTS):
        bus.emit('tick', i)
        if i % 3 == 0:
            bus.emit('tock', i)
        if i % 50 == 0:
            bus.emit('fib', i // 50)

    step = lambda x: 2 * x + 1
    undo = lambda x: (x - 1) // 2
    chain = lambda x: x
    for _ in range(CHAIN):
        chain = compose(step, chain)
    inverse = lambda x: x
    for _ in range(CHAIN):
        inverse = compose(undo, inverse)
    chained = [(chain(x), inverse(chain(x))) for x in range(EVENTS // 10)]
    return ([r() for r in reports], sinks, acc.total, squares, on_tick.calls, fib,
            bus.emitted, chained)


def check(result):
    reports, sinks, acc_total, squares, calls, fib, emitted, chained = result
    n = EVENTS
    tick_sum = n * (n - 1) // 2
    tocks = list(range(0, n, 3))
    expect(reports == [(n, tick_sum)] * HANDLERS, 'counters report %r', reports[:2])
    for factor, sink in zip((1, 2, 3), sinks):
        expect(sink == [t * factor for t in tocks], 'the x%d sink is wrong', factor)
    expect(acc_total == tick_sum + 10 * sum(tocks), 'the accumulator holds %d', acc_total)
    expect(squares == [t * t for t in tocks], 'the squares are wrong')
    expect(calls == n, 'the counted handler ran %d times, want %d', calls, n)
    expect(on_name_kept(), 'functools.wraps lost the name')
    fibs = [fib(k) for k in range(60)]
    expect(fibs[:2] == [0, 1] and all(fibs[k] == fibs[k - 1] + fibs[k - 2] for k in range(2, 60)),
           'the memoized Fibonacci numbers break the recurrence')
    expect(emitted == n + len(tocks) + len(range(0, n, 50)), '%d events emitted', emitted)
    for x, (forward, back) in enumerate(chained):
        expect(forward == (x + 1) * 2 ** CHAIN - 1 and back == x,
               'the chain maps %d to %d and back to %d', x, forward, back)


def on_name_kept():
    @counted
    def named():
        pass
    return named.__name__ == 'named' and named.calls == 0


if __name__ == '__main__':
    main('closures', run, check)
