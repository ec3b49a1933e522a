# The _ast class layer: every node class, its namespace (_fields,
# _attributes, __match_args__, optional-field defaults, docs), the
# constructor's rules and messages, __reduce__ (copy, deepcopy, pickle).
import _ast
import copy
import pickle

names = [k for k in _ast.__dict__ if not k.startswith('__')]
print(len(names), names[:6], names[-4:])
for k in names:
    v = getattr(_ast, k)
    if not isinstance(v, type):
        print('const', k, v)
        continue
    ns = {a: b for a, b in v.__dict__.items() if a not in ('__weakref__', '__dict__')}
    shown = {a: b for a, b in sorted(ns.items())
             if not callable(b) and (not a.startswith('__') or a in ('__match_args__', '__module__'))}
    print(k, v.__bases__[0].__name__, v.__module__, v.__qualname__, shown)
    print('  doc', repr(v.__doc__))

AST = _ast.AST
print(repr(AST), AST.__module__, AST._fields, AST._attributes, AST.__match_args__)


def attempt(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', type(r).__name__, [(k, type(v).__name__ if isinstance(v, AST) else v)
                                       for k, v in sorted(vars(r).items())])


attempt(lambda: _ast.Name())
attempt(lambda: _ast.Name('x'))
attempt(lambda: _ast.Name('x', _ast.Load()))
attempt(lambda: _ast.Name('x', _ast.Load(), 3))
attempt(lambda: _ast.Name('x', id='y'))
attempt(lambda: _ast.Name('x', ctx=_ast.Store(), lineno=4, anything=5))
attempt(lambda: _ast.Pass(1))
attempt(lambda: _ast.Return(1, 2))
attempt(lambda: _ast.AST(1))
attempt(lambda: _ast.AST(x=1))
attempt(lambda: _ast.BinOp(1, 2, 3, 4))
attempt(lambda: _ast.arguments(*range(7)))
attempt(lambda: _ast.arguments(*range(8)))

n = _ast.Name()
for attr in ('id', 'ctx', 'lineno', 'end_lineno', 'end_col_offset', 'col_offset'):
    try:
        print(attr, repr(getattr(n, attr)))
    except AttributeError as e:
        print(attr, 'AttributeError', e)
print(_ast.Return().value, _ast.ImportFrom().level, _ast.arg().annotation,
      _ast.keyword().arg, _ast.MatchAs().pattern)
try:
    _ast.MatchAs().lineno
except AttributeError as e:
    print('AttributeError', e)
print(hasattr(_ast.MatchValue(), 'end_lineno'), hasattr(_ast.Expr(), 'end_lineno'))


class Custom(AST):
    _fields = ('a', 'b')


attempt(lambda: Custom(1, 2))
attempt(lambda: Custom(1, 2, 3))
attempt(lambda: Custom(1, b=2))
attempt(lambda: Custom(1, a=2))


class Bad(AST):
    _fields = None


attempt(lambda: Bad(1))
attempt(lambda: Bad())


class Sub(_ast.Name):
    pass


attempt(lambda: Sub('s', _ast.Del()))
print(Sub._fields, isinstance(Sub(), _ast.expr), issubclass(Sub, AST))

print(isinstance(_ast.Load(), _ast.expr_context), _ast.Load() is _ast.Load())
print(_ast.Add.__mro__)
x = _ast.Name('x', _ast.Load())
x.extra = [1, 2]
print(sorted(vars(x)), x.__reduce__()[0], x.__reduce__()[1])
print(_ast.Load().__reduce__())
tree = _ast.BinOp(_ast.Constant(1), _ast.Add(), x, lineno=1, col_offset=0)
for clone in (copy.copy(tree), copy.deepcopy(tree), pickle.loads(pickle.dumps(tree, 2))):
    print(type(clone).__name__, clone.left.value, type(clone.op).__name__, clone.right.id,
          clone.right.extra, clone.lineno, clone.right is x, clone.right.extra is x.extra)

match tree:
    case _ast.BinOp(_ast.Constant(v), _ast.Add(), _ast.Name(name)):
        print('matched', v, name)
print(_ast.Constant.__match_args__, _ast.Pass.__match_args__)
d = _ast.Dict()
d.__dict__ = {'keys': [], 'values': []}
print(d.keys, d.values)
try:
    d.__dict__ = 5
except TypeError as e:
    print('TypeError', e)
del d.keys
print(hasattr(d, 'keys'))
