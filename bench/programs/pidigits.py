"""pidigits: the digits of pi from Gibbons' unbounded spigot, in big integers.

Gibbons' streaming algorithm (the one the Benchmarks Game's pidigits
follows): a linear fractional transformation (q, r, t) is composed with the
k-th term of the series and emits the next decimal digit as soon as the
integer parts of two bounds agree. Every operation is on integers that grow
to thousands of digits: multiplication, floor division, comparison.

Check: the first 50 digits are written out (3.1415926535...), and all DIGITS
must equal pi computed a second, independent way: Machin's formula
pi = 16 arctan(1/5) - 4 arctan(1/239) in fixed-point integer arithmetic with
guard digits.
"""
from _harness import main, expect

DIGITS = 2000
FIRST_50 = '31415926535897932384626433832795028841971693993751'


def spigot(count):
    digits = []
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)
    return ''.join(map(str, digits))


def arccot(x, unity):
    """unity * arctan(1/x), by the alternating Taylor series."""
    total = term = unity // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        n += 2
        total += sign * (term // n)
        sign = -sign
    return total


def machin(count):
    guard = 10
    unity = 10 ** (count - 1 + guard)
    pi = 4 * (4 * arccot(5, unity) - arccot(239, unity))
    return str(pi // 10 ** guard)


def run():
    return spigot(DIGITS)


REFERENCE = None


def check(digits):
    global REFERENCE
    if REFERENCE is None:
        REFERENCE = machin(DIGITS)
    expect(digits[:50] == FIRST_50, 'pi begins %s', digits[:50])
    expect(len(digits) == DIGITS, '%d digits', len(digits))
    expect(digits[:-5] == REFERENCE[:-5], 'spigot and Machin differ from digit %d',
           next((i for i, (a, b) in enumerate(zip(digits, REFERENCE)) if a != b), -1))


if __name__ == '__main__':
    main('pidigits', run, check)
