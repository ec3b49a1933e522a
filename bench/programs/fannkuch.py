"""fannkuch-redux: the Benchmarks Game's pancake-flipping permutation count.

For every permutation of 1..N (generated in the Benchmarks Game's order by
rotating prefixes), repeatedly reverse the first k elements where k is the
first element, until 1 comes first; record the largest flip count and a
checksum that adds the count of even-indexed permutations and subtracts the
odd ones. List slicing, reversal and small-int arithmetic.

Check: for N = 9 the Benchmarks Game's published output is checksum 8629 and
maximum 30 flips; both are properties of the permutations alone. The run
also counts the permutations, which must be 9! = 362880.
"""
from _harness import main, expect

N = 9


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    permutations = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += -flips if permutations & 1 else flips
        permutations += 1
        # Next permutation: rotate the first r+1 elements left until a
        # position's counter has not run out.
        while True:
            if r == n:
                return checksum, max_flips, permutations
            first = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def run():
    return fannkuch(N)


def check(result):
    checksum, max_flips, permutations = result
    expect(permutations == 362880, '%d permutations, want 9! = 362880', permutations)
    expect(checksum == 8629, 'checksum %d, want 8629', checksum)
    expect(max_flips == 30, 'max flips %d, want 30', max_flips)


if __name__ == '__main__':
    main('fannkuch', run, check)
