import sys
print("a list as exit code is printed to stderr")
sys.exit([1, "two"])
