# The ast module over krait's _ast: parse, dump, unparse, literal_eval, and
# a NodeTransformer whose tree goes back through compile() (what pytest's
# assertion rewriting does).
import ast

src = '''
def check(x, y):
    assert x + 1 == y, "no"
    return [i for i in range(x) if i % 2]

result = check(4, 5)
'''
tree = ast.parse(src)
print(ast.dump(tree.body[0].body[0], indent=1))
print(ast.unparse(tree))


class RewriteAssert(ast.NodeTransformer):
    # assert t, m  ->  if not t: raise AssertionError(('rewritten', m, <source of t>))
    def visit_Assert(self, node):
        text = ast.Constant(ast.unparse(node.test))
        exc = ast.Call(ast.Name('AssertionError', ast.Load()),
                       [ast.Tuple([ast.Constant('rewritten'), node.msg, text], ast.Load())], [])
        new = ast.If(ast.UnaryOp(ast.Not(), node.test), [ast.Raise(exc, None)], [])
        return ast.copy_location(new, node)


class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if type(node.value) is int:
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


new = ast.fix_missing_locations(RewriteAssert().visit(ast.parse(src)))
ns = {}
exec(compile(new, '<rewritten>', 'exec'), ns)
print(ns['result'])
try:
    ns['check'](1, 5)
except AssertionError as e:
    print('AssertionError', e.args)

doubled = ast.fix_missing_locations(Double().visit(ast.parse("out = [1, 2, 'x'] * 2")))
ns = {}
exec(compile(doubled, '<doubled>', 'exec'), ns)
print(ns['out'])
print(eval(compile(ast.Expression(ast.parse("3 * 7", mode='eval').body), '<e>', 'eval')))

t = ast.parse("x = 1\ny = 2")
ast.increment_lineno(t, 10)
print([(n.lineno, n.end_lineno) for n in t.body], list(ast.iter_fields(t.body[0]))[1][0])
print(ast.literal_eval("[1, -2.5, 3+4j, ('a', b'b'), {'k': None}, set(), frozenset()]"
                       .replace(", frozenset()", "")))
try:
    ast.literal_eval("f(x)")
except ValueError as e:
    print('ValueError', str(e).split(' at ')[0])
try:
    compile(ast.parse("x = 1").body[0], 'f', 'exec')
except TypeError as e:
    print('TypeError', e)
print(ast.get_source_segment(src, tree.body[0].body[1].value))
