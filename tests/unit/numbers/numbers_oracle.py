"""Compare tests/unit/numbers_test.c's results with CPython 3.11 (the oracle).

usage: /usr/bin/python3.11 numbers_oracle.py BINARY table
       python3.11 numbers_oracle.py BINARY fuzz NCASES [SEED]
       python3.11 numbers_oracle.py BINARY bench

table: every operator on every pair of a list of interesting operands (ints
at the small-int and limb boundaries, big ints of hundreds of digits, floats
with signed zeros, infinities, NaN and subnormals, complexes, bools,
instances of an int subclass), the
unary operations on each, and pow(a, b, m) on triples. fuzz: NCASES random
big-int operations (random sizes, signs and bit patterns). Both write the
operands and operations to a case file, run the driver on it, evaluate the
same operations here, and compare line by line.

Each group (one operation kind) is one check; a group fails if any case
differs. Prints mismatches (up to five per group), a line per group, and
ends with 'N passed, N failed'.
"""
import math
import operator
import os
import random
import subprocess
import sys
import tempfile
import time

sys.set_int_max_str_digits(0)   # operands and results print in full
REPR_LIMIT = 4300               # CPython's default, which the repr cases use

BIN = sys.argv[1]
MODE = sys.argv[2] if len(sys.argv) > 2 else 'table'

BINOPS = {
    'add': operator.add, 'sub': operator.sub, 'mul': operator.mul,
    'matmul': operator.matmul, 'truediv': operator.truediv,
    'floordiv': operator.floordiv, 'mod': operator.mod, 'pow': operator.pow,
    'lshift': operator.lshift, 'rshift': operator.rshift,
    'and': operator.and_, 'xor': operator.xor, 'or': operator.or_,
    'lt': operator.lt, 'le': operator.le, 'eq': operator.eq,
    'ne': operator.ne, 'gt': operator.gt, 'ge': operator.ge,
}


def has_nan(v):
    if isinstance(v, float):
        return math.isnan(v)
    if isinstance(v, complex):
        return math.isnan(v.real) or math.isnan(v.imag)
    return False


def repr_with_limit(f, v):
    sys.set_int_max_str_digits(REPR_LIMIT)
    try:
        return 'str ' + f(v)
    finally:
        sys.set_int_max_str_digits(0)


UNARY = {
    'neg': operator.neg, 'pos': operator.pos, 'abs': abs,
    'invert': operator.invert, 'bool': bool, 'int': int, 'float': float,
    'index': operator.index,
}


def fmt(v, hexints):
    if type(v) is int and hexints:
        return 'int ' + hex(v)
    return f'{type(v).__name__} {v!r}'


def evaluate(op, args, hexints):
    try:
        if op in BINOPS:
            return fmt(BINOPS[op](*args), hexints)
        if op in UNARY:
            return fmt(UNARY[op](args[0]), hexints)
        if op == 'pow3':
            return fmt(pow(*args), hexints)
        if op == 'hash':
            return 'hash <identity>' if has_nan(args[0]) else f'hash {hash(args[0])}'
        if op == 'repr':
            return repr_with_limit(repr, args[0])
        if op == 'str':
            return repr_with_limit(str, args[0])
        raise SystemError(f'unknown operation {op}')
    except Exception as e:  # the driver prints every exception the same way
        return f'error {type(e).__name__}: {e}'


class S(int):
    """The driver's stand-in int subclass (instances stored un-normalized)."""


def operand_line(v):
    if type(v) is S:
        return f'o s {int(v)}'
    if type(v) is bool:
        return f'o b {int(v)}'
    if type(v) is int:
        return f'o i {v}'
    if type(v) is float:
        return f'o f {v.hex()}'
    return f'o c {v.real.hex()} {v.imag.hex()}'


def run(operands, cases, hexints=False, label=''):
    """Run the cases through the driver and here; returns per-group stats."""
    with tempfile.NamedTemporaryFile('w', suffix='.cases', delete=False) as f:
        path = f.name
        for v in operands:
            f.write(operand_line(v) + '\n')
        for op, idx in cases:
            f.write(f'x {op} {" ".join(map(str, idx))}\n')
    try:
        t0 = time.perf_counter()
        proc = subprocess.run([BIN, 'run', path] + (['hex'] if hexints else []),
                              stdout=subprocess.PIPE, text=True)
        t_krait = time.perf_counter() - t0
    finally:
        os.unlink(path)
    got = proc.stdout.split('\n')
    t0 = time.perf_counter()
    want = [evaluate(op, [operands[i] for i in idx], hexints) for op, idx in cases]
    t_cpython = time.perf_counter() - t0
    if proc.returncode != 0:
        print(f'FAIL {label}: the driver exited with status {proc.returncode} '
              f'after {len(got) - 1} of {len(cases)} results')
    stats = {}
    for k, (op, idx) in enumerate(cases):
        g = got[k] if k < len(got) else '<missing>'
        st = stats.setdefault(op, [0, 0])
        st[0] += 1
        if g != want[k]:
            st[1] += 1
            if st[1] <= 5:
                shown = [short(operands[i]) for i in idx]
                print(f'FAIL {label} {op}{tuple(shown)}\n  got:  {short(g)}\n  want: {short(want[k])}')
    if proc.returncode != 0:
        stats.setdefault('driver exit status', [1, 1])
    return stats, t_krait, t_cpython


def short(x):
    s = x if isinstance(x, str) else repr(x)
    return s if len(s) < 300 else s[:140] + f'...<{len(s)} chars>...' + s[-60:]


passed = failed = 0


def report(label, stats):
    global passed, failed
    for op, (n, bad) in sorted(stats.items()):
        print(f"{'ok  ' if not bad else 'FAIL'} {label} {op}: {n - bad}/{n} cases")
        if bad:
            failed += 1
        else:
            passed += 1


# ---- the table ---------------------------------------------------------------------

def table_operands():
    ints = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 255, 2**31, -2**31,
            2**52 + 1, 2**53 + 1, -(2**53 + 3), 2**62 - 1, 2**62, -2**62, -2**62 - 1,
            2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1, 2**64, -2**64, 2**64 + 1,
            2**128, -(2**128) + 1, 10**20, 3**100, -(7**150), 10**300 - 1,
            int('9' * 200 + '123456789' * 33), -int('31415926535' * 46),
            2**1023, (2**53 - 1) * 2**971, 2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024,
            2**1074, 3 * 2**1100 + 1]
    floats = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, -2.5, 3.0, 7.0, -3.0, 4.5, 123.456,
              1e16, 2.0**53, 1e22, 1e308, -1e308, 5e-324, -5e-324,
              2.2250738585072014e-308, 1e-310, 2.0**62, -2.0**63, 2.0**64,
              math.inf, -math.inf, math.nan, 1.7976931348623157e308]
    complexes = [0j, 1j, -1j, 1 + 2j, complex(-0.0, -0.0), complex(0.0, -0.0), 0.5 - 1.5j,
                 3 + 4j, complex(math.inf, 0), complex(math.nan, 1), 1e308 + 1e308j,
                 complex(-2, 0), 1e-320 + 1e-320j]
    bools = [True, False]
    subclass = [S(0), S(5), S(-7), S(2**62), S(-(2**64)), S(10**30)]
    return ints + floats + complexes + bools + subclass


def table_cases(operands):
    cases = []
    n = len(operands)
    isint = [isinstance(v, int) for v in operands]
    for i in range(n):
        for op in ('neg', 'pos', 'abs', 'invert', 'bool', 'hash', 'int', 'float',
                   'index', 'repr', 'str'):
            cases.append((op, (i,)))
    for i in range(n):
        a = operands[i]
        for j in range(n):
            b = operands[j]
            for op in BINOPS:
                if isint[i] and isint[j]:
                    if op == 'pow' and b >= 0 and abs(a) > 1 and a.bit_length() * b > 200000:
                        continue
                    if op == 'lshift' and a != 0 and 20000 < b < 2**60:
                        continue
                cases.append((op, (i, j)))
    # pow(a, b, m) over the ints (and a few other types)
    ints = [i for i in range(n) if isint[i]]
    for i in ints[::2]:
        for j in ints[::3]:
            for k in ints[1::3]:
                cases.append(('pow3', (i, j, k)))
    others = [i for i in range(n) if not isint[i]][::4]
    for i in others:
        for j in ints[:6]:
            for k in ints[:6]:
                cases.append(('pow3', (i, j, k)))
                cases.append(('pow3', (j, i, k)))
                cases.append(('pow3', (j, k, i)))
    return cases


def repr_limit_cases():
    vals = [10**4300 - 1, -(10**4300 - 1), 10**4300, -(10**4300), 2**14284, 2**14285,
            3**9000, 10**4299, 7**50000]
    cases = []
    for i in range(len(vals)):
        for op in ('repr', 'str', 'hash', 'float', 'neg', 'bool'):
            cases.append((op, (i,)))
    return vals, cases


def true_division_cases(rng):
    """Quotients near rounding ties, at the subnormal boundary and at overflow."""
    vals = []
    for e in (53, 54, 60, 64, 100, 1000):
        for d in (1, 3, 2**e + 1, 10**20 + 7):
            for delta in (-1, 0, 1):
                vals.append((2**e + delta) * d)
                vals.append(-(2**e + delta) * d + 1)
    for _ in range(40):
        vals.append(rng.getrandbits(rng.randint(60, 3000)) | 1)
    vals += [2**1024, 2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1075, 2**1074 + 1,
             3 * 2**1074, 2**2000, 1, 3, 5, 7]
    n = len(vals)
    cases = [('truediv', (i, j)) for i in range(n) for j in range(n)]
    return vals, cases


# ---- fuzzing ---------------------------------------------------------------------------

def random_int(rng):
    kind = rng.random()
    bits = rng.choice([rng.randint(0, 70), rng.randint(0, 200), rng.randint(0, 3000),
                       rng.randint(0, 20000)] if kind < 0.97 else [rng.randint(0, 100000)])
    r = rng.random()
    if r < 0.15:
        v = 1 << bits
    elif r < 0.3:
        v = (1 << bits) - 1
    elif r < 0.4:
        # long runs of ones and zeros (carry and borrow chains)
        v = 0
        pos = 0
        while pos < bits:
            run = rng.randint(1, 200)
            if rng.random() < 0.5:
                v |= ((1 << run) - 1) << pos
            pos += run
        v &= (1 << bits) - 1 if bits else 0
    else:
        v = rng.getrandbits(bits) if bits else 0
    if rng.random() < 0.05:
        v += rng.randint(-3, 3)
    return -v if rng.random() < 0.5 else v


def fuzz(ncases, seed):
    rng = random.Random(seed)
    operands = [random_int(rng) for _ in range(max(50, ncases // 4))]
    nf = len(operands)
    for _ in range(nf // 10):  # floats built from ints, for int/float mixing
        x = operands[rng.randrange(nf)]
        try:
            operands.append(math.ldexp(float(x & ((1 << 53) - 1)) or 1.0, rng.randint(-1100, 1000)))
        except OverflowError:
            operands.append(1.5)
    n = len(operands)
    small = [i for i in range(nf) if abs(operands[i]) < 2**70]
    medium = [i for i in range(nf) if abs(operands[i]) < 2**2500]
    ops = ['add', 'sub', 'mul', 'floordiv', 'mod', 'truediv', 'pow', 'lshift', 'rshift',
           'and', 'or', 'xor', 'lt', 'eq', 'ge', 'invert', 'neg', 'abs', 'hash', 'float',
           'pow3', 'int']
    cases = []
    for _ in range(ncases):
        op = rng.choice(ops)
        i = rng.randrange(nf)
        if op == 'pow':
            j = rng.choice(small)
            b = operands[j]
            if b > 0 and abs(operands[i]) > 1 and operands[i].bit_length() * b > 400000:
                op = 'mul'
                j = rng.randrange(nf)
        elif op in ('lshift', 'rshift'):
            j = rng.choice(small)
            if op == 'lshift' and operands[j] > 100000:
                op = 'rshift'
        elif op in ('truediv', 'lt', 'eq', 'ge', 'add', 'mul') and rng.random() < 0.2:
            j = rng.randrange(n)  # mixed with floats
        elif op == 'int':
            i = rng.randrange(nf, n)
            j = 0
        else:
            j = rng.randrange(nf)
        if op in ('invert', 'neg', 'abs', 'hash', 'float', 'int'):
            cases.append((op, (i,)))
        elif op == 'pow3':
            # CPython's modular power is slow for big moduli and exponents
            i, j, k = rng.choice(medium), rng.choice(medium), rng.choice(medium)
            cases.append((op, (i, j, k)))
        else:
            cases.append((op, (i, j)))
    return operands, cases


def bench():
    import timeit
    x, y = 12345, 678
    n = 2000000
    t = timeit.timeit('x + y', globals={'x': x, 'y': y}, number=n)
    print(f'perf (CPython 3.11): small int add (x + y, interpreted): {t * 1e9 / n:.2f} ns/op')
    a, b = 1.0, 1.0000001
    t = timeit.timeit('a * b', globals={'a': a, 'b': b}, number=n)
    print(f'perf (CPython 3.11): float mul (a * b, interpreted): {t * 1e9 / n:.2f} ns/op')
    a = 10**100000 - 1
    b = 7**118300
    reps = 5
    t = timeit.timeit('a * b', globals={'a': a, 'b': b}, number=reps)
    print(f'perf (CPython 3.11): 100000-digit * 100000-digit multiply: {t * 1e3 / reps:.3f} ms')
    p = a * b
    t = timeit.timeit('p // b', globals={'p': p, 'b': b}, number=reps)
    print(f'perf (CPython 3.11): 200000-digit // 100000-digit: {t * 1e3 / reps:.3f} ms')
    t = timeit.timeit('7 ** 1000000', number=1)
    print(f'perf (CPython 3.11): 7 ** 1000000: {t * 1e3:.3f} ms')
    e, m = 2**2047 - 1, 2**2048 - 159
    t = timeit.timeit('pow(3, e, m)', globals={'e': e, 'm': m}, number=reps)
    print(f'perf (CPython 3.11): pow(3, 2**2047 - 1, 2**2048 - 159): {t * 1e3 / reps:.3f} ms')
    t = timeit.timeit('repr(a)', globals={'a': a}, number=1)
    print(f'perf (CPython 3.11): repr of a 100000-digit int: {t * 1e3:.3f} ms')


if MODE == 'table':
    ops = table_operands()
    stats, tk, tc = run(ops, table_cases(ops), label='table')
    report('table', stats)
    vals, cases = repr_limit_cases()
    stats, _, _ = run(vals, cases, label='repr-limit')
    report('repr-limit', stats)
    vals, cases = true_division_cases(random.Random(1))
    stats, _, _ = run(vals, cases, label='truediv-rounding')
    report('truediv-rounding', stats)
elif MODE == 'fuzz':
    ncases = int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 12345
    t0 = time.perf_counter()
    operands, cases = fuzz(ncases, seed)
    stats, tk, tc = run(operands, cases, hexints=True, label=f'fuzz(seed {seed})')
    report(f'fuzz(seed {seed})', stats)
    print(f'fuzz: {ncases} random operations on {len(operands)} operands; '
          f'krait {tk:.2f} s, CPython {tc:.2f} s, total {time.perf_counter() - t0:.2f} s')
elif MODE == 'bench':
    bench()
    sys.exit(0)
print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
