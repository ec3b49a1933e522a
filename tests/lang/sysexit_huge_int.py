import sys

print("a status beyond a C long: PyLong_AsLong's -1 (255)")
sys.exit(2 ** 70)
