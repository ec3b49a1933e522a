"""Run the strings_test driver against python3.11 (see tests/unit/strings_test.sh).
Usage: check.py DRIVER WORKDIR. Last line: "N passed, N failed"."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import oracle  # noqa: E402


def main():
    driver, work = sys.argv[1], sys.argv[2]
    passed = failed = 0

    cases_path = os.path.join(HERE, 'cases.txt')
    with open(cases_path, 'rb') as f:
        cases = f.read().split(b'\n#---\n')
    expected = [oracle.run(c) for c in cases]
    got = subprocess.run([driver, 'cases', cases_path], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    for case, e, g in zip(cases, expected, got + [''] * len(cases)):
        if e == g:
            passed += 1
        else:
            failed += 1
            print('FAIL %r\n  python3.11: %s\n  krait:      %s' % (case, e, g))

    names = subprocess.run([sys.executable, os.path.join(HERE, 'names.py')], capture_output=True,
                           check=True).stdout
    r = subprocess.run([driver, 'names'], input=names, capture_output=True)
    print(r.stdout.decode().strip())
    if r.returncode == 0:
        passed += 1
    else:
        failed += 1

    r = subprocess.run([sys.executable, os.path.join(HERE, 'fuzz.py'), driver, '3000', '1'],
                       capture_output=True, text=True)
    print(r.stdout.strip())
    if r.returncode == 0:
        passed += 1
    else:
        failed += 1
        print(r.stderr)

    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
