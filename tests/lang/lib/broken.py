print("lib.broken: before the error")
PARTIAL = True
raise RuntimeError("lib.broken fails at import time")
