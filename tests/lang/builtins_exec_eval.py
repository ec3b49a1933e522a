# exec(), eval() and compile(): namespaces, __builtins__, modes, code
# objects, and the errors that come before anything runs.
g = {}
exec('x = 1\ny = x + 1', g)
print(sorted(k for k in g if k != '__builtins__'), g['y'])
print('__builtins__' in g)

g2 = {'a': 5}
l2 = {}
exec('b = a * 2\nc = b + 1', g2, l2)
print(sorted(l2.items()), 'b' in g2)

print(eval('1 + 2'))
print(eval('a * 3', {'a': 7}))
print(eval('a + b', {'a': 1}, {'b': 2}))
print(eval('  \t 40 + 2'))
print(eval(b'6 * 7'))
print(eval('len("abc")', {}))
print(eval('[x * x for x in range(4)]'))


class Mapping:
    def __getitem__(self, key):
        if key == 'magic':
            return 99
        raise KeyError(key)


print(eval('magic + 1', {}, Mapping()))
try:
    eval('missing', {}, Mapping())
except NameError as e:
    print('NameError', e)

code = compile('z = 10\nz * 2', '<src>', 'exec')
print(type(code).__name__, code.co_filename)
ns = {}
print(exec(code, ns), ns['z'])
expr = compile('z * 3', '<expr>', 'eval')
print(eval(expr, ns))
print(eval(expr, {'z': 'ab'}))

single = compile('40 + 2', '<single>', 'single')
exec(single)
import builtins
print(builtins._)


def f():
    v = 1
    exec('v = 2')
    return v


print(f())


def g3():
    local_var = 'here'
    return eval('local_var')


print(g3())

glob = globals()
exec('created_by_exec = 123', glob)
print(created_by_exec)

for bad in ('1 +', 'def', '(', 'x = = 1'):
    try:
        compile(bad, '<bad>', 'exec')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)

errors = [
    lambda: compile('1', 'f', 'bad'),
    lambda: compile(1, 'f', 'exec'),
    lambda: compile('1', 1, 'exec'),
    lambda: compile('\0', 'f', 'exec'),
    lambda: compile('x', 'f', 'exec', flags=0x10000000),
    lambda: compile('x', 'f', 'exec', optimize=5),
    lambda: eval(1),
    lambda: eval('1', 1),
    lambda: eval('1', {}, 1),
    lambda: eval('1', globals=None),
    lambda: exec('1', []),
    lambda: exec(1),
    lambda: exec('1', closure=1),
    lambda: exec(),
    lambda: eval(),
    lambda: eval('1 +'),
    lambda: exec('raise ValueError("inside")'),
    lambda: eval('undefined_name'),
]
for fn in errors:
    try:
        fn()
    except (TypeError, ValueError, SyntaxError, NameError) as e:
        print(type(e).__name__, e)

print(eval('__name__'), eval('__name__', {'__name__': 'other'}))
d = {}
exec('def h(): return 5', d)
print(d['h'](), d['h'].__module__ if '__name__' in d else 'no module')
exec('import sys as _s', d)
print(d['_s'].__name__)
