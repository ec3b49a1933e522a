# A BaseExceptionGroup holding SystemExit and KeyboardInterrupt is neither:
# it is printed like any group, and the exit status is 1.
import sys
try:
    raise BaseExceptionGroup("stop", [SystemExit(3), KeyboardInterrupt()])
except* SystemExit as e:
    print("SystemExit part:", repr(e))
    sys.stdout.flush()
    raise
