#!/usr/bin/python3.11
"""Import every top-level standard-library module under krait.

For each top-level module of /usr/lib/python3.11 that CPython 3.11 itself
imports (GUI, installer and other-platform modules left out), run
`krait -c "import M"` in a subprocess of its own with a timeout, and print
one line per module: `OK M`, or `FAIL M: <the last line of stderr>` (or
`TIMEOUT`, or the exit status when stderr is empty). The last lines are the
most frequent error messages and `imports: N/M`.

    /usr/bin/python3.11 tools/import_sweep.py [--krait build/release/krait]
        [--timeout 20] [--only NAME...] [--quiet]

CPython's verdict (which modules count) is cached in
build/import-sweep-cpython.txt; delete it to ask python3.11 again.
"""

import argparse
import collections
import os
import re
import subprocess
import sys

STDLIB = "/usr/lib/python3.11"
CPYTHON = "/usr/bin/python3.11"

# Not for this sweep: GUI and installers, modules with side effects on
# import (a web browser, the Zen text), and other platforms' modules.
EXCLUDED_PREFIXES = ("tkinter", "idlelib", "turtle", "ensurepip")
EXCLUDED = {
    "antigravity", "this", "__phello__", "__hello__", "_aix_support", "_bootsubprocess",
    "msvcrt", "winreg", "_winapi", "nt", "winsound", "_msi", "msilib", "_osx_support",
    "_android_support", "_ios_support", "_pydecimal_test", "__main__",
}


def candidates():
    names = set()
    for entry in os.listdir(STDLIB):
        path = os.path.join(STDLIB, entry)
        if entry.endswith(".py"):
            name = entry[:-3]
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, "__init__.py")):
            name = entry
        else:
            continue
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            continue
        if name in EXCLUDED or name.startswith(EXCLUDED_PREFIXES):
            continue
        names.add(name)
    return sorted(names)


def clean_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    return env


def try_import(cmd, name, timeout, cwd):
    try:
        p = subprocess.run(cmd + ["-c", "import " + name], capture_output=True,
                           timeout=timeout, env=clean_env(), cwd=cwd)
    except subprocess.TimeoutExpired:
        return "TIMEOUT"
    if p.returncode == 0:
        return None
    lines = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1].strip() if lines else "exit status %d" % p.returncode


def cpython_modules(cache, timeout, cwd):
    if os.path.exists(cache):
        with open(cache) as f:
            return [l.strip() for l in f if l.strip()]
    good = [n for n in candidates() if try_import([CPYTHON], n, timeout, cwd) is None]
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    with open(cache, "w") as f:
        f.write("".join(n + "\n" for n in good))
    return good


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default=os.path.join(root, "build", "release", "krait"))
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--quiet", action="store_true", help="print only failures and the summary")
    opts = ap.parse_args()
    # An empty directory as cwd, so that nothing in the tree shadows a module.
    cwd = os.path.join(root, "build", "import-sweep-cwd")
    os.makedirs(cwd, exist_ok=True)
    mods = cpython_modules(os.path.join(root, "build", "import-sweep-cpython.txt"),
                           opts.timeout, cwd)
    if opts.only:
        mods = [m for m in mods if m in opts.only]
    krait = os.path.abspath(opts.krait)
    ok = 0
    errors = collections.Counter()
    for name in mods:
        err = try_import([krait], name, opts.timeout, cwd)
        if err is None:
            ok += 1
            if not opts.quiet:
                print("OK", name, flush=True)
        else:
            errors[err] += 1
            print("FAIL %s: %s" % (name, err), flush=True)
    print()
    print("most frequent errors:")
    for err, n in errors.most_common(15):
        print("%4d  %s" % (n, err))
    print("imports: %d/%d" % (ok, len(mods)))


if __name__ == "__main__":
    main()
