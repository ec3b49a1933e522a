import sys
try:
    print("in try")
    sys.stdout.write("partial line without newline ")
    raise TypeError("type trouble")
finally:
    print("finally runs before the traceback")
