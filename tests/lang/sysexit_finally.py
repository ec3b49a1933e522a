import sys
def work():
    try:
        print("working")
        sys.exit(4)
    finally:
        print("cleanup runs")
try:
    work()
except SystemExit as e:
    print("caught", repr(e), e.code, e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare", e.code, e.args)
try:
    sys.exit("text")
except SystemExit as e:
    print("text", repr(e.code))
# SystemExit is not caught by except Exception
try:
    try:
        sys.exit(7)
    except Exception:
        print("wrong")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)
print("finally exiting with 5")
sys.exit(5)
