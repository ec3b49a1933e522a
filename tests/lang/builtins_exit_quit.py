# exit() and quit(), which the site module puts into builtins: they close
# sys.stdin and raise SystemExit.
import sys

print(repr(exit), str(quit), exit.name, quit.eof)
try:
    quit('message')
except SystemExit as e:
    print('SystemExit', repr(e.code), sys.stdin.closed)
try:
    exit()
except SystemExit as e:
    print('SystemExit', repr(e.code))
try:
    exit(1, 2)
except TypeError as e:
    print('TypeError', type(e).__name__)
print('exiting with 7')
exit(code=7)
print('not reached')
