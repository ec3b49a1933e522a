x = 12345
def rnd(bits):
    global x
    r = 0
    for _ in range(bits // 60 + 1):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        r = (r << 60) | (x >> 4)
    return r >> (r.bit_length() - bits) if r.bit_length() > bits else r
for i in range(300):
    m = rnd(1 + (i * 37) % 3000) | 1
    a = rnd(1 + (i * 53) % 3000) * (-1 if i % 3 == 0 else 1)
    try: print(pow(a, -1, m) % 1000000007)
    except ValueError as e: print('VE', e)
    print(a % m % 999983, (-a) % m % 999983, divmod(a, m)[0] % 999983, a // -m % 9973)
