# This module is deliberately not valid Python: import_errors.py imports it.
def ok():
    return 1

def broken(:
    pass
