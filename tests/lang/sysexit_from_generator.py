import sys
def gen():
    try:
        yield 1
        sys.exit(6)
    finally:
        print("generator finally")
for v in gen():
    print("value", v)
