# Random printf-style conversions (fixed-seed generator), each applied to a str
# and to a bytes template.
seed = 99
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 12) % n
VALUES = [0, 1, -1, 42, -42, 255, 123456789, 2**70, -2**70, True, 0.0, -0.0, 0.5, -1.5, 2.5, 3.14159,
          999999.5, 9.995, 1e20, 1e-5, 1e999, -1e999, 'abc', 'é', '', 65, 0x1F600, 1j, None, [1], (1,), b'x']
for i in range(800):
    flags = ''.join(['-', '+', ' ', '#', '0'][rnd(5)] for _ in range(rnd(3)))
    width = ['', '', '1', '5', '12', '*'][rnd(6)]
    prec = ['', '', '.0', '.2', '.5', '.17', '.*'][rnd(7)]
    conv = 'sradiuoxXeEfFgGc%'[rnd(17)]
    v = VALUES[rnd(len(VALUES))]
    args = []
    if width == '*':
        args.append(rnd(20) - 10)
    if prec == '.*':
        args.append(rnd(12) - 2)
    args.append(v)
    fmt = '%' + flags + width + prec + conv
    try:
        r = repr(fmt % tuple(args))
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    try:
        b = repr(fmt.encode() % tuple(args))
    except Exception as e:
        b = type(e).__name__ + ': ' + str(e)
    print(i, fmt, repr(args), r, b)
