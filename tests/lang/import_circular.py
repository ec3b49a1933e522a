import lib.cycle_a
print(lib.cycle_a.from_b(), lib.cycle_b.B_VALUE)
from lib import cycle_b
print(cycle_b.cycle_a is lib.cycle_a)
