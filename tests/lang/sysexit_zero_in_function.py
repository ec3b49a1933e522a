import sys
def main():
    for i in range(10):
        if i == 3:
            print("done at", i)
            sys.exit(0)
main()
print("not reached")
