# Random slice assignments, deletions, inserts, pops, extends and removes on one
# bytearray; every error and a sample of the states are printed.
state = 99  # a fixed LCG: the same operations on both interpreters
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % n
def ridx():
    return [None, rnd(12) - 6, rnd(30) - 15][rnd(3)]
b = bytearray(b"0123456789")
for i in range(5000):
    op = rnd(9)
    try:
        if op == 0:
            sl = slice(ridx(), ridx(), [None, 1, 2, -1, -2, 3][rnd(6)])
            val = bytes(65 + rnd(26) for _ in range(rnd(6)))
            b[sl] = val
        elif op == 1:
            sl = slice(ridx(), ridx(), [None, 1, 2, -1, -3][rnd(5)])
            del b[sl]
        elif op == 2:
            b.insert(rnd(20) - 10, 97 + rnd(26))
        elif op == 3:
            b.pop(rnd(20) - 10) if b else None
        elif op == 4:
            b.extend(bytes(48 + rnd(10) for _ in range(rnd(4))))
        elif op == 5:
            b[rnd(20) - 10] = rnd(256)
        elif op == 6:
            b += b[::rnd(3) + 1][:3]
        elif op == 7:
            b.remove(48 + rnd(10))
        else:
            if len(b) > 40:
                del b[20:]
            b.reverse()
        r = "ok"
    except Exception as e:
        r = type(e).__name__ + ":" + str(e)
    if r != "ok" or i % 25 == 0:
        print(i, op, r, bytes(b))
print(bytes(b))
