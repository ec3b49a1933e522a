# compile() of an AST object: trees from compile(..., PyCF_ONLY_AST) or
# built by hand compile and run as their source does; CPython's TypeError
# and ValueError messages for trees the grammar cannot produce. Only _ast is
# imported (see mod_ast_parse).
import _ast as ast

ONLY_AST = ast.PyCF_ONLY_AST
P = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=0)


def parse(src, mode='exec'):
    return compile(src, '<ast>', mode, ONLY_AST)


def run(tree, mode='exec'):
    try:
        code = compile(tree, '<tree>', mode)
    except Exception as e:
        msg = str(e)
        print(type(e).__name__, msg[:msg.find(' at 0x')] if ' at 0x' in msg else msg)
        return
    ns = {}
    try:
        result = eval(code, ns) if mode == 'eval' else exec(code, ns)
    except Exception as e:
        print('raised', type(e).__name__, e)
        return
    print('ok', result, sorted(k for k in ns if k != '__builtins__'), ns.get('out'))


# Round trips: parse, compile the tree, run it.
PROGRAMS = [
    "out = [i * i for i in range(5) if i % 2]",
    "def f(a, /, b=2, *c, d, **e):\n    return (a, b, c, d, e)\nout = f(1, d=4, x=5)",
    "class C:\n    'doc'\n    def m(self):\n        return __class__.__name__\nout = (C().m(), C.__doc__)",
    "def g():\n    x = yield 1\n    yield x * 2\nit = g()\nout = [next(it), it.send(5)]",
    "out = []\nfor i in range(3):\n    try:\n        1 / (i - 1)\n    except ZeroDivisionError as e:\n"
    "        out.append(str(e))\n    else:\n        out.append(i)\n    finally:\n        out.append('f')",
    "def h(p):\n    match p:\n        case [1, *rest]: return ('seq', rest)\n        case {'k': v}: return ('map', v)\n"
    "        case int(n) if n > 2: return ('int', n)\n        case _: return 'other'\n"
    "out = [h([1, 2, 3]), h({'k': 9}), h(5), h(1)]",
    "x = 3\nout = f'{x!r:>4}|{x=}|{\"s\":^5}'",
    "import sys as s\nfrom os import path\nout = (s.maxsize > 0, path.__name__.endswith('path'))",
    "out = {k: v for k, v in zip('ab', (1.5, -2j))}; del k\nout['t'] = (1, 'x', None, b'y', ...)",
    "out = (lambda *a, **k: (a, k))(1, *[2], z=3, **{'w': 4})",
    "try:\n    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])\n"
    "except* ValueError as e:\n    out = repr(e.exceptions)\nexcept* TypeError:\n    pass",
    "with open(__import__('os').devnull) as f, open(__import__('os').devnull) as g:\n    out = f.closed",
    "a = b = 5\na += 1\nout = [a, b, -a, not a, ~b, a if b else 0, a < b <= 10, a and b or 0]",
]
for src in PROGRAMS:
    run(parse(src))
run(parse("1 + 2 * 3", 'eval'), 'eval')
run(parse("x = 4; x", 'single'), 'single')

# compile() of a tree: mode must match the node, PyCF_ONLY_AST returns it.
t = parse("x = 1")
print(compile(t, 'f', 'exec', ONLY_AST) is t)
run(t, 'eval')
run(parse("1", 'eval'), 'exec')
run(ast.Interactive([ast.Pass(**P)]), 'exec')
run(ast.Name('x', ast.Load(), **P))
try:
    compile(parse("(a) -> b", 'func_type'), 'f', 'exec')
except TypeError as e:
    print('TypeError', e)

# A hand-made transformer: every Constant int is doubled, names renamed.
def transform(node):
    if isinstance(node, list):
        return [transform(x) for x in node]
    if not isinstance(node, ast.AST):
        return node
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return ast.Constant(node.value * 2, lineno=node.lineno, col_offset=node.col_offset)
    for f in node._fields:
        if hasattr(node, f):
            setattr(node, f, transform(getattr(node, f)))
    if isinstance(node, ast.Name) and node.id == 'x':
        node.id = 'y'
    return node


run(transform(parse("y = 0\nx = 1 + 2\nout = [x, 3, 'a']")))

# Hand-built trees; end positions may be left out.
run(ast.Module([ast.Assign([ast.Name('out', ast.Store(), lineno=1, col_offset=0)],
                           ast.BinOp(ast.Constant(6, lineno=1, col_offset=6), ast.Mult(),
                                     ast.Constant(7, lineno=1, col_offset=10),
                                     lineno=1, col_offset=6),
                           lineno=1, col_offset=0)], []))
# Constants the parser never makes: tuples, frozensets, negative and complex numbers.
for value in [(1, (2.5, 'x')), frozenset({3}), -7, -2**80, 1 + 2j, -0.0, True, 'é\U0001f600', b'\0']:
    run(ast.Expression(ast.Constant(value, **P)), 'eval')

# Errors of the conversion (TypeError) and of the validator (ValueError).
M = lambda *body: ast.Module(list(body), [])
E = lambda e: M(ast.Expr(e, **P))
N = lambda name, ctx=None: ast.Name(name, ctx or ast.Load(), **P)
C = lambda v: ast.Constant(v, **P)
BAD = [
    M(ast.Expr(C(1))),
    E(ast.Constant(1)),
    ast.Module([ast.Pass(**P)]),
    ast.Module((ast.Pass(**P),), []),
    ast.Module([None], []),
    M(ast.Expr(None, **P)),
    E(ast.Name(None, ast.Load(), **P)),
    E(ast.Name('x', **P)),
    E(ast.Name(1, ast.Load(), **P)),
    E(ast.Name('x', ast.Load, **P)),
    E(N('None')),
    E(N('x', ast.Store())),
    E(C([1])),
    E(C((1, {2}))),
    M(ast.Expr(C(1), lineno='a', col_offset=0)),
    M(ast.Expr(C(1), lineno=2**40, col_offset=0)),
    M(ast.Expr(C(1), lineno=2, col_offset=5, end_lineno=2, end_col_offset=3)),
    M(ast.Expr(C(1), lineno=3, col_offset=0, end_lineno=2, end_col_offset=3)),
    M(ast.Expr(ast.Pass(**P), **P)),
    M(ast.BinOp(C(1), ast.Add(), C(2), **P)),
    E(ast.BinOp(C(1), ast.Load(), C(2), **P)),
    E(ast.BoolOp(ast.And(), [C(1)], **P)),
    E(ast.Compare(C(1), [], [], **P)),
    E(ast.Compare(C(1), [ast.Eq(), ast.Lt()], [C(2)], **P)),
    E(ast.Dict([None], [], **P)),
    E(ast.Call(N('f'), [None], [], **P)),
    E(ast.Call(N('f'), (), [], **P)),
    E(ast.ListComp(N('x'), [], **P)),
    E(ast.Lambda(None, C(1), **P)),
    E(ast.Lambda(ast.arguments([], [], None, [], [], None, [C(1)]), C(1), **P)),
    E(ast.Lambda(ast.arguments([], [], None, [ast.arg('a', **P)], [], None, []), C(1), **P)),
    E(ast.FormattedValue(N('x'), 200, None, **P)),
    M(ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, []), [], [], **P)),
    M(ast.If(C(1), [], [], **P)),
    M(ast.Assign([], C(1), **P)),
    M(ast.Assign([C(1)], C(1), **P)),
    M(ast.Delete([N('x')], **P)),
    M(ast.AnnAssign(ast.Attribute(N('x'), 'a', ast.Store(), **P), N('int'), None, 1, **P)),
    M(ast.Try([ast.Pass(**P)], [], [], [], **P)),
    M(ast.Try([ast.Pass(**P)], [], [ast.Pass(**P)], [ast.Pass(**P)], **P)),
    M(ast.TryStar([ast.Pass(**P)], [], [], [], **P)),
    M(ast.Raise(None, C(1), **P)),
    M(ast.With([], [ast.Pass(**P)], **P)),
    M(ast.Import([], **P)),
    M(ast.ImportFrom('m', [ast.alias('y', **P)], -1, **P)),
    M(ast.Global([], **P)),
    M(ast.Assign([N('x', ast.Store())], C(1), 5, **P)),
    M(ast.Return(C(1), **P)),
    M(ast.Match(N('x'), [], **P)),
    ast.Module([ast.Pass(**P)], [ast.TypeIgnore(1, None)]),
    ast.Module([ast.Pass(**P)], [5]),
]
for tree in BAD:
    run(tree)

def case(pattern):
    return M(ast.Match(N('x'), [ast.match_case(pattern, None, [ast.Pass(**P)])], **P))

for pattern in [
    ast.MatchAs(name='y', **P),
    ast.MatchAs(name='_', **P),
    ast.MatchAs(**P),
    ast.MatchAs(name='True', **P),
    ast.MatchAs(ast.MatchAs(**P), None, **P),
    ast.MatchValue(N('y'), **P),
    ast.MatchValue(C(None), **P),
    ast.MatchValue(ast.UnaryOp(ast.USub(), C(1), **P), **P),
    ast.MatchSingleton(5, **P),
    ast.MatchStar('y', **P),
    ast.MatchSequence([ast.MatchStar('a', **P), ast.MatchStar('b', **P)], **P),
    ast.MatchMapping([], [ast.MatchAs(**P)], **P),
    ast.MatchMapping([C(1)], [ast.MatchAs(**P)], rest='_', **P),
    ast.MatchClass(C(1), [], [], [], **P),
    ast.MatchClass(N('C'), [], ['a'], [], **P),
    ast.MatchOr([ast.MatchAs(**P)], **P),
    ast.MatchAs(name='y', lineno=1, col_offset=0),
]:
    run(case(pattern))

# Deep trees: RecursionError, not a crash.
e = C(1)
for i in range(1500):
    e = ast.UnaryOp(ast.USub(), e, **P)
try:
    compile(ast.Expression(e), 'f', 'eval')
except RecursionError as err:
    print('RecursionError', err)

# Warnings: the parser's come from PyCF_ONLY_AST, the compiler's from
# compiling the tree; an error filter makes them SyntaxErrors.
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    t = parse('x = "\\d"\ny = x is 1\nassert (x, "m")\n')
    print('parsed', [(w.category.__name__, str(w.message), w.lineno) for w in caught])
    del caught[:]
    compile(t, 'f', 'exec')
    print('compiled', [(w.category.__name__, str(w.message), w.filename, w.lineno) for w in caught])
    run(M(ast.Expr(ast.Call(ast.Constant((1, 2), **P), [], [], **P), **P)))
    print([str(w.message) for w in caught[2:]])
with warnings.catch_warnings():
    warnings.simplefilter('error')
    for src in ['y = x is 1', 'x = "\\d"']:
        try:
            compile(parse(src), 'h', 'exec')
        except SyntaxError as e:
            print('SyntaxError', e.msg, e.lineno, e.offset)
