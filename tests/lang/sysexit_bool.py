import sys
print("sys.exit(True) is status 1")
sys.exit(True)
