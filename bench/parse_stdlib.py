#!/usr/bin/python3.11
"""Parse benchmark: every .py under /usr/lib/python3.11, krait vs CPython.

Two measurements, each krait against CPython 3.11 on the same files:
  parse         krait `-X parse-only FILE...` (parse_source on each file, its
                arena freed after it) against ast.parse(bytes) on each file;
  parse + dump  krait `-X parse-only=dump` (plus ast_dump into memory)
                against ast.dump(ast.parse(bytes), include_attributes=True).
Each side is one process that first reads every file into memory, then
times its loop and reports that time itself, so process start-up and file
reading are left out; the process's wall time and peak RSS (from wait4) are
reported too.

Runs are interleaved (krait, CPython, CPython, krait, ...) so that a noisy
neighbour hurts both alike; medians are reported. This is a benchmark, not a
test: it fails only if a process crashes or the two sides disagree on the
number of files they reject or on the total size of the dumps.

usage: parse_stdlib.py [--krait build/krait] [--runs 5] [--dump-runs 3]
                       [--root /usr/lib/python3.11]
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
dump = sys.argv[2] == 'dump'
sources = []
for p in paths:
    with open(p, 'rb') as f:
        sources.append(f.read())
if dump:
    sys.setrecursionlimit(20000)   # ast.dump recurses in Python
    sys.set_int_max_str_digits(0)  # and calls repr() on int literals
failed = dumped = 0
elapsed = 0.0
for src in sources:
    t0 = time.perf_counter()
    try:
        tree = ast.parse(src)
        if dump:
            text = ast.dump(tree, include_attributes=True)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        failed += 1
        elapsed += time.perf_counter() - t0
        continue
    elapsed += time.perf_counter() - t0
    if dump:
        dumped += len(text.encode('utf-8')) + 1
print(f"parse-only: {len(sources)} files, {failed} failed, "
      f"{sum(map(len, sources))} bytes, {elapsed:.6f} seconds"
      + (f", {dumped} dump bytes" if dump else ""))
'''

SUMMARY = re.compile(r'parse-only: (\d+) files, (\d+) failed, (\d+) bytes, ([0-9.]+) seconds'
                     r'(?:, (\d+) dump bytes)?')


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
    return {'time': float(m.group(4)), 'wall': wall, 'rss': usage.ru_maxrss * 1024,
            'files': int(m.group(1)), 'failed': int(m.group(2)), 'bytes': int(m.group(3)),
            'dumped': int(m.group(5)) if m.group(5) else None}


def measure(title, commands, runs):
    """Interleaved runs of {name: argv}; prints each run, returns medians."""
    results = {name: [] for name in commands}
    order = list(commands)
    print(f'{title}: {runs} interleaved runs each', flush=True)
    for i in range(runs):
        for name in (order if i % 2 == 0 else order[::-1]):
            r = run_with_rusage(commands[name])
            results[name].append(r)
            print(f'  run {i + 1}: {name:6} {r["time"]:7.3f} s   process {r["wall"]:7.3f} s   '
                  f'peak RSS {r["rss"] / 2**20:7.1f} MB', flush=True)
    return {name: {'time': statistics.median(r['time'] for r in rs),
                   'wall': statistics.median(r['wall'] for r in rs),
                   'rss': statistics.median(r['rss'] for r in rs),
                   'failed': rs[0]['failed'], 'bytes': rs[0]['bytes'], 'dumped': rs[0]['dumped'],
                   'files': rs[0]['files']}
            for name, rs in results.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--krait', default=os.path.join(os.path.dirname(HERE), 'build', 'krait'))
    ap.add_argument('--root', default='/usr/lib/python3.11')
    ap.add_argument('--runs', type=int, default=5, help='runs of the parse measurement')
    ap.add_argument('--dump-runs', type=int, default=3,
                    help='runs of the parse + dump measurement (0: skip it)')
    args = ap.parse_args()

    files = all_files(args.root)
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as lst:
        lst.write('\n'.join(files))
    size = sum(os.path.getsize(f) for f in files)
    print(f'parse benchmark: {len(files)} files, {size / 1e6:.1f} MB under {args.root}')
    tables = []
    try:
        tables.append(('parse', measure('parse (krait -X parse-only vs ast.parse)', {
            'krait': [args.krait, '-X', 'parse-only', *files],
            'CPython': [PY, '-c', CPYTHON_LOOP, lst.name, 'parse'],
        }, args.runs)))
        if args.dump_runs > 0:
            tables.append(('parse + dump', measure(
                'parse + dump (krait -X parse-only=dump vs ast.dump(ast.parse(...)))', {
                    'krait': [args.krait, '-X', 'parse-only=dump', *files],
                    'CPython': [PY, '-c', CPYTHON_LOOP, lst.name, 'dump'],
                }, args.dump_runs)))
    finally:
        os.unlink(lst.name)

    print()
    print(f'{"median":27} {"time":>9} {"MB/s":>7} {"process":>9} {"peak RSS":>10} {"rejected":>9}')
    status = 0
    for title, med in tables:
        for name in ('krait', 'CPython'):
            m = med[name]
            label = f'{title}: {name}' if name == 'krait' else f'{title}: CPython 3.11'
            print(f'{label:27} {m["time"]:7.3f} s {m["bytes"] / m["time"] / 1e6:7.1f} '
                  f'{m["wall"]:7.3f} s {m["rss"] / 2**20:7.1f} MB {m["failed"]:9d}')
        k, c = med['krait'], med['CPython']
        if k['failed'] != c['failed'] or k['files'] != c['files']:
            print(f'  warning: krait rejected {k["failed"]} of {k["files"]} files, '
                  f'CPython {c["failed"]} of {c["files"]}')
            status = 1
        if k['dumped'] is not None and k['dumped'] != c['dumped']:
            print(f'  warning: krait dumped {k["dumped"]} bytes, CPython {c["dumped"]}')
            status = 1
    print('(time: the loop alone, without start-up and reading the files; '
          'process: the whole process, wall clock)')
    for title, med in tables:
        ratio = med['CPython']['time'] / med['krait']['time']
        goal = ' (goal: at least 3x)' if title == 'parse' else ''
        print(f'{title}: krait is {ratio:.2f}x as fast as CPython 3.11{goal}')
    return status


if __name__ == '__main__':
    sys.exit(main())
