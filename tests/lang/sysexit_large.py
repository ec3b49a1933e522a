import sys
print("status 258 wraps to 2")
sys.exit(258)
