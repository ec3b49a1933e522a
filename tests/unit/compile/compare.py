# tests/unit/compile.sh's judge. Arguments: the expected and actual
# -X compile-only outputs (one line per failing file, sorted), then the
# expected and actual -X code-info outputs ("@@ PATH" blocks), then the list
# of files. A file passes when krait fails exactly as CPython does (same
# exception line) and, if it compiles, its code objects agree (names,
# counts, flags, docstrings). Prints the differences and "N passed, N failed".
import sys


def failures(path):
    out = {}
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            line = line.rstrip('\n')
            if ': ' in line:
                out.setdefault(line.split(': ', 1)[0], []).append(line)
    return out


def blocks(path):
    out, cur = {}, None
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('@@ '):
                cur = line[3:]
                out[cur] = []
            elif cur is not None:
                out[cur].append(line)
    return out


exp_fail, act_fail = failures(sys.argv[1]), failures(sys.argv[2])
exp_code, act_code = blocks(sys.argv[3]), blocks(sys.argv[4])
with open(sys.argv[5]) as f:
    files = [line.strip() for line in f if line.strip()]
passed = failed = shown = 0
for path in files:
    bad = None
    if exp_fail.get(path) != act_fail.get(path):
        bad = ('compile', exp_fail.get(path), act_fail.get(path))
    elif path not in exp_fail and exp_code.get(path) != act_code.get(path):
        e, a = exp_code.get(path) or [], act_code.get(path) or []
        i = 0
        while i < min(len(e), len(a)) and e[i] == a[i]:
            i += 1
        bad = ('code objects', e[i] if i < len(e) else '<none>', a[i] if i < len(a) else '<none>')
    if bad:
        failed += 1
        if shown < 20:
            shown += 1
            print(f'FAIL {path} ({bad[0]})\n  cpython: {bad[1]}\n  krait:   {bad[2]}')
    else:
        passed += 1
print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
