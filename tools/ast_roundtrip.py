"""compile(ast.parse(src)) must make the same code as compile(src).

Run under krait, with the files to check as arguments:

    build/release/krait tools/ast_roundtrip.py \
        $(/usr/bin/python3.11 tools/ast_conformance.py --slice --list)

For each file that compiles from source, the tree goes through the _ast
node objects and back (compile() of an AST object): the two code objects
must agree in every attribute that describes the code (bytecode, names,
constants, line and exception tables...), nested code objects included.
Prints each file that differs or fails, then `ast-roundtrip: N passed, M
failed`; exits 1 if any differ. tests/run.sh runs it over the --slice files.
"""
import ast, sys, warnings
warnings.simplefilter('ignore')
ATTRS = ['co_code', 'co_names', 'co_varnames', 'co_freevars', 'co_cellvars', 'co_name',
         'co_qualname', 'co_flags', 'co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount',
         'co_firstlineno', 'co_linetable', 'co_exceptiontable', 'co_stacksize', 'co_nlocals']
def same(a, b, path):
    for at in ATTRS:
        if hasattr(a, at) and getattr(a, at) != getattr(b, at):
            return f'{path}.{at}'
    if len(a.co_consts) != len(b.co_consts):
        return f'{path}.co_consts len'
    for x, y in zip(a.co_consts, b.co_consts):
        if hasattr(x, 'co_code'):
            r = same(x, y, path + '/' + x.co_name)
            if r:
                return r
        elif type(x) != type(y) or (x != y and x == x):
            return f'{path}.co_consts {x!r} {y!r}'
    return None
ok = bad = 0
for path in sys.argv[1:]:
    try:
        src = open(path, 'rb').read()
        c1 = compile(src, path, 'exec', dont_inherit=True)
    except Exception as e:
        continue
    try:
        c2 = compile(ast.parse(src), path, 'exec', dont_inherit=True)
    except Exception as e:
        print('FAIL', path, type(e).__name__, e)
        bad += 1
        continue
    r = same(c1, c2, '')
    if r:
        print('DIFF', path, r)
        bad += 1
    else:
        ok += 1
print(f"ast-roundtrip: {ok} passed, {bad} failed")
sys.exit(1 if bad else 0)
