import sys
import lib.mainguard
print(lib.mainguard.describe())
print("this script's __name__ is", __name__)
if __name__ == "__main__":
    print("running as the main program")
print(sys.argv)
print(sys.modules["__main__"].__name__, "lib.mainguard" in sys.modules)
main = sys.modules["__main__"]
print(main.lib is lib, hasattr(main, "sys"))
