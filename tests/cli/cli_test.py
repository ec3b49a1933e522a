#!/usr/bin/python3.11
"""The krait command line, checked against CPython's where they should agree.

usage: cli_test.py KRAIT
Prints each failure and ends with 'N passed, N failed'.
"""
import ast
import os
import re
import subprocess
import sys
import tempfile

KRAIT = os.path.abspath(sys.argv[1])  # some cases run in another directory
PY = '/usr/bin/python3.11'

passed = failed = 0


def check(name, ok, detail=''):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f'FAIL cli {name}' + (f': {detail}' if detail else ''))


def run(argv, stdin=None, prog=KRAIT):
    r = subprocess.run([prog, *argv], input=stdin, capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode('utf-8', 'replace'), r.stderr.decode('utf-8', 'replace')


def cpython_dump(src):
    return ast.dump(ast.parse(src), include_attributes=True) + '\n'


tmp = tempfile.mkdtemp(prefix='krait-cli-')
good = os.path.join(tmp, 'good.py')
with open(good, 'w') as f:
    f.write('def f(a, *, b=1):\n    return a + b  # comment\n\nx = f"{f(1)!r:>10}"\n')
bad = os.path.join(tmp, 'bad.py')
with open(bad, 'w') as f:
    f.write('x = (1,\ny = 2\n')
good_dump = cpython_dump(open(good, 'rb').read())

# -V / --version: "krait X (Python 3.11.N compatible)", N as CPython's.
pyver = subprocess.run([PY, '-V'], capture_output=True, text=True).stdout.split()[1]
for opt in ('-V', '--version'):
    rc, out, err = run([opt])
    check(f'{opt} format', rc == 0 and re.fullmatch(
        rf'krait \d+\.\d+\.\d+ \(Python {re.escape(pyver)} compatible\)\n', out), repr(out))
rc, out, _ = run(['-VV'])
check('-VV prints two lines', rc == 0 and len(out.splitlines()) == 2, repr(out))

# Help.
for opt in ('-h', '-?', '--help', '--help-all'):
    rc, out, _ = run([opt])
    check(f'{opt}', rc == 0 and out.startswith(f'usage: {KRAIT} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n')
          and '-X opt' in out, repr(out[:200]))
rc, out, _ = run(['--help-xoptions'])
check('--help-xoptions', rc == 0 and '-X dump-ast' in out and '-X parse-only' in out)

# Usage errors: same status and first line as CPython, same usage line shape.
for argv in (['-z'], ['--foo'], ['-c'], ['-m'], ['-X'], ['-W'], ['-Bz'],
             ['--check-hash-based-pycs']):
    rc, out, err = run(argv)
    prc, pout, perr = run(argv, prog=PY)
    first, pfirst = err.split('\n', 1)[0], perr.split('\n', 1)[0]
    check(f'usage error {argv}', rc == prc == 2 and first == pfirst and not out
          and f'usage: {KRAIT} [option]' in err, f'{rc} {err!r} vs CPython {prc} {perr!r}')
rc, _, err = run(['--check-hash-based-pycs', 'sometimes'])
check('--check-hash-based-pycs bad value', rc == 2 and 'must be one of' in err, err)
rc, _, err = run(['--check-hash-based-pycs', 'never', '-X', 'dump-ast', good])
check('--check-hash-based-pycs never accepted', rc == 0, err)

# Running programs: stdout, stderr's last line and the status as CPython's.
argv_prog = os.path.join(tmp, 'show_argv.py')
with open(argv_prog, 'w') as f:
    f.write('import sys\nprint(sys.argv[1:], __name__)\nraise SystemExit(sys.argv[-1] if len(sys.argv) > 2 else 3)\n')
for argv, stdin in ((['-c', 'print("hi", 6 * 7)'], None),
                    (['-c', 'import sys; print(sys.argv)', 'a', 'b'], None),
                    ([argv_prog, 'arg1'], None), ([argv_prog, 'x', 'y'], None),
                    (['-', 'q'], b'import sys\nprint(sys.argv, 1 + 1)\n'),
                    ([], b'print("from stdin")\n'),
                    (['-BEsSuqIOO', '-W', 'error', '-c', 'print(__debug__)'], None),
                    (['-c', '1/0'], None), (['-c', 'raise SystemExit(7)'], None),
                    (['-c', 'import sys; sys.exit("bye")'], None)):
    rc, out, err = run(argv, stdin)
    prc, pout, perr = run(argv, stdin, prog=PY)
    last = (err.strip().split('\n') or [''])[-1]
    plast = (perr.strip().split('\n') or [''])[-1]
    check(f'program {argv}', rc == prc and out == pout and last == plast,
          f'{rc} {out!r} {err!r} vs CPython {prc} {pout!r} {perr!r}')
# -m: a module or a package's __main__ found on sys.path (the current
# directory first) runs as __main__ with runpy's __spec__, __package__ and
# sys.argv[0]; the errors name the executable, so only their text after it
# is compared.
mdir = os.path.join(tmp, 'mods')
os.makedirs(os.path.join(mdir, 'mpkg'))
os.makedirs(os.path.join(mdir, 'nomain'))
show = ('import sys; print(__name__, __file__.split("/")[-2:], repr(__package__), '
        '[a.split("/")[-1] for a in sys.argv], __spec__.name, __spec__.parent)\n')
for rel, text in [('mmod.py', show), ('mpkg/__init__.py', 'print("init", __name__)\n'),
                  ('mpkg/__main__.py', show), ('mpkg/sub.py', show),
                  ('nomain/__init__.py', ''), ('mfail.py', 'raise ValueError("in module")\n'),
                  ('mplain.py', 'print("plain", __name__)\n')]:
    with open(os.path.join(mdir, rel), 'w') as f:
        f.write(text)
for argv in (['-m', 'mmod', 'a', 'b'], ['-m', 'mpkg', 'x'], ['-m', 'mpkg.sub'],
             ['-m', 'mpkg.__main__'], ['-m', 'nomain'], ['-m', 'nosuch'], ['-m', 'nosuch.x'],
             ['-m', 'mpkg.nosuch'], ['-m', 'sys'], ['-m', 'mplain.x'], ['-m', 'mfail'],
             ['-m', 'mmod', '-c', 'x']):
    r = subprocess.run([KRAIT, *argv], capture_output=True, text=True, cwd=mdir, timeout=60)
    p = subprocess.run([PY, *argv], capture_output=True, text=True, cwd=mdir, timeout=60)
    last = (r.stderr.strip().split('\n') or [''])[-1].replace(KRAIT, 'EXE')
    plast = (p.stderr.strip().split('\n') or [''])[-1].replace(PY, 'EXE')
    check(f'program {argv}', (r.returncode, r.stdout, last) == (p.returncode, p.stdout, plast),
          repr((r.returncode, r.stdout, last, p.returncode, p.stdout, plast)))

# CPython flags, clustered or not, and unknown -X options are accepted.
for argv in (['-X', 'dump-ast', good], ['-Xdump-ast', good], ['-BEsSu', '-X', 'dump-ast', good],
             ['-X', 'no_such_option=1', '-X', 'dump-ast', '-X', 'faulthandler', good],
             ['-Werror', '-bb', '-d', '-i', '-P', '-x', '-X', 'dump-ast', good],
             ['-X', 'dump-ast', '--', good]):
    rc, out, err = run(argv)
    check(f'dump-ast {argv[:-1]}', rc == 0 and out == good_dump and not err, f'{rc} {err!r}')
rc, out, err = run(['-X', 'dump-ast', '-'], open(good, 'rb').read())
check('dump-ast from stdin', rc == 0 and out == good_dump, err)
rc, out, err = run(['-X', 'dump-ast', '-c', 'x = "\u00e9" if a else b\n'])
check('dump-ast -c', rc == 0 and out == cpython_dump('x = "\u00e9" if a else b\n'), f'{out!r} {err!r}')
rc, out, err = run(['-X', 'dump-ast', os.path.join(tmp, 'missing.py')])
check('dump-ast missing file', rc == 2 and "can't open file" in err and 'No such file' in err, err)
rc, out, err = run(['-X', 'dump-ast', '-m', 'json'])
check('dump-ast -m refused', rc == 2 and not out, err)

# A SyntaxError: status 1, nothing on stdout, the exception last on stderr.
rc, out, err = run(['-X', 'dump-ast', bad])
check('dump-ast syntax error', rc == 1 and not out and err.startswith(f'  File "{bad}", line 1\n')
      and err.endswith("SyntaxError: '(' was never closed\n"), repr(err))
rc, out, err = run(['-X', 'dump-ast', '-c', 'x = (1,\n'])
check('dump-ast -c syntax error names <string>', rc == 1 and err.startswith('  File "<string>", line 1\n'), repr(err))

# dump-ast-batch: "@@ path" then one line per file.
rc, out, err = run(['-X', 'dump-ast-batch', good, bad])
lines = out.split('\n')
check('dump-ast-batch', rc == 0 and lines[0] == f'@@ {good}' and lines[1] + '\n' == good_dump
      and lines[2] == f'@@ {bad}' and lines[3].startswith('!SyntaxError\t1\t5\t')
      and lines[3].endswith("\t'(' was never closed") and lines[4:] == [''], repr(out[-300:]))

# dump-tokens: one token per line, ending with ENDMARKER.
rc, out, err = run(['-X', 'dump-tokens', good])
toks = out.splitlines()
check('dump-tokens', rc == 0 and toks and 'ENDMARKER' in toks[-1] and any(
    re.match(r"1,0-1,3:\s+NAME\s+'def'", t) for t in toks) and any('INDENT' in t for t in toks),
    repr(out[:300]) + repr(err))
rc, out, err = run(['-X', 'dump-tokens', '-c', 'x = "abc'])
check('dump-tokens error', rc == 1 and 'unterminated string literal' in err, repr(err))

# parse-only: a single summary line.
rc, out, err = run(['-X', 'parse-only', good, bad, good])
m = re.fullmatch(r'parse-only: 3 files, 1 failed, (\d+) bytes, [0-9.]+ seconds\n', out)
check('parse-only summary', rc == 0 and m and int(m.group(1)) == 2 * os.path.getsize(good)
      + os.path.getsize(bad), repr(out) + repr(err))

rc, out, err = run(['-X', 'parse-only=dump', good, bad])
m = re.fullmatch(r'parse-only: 2 files, 1 failed, \d+ bytes, [0-9.]+ seconds, (\d+) dump bytes\n', out)
check('parse-only=dump summary', rc == 0 and m and int(m.group(1)) == len(good_dump.encode()),
      repr(out) + repr(err))

# The int/str conversion limit: PYTHONINTMAXSTRDIGITS and -X int_max_str_digits
# (the first -X wins; -E ignores the variable), and CPython's fatal error.
limit_prog = 'import sys; print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)'
for env_value, xopts, extra in [(None, [], []), ('1000', [], []), ('0', [], []), ('640', [], []),
                                ('1000', [], ['-E']), ('', [], []), (None, ['800', '900'], []),
                                ('700', ['800'], []), ('7', ['800'], []), (None, ['8'], []),
                                (None, ['700x'], []), (None, ['-1'], []), (None, [None], []),
                                ('99999999999', [], []), (' +700', [], [])]:
    argv = list(extra)
    for x in xopts:
        argv += ['-X', 'int_max_str_digits' + ('' if x is None else '=' + x)]
    argv += ['-c', limit_prog]
    env = dict(os.environ)
    env.pop('PYTHONINTMAXSTRDIGITS', None)
    if env_value is not None:
        env['PYTHONINTMAXSTRDIGITS'] = env_value
    got = subprocess.run([KRAIT, *argv], capture_output=True, text=True, env=env, timeout=60)
    want = subprocess.run([PY, *argv], capture_output=True, text=True, env=env, timeout=60)
    check(f'int_max_str_digits {env_value!r} {xopts} {extra}',
          (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr),
          repr((got.returncode, got.stdout, got.stderr, want.stderr)))

# http.server serving a file on loopback to a client in this process, on a
# port this test picks. (`-m http.server` itself needs threads: its
# ThreadingHTTPServer starts one per request, which krait cannot yet.)
import socket
import time
import urllib.request
site = os.path.join(tmp, 'site')
os.mkdir(site)
with open(os.path.join(site, 'hello.txt'), 'wb') as f:
    f.write(b'hello over http\n')
with socket.socket() as probe:
    probe.bind(('127.0.0.1', 0))
    port = probe.getsockname()[1]
server_prog = ('import http.server, functools, sys\n'
               'h = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])\n'
               'with http.server.HTTPServer(("127.0.0.1", int(sys.argv[2])), h) as s:\n'
               '    print("ready", flush=True)\n'
               '    for _ in range(2):\n'
               '        s.handle_request()\n')
server = subprocess.Popen([KRAIT, '-c', server_prog, site, str(port)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
try:
    ready = server.stdout.readline() == b'ready\n'
    body = status = None
    if ready:
        with urllib.request.urlopen(f'http://127.0.0.1:{port}/hello.txt', timeout=10) as r:
            body = r.read()
        try:
            urllib.request.urlopen(f'http://127.0.0.1:{port}/missing', timeout=10)
        except urllib.error.HTTPError as e:
            status = e.code
    server.wait(timeout=30)
    log = server.stderr.read().decode('utf-8', 'replace')
    check('http.server serves a file', ready and body == b'hello over http\n' and status == 404
          and server.returncode == 0 and '"GET /hello.txt HTTP/1.1" 200' in log,
          repr((ready, body, status, server.returncode, log[-300:])))
finally:
    if server.poll() is None:
        server.kill()
        server.wait()
# site and the flags that shape sys.path: -S (no site: no exit/quit/help,
# no site-packages), -I (isolated: no '' and no user site), -s, -E, -P,
# PYTHONNOUSERSITE, PYTHONPATH; the same sys.path, site-added builtins and
# modules as CPython's. krait's own lib-dynload (beside the real executable)
# stands where CPython's is.
KRAIT_DYNLOAD = os.path.join(os.path.dirname(os.path.realpath(KRAIT)), 'lib-dynload')
site_prog = ('import sys, builtins\n'
             'print([p for p in sys.path])\n'
             'print([n for n in ("exit", "quit", "help", "license", "credits", "copyright")'
             ' if hasattr(builtins, n)])\n'
             'print("site" in sys.modules, sys.flags.no_site, sys.flags.no_user_site,'
             ' sys.flags.isolated, sys.flags.ignore_environment, sys.flags.safe_path)\n'
             'print(repr(exit) if hasattr(builtins, "exit") else "-", type(help).__name__'
             ' if hasattr(builtins, "help") else "-")\n')
for argv, env_extra in [([], {}), (['-S'], {}), (['-I'], {}), (['-s'], {}), (['-E'], {}),
                        (['-P'], {}), ([], {'PYTHONNOUSERSITE': '1'}),
                        ([], {'PYTHONPATH': '/nonexistent/a:/nonexistent/b'}),
                        (['-E'], {'PYTHONPATH': '/nonexistent/a'}),
                        (['-S', '-s'], {}), (['-I', '-S'], {})]:
    env = dict(os.environ)
    env.pop('PYTHONPATH', None)
    env.update(env_extra)
    got = subprocess.run([KRAIT, *argv, '-c', site_prog], capture_output=True, text=True,
                         env=env, timeout=60, cwd=tmp)
    got.stdout = got.stdout.replace(repr(KRAIT_DYNLOAD), repr('/usr/lib/python3.11/lib-dynload'))
    want = subprocess.run([PY, *argv, '-c', site_prog], capture_output=True, text=True,
                          env=env, timeout=60, cwd=tmp)
    check(f'site {argv} {env_extra}', (got.returncode, got.stdout) == (want.returncode, want.stdout),
          repr((got.stdout, got.stderr[-300:], want.stdout)))
# A script's directory goes first, after site ran.
site_script = os.path.join(tmp, 'site_path.py')
with open(site_script, 'w') as f:
    f.write('import sys\nprint(sys.path[0] == __import__("os").path.dirname(__file__), len(sys.path))\n')
for argv in ([site_script], ['-S', site_script], ['-I', site_script]):
    got = run(argv)
    want = run(argv, prog=PY)
    check(f'site script {argv}', got[:2] == want[:2], repr((got, want)))

# The code cache: importlib's .pyc files under sys.pycache_prefix
# ($XDG_CACHE_HOME/krait), named with krait's cache tag; stale entries
# (the source changed size or mtime) and damaged ones are compiled again;
# -B and PYTHONDONTWRITEBYTECODE read but never write; nothing is written
# beside the sources.
cache_home = os.path.join(tmp, 'cache-home')
cdir = os.path.join(tmp, 'cached-mods')
os.makedirs(cdir)
with open(os.path.join(cdir, 'cachedmod.py'), 'w') as f:
    f.write('value = 1\n')
cache_prog = ('import cachedmod, sys, os\n'
              'c = cachedmod.__cached__\n'
              'print(cachedmod.value, c.startswith(sys.pycache_prefix + os.sep), '
              'sys.implementation.cache_tag in os.path.basename(c), os.path.exists(c))\n')


def run_cached(*opts, extra_env=None):
    env = dict(os.environ)
    env.pop('PYTHONDONTWRITEBYTECODE', None)
    env.pop('PYTHONPYCACHEPREFIX', None)
    env['XDG_CACHE_HOME'] = cache_home
    env.update(extra_env or {})
    r = subprocess.run([KRAIT, *opts, '-c', cache_prog], capture_output=True, text=True,
                       env=env, cwd=cdir, timeout=60)
    return r.stdout + r.stderr


check('code cache: first run writes', run_cached() == '1 True True True\n', run_cached())
check('code cache: second run reads', run_cached() == '1 True True True\n')
with open(os.path.join(cdir, 'cachedmod.py'), 'w') as f:
    f.write('value = 22  # a new size\n')
check('code cache: a changed source is compiled again', run_cached() == '22 True True True\n',
      run_cached())
pycs = [os.path.join(d, n) for d, _, ns in os.walk(cache_home) for n in ns if n.startswith('cachedmod.')]
for p in pycs:
    with open(p, 'wb') as f:
        f.write(b'not a pyc at all')
check('code cache: a damaged entry is compiled again', run_cached() == '22 True True True\n',
      run_cached())
for p in pycs:
    os.remove(p)
check('code cache: -B does not write', run_cached('-B') == '22 True True False\n', run_cached('-B'))
check('code cache: PYTHONDONTWRITEBYTECODE does not write',
      run_cached(extra_env={'PYTHONDONTWRITEBYTECODE': '1'}) == '22 True True False\n')
check('code cache: nothing beside the sources', sorted(os.listdir(cdir)) == ['cachedmod.py'],
      repr(os.listdir(cdir)))
other = os.path.join(tmp, 'other-prefix')
out = run_cached(extra_env={'PYTHONPYCACHEPREFIX': other})
check('code cache: PYTHONPYCACHEPREFIX', out == '22 True True True\n' and os.path.isdir(other), out)

# A script named by a relative path: __file__ and tracebacks show it joined
# to the current directory (CPython 3.9+), sys.argv[0] as given.
rel_dir = os.path.join(tmp, 'rel')
os.mkdir(rel_dir)
with open(os.path.join(rel_dir, 'prog.py'), 'w') as f:
    f.write('import sys\nprint(__file__, sys.argv[0])\nraise ValueError("x")\n')
outs = []
for prog in (KRAIT, PY):
    r = subprocess.run([prog, 'rel/../rel/prog.py'], cwd=tmp, capture_output=True, timeout=60)
    outs.append((r.returncode, r.stdout, r.stderr))
check('relative script path is made absolute', outs[0] == outs[1], repr(outs))

print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
