#!/usr/bin/python3.11
"""Parse benchmark: every .py under /usr/lib/python3.11, krait vs CPython.

krait runs `krait -X parse-only FILE...` (one process: reads every file into
memory, then times parse_source on each, arena freed after each file);
CPython runs the equivalent loop in one python3.11 process (every file read
into memory first, then ast.parse(bytes) on each, timed). Both report their
own parse time, so process start-up and file reading are left out; the
whole process's wall time and peak RSS (from wait4) are reported too.

Runs are interleaved (krait, CPython, CPython, krait, ...) so that a noisy
neighbour hurts both alike; medians are reported. This is a benchmark, not a
test: it fails only if a parser crashes or the two disagree on the number of
files they reject.

usage: parse_stdlib.py [--krait build/krait] [--runs 5] [--root /usr/lib/python3.11]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PY = '/usr/bin/python3.11'

CPYTHON_LOOP = r'''
import ast, sys, time
paths = open(sys.argv[1], encoding='utf-8').read().split('\n')
sources = []
for p in paths:
    with open(p, 'rb') as f:
        sources.append(f.read())
failed = 0
t0 = time.perf_counter()
for src in sources:
    try:
        ast.parse(src)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        failed += 1
elapsed = time.perf_counter() - t0
print(f"parse-only: {len(sources)} files, {failed} failed, "
      f"{sum(map(len, sources))} bytes, {elapsed:.6f} seconds")
'''

SUMMARY = re.compile(r'parse-only: (\d+) files, (\d+) failed, (\d+) bytes, ([0-9.]+) seconds')


def all_files(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        out.extend(os.path.join(d, f) for f in sorted(files) if f.endswith('.py'))
    return out


def run_with_rusage(argv):
    """Run argv; its summary line, wall time and its own peak RSS (os.wait4)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        text, errtext = out.read().decode(errors='replace'), err.read().decode(errors='replace')
    if proc.returncode != 0:
        sys.exit(f'{argv[0]} failed with status {proc.returncode}:\n{errtext[-2000:]}')
    m = SUMMARY.search(text)
    if not m:
        sys.exit(f'{argv[0]}: no summary line in {text[-500:]!r}')
    return {'parse': float(m.group(4)), 'wall': wall, 'rss': usage.ru_maxrss * 1024,
            'files': int(m.group(1)), 'failed': int(m.group(2)), 'bytes': int(m.group(3))}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--krait', default=os.path.join(os.path.dirname(HERE), 'build', 'krait'))
    ap.add_argument('--root', default='/usr/lib/python3.11')
    ap.add_argument('--runs', type=int, default=5)
    args = ap.parse_args()

    files = all_files(args.root)
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as lst:
        lst.write('\n'.join(files))
    commands = {
        'krait': [args.krait, '-X', 'parse-only', *files],
        'CPython ast.parse': [PY, '-c', CPYTHON_LOOP, lst.name],
    }
    results = {name: [] for name in commands}
    order = list(commands)
    print(f'parse benchmark: {len(files)} files under {args.root}, {args.runs} interleaved runs each')
    try:
        for i in range(args.runs):
            for name in (order if i % 2 == 0 else order[::-1]):
                r = run_with_rusage(commands[name])
                results[name].append(r)
                print(f'  run {i + 1}: {name:18} parse {r["parse"]:7.3f} s   '
                      f'process {r["wall"]:7.3f} s   peak RSS {r["rss"] / 2**20:7.1f} MB', flush=True)
    finally:
        os.unlink(lst.name)

    print()
    print(f'{"median of " + str(args.runs) + " runs":20} {"parse time":>11} {"MB/s":>8} '
          f'{"process":>9} {"peak RSS":>10} {"rejected":>9}')
    med = {}
    for name, rs in results.items():
        parse = statistics.median(r['parse'] for r in rs)
        wall = statistics.median(r['wall'] for r in rs)
        rss = statistics.median(r['rss'] for r in rs)
        size = rs[0]['bytes']
        med[name] = parse
        print(f'{name:20} {parse:9.3f} s {size / parse / 1e6:8.1f} {wall:7.3f} s '
              f'{rss / 2**20:7.1f} MB {rs[0]["failed"]:9d}')
    total = results['krait'][0]['bytes']
    print(f'({total / 1e6:.1f} MB of source; parse time excludes start-up and reading the files)')
    ratio = med['CPython ast.parse'] / med['krait']
    print(f'krait parses {ratio:.2f}x as fast as CPython\'s ast.parse (goal: at least 3x)')
    fk, fc = results['krait'][0]['failed'], results['CPython ast.parse'][0]['failed']
    if fk != fc:
        print(f'warning: krait rejected {fk} files, CPython {fc}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
