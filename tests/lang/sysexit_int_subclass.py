import sys


class Code(int):
    def __str__(self):
        return "never printed: an int's value is the status"


c = Code(300)
print("an int subclass is a status:", int(c), "->", int(c) & 0xff)
sys.exit(c)
