import sys
print("a float code is printed and the status is 1")
sys.exit(2.5)
