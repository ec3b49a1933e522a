"""End-to-end check of string literals through the whole front end.

Writes each case of cases.txt and e2e_cases.txt, plus every str constant of
CPython's own string/f-string test modules (most are snippets of code that
those tests compile), as a file in a temporary directory, then runs
tools/ast_conformance.py on that directory with the given krait binary.

Usage: e2e.py [KRAIT]   (default build/krait)
"""
import ast
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
TEST_MODULES = ['test_fstring.py', 'test_string_literals.py', 'test_unicode_identifiers.py']


def cases():
    for name in ('cases.txt', 'e2e_cases.txt'):
        with open(os.path.join(HERE, name), 'rb') as f:
            yield from f.read().rstrip(b'\n').split(b'\n#---\n')
    seen = set()
    for module in TEST_MODULES:
        with open(os.path.join('/usr/lib/python3.11/test', module), 'rb') as f:
            tree = ast.parse(f.read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                try:
                    text = node.value.encode('utf-8')
                except UnicodeEncodeError:
                    continue
                if text not in seen and len(text) < 2000:
                    seen.add(text)
                    yield text


def main():
    krait = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build', 'krait')
    with tempfile.TemporaryDirectory(prefix='krait-strings-e2e-') as tmp:
        for i, text in enumerate(cases()):
            with open(os.path.join(tmp, 'case%05d.py' % i), 'wb') as f:
                f.write(text + b'\n')
        r = subprocess.run([sys.executable, os.path.join(ROOT, 'tools', 'ast_conformance.py'),
                            '--krait', krait, '--max-report', '100', tmp])
    sys.exit(r.returncode)


if __name__ == '__main__':
    main()
