#!/usr/bin/python3.11
"""CPython 3.11's own test suite under krait, module by module.

    /usr/bin/python3.11 tests/conformance/run.py [--krait build/release/krait]
        [--tier | --slice | MODULE...] [--timeout 600] [-j N] [--write] [--check]

Each test module (tests/conformance/tier.txt is the core tier; slice.txt a
fast representative part of it) runs in a subprocess of its own, under krait
and under CPython 3.11, through tests/conformance/child.py and the stdlib's
unittest, with a timeout. For each module the table shows krait's passed /
failed / errors / skipped counts, how the run ended (done, timeout, crashed
with a signal, or died), and how many tests pass under CPython; the last
lines give the totals and krait's passes as a share of CPython's.

--write   writes the table to tests/conformance/RESULTS.md
--check   for the CI: every module of slice.txt must finish (no crash, no
          timeout) and pass at least the number of tests slice.txt records;
          a module that fails is run once more, and one that passes then is
          reported as FLAKY; one check per module, last line "N passed, N failed"

CPython's results do not change between runs: they are cached under
build/conformance/ (delete the folder to run CPython again). krait's outcome
lines, with the exception of each failure, are kept in
build/conformance/krait/MODULE.log.
"""

import argparse
import concurrent.futures
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CPYTHON = "/usr/bin/python3.11"
CACHE = os.path.join(ROOT, "build", "conformance")


def read_list(path):
    entries = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                entries.append(line.split())
    return entries


def run_module(interp, module, timeout, keep=None):
    """Run one test module; return (counts dict, how it ended, seconds).
    With `keep`, the outcome lines are also copied to that file."""
    work = tempfile.mkdtemp(prefix="krait-conf-")
    logpath = os.path.join(work, "outcomes.log")
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONHASHSEED"] = "0"
    t0 = time.monotonic()
    try:
        proc = subprocess.Popen(
            [interp, os.path.join(HERE, "child.py"), "test." + module, logpath],
            cwd=work, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            timed_out = True
        counts = {k: 0 for k in ("ok", "fail", "error", "skip", "xfail", "xpass")}
        done = False
        if keep and os.path.exists(logpath):
            shutil.copyfile(logpath, keep)
        if os.path.exists(logpath):
            with open(logpath, encoding="utf-8", errors="replace") as f:
                for line in f:
                    status = line.split(" ", 1)[0]
                    if status == "done":
                        done = True
                    elif status in counts:
                        counts[status] += 1
        if timed_out:
            end = "timeout"
        elif proc.returncode < 0:
            end = "crashed (%s)" % signal.Signals(-proc.returncode).name
        elif not done:
            tail = err.decode("utf-8", "replace").strip().splitlines()
            end = "died: " + (tail[-1][:80] if tail else "exit %d" % proc.returncode)
        else:
            end = "done"
        return counts, end, time.monotonic() - t0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def cpython_counts(module, timeout):
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, module + ".txt")
    if os.path.exists(path):
        with open(path) as f:
            parts = f.read().split()
        return {k: int(v) for k, v in zip(parts[::2], parts[1::2])}
    counts, end, _ = run_module(CPYTHON, module, timeout)
    with open(path, "w") as f:
        f.write(" ".join(f"{k} {v}" for k, v in counts.items()))
    return counts


def passed(c):
    return c["ok"] + c["xfail"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("modules", nargs="*")
    ap.add_argument("--krait", default=os.path.join(ROOT, "build", "release", "krait"))
    ap.add_argument("--slice", action="store_true")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    # Run a private copy, so that rebuilding krait meanwhile changes nothing.
    private = tempfile.mkdtemp(prefix="krait-conf-bin-")
    krait = os.path.join(private, "krait")
    shutil.copy2(os.path.abspath(args.krait), krait)
    # and the modules it loads from beside itself (src/modules/modules.h)
    dynload = os.path.join(os.path.dirname(os.path.realpath(args.krait)), "lib-dynload")
    if os.path.isdir(dynload):
        shutil.copytree(dynload, os.path.join(private, "lib-dynload"))
    try:
        return run(args, krait)
    finally:
        shutil.rmtree(private, ignore_errors=True)


def run(args, krait):

    minimum = {}
    if args.modules:
        modules = args.modules
    elif args.slice or args.check:
        entries = read_list(os.path.join(HERE, "slice.txt"))
        modules = [e[0] for e in entries]
        minimum = {e[0]: int(e[1]) for e in entries}
    else:
        modules = [e[0] for e in read_list(os.path.join(HERE, "tier.txt"))]

    def one(module):
        # (the CI check compares with slice.txt, not with CPython)
        ref = (cpython_counts(module, args.timeout) if not args.check
               else {k: 0 for k in ("ok", "fail", "error", "skip", "xfail", "xpass")})
        os.makedirs(os.path.join(CACHE, "krait"), exist_ok=True)
        try:
            counts, end, secs = run_module(krait, module, args.timeout,
                                           keep=os.path.join(CACHE, "krait", module + ".log"))
        except OSError as e:
            counts = {k: 0 for k in ref}
            end, secs = f"could not run: {e}", 0.0
        return module, counts, end, secs, ref

    rows = []
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for module, counts, end, secs, ref in pool.map(one, modules):
            rows.append((module, counts, end, secs, ref))
            c = counts
            cpython = "" if args.check else f"   CPython passes {passed(ref)}"
            print(f"{module:24} passed {passed(c):5}  failed {c['fail'] + c['xpass']:4}  "
                  f"errors {c['error']:4}  skipped {c['skip']:4}  {end:20} "
                  f"{secs:6.1f}s{cpython}", flush=True)

    total = {k: sum(r[1][k] for r in rows) for k in rows[0][1]} if rows else {}
    ref_passed = sum(passed(r[4]) for r in rows)
    finished = sum(1 for r in rows if r[2] == "done")
    if rows and not args.check:
        share = 100.0 * passed(total) / ref_passed if ref_passed else 0.0
        print(f"\nmodules: {len(rows)}, finished {finished}, "
              f"crashed {sum(1 for r in rows if r[2].startswith('crashed'))}, "
              f"timed out {sum(1 for r in rows if r[2] == 'timeout')}")
        print(f"tests passed under krait: {passed(total)} "
              f"(failed {total['fail'] + total['xpass']}, errors {total['error']}, "
              f"skipped {total['skip']}); under CPython: {ref_passed}; share {share:.1f}%")

    if args.write:
        write_results(rows, total, ref_passed, finished)

    if args.check:
        ok = bad = 0
        for module, counts, end, secs, ref in rows:
            want = minimum.get(module, 0)
            if not (end == "done" and passed(counts) >= want):
                # Run a failing module once more, and say so: some of CPython's
                # tests depend on timing, and a failure that does not repeat
                # is reported as flaky rather than hidden.
                first = f"{end}, {passed(counts)} passed"
                counts, end, secs = run_module(krait, module, args.timeout)
                if end == "done" and passed(counts) >= want:
                    print(f"FLAKY {module}: first run {first}; passed {passed(counts)} on a rerun")
            if end == "done" and passed(counts) >= want:
                ok += 1
                if passed(counts) > want:
                    print(f"note: {module} passes {passed(counts)} > {want}: raise it in slice.txt")
            else:
                bad += 1
                print(f"FAIL {module}: {end}, {passed(counts)} passed, slice.txt expects {want}")
        print(f"{ok} passed, {bad} failed")
        return 1 if bad else 0
    return 0


def write_results(rows, total, ref_passed, finished):
    lines = [
        "# CPython 3.11's test suite under krait",
        "",
        "Generated by `/usr/bin/python3.11 tests/conformance/run.py --write` "
        "(the core tier of tests/conformance/tier.txt; each module in its own "
        "process, with the stdlib's unittest, no optional resources enabled). "
        "*passed* counts expected failures too; *CPython* is how many of the "
        "module's tests pass under CPython 3.11 on the same machine.",
        "",
        "| module | passed | failed | errors | skipped | end | CPython passes |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for module, c, end, secs, ref in rows:
        lines.append(f"| {module} | {passed(c)} | {c['fail'] + c['xpass']} | {c['error']} | "
                     f"{c['skip']} | {end} | {passed(ref)} |")
    share = 100.0 * passed(total) / ref_passed if ref_passed else 0.0
    lines += [
        f"| **total** | **{passed(total)}** | {total['fail'] + total['xpass']} | "
        f"{total['error']} | {total['skip']} | {finished}/{len(rows)} finished | "
        f"**{ref_passed}** |",
        "",
        f"krait passes **{passed(total)}** tests, **{share:.1f}%** of the {ref_passed} "
        "that pass under CPython.",
        "",
    ]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
