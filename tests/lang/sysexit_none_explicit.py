import sys
try:
    sys.exit(None)
except SystemExit as e:
    print("code:", e.code, "args:", e.args)
print("explicit None is status 0")
raise SystemExit(None)
