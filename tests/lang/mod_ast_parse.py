# compile(..., PyCF_ONLY_AST) (what ast.parse calls) gives node objects
# equal to CPython's, positions included (columns in UTF-8 bytes), in every
# mode. Only _ast is imported (the ast module is slow to import under
# -X gc-stress; mod_ast_stdlib uses it): `dump` prints every field and
# position attribute.
import _ast

ONLY_AST = _ast.PyCF_ONLY_AST


def dump(node):
    if isinstance(node, list):
        return '[' + ', '.join(dump(x) for x in node) + ']'
    if not isinstance(node, _ast.AST):
        return repr(node)
    parts = [f'{f}={dump(getattr(node, f))}' for f in node._fields]
    parts += [f'{a}={getattr(node, a)}' for a in node._attributes if hasattr(node, a)]
    return f'{type(node).__name__}({", ".join(parts)})'


def parse(src, mode='exec', **kw):
    return compile(src, '<unknown>', mode, ONLY_AST, **kw)


def walk(node):
    yield node
    for f in node._fields:
        v = getattr(node, f, None)
        for child in v if isinstance(v, list) else [v]:
            if isinstance(child, _ast.AST):
                yield from walk(child)


SOURCES = [
    "x = 1 + 2 * 3",
    "def f(a, /, b=1, *args, c, d=2, **kw) -> int:\n    return a\n",
    "@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    'doc'\n    x: int = 3\n",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y:\n        yield i\n",
    "match p:\n    case [1, *rest] if rest: pass\n    case {'k': v, **kw}: pass\n"
    "    case Point(x=0, y=_) | None: pass\n    case str() as s: pass\n    case -1 | 1+2j | b'x': pass\n",
    "f'{x!r:>{w}} and {y=} {{}} {z:%H}'",
    "try:\n    pass\nexcept* ValueError as e:\n    raise\nfinally:\n    del a[1:2, ::3]\n",
    "lambda: (yield)",
    "with (open(f) as g, h()):\n    pass",
    "print('héllo', 'ü' + x, π)",
    "a if b else c; [i for i in r if i]; {k: v for k, v in d}; {*s}; (x := 5)",
    "global g\nnonlocal_ = 1\nimport a.b as c, d\nfrom ..m import (n as o, p)",
    "x = 10**100; y = 1_000.5e-3; z = 0x_ff; w = 1j; s = 'a' 'b' u'c'",
    "assert x, 'msg'\nwhile True:\n    break\nelse:\n    continue",
    "a[b:c, d] += 1; a.b.c: 'T'; *a, b = c",
    "'''multi\nline''' + rb'\\x00'",
]

for src in SOURCES:
    tree = parse(src)
    print(dump(tree))

for src, mode in [("1 + f(x)", 'eval'), ("x = 1; x", 'single'), ("(int, str) -> bool", 'func_type'),
                  (b"# coding: latin-1\nx = '\xe9'\n", 'exec'), ("x = 1", 'exec')]:
    print(dump(parse(src, mode, _feature_version=8)))

# The small enums are shared singletons in parsed trees.
t = parse("a + b - c; x; y")
print(t.body[0].value.op is not t.body[0].value.left.op,
      t.body[1].value.ctx is t.body[2].value.ctx)

t = parse("def f(x):\n    return x * 2  # twice\n")
print(sorted({type(n).__name__ for n in walk(t)}))
print(parse('"""Doc."""\nx = 1').body[0].value.value)

# Parse errors are SyntaxErrors with CPython's positions.
for bad in ["x = (1,", "def f(:", "a = 1 +", "f(**x, *y)", "x := 1", "  x = 1", "\xef"]:
    try:
        parse(bad)
    except SyntaxError as err:
        print(type(err).__name__, err.msg, err.lineno, err.offset, err.end_lineno, err.end_offset)
for bad in [b"x = 1\0", 5]:
    try:
        parse(bad)
    except (ValueError, TypeError) as err:
        print(type(err).__name__, err)
try:
    parse("-" * 100000 + "1")
except (SyntaxError, RecursionError, MemoryError) as err:
    print('deep', type(err).__name__ in ('RecursionError', 'MemoryError', 'SyntaxError'))

# Decimal int literals longer than sys.get_int_max_str_digits() are refused.
import sys
sys.set_int_max_str_digits(4000)
print(len(str(parse('3' * 4000).body[0].value.value)))
for src in ['3' * 4001, '0x' + 'f' * 4001]:
    try:
        print(type(parse(src).body[0].value.value).__name__)
    except SyntaxError as err:
        print('SyntaxError', err.msg[:60])
sys.set_int_max_str_digits(0)
print(parse('7' * 5000).body[0].value.value % 1000)
sys.set_int_max_str_digits(4300)

# Type comments (ast.parse(type_comments=True)).
TYPE_COMMENTS = [
    'x = 1  # type: int', 'x = y = 1  #type:List[int]  ', 'x = 1  # type: ignore[abc] x',
    'import a  # type: ignore', 'x = 1  # type: ignore-3', 'x = 1  # type: ignoreé',
    'def f(a,  # type: int\n      b):\n  # type: (...) -> None\n  pass',
    'def f(a, # type: int\n  *b, # type: str\n  c=1, # type: float\n  **d # type: bytes\n  ):\n  pass',
    'def f():  # type: () -> int\n  x = 1  # type: int\n  return x',
    'for x in y:  # type: int\n  pass', 'with a as b, c:  # type: int\n  pass',
    'with (a, b):  # type: int\n  pass', 'async def f():\n  async for x in y:  # type: int\n    pass',
    'x = [\n  1,  # type: ignore\n]\n# type: ignore\n', 'x = 1 # type: int',
    'f()  # type: int', '# type: int\nx = 1', 'x = (1,  # type: int\n 2)', 'lambda x: 1 # type: int',
    'x: int = 1  # type: int', 'if x:  # type: int\n  pass',
    'def f():  # type: () -> None\n  # type: () -> str\n  pass\n',
]
for src in TYPE_COMMENTS:
    try:
        print(dump(compile(src, '<tc>', 'exec', ONLY_AST | _ast.PyCF_TYPE_COMMENTS)))
    except SyntaxError as err:
        print('SyntaxError', err.msg, err.lineno)
print(dump(parse('x = 1  # type: int')))
print(dump(compile('(int, *str, **Any) -> float', '<ft>', 'func_type', ONLY_AST)))
for src in ['(int, *str, *Any) -> float', '(int, **str, Any) -> float', '(int,) -> float']:
    try:
        parse(src, 'func_type')
    except SyntaxError as err:
        print('SyntaxError', err.msg)

# _feature_version (ast.parse(feature_version=(3, N))): newer syntax is refused.
for src, minor in [('(x := 0)', 7), ('(x := 0)', 8), ('def foo(x, /): ...', 7),
                   ('lambda x=1, /: ...', 7), ('with (a as b): ...', 8), ('with (a as b): ...', 9),
                   ('f"{x=}"', 7), ('f"{(y:=1)}"', 7), ('x = 1', 4)]:
    try:
        print(type(parse(src, _feature_version=minor)).__name__, minor)
    except SyntaxError as err:
        print('SyntaxError', err.msg, err.lineno, err.offset, err.end_offset)
print(type(compile('(x := 1)', 'f', 'exec', _feature_version=4)).__name__)
for src, minor in [('try:\n  pass\nexcept* E:\n  pass', 10), ('match x:\n  case 1: pass', 9)]:
    try:
        parse(src, _feature_version=minor)
    except SyntaxError as err:
        print('SyntaxError', err.msg)
for src, minor in [('a = b @ c', 4), ('a @= c', 4), ('async def f():\n  await x', 4),
                   ('async def f():\n  await x', 5), ('async def f():\n  async with a: pass', 4),
                   ('async def f():\n  [x async for x in xs]', 5), ('x: int = 1', 5), ('x.y: int', 5),
                   ('f"a{b}"', 5), ('x = 1_000', 5), ('x = "a" f"b"', 5), ('x = 1', 5)]:
    try:
        print(type(parse(src, _feature_version=minor)).__name__, minor)
    except SyntaxError as err:
        print('SyntaxError', err.msg, err.lineno, err.offset, err.end_offset)
