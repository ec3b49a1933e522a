#!/usr/bin/python3.11
"""Which public methods of the builtin types the differential tests call.

    /usr/bin/python3.11 tools/method_coverage.py [--verbose]

Runs every program of tests/lang under CPython 3.11 with a profile function
(sys.setprofile) that records each builtin method called: a 'c_call' event
whose callable is bound to an instance of a builtin type (or to the type
itself, for class methods such as dict.fromkeys; a static method such as
str.maketrans by its qualified name). For each builtin type it
prints how many of its public methods (dir() under CPython, names not
starting with '_', callables) were called at least once, out of how many
exist: the coverage that tests/lang, compared line by line with CPython,
gives krait. --verbose lists the methods never called.

Special methods are called through slots, which the profile function does
not see: their line counts what tests/lang/builtin_type_dunder_matrix.py
calls explicitly (every special method of dir(T) for its types, but for
the plumbing its SKIP set leaves to other programs).
"""
import ast
import builtins
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LANG = os.path.join(ROOT, "tests", "lang")

TYPES = ["str", "bytes", "bytearray", "memoryview", "int", "float", "complex", "bool", "list",
         "tuple", "dict", "set", "frozenset", "range", "slice", "object", "type"]

# The child: run one program with the recorder, append "type method" lines.
CHILD = r'''
import builtins, runpy, sys
out = open(sys.argv[1], "a")
names = set(%r)
seen = set()
def prof(frame, event, arg):
    if event != "c_call":
        return
    owner = getattr(arg, "__self__", None)
    if owner is None:
        # a static method (str.maketrans): its qualified name names the type
        tname, _, mname = getattr(arg, "__qualname__", "").partition(".")
        if tname in names and mname:
            key = (tname, mname)
            if key not in seen:
                seen.add(key)
                out.write("%%s %%s\n" %% key)
        return
    t = owner if isinstance(owner, type) else type(owner)
    for k in t.__mro__:
        if k.__name__ in names and getattr(builtins, k.__name__, None) is k:
            key = (k.__name__, arg.__name__)
            if key not in seen:
                seen.add(key)
                out.write("%%s %%s\n" %% key)
            break
sys.argv = sys.argv[2:]
sys.setprofile(prof)
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
except BaseException:
    pass
finally:
    sys.setprofile(None)
    out.flush()
'''


def main():
    verbose = "--verbose" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        child = os.path.join(tmp, "child.py")
        with open(child, "w") as f:
            f.write(CHILD % (TYPES,))
        record = os.path.join(tmp, "called.txt")
        for name in sorted(os.listdir(LANG)):
            if not name.endswith(".py"):
                continue
            try:
                subprocess.run([sys.executable, child, record, os.path.join(LANG, name)],
                               cwd=tmp, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, timeout=60)
            except subprocess.TimeoutExpired:
                pass
        called = set()
        with open(record) as f:
            for line in f:
                t, m = line.split()
                called.add((t, m))
    total_have = total_all = 0
    for tname in TYPES:
        t = getattr(builtins, tname)
        public = [n for n in dir(t) if not n.startswith("_") and callable(getattr(t, n))]
        # a method defined by a base (object, int for bool) counts where it is called
        have = [n for n in public if any((k.__name__, n) in called for k in t.__mro__)]
        total_have += len(have)
        total_all += len(public)
        line = "%-11s %3d / %3d" % (tname, len(have), len(public))
        if verbose:
            missing = sorted(set(public) - set(have))
            if missing:
                line += "   not called: " + " ".join(missing)
        print(line)
    print("public methods called: %d / %d" % (total_have, total_all))
    matrix = os.path.join(LANG, "builtin_type_dunder_matrix.py")
    with open(matrix) as f:
        tree = ast.parse(f.read())
    skip, receivers = set(), []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id == "SKIP":
                skip = ast.literal_eval(node.value)
            elif node.targets[0].id == "RECEIVERS":
                receivers = [k.id for k in node.value.keys]
    have = total = 0
    for tname in receivers:
        t = getattr(builtins, tname)
        special = [n for n in dir(t) if n.startswith("__") and callable(getattr(t, n))]
        have += len([n for n in special if n not in skip])
        total += len(special)
    print("special methods called by the matrix: %d / %d (%d types)" % (have, total,
                                                                        len(receivers)))


if __name__ == "__main__":
    main()
