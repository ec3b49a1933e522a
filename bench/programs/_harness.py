"""The harness every program in bench/programs/ runs under.

A benchmark module defines `run()`, which does one iteration's fixed amount of
work and returns its result, and `check(result)`, which raises CheckFailed
(through `expect`) when the result is wrong. Then it calls

    main('name', run, check)

which parses the command line

    PROGRAM [--iterations N] [--warmup N] [--clock wall|cpu]

runs `warmup` untimed iterations, then `iterations` timed ones, checks every
iteration's result outside the timed region (so a JIT that miscompiles a hot
loop after the first iteration is caught too), and prints exactly:

    warmup 1: 0.123456 s            (one per warm-up iteration)
    iteration 1: 0.123456 s         (one per timed iteration)
    NAME: ok, N iterations, median 0.123456 s

Times are wall-clock (time.perf_counter) unless --clock cpu asks for the
process's CPU time (time.process_time), which a busy shared machine disturbs
less. A failed check prints "NAME: SELF-CHECK FAILED: why" on stderr and exits 1;
any other exception exits 1 with its traceback. bench/run parses these lines
and nothing else, so the format must not change.

The harness uses only sys and time, and the programs only the stdlib, so that
a young interpreter can run them. They also keep to the language of Python
3.9, because Debian's pypy3 (7.3.11) implements 3.9: no `match`, no
`int.bit_count`, no `zip(strict=...)`.
"""
import sys
import time

USAGE = 'usage: %s [--iterations N] [--warmup N] [--clock wall|cpu]'


class CheckFailed(Exception):
    pass


def expect(condition, message, *details):
    """Raise CheckFailed(message % details) unless condition holds."""
    if not condition:
        raise CheckFailed(message % details if details else message)


def parse_args(argv, iterations, warmup):
    args = list(argv[1:])
    clock = time.perf_counter
    while args:
        flag = args.pop(0)
        if flag in ('-h', '--help'):
            print(USAGE % argv[0])
            sys.exit(0)
        if flag not in ('--iterations', '--warmup', '--clock') or not args:
            sys.stderr.write(USAGE % argv[0] + '\n')
            sys.exit(2)
        if flag == '--clock':
            name = args.pop(0)
            if name not in ('wall', 'cpu'):
                sys.stderr.write(USAGE % argv[0] + '\n')
                sys.exit(2)
            clock = time.perf_counter if name == 'wall' else time.process_time
            continue
        try:
            value = int(args.pop(0))
        except ValueError:
            sys.stderr.write(USAGE % argv[0] + '\n')
            sys.exit(2)
        if value < 0 or (flag == '--iterations' and value == 0):
            sys.stderr.write('%s: %s must be positive\n' % (argv[0], flag))
            sys.exit(2)
        if flag == '--iterations':
            iterations = value
        else:
            warmup = value
    return iterations, warmup, clock


def main(name, run, check, iterations=5, warmup=0):
    iterations, warmup, clock = parse_args(sys.argv, iterations, warmup)
    times = []
    try:
        for i in range(warmup + iterations):
            start = clock()
            result = run()
            elapsed = clock() - start
            check(result)
            if i < warmup:
                print('warmup %d: %.6f s' % (i + 1, elapsed), flush=True)
            else:
                times.append(elapsed)
                print('iteration %d: %.6f s' % (i + 1 - warmup, elapsed), flush=True)
    except CheckFailed as e:
        sys.stdout.flush()
        sys.stderr.write('%s: SELF-CHECK FAILED: %s\n' % (name, e))
        sys.exit(1)
    times.sort()
    n = len(times)
    median = times[n // 2] if n % 2 else (times[n // 2 - 1] + times[n // 2]) / 2
    print('%s: ok, %d iterations, median %.6f s' % (name, n, median), flush=True)
