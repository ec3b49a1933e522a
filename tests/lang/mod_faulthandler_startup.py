# faulthandler enabled at start-up by -X faulthandler, PYTHONFAULTHANDLER
# (not under -E) and -X dev; os.kill runs a Python signal handler before it
# returns; a registered signal with chain=True runs the previous handler.
import os
import signal
import subprocess
import sys

code = "import faulthandler; print(faulthandler.is_enabled())"
env = dict(os.environ)
env.pop("PYTHONFAULTHANDLER", None)
env.pop("PYTHONDEVMODE", None)
for label, args, extra in [
    ("plain", [], {}),
    ("-X faulthandler", ["-X", "faulthandler"], {}),
    ("env", [], {"PYTHONFAULTHANDLER": "1"}),
    ("env empty", [], {"PYTHONFAULTHANDLER": ""}),
    ("env -E", ["-E"], {"PYTHONFAULTHANDLER": "1"}),
]:
    out = subprocess.run([sys.executable, *args, "-c", code], env={**env, **extra},
                         capture_output=True, text=True)
    print(label, out.returncode, out.stdout.strip())

called = []
signal.signal(signal.SIGUSR1, lambda signum, frame: called.append(signum))
os.kill(os.getpid(), signal.SIGUSR1)
print("handler ran before kill returned", called == [signal.SIGUSR1])

import faulthandler
import tempfile

with tempfile.TemporaryFile() as fp:
    called.clear()
    faulthandler.register(signal.SIGUSR1, file=fp, all_threads=False, chain=True)
    os.kill(os.getpid(), signal.SIGUSR1)
    print("chained", called == [signal.SIGUSR1])
    print(faulthandler.unregister(signal.SIGUSR1))
    fp.seek(0)
    print(fp.read().decode().splitlines()[0])
