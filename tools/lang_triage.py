#!/usr/bin/python3.11
"""Group the failures of the last tests/lang/run.sh by cause.

    /usr/bin/python3.11 tools/lang_triage.py [-v]

Reads build/lang-results/ (krait's outputs and the verdicts of the last run)
and groups the failing programs by krait's last line of stderr, with quoted
names folded ('str' object has no attribute 'split' and ... 'upper' are one
group, listing split and upper). Programs whose output differs while krait
raised nothing (or the expected error) are listed apart: those are wrong
answers, not missing features. -v lists every program of every group.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "build", "lang-results")
QUOTED = re.compile(r"'[^']*'")


def last_line(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return ""
    return lines[-1] if lines else ""


def main():
    verbose = "-v" in sys.argv[1:]
    verdict_dir = os.path.join(RESULTS, "verdicts")
    if not os.path.isdir(verdict_dir):
        sys.exit("lang_triage.py: no results; run tests/lang/run.sh first")
    groups = {}      # key -> {"programs": [...], "names": set()}
    wrong = []       # (program, hint)
    passed = failed = 0
    for name in sorted(os.listdir(verdict_dir)):
        with open(os.path.join(verdict_dir, name), encoding="utf-8", errors="replace") as f:
            verdict = f.read().strip()
        if verdict.startswith("PASS"):
            passed += 1
            continue
        failed += 1
        hint = verdict.split(": ", 1)[1] if ": " in verdict else verdict
        status = open(os.path.join(RESULTS, name + ".status")).read().strip()
        err = last_line(os.path.join(RESULTS, name + ".err"))
        crashed = status not in ("0", "1") and not status.isdigit() or int(status) >= 124
        if crashed:
            key = f"crash or timeout (exit status {status})"
        elif err and status != "0" and err.split(":")[0].endswith(("Error", "Exception", "Exit", "Interrupt")):
            key = QUOTED.sub("'…'", err)
        else:
            wrong.append((name + ".py", hint))
            continue
        g = groups.setdefault(key, {"programs": [], "names": set()})
        g["programs"].append(name + ".py")
        g["names"].update(m.strip("'") for m in QUOTED.findall(err))
    print(f"{passed} passed, {failed} failed\n")
    for key, g in sorted(groups.items(), key=lambda kv: (-len(kv[1]["programs"]), kv[0])):
        progs = g["programs"]
        print(f"{len(progs):4d}  {key}")
        if len(g["names"]) > 1 or "…" in key:
            print("      names: " + ", ".join(sorted(g["names"]))[:300])
        shown = progs if verbose else progs[:4]
        print("      " + " ".join(shown) + (" ..." if len(shown) < len(progs) else ""))
    if wrong:
        print(f"\n{len(wrong):4d}  wrong output without a (different) error:")
        for prog, hint in wrong:
            print(f"      {prog}: {hint[:160]}")


if __name__ == "__main__":
    main()
