#!/usr/bin/python3.11
# tools/names_check.py - every name that dir() lists under CPython 3.11 for
# builtins and each builtin type must exist under krait (tools/names_probe.py
# prints them). A missing name fails, unless tests/names_known_missing.txt
# lists it ("<label> <name>  # why"); a listed name that now exists is
# reported as FIXED (remove it from the list). Names krait has and CPython
# lacks are printed as "extra" (they fail too: dir() output must match).
#   tools/names_check.py [--krait build/release/krait]
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROBE = os.path.join(ROOT, "tools", "names_probe.py")
KNOWN = os.path.join(ROOT, "tests", "names_known_missing.txt")


def names(cmd):
    out = subprocess.run(cmd + [PROBE], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        sys.exit("names: the probe failed under %s:\n%s" % (cmd[0], out.stderr[-2000:]))
    table = {}
    for line in out.stdout.splitlines():
        label, *rest = line.split(" ")
        table[label] = set(rest)
    return table


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default=os.path.join(ROOT, "build", "release", "krait"))
    args = ap.parse_args()
    known = set()
    if os.path.exists(KNOWN):
        for line in open(KNOWN):
            line = line.split("#")[0].split()
            if len(line) == 2:
                known.add(tuple(line))
    cpy = names(["/usr/bin/python3.11"])
    kr = names([args.krait])
    passed = failed = 0
    listed = 0
    for label in sorted(cpy):
        have = kr.get(label)
        if have is not None and (label, "*") in known:
            print("FIXED %s: the type exists now, remove \"%s *\" from %s" % (label, label, KNOWN))
        if have is None:
            have = set()
            if (label, "*") not in known:
                print("MISSING TYPE %s" % label)
                failed += 1
            else:
                listed += len(cpy[label])
                continue
        for name in sorted(cpy[label]):
            if name in have:
                passed += 1
                if (label, name) in known:
                    print("FIXED %s.%s: exists now, remove it from %s" % (label, name, KNOWN))
            elif (label, name) in known:
                listed += 1
            else:
                print("MISSING %s.%s" % (label, name))
                failed += 1
        for name in sorted(have - cpy[label]):
            print("EXTRA %s.%s (CPython has no such name)" % (label, name))
            failed += 1
    print("names: %d known missing (%s)" % (listed, os.path.relpath(KNOWN, ROOT)))
    print("names: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
