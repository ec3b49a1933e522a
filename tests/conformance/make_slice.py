#!/usr/bin/python3.11
"""Rewrite slice.txt from a run of its modules: each module's current pass
count becomes the least the CI check accepts.

    /usr/bin/python3.11 tests/conformance/make_slice.py [MODULE...]

With MODULE arguments the slice becomes those modules; without, the modules
already in slice.txt. Run it after a change that makes more tests pass (the
check prints "raise it in slice.txt" then), and say so in the commit.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    modules = sys.argv[1:]
    if not modules:
        with open(os.path.join(HERE, "slice.txt")) as f:
            modules = [line.split()[0] for line in f
                       if line.split("#", 1)[0].strip()]
    out = subprocess.run([sys.executable, os.path.join(HERE, "run.py"), "-j", "2",
                          "--timeout", "300"] + modules,
                         capture_output=True, text=True).stdout
    counts = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) > 3 and parts[1] == "passed" and "done" in parts:
            counts[parts[0]] = int(parts[2])
    lines = ["# The CI slice of CPython's test suite: module, and the least number of its",
             "# tests that must pass under krait (tests/conformance/run.py --check).",
             "# Regenerate with tests/conformance/make_slice.py."]
    for m in modules:
        if m in counts:
            lines.append(f"{m} {counts[m]}")
        else:
            print(f"{m}: did not finish; left out", file=sys.stderr)
    with open(os.path.join(HERE, "slice.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"slice.txt: {len(lines) - 3} modules")


main()
