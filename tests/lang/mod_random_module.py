# The stdlib's random module over krait's _random and _sha512: seeded
# sequences (int, str and bytes seeds) equal CPython's.
import random

g = random.Random(2024)
print(g.random(), g.randint(1, 100), g.choice("abcdef"), g.sample(range(100), 5), g.uniform(1, 2), g.gauss(0, 1))
print(g.randrange(0, 10**40, 7), g.getrandbits(77), g.choices("xyz", k=6), g.betavariate(2, 3), g.expovariate(1.5))
random.seed("hello"); print(random.random(), random.randrange(10**30))
random.seed(b"bytes"); print(random.random())
random.seed(12345, version=1); print(random.random())
l = list(range(20)); random.seed(7); random.shuffle(l); print(l)
print(type(random.Random().random()).__name__)
s = g.getstate(); a = [g.random() for _ in range(5)]; g.setstate(s); print(a == [g.random() for _ in range(5)])
print(random.Random(5).triangular(0, 10, 3), random.Random(6).normalvariate(0, 2), random.Random(7).vonmisesvariate(1, 2))
try: random.Random(1).sample({1, 2}, 1)
except TypeError as e: print(e)
try: random.Random(1).choice([])
except IndexError as e: print(e)
