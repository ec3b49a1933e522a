import sys
try:
    raise ValueError("first")
except ValueError:
    print("handling, then exiting from the handler")
    sys.exit(7)
