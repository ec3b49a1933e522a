# -X utf8[=0|1], PYTHONUTF8, -X warn_default_encoding (PEP 597's
# EncodingWarning from open(), TextIOWrapper and io.text_encoding) and -X dev
# (TextIOWrapper checks its error handler at once).
import os
import subprocess
import sys

env = {k: v for k, v in os.environ.items()
       if k not in ("PYTHONUTF8", "PYTHONDEVMODE", "PYTHONWARNDEFAULTENCODING", "PYTHONWARNINGS")}


def run(label, args, code, extra=None):
    out = subprocess.run([sys.executable, *args, "-c", code], env={**env, **(extra or {})},
                         capture_output=True, text=True)
    err = [line for line in out.stderr.splitlines() if "Warning" in line or "Error" in line]
    print(label, out.returncode, out.stdout.strip().replace("\n", " | "), err)


flags = "import sys, io; print(sys.flags.utf8_mode, io.text_encoding(None))"
run("plain", [], flags)
run("-X utf8", ["-X", "utf8"], flags)
run("-X utf8=1", ["-X", "utf8=1"], flags)
run("-X utf8=0", ["-X", "utf8=0"], flags)
run("PYTHONUTF8=1", [], flags, {"PYTHONUTF8": "1"})
run("PYTHONUTF8=1 -X utf8=0", ["-X", "utf8=0"], flags, {"PYTHONUTF8": "1"})
run("PYTHONUTF8=1 -E", ["-E"], flags, {"PYTHONUTF8": "1"})

warn = """\
import io, sys
print(sys.flags.warn_default_encoding)
f = open(sys.executable, "rb")
t = io.TextIOWrapper(f)
print(io.text_encoding(None), io.text_encoding("x"))
t.detach()
f.close()
"""
run("no warnings", [], warn)
run("-X warn_default_encoding", ["-X", "warn_default_encoding"], warn)

dev = """\
import io, sys
print(sys.flags.dev_mode)
for errors in ["strict", "surrogateescape", "no such handler"]:
    try:
        io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors=errors)
        print(errors, "ok")
    except LookupError as e:
        print(errors, "LookupError", e)
"""
run("plain dev", [], dev)
run("-X dev", ["-X", "dev"], dev)
