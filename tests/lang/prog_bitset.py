class BitSet:
    """A set of small non-negative ints stored in one Python int."""
    __slots__ = ("bits",)
    def __init__(self, items=()):
        self.bits = 0
        for i in items:
            self.add(i)
    @classmethod
    def _from_bits(cls, bits):
        s = cls()
        s.bits = bits
        return s
    def add(self, i):
        if i < 0:
            raise ValueError("negative element")
        self.bits |= 1 << i
    def discard(self, i):
        self.bits &= ~(1 << i)
    def __contains__(self, i):
        return i >= 0 and (self.bits >> i) & 1 == 1
    def __iter__(self):
        b, i = self.bits, 0
        while b:
            low = b & -b
            i = low.bit_length() - 1
            yield i
            b ^= low
    def __len__(self):
        return bin(self.bits).count("1")
    def __or__(self, o):
        return BitSet._from_bits(self.bits | o.bits)
    def __and__(self, o):
        return BitSet._from_bits(self.bits & o.bits)
    def __sub__(self, o):
        return BitSet._from_bits(self.bits & ~o.bits)
    def __xor__(self, o):
        return BitSet._from_bits(self.bits ^ o.bits)
    def __le__(self, o):
        return self.bits & ~o.bits == 0
    def __eq__(self, o):
        return isinstance(o, BitSet) and self.bits == o.bits
    def __hash__(self):
        return hash(self.bits)
    def __repr__(self):
        return "BitSet(" + repr(list(self)) + ")"

a = BitSet([1, 3, 5, 64, 200])
b = BitSet(range(0, 10, 2))
print(a, b, len(a), 64 in a, 65 in a, -1 in a)
print(a | b, a & BitSet([3, 200, 7]), a - BitSet([1, 200]), a ^ b, BitSet([1, 3]) <= a, b <= a)
a.discard(64)
a.discard(1000)
print(a, a.bits, hex(a.bits)[:12], sum(a), max(a))
primes = BitSet(range(2, 200))
for p in range(2, 15):
    if p in primes:
        for m in range(p * p, 200, p):
            primes.discard(m)
print(len(primes), list(primes)[-5:], {BitSet([1]): "hashable"}[BitSet([1])])
try:
    a.add(-3)
except ValueError as e:
    print(type(e).__name__, e)
