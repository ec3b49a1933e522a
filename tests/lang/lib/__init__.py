# The helper package of the language tests: imported by import_*.py.
print("lib/__init__ running as", __name__)
VERSION = (1, 2)
