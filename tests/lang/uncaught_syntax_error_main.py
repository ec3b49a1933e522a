# This whole file is rejected before anything runs: nothing is printed.
print("never printed")
def broken(:
    pass
