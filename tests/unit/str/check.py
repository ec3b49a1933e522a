"""Compare str_test (krait's str and bytes) with python3.11 (see tests/unit/str_test.sh).

Usage: check.py DRIVER [SCALE] [SEED]
One check per case kind (info, items, cmp, ...) of the core cases, per hash
seed, for the format cases, the seed parsing and the GC run.
Last line: "N passed, N failed"."""
import collections
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PY = '/usr/bin/python3.11'
HASH_SEEDS = ['0', '12345', '1', '42', '4294967295']


def run(cmd, seed, stdin=b''):
    env = dict(os.environ, PYTHONHASHSEED=seed)
    r = subprocess.run(cmd, input=stdin, capture_output=True, env=env)
    if r.returncode != 0:
        sys.stdout.write('%s exited with %d: %s\n' % (
            cmd[0], r.returncode, r.stderr.decode(errors='replace')[-2000:]))
    return r.stdout.split(b'\n')


class Tally:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, ok, detail=''):
        if ok:
            self.passed += 1
            print('PASS %s' % name)
        else:
            self.failed += 1
            print('FAIL %s%s' % (name, detail))


def compare_lines(tally, label, cases, expected, got, by_kind):
    groups = collections.defaultdict(lambda: [0, 0, []])
    for k, case in enumerate(cases):
        kind = case.split(b' ', 1)[0].decode() if by_kind else label
        e = expected[k] if k < len(expected) else b'<missing>'
        g = got[k] if k < len(got) else b'<missing>'
        grp = groups[kind]
        if e == g:
            grp[0] += 1
        else:
            grp[1] += 1
            if len(grp[2]) < 3:
                grp[2].append((case[:300], e[:600], g[:600]))
    extra = got[len(cases):]
    for kind, (ok, bad, samples) in groups.items():
        name = '%s %s: %d/%d identical' % (label, kind, ok, ok + bad) if by_kind else \
            '%s: %d/%d identical' % (label, ok, ok + bad)
        detail = ''.join('\n  case:       %s\n  python3.11: %s\n  krait:      %s' % (
            c.decode(errors='replace'), e.decode(errors='replace'), g.decode(errors='replace'))
            for c, e, g in samples)
        tally.check(name, bad == 0, detail)
    if any(line.strip() for line in extra):
        tally.check('%s: no extra output' % label, False,
                    '\n  ' + b'\n  '.join(extra[:5]).decode(errors='replace'))


def main():
    driver = sys.argv[1]
    scale = sys.argv[2] if len(sys.argv) > 2 else '1'
    seed = sys.argv[3] if len(sys.argv) > 3 else '1'
    gen = os.path.join(HERE, 'gen_cases.py')
    oracle = os.path.join(HERE, 'oracle.py')
    tally = Tally()

    cases_text = subprocess.run([PY, gen, 'core', seed, scale], capture_output=True,
                                check=True).stdout
    cases = [c for c in cases_text.split(b'\n') if c.strip()]
    expected = run([PY, oracle, 'cases'], '0', cases_text)
    got = run([driver, 'cases'], '0', cases_text)
    compare_lines(tally, 'core', cases, expected, got, True)
    # Again with the index layout of strings of 4 GiB and more, and two-way
    # for every search (str_test_alt).
    alt = driver + '_alt'
    if os.path.exists(alt):
        for kinds, label, knob in [((b'items', b'slice'), 'wide index', 'wide'),
                                   ((b'find', b'contains'), 'scalar filter', 'scalar'),
                                   ((b'find', b'contains'), 'two-way only', 'two-way')]:
            keep = [k for k, c in enumerate(cases) if c.split(b' ', 1)[0] in kinds]
            text = b'\n'.join(cases[k] for k in keep) + b'\n'
            compare_lines(tally, label, [cases[k] for k in keep],
                          [expected[k] for k in keep], run([alt, 'cases', knob], '0', text), False)

    for hs in HASH_SEEDS:
        text = subprocess.run([PY, gen, 'hash', str(int(seed) + int(hs) % 1000), scale],
                              capture_output=True, check=True).stdout
        hcases = [c for c in text.split(b'\n') if c.strip()]
        compare_lines(tally, 'hash PYTHONHASHSEED=%s' % hs, hcases,
                      run([PY, oracle, 'cases'], hs, text), run([driver, 'cases'], hs, text),
                      False)

    fmt_expected = run([PY, oracle, 'fmt'], '0')
    fmt_got = run([driver, 'fmt'], '0')
    n = len([x for x in fmt_expected if x])
    compare_lines(tally, 'str_format_c', [b'fmt %d' % k for k in range(n)], fmt_expected,
                  fmt_got, False)

    # Seed parsing: the same acceptance, the same hash, CPython's fatal error.
    bad = []
    for text in ['-0', ' 7', '+7', '007', '4294967296', '-1', '5 ', '0x5', 'abc', 'random', '']:
        env = dict(os.environ, PYTHONHASHSEED=text)
        p = subprocess.run([PY, '-c', 'import sys; print(hash("seed")); '
                            'print(sys.flags.hash_randomization)'], capture_output=True, env=env)
        k = subprocess.run([driver, 'cases'], input=b'hash s:73656564\nhashflag\n',
                           capture_output=True, env=env)
        p_err = p.stderr.decode().split('\n')[0]
        k_err = k.stderr.decode().split('\n')[0]
        same_status = (p.returncode == 0) == (k.returncode == 0)
        if text in ('random', ''):
            # random: the hashes differ; the flag and the success must not
            ok = same_status and k.returncode == 0 and \
                p.stdout.split(b'\n')[1:] == k.stdout.split(b'\n')[1:]
        else:
            ok = same_status and p_err == k_err and (p.returncode != 0 or p.stdout == k.stdout)
        if not ok:
            bad.append('%r: python3.11 %d %r %r, krait %d %r %r' % (
                text, p.returncode, p.stdout, p_err, k.returncode, k.stdout, k_err))
    tally.check('PYTHONHASHSEED parsing (11 values)', not bad, ''.join('\n  ' + b for b in bad))

    r = subprocess.run([driver, 'gc'], capture_output=True, text=True)
    sys.stdout.write(r.stdout)
    tally.check('gc run exits cleanly', r.returncode == 0, '\n' + r.stderr[-2000:])

    print('%d passed, %d failed' % (tally.passed, tally.failed))
    sys.exit(1 if tally.failed else 0)


if __name__ == '__main__':
    main()
