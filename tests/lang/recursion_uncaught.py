# Runaway recursion that is not caught: the last line is the RecursionError.
def forever(n):
    return forever(n + 1) + 1
print("start")
forever(0)
