print("cycle_b: start")
from lib import cycle_a
print("cycle_b sees cycle_a.A_EARLY =", cycle_a.A_EARLY, "; has A_LATE:", hasattr(cycle_a, "A_LATE"))
B_VALUE = "b-value"
def read_a():
    return cycle_a.A_LATE
