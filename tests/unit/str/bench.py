"""CPython's side of `str_test bench`: the same 1 MB string, positions and needles.

Usage: bench.py [MB]. Prints "perf: cpython ..." lines. CPython's s[i] time
is measured in a Python loop; the loop's own cost (the same loop doing
`pos[k]` only) is subtracted, leaving roughly what BINARY_SUBSCR costs."""
import sys
import time

M64 = (1 << 64) - 1


def main():
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    target = int(mb * 1e6)
    x = 12345
    chars = []
    n = 0
    while n + 4 <= target:
        x = (x * 6364136223846793005 + 1442695040888963407) & M64
        r = (x >> 33) % 100
        v = (x >> 40)
        cp = (ord('a') + v % 26 if r < 70 else 0xe0 + v % 32 if r < 85
              else 0x4e00 + v % 1000 if r < 98 else 0x1F600 + v % 64)
        chars.append(chr(cp))
        n += 1 if cp < 0x80 else 2 if cp < 0x800 else 3 if cp < 0x10000 else 4
    s = ''.join(chars)
    length = len(s)
    nq = 2000000
    pos = []
    for _ in range(nq):
        x = (x * 6364136223846793005 + 1442695040888963407) & M64
        pos.append((x >> 20) % length)

    def loop_index():
        t = time.process_time()
        for i in pos:
            s[i]
        return time.process_time() - t

    def loop_empty():
        t = time.process_time()
        for i in pos:
            i
        return time.process_time() - t

    ti = min(loop_index() for _ in range(3))
    te = min(loop_empty() for _ in range(3))
    print('perf: cpython s[i], same string and positions: %.1f ns/op in a Python loop, '
          '%.1f ns/op without the loop' % (ti * 1e9 / nq, (ti - te) * 1e9 / nq))
    for what, needle in [('absent 5-char ASCII', 'qzqzq'),
                         ('absent 12-char', '\u4e00' + 'z' * 10 + '\u4e00'),
                         ('absent 40-char', 'the quick brown fox jumps over the lazy dog!')]:
        reps = 50
        t = time.process_time()
        for _ in range(reps):
            needle in s
        dt = time.process_time() - t
        print('perf: cpython `in`, %s needle over %.1f MB: %.1f us/op' % (
            what, n / 1e6, dt * 1e6 / reps))
    hay = 'a' * target
    for what, needle in [("'a'*999+'b'", 'a' * 999 + 'b'), ("'a'*9+'b'", 'a' * 9 + 'b'),
                         ("'a'*500+'b'+'a'*499", 'a' * 500 + 'b' + 'a' * 499)]:
        t = time.process_time()
        needle in hay
        dt = time.process_time() - t
        print("perf: cpython `in`, %s in 'a'*%d: %.1f us" % (what, target, dt * 1e6))


if __name__ == '__main__':
    main()
