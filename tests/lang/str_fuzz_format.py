# Random format() specs (fixed-seed generator) over values of every builtin
# type that has a format mini-language, and some that have not.
seed = 4242
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 12) % n
VALUES = [0, 1, -1, 7, 42, -42, 255, 1000, 123456789, -98765, 2**64, -2**70, 10**30, True, False,
          0.0, -0.0, 0.5, 1.5, 2.5, -1.25, 3.14159, 1e-7, 1e16, 1e22, 1/3, -2/3, 123456.789, 1e300,
          5e-324, 1e999, -1e999, 0.1, 9.995, 0.125, 1e15, 999999.5, 'abc', 'é', '', 'héllo wörld',
          1j, -1.5+2j, 1e300+1e-300j, complex(0.0, -0.0), None]
FILLS = ['', '', '', '*', 'é', '0', ' ', '<']
ALIGNS = ['', '', '<', '>', '^', '=']
for i in range(1000):
    v = VALUES[rnd(len(VALUES))]
    align = ALIGNS[rnd(len(ALIGNS))]
    fill = FILLS[rnd(len(FILLS))] if align else ''
    spec = fill + align + ['', '', '+', '-', ' '][rnd(5)] + ['', '', 'z'][rnd(3)] + ['', '', '#'][rnd(3)] + ['', '', '0'][rnd(3)] + ['', '', '1', '5', '12', '25'][rnd(6)] + ['', '', ',', '_'][rnd(4)] + ['', '', '.0', '.1', '.3', '.10', '.17', '.25'][rnd(8)] + ['', 'd', 'b', 'o', 'x', 'X', 'c', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', 's'][rnd(16)]
    try:
        r = repr(format(v, spec))
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(i, repr(v), repr(spec), r)
