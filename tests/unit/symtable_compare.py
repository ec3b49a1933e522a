"""Run symtable_test and symtable_oracle.py on the same files and compare.

    symtable_compare.py BINARY MODE [--label NAME] [--known FILE] PATH...

PATH may be a file or a directory (every *.py under it, sorted; with
--slice N only every N-th of them). Prints the first differing line of each
mismatching file, then "NAME: N/M files identical". A file listed in the
--known file for this MODE ("MODE PATH REASON" lines, PATH relative to
/usr/lib/python3.11) counts as identical; its reason is shown. Exit status 1
on any unexplained mismatch.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3.11"
CHUNK = 400


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".py")]
        else:
            files.append(p)
    return files


def run(cmd, files):
    out = {}
    for i in range(0, len(files), CHUNK):
        chunk = files[i:i + CHUNK]
        r = subprocess.run(cmd + chunk, capture_output=True, text=True, errors="replace")
        cur = None
        for line in r.stdout.splitlines():
            if line.startswith("@@ "):
                cur = line[3:]
                out[cur] = []
            elif cur is not None:
                out[cur].append(line)
        if r.returncode != 0:
            # a crash: every file of the chunk without a complete answer fails
            for f in chunk:
                out.setdefault(f, ["<crashed: status %d>" % r.returncode])
    return out


def main():
    args = sys.argv[1:]
    binary, mode = args[0], args[1]
    label, known_file, paths, step = mode, None, [], 1
    i = 2
    while i < len(args):
        if args[i] == "--label":
            label = args[i + 1]
            i += 2
        elif args[i] == "--slice":
            step = int(args[i + 1])
            i += 2
        elif args[i] == "--known":
            known_file = args[i + 1]
            i += 2
        else:
            paths.append(args[i])
            i += 1
    known = {}
    if known_file:
        with open(known_file) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    kmode, path, reason = line.split(" ", 2)
                    if kmode == mode:
                        known[path] = reason
    files = collect(paths)[::step]
    mine = run([binary, mode], files)
    theirs = run([PY, os.path.join(HERE, "symtable_oracle.py"), mode], files)
    same = 0
    for f in files:
        a, b = mine.get(f, ["<missing>"]), theirs.get(f, ["<missing>"])
        if a == b:
            same += 1
            continue
        k = 0
        while k < min(len(a), len(b)) and a[k] == b[k]:
            k += 1
        ours = a[k] if k < len(a) else "<end>"
        cpy = b[k] if k < len(b) else "<end>"
        rel = os.path.relpath(f, "/usr/lib/python3.11") if f.startswith("/usr/lib/python3.11") else f
        if rel in known or f in known:
            same += 1
            print("KNOWN %s: %s" % (f, known.get(rel, known.get(f))))
            continue
        print("DIFF %s line %d\n  krait:   %s\n  cpython: %s" % (f, k + 1, ours, cpy))
    print("%s: %d/%d files identical" % (label, same, len(files)))
    sys.exit(0 if same == len(files) else 1)


if __name__ == "__main__":
    main()
