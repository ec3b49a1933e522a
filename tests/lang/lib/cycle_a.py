print("cycle_a: start")
A_EARLY = "a-early"
from lib import cycle_b
A_LATE = "a-late"
print("cycle_a: end; cycle_b.B_VALUE =", cycle_b.B_VALUE)
def from_b():
    return cycle_b.read_a()
