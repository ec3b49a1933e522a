#!/usr/bin/python3.11
"""Compare krait's parser with CPython 3.11's, file by file.

For every file, CPython's answer is computed here, in-process, with
ast.parse(bytes) -- either ast.dump(tree, include_attributes=True) or the
exception it raises -- and compared with what `krait -X dump-ast-batch`
prints for the same file. krait runs as one long-lived child process while
this process computes CPython's side, so the two halves overlap on two cores.

A file is identical when the dumps are equal, or when both reject it with the
same exception class, message, line and offset (for ValueError only class and
message; MemoryError and RecursionError -- CPython's "too deep" failures,
whose exact threshold is an artifact of its C stack use -- count as one
class). With --render each file also goes through a separate
`krait -X dump-ast FILE`, whose exit status, stdout and stderr must be what
CPython's traceback module would print (with the file name as given).

If krait crashes or hangs on a file, that file fails and the batch restarts
after it. Expectations are never stored: CPython is asked every time.

Selection (default: the CI slice, see --help):
  --full            every .py under --root (default /usr/lib/python3.11)
  --slice / --small the fixed CI slices (every k-th file + rejected + tricky)
  FILE_OR_DIR ...   explicit files or directories (searched for *.py)

With --objects, krait computes ast.dump(ast.parse(src), include_attributes=True)
itself (tools/ast_objects_batch.py): this checks the _ast module's node
objects and compile(..., PyCF_ONLY_AST) rather than the C dumper.

Prints mismatches, then one line `ast: N/M files identical`; exits 1 if any
file differs.
"""
import argparse
import ast
import os
import queue
import subprocess
import sys
import tempfile
import threading
import traceback
import warnings

ROOT = '/usr/lib/python3.11'
DEFAULT_MAX_STR_DIGITS = sys.get_int_max_str_digits()
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_KRAIT = os.path.join(os.path.dirname(HERE), 'build', 'krait')

# Files whose grammar is the hardest: always part of the slices.
TRICKY = [
    'test/test_grammar.py', 'test/test_fstring.py', 'test/test_patma.py',
    'test/test_syntax.py', 'test/test_exceptions.py', 'test/test_except_star.py',
    'test/test_string_literals.py', 'test/test_unicode_identifiers.py',
    'test/test_tokenize.py', 'test/test_coroutines.py', 'test/test_positional_only_arg.py',
    'test/test_keywordonlyarg.py', 'test/test_named_expressions.py',
    'test/test_decorators.py', 'test/test_with.py', 'test/test_ast.py',
    'test/test_unparse.py', 'test/test_genexps.py', 'test/test_pep646_syntax.py',
    'test/test_type_comments.py', 'test/test_int_literal.py', 'test/test_float.py',
    'test/test_complex.py', 'test/test_long.py', 'test/test_utf8source.py',
    'test/test_source_encoding.py', 'test/test_pep3131.py', 'test/test_pep3120.py',
    'test/coding20731.py', 'test/encoded_modules/module_iso_8859_1.py',
    'test/encoded_modules/module_koi8_r.py', 'test/test_lib2to3/data/py3_test_grammar.py',
    'lib2to3/tests/data/py3_test_grammar.py', 'test/test_compile.py',
    'test/test_global.py', 'test/test_scope.py', 'test/test_generators.py',
    'test/test_asyncgen.py', 'test/test_dictcomps.py', 'test/test_listcomps.py',
    'test/test_setcomps.py', 'test/test_math.py', 'test/test_bytes.py', 'test/test_str.py',
    'test/test_format.py', 'test/test_types.py', 'test/test_typing.py', 'test/test_dis.py',
    'test/test_builtin.py', 'test/test_unicode.py' , 'test/test_codecs.py',
    'test/test_re.py', 'test/test_textwrap.py', 'test/test_peepholer.py',
    'test/test_opcache.py', 'test/test_traceback.py', 'pydoc_data/topics.py',
    'test/test_sys_settrace.py', 'test/test_contextlib_async.py', 'test/test_inspect.py',
    'test/test_eof.py', 'test/test_exception_group.py', 'test/test_baseexception.py',
]

# every k-th file of the sorted tree, for each slice
SLICES = {'slice': 8, 'small': 40}


def all_files(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        out.extend(os.path.join(d, f) for f in sorted(files) if f.endswith('.py'))
    return out


def is_rejected_candidate(rel):
    # Every file CPython rejects lives in these corners (bad_coding*,
    # badsyntax_*, lib2to3's Python 2 test data); take them all.
    base = os.path.basename(rel)
    return (base.startswith('bad') or rel.startswith('lib2to3/tests/data/')
            or rel.startswith('test/test_lib2to3/data/'))


def slice_files(root, k, tricky_limit=None):
    files = all_files(root)
    chosen = set(files[::k])
    chosen.update(f for f in files if is_rejected_candidate(os.path.relpath(f, root)))
    tricky = TRICKY if tricky_limit is None else TRICKY[:tricky_limit]
    chosen.update(os.path.join(root, t) for t in tricky if os.path.exists(os.path.join(root, t)))
    return sorted(chosen)


# ---- CPython's answer --------------------------------------------------------

class Rejected:
    """An exception as the comparison sees it."""

    def __init__(self, cls, msg, lineno=None, offset=None, exc=None):
        self.cls, self.msg, self.lineno, self.offset, self.exc = cls, msg, lineno, offset, exc

    def key(self):
        cls = 'too-deep' if self.cls in ('MemoryError', 'RecursionError') else self.cls
        if cls == 'too-deep':
            return (cls,)
        if cls == 'ValueError':
            return (cls, self.msg)
        return (cls, self.msg, self.lineno, self.offset)

    def __str__(self):
        if self.cls in ('MemoryError', 'RecursionError', 'ValueError', 'OSError', 'crash', 'hang'):
            return f'{self.cls}: {self.msg}'
        return f'{self.cls}: {self.msg} (line {self.lineno}, offset {self.offset})'


def cpython_result(path):
    with open(path, 'rb') as f:
        src = f.read()
    try:
        # ast.parse's depth limit derives from the recursion limit: parse
        # under the default one, as the one-line oracle in the issue does.
        tree = ast.parse(src)
    except SyntaxError as e:
        return Rejected(type(e).__name__, e.msg, e.lineno, e.offset, e)
    except (ValueError, MemoryError, RecursionError) as e:
        return Rejected(type(e).__name__, str(e), exc=e)
    # ast.dump recurses in Python over deep trees, and repr() of an int
    # literal over 4300 digits (0x followed by 3600+ hex digits) raises
    # ValueError; krait prints the whole number, so compare with that.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20000)
    sys.set_int_max_str_digits(0)
    try:
        return ast.dump(tree, include_attributes=True)
    finally:
        sys.setrecursionlimit(limit)
        sys.set_int_max_str_digits(DEFAULT_MAX_STR_DIGITS)


def expected_stderr(path, res):
    """What `krait -X dump-ast path` must print to stderr for a rejected file."""
    e = res.exc
    if isinstance(e, SyntaxError):
        e.filename = path
    return ''.join(traceback.format_exception_only(e))


# ---- krait's answer ----------------------------------------------------------

def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            out.append('\n' if s[i + 1] == 'n' else s[i + 1])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def parse_record(line):
    if not line.startswith('!'):
        return line
    cls, lineno, offset, _end_lineno, _end_offset, msg = line[1:].split('\t', 5)
    return Rejected(cls, unescape(msg), int(lineno) if lineno else None,
                    int(offset) if offset else None)


class KraitBatch:
    """krait -X dump-ast-batch over a list of files, restarted after a crash
    or hang. results() yields (path, result) in order. With `objects`, krait
    runs tools/ast_objects_batch.py instead: the same records, computed with
    ast.parse and ast.dump in Python (the _ast node objects)."""

    def __init__(self, krait, files, timeout, objects=False):
        self.krait, self.files, self.timeout = krait, files, timeout
        self.mode = ([os.path.join(HERE, 'ast_objects_batch.py')] if objects
                     else ['-X', 'dump-ast-batch'])

    def results(self):
        pending = list(self.files)
        while pending:
            errlog = tempfile.TemporaryFile()
            proc = subprocess.Popen([self.krait, *self.mode, *pending],
                                    stdout=subprocess.PIPE, stderr=errlog, stdin=subprocess.DEVNULL)
            q = queue.Queue(maxsize=64)
            reader = threading.Thread(target=self._read, args=(proc, q), daemon=True)
            reader.start()
            done = 0
            failure = None
            while done < len(pending):
                try:
                    item = q.get(timeout=self.timeout)
                except queue.Empty:
                    proc.kill()
                    failure = Rejected('hang', f'no answer within {self.timeout} s')
                    break
                if item is None:  # EOF: krait died
                    rc = proc.wait()
                    errlog.seek(0)
                    tail = errlog.read().decode('utf-8', 'replace').strip().splitlines()[-15:]
                    failure = Rejected('crash', f'krait exited with status {rc}' +
                                       ''.join('\n      | ' + t for t in tail))
                    break
                path, res = item
                if path != pending[done]:
                    failure = Rejected('crash', f'unexpected record for {path!r}')
                    proc.kill()
                    break
                yield path, res
                done += 1
            if failure is not None:
                yield pending[done], failure
                done += 1
            proc.kill()
            proc.wait()
            proc.stdout.close()
            errlog.close()
            pending = pending[done:]

    @staticmethod
    def _read(proc, q):
        out = proc.stdout
        while True:
            head = out.readline()
            if not head:
                break
            body = out.readline()
            if not body.endswith(b'\n'):
                break  # cut short: the file being dumped killed krait
            path = head.decode('utf-8', 'surrogateescape')[3:-1]
            q.put((path, parse_record(body[:-1].decode('utf-8', 'surrogateescape'))))
        q.put(None)


def first_difference(a, b):
    n = min(len(a), len(b))
    lo, hi = 0, n
    if a[:n] == b[:n]:
        return n
    while hi - lo > 1:  # the first index where they differ, by bisection
        mid = (lo + hi) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid
    return lo


def clip(s, i, width=70):
    start = max(0, i - width)
    return ('...' if start else '') + s[start:i + width] + ('...' if i + width < len(s) else '')


def describe(exp, got):
    if isinstance(exp, str) and isinstance(got, str):
        i = first_difference(exp, got)
        return (f'dumps differ at character {i}\n'
                f'    cpython: {clip(exp, i)}\n'
                f'    krait:   {clip(got, i)}')
    fmt = (lambda r: clip(r, 0) if isinstance(r, str) else str(r))
    return f'\n    cpython: {fmt(exp)}\n    krait:   {fmt(got)}'


def same(exp, got):
    if isinstance(exp, str) or isinstance(got, str):
        return exp == got
    return exp.key() == got.key()


def check_render(krait, path, exp, timeout):
    """Run the single-file mode and compare its whole output with CPython's."""
    try:
        r = subprocess.run([krait, '-X', 'dump-ast', path], capture_output=True,
                           timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return 'single-file run hung'
    out = r.stdout.decode('utf-8', 'replace')
    err = r.stderr.decode('utf-8', 'replace')
    if isinstance(exp, str):
        if r.returncode != 0 or out != exp + '\n' or err:
            return f'single-file run: status {r.returncode}, stderr {err[-300:]!r}'
        return None
    if r.returncode != 1 or out:
        return f'single-file run: status {r.returncode} (want 1), stdout {out[:100]!r}, stderr {err[-300:]!r}'
    if exp.cls in ('MemoryError', 'RecursionError'):
        if not err.startswith(('MemoryError', 'RecursionError')):
            return f'single-file stderr {err!r}, want MemoryError or RecursionError'
        return None
    want = expected_stderr(path, exp)
    if err != want:
        return f'single-file stderr differs\n    cpython: {want!r}\n    krait:   {err!r}'
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('paths', nargs='*', help='files or directories (default: the CI slice)')
    ap.add_argument('--krait', default=DEFAULT_KRAIT)
    ap.add_argument('--root', default=ROOT)
    ap.add_argument('--full', action='store_true', help='every .py file under --root')
    ap.add_argument('--slice', action='store_true',
                    help=f'every {SLICES["slice"]}th file + rejected + tricky (the default)')
    ap.add_argument('--small', action='store_true',
                    help=f'every {SLICES["small"]}th file + rejected + a few tricky (ASan runs)')
    ap.add_argument('--render', action='store_true',
                    help='also compare the single-file run\'s whole output')
    ap.add_argument('--objects', action='store_true',
                    help='compare ast.dump(ast.parse(src)) computed by krait in Python '
                         '(the _ast module) instead of -X dump-ast-batch')
    ap.add_argument('--timeout', type=float, default=120, help='seconds without progress = hang')
    ap.add_argument('--max-report', type=int, default=50, help='mismatches printed in full')
    ap.add_argument('--label', default='ast')
    ap.add_argument('--list', action='store_true', help='print the selected files and exit')
    args = ap.parse_args()

    if args.paths:
        files = []
        for p in args.paths:
            files.extend(all_files(p) if os.path.isdir(p) else [p])
    elif args.full:
        files = all_files(args.root)
    elif args.small:
        files = slice_files(args.root, SLICES['small'], tricky_limit=12)
    else:
        files = slice_files(args.root, SLICES['slice'])
    if args.list:
        print('\n'.join(files))
        return 0
    # ast.parse warns (SyntaxWarning, DeprecationWarning) about some inputs;
    # krait's dump-ast does not warn, and the warnings would bury the report.
    warnings.simplefilter('ignore')
    if not os.access(args.krait, os.X_OK):
        print(f'{args.label}: no krait binary at {args.krait}', file=sys.stderr)
        print(f'{args.label}: 0/{len(files)} files identical')
        return 1

    identical = 0
    reported = 0
    for path, got in KraitBatch(args.krait, files, args.timeout, args.objects).results():
        exp = cpython_result(path)
        problem = None if same(exp, got) else describe(exp, got)
        if problem is None and args.render:
            problem = check_render(args.krait, path, exp, args.timeout)
        if problem is None:
            identical += 1
            continue
        reported += 1
        if reported <= args.max_report:
            print(f'MISMATCH {path}: {problem}', flush=True)
    if reported > args.max_report:
        print(f'... and {reported - args.max_report} more mismatches')
    print(f'{args.label}: {identical}/{len(files)} files identical', flush=True)
    return 0 if identical == len(files) else 1


if __name__ == '__main__':
    sys.exit(main())
