"""Compare containers_test output with the oracle's, section by section.

    compare.py ORACLE_OUTPUT DRIVER_OUTPUT [LABEL]

Sections start with "== name". Each section that is identical is one passed
check; a differing one is a failed check, shown with its first differences.
The driver's own "selfcheck N passed, N failed" line is added to the counts.
Prints "N passed, N failed" last; exits 1 on any failure.
"""
import difflib
import re
import sys


def sections(lines):
    out, name = {}, None
    order = []
    for line in lines:
        if line.startswith("== "):
            name = line[3:]
            order.append(name)
            out[name] = []
        elif name is not None:
            out[name].append(line)
    return order, out


def main():
    expected = open(sys.argv[1]).read().splitlines()
    got = open(sys.argv[2]).read().splitlines()
    label = sys.argv[3] if len(sys.argv) > 3 else "containers"
    passed = failed = 0
    selfcheck = [l for l in got if l.startswith("selfcheck")]
    got = [l for l in got if not l.startswith("selfcheck")]
    order, want = sections(expected)
    _, have = sections(got)
    for name in order:
        if have.get(name) == want[name]:
            passed += 1
            continue
        failed += 1
        print("FAIL %s: %s" % (label, name))
        diff = difflib.unified_diff(want[name], have.get(name, ["<missing>"]),
                                    "cpython", "krait", lineterm="", n=1)
        for i, line in enumerate(diff):
            if i >= 20:
                print("    ...")
                break
            print("    " + line[:300])
    for line in selfcheck:
        m = re.match(r"selfcheck (\d+) passed, (\d+) failed$", line)
        if m:
            passed += int(m.group(1))
            failed += int(m.group(2))
        else:
            print(line)
    if not selfcheck:
        print("FAIL %s: the driver did not finish" % label)
        failed += 1
    print("%s: %d passed, %d failed" % (label, passed, failed))
    return passed, failed


if __name__ == "__main__":
    p, f = main()
    sys.exit(1 if f else 0)
