"""Compare token dumps (oracle_tokens.py vs tok_test tokens) file by file.
Usage: compare_tokens.py EXPECTED GOT KNOWN. KNOWN lists files allowed to
differ ("path  reason" per line). Exit status 1 on an unexpected difference."""
import sys


def load(path):
    files, cur = {}, None
    for line in open(path, encoding='utf-8', errors='surrogateescape'):
        if line.startswith('== /'):
            cur = line[3:].strip()
            files[cur] = []
        elif cur is not None:
            files[cur].append(line)
    return files


def main():
    exp, got = load(sys.argv[1]), load(sys.argv[2])
    known = {}
    for line in open(sys.argv[3], encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            path, _, reason = line.strip().partition(' ')
            known[path] = reason.strip()
    same, explained, bad = 0, 0, []
    for f in exp:
        if exp[f] == got.get(f):
            same += 1
        elif f in known:
            explained += 1
        else:
            bad.append(f)
    print('%d files: %d identical, %d known differences, %d unexpected'
          % (len(exp), same, explained, len(bad)))
    for f in bad:
        x, y = exp[f], got.get(f, [])
        for i in range(max(len(x), len(y))):
            if i >= len(x) or i >= len(y) or x[i] != y[i]:
                print('  %s token %d\n    tokenize: %s\n    krait:    %s'
                      % (f, i, x[i].rstrip() if i < len(x) else None,
                         y[i].rstrip() if i < len(y) else None))
                break
    return 1 if bad else 0


sys.exit(main())
