# contextvars: get/set/reset, Context.run isolation, copies and the mapping protocol.
import contextvars
from contextvars import ContextVar, Context, copy_context

a = ContextVar('a')
b = ContextVar('b', default='B')
print(a.name, b.name, b.get(), a.get('dflt'))
try:
    a.get()
except LookupError as e:
    print('LookupError', e.args[0] is a)

t1 = a.set(1)
print(a.get(), t1.var is a, t1.old_value is contextvars.Token.MISSING)
t2 = a.set(2)
print(a.get(), t2.old_value)
a.reset(t2)
print(a.get())
a.reset(t1)
print(a.get(None))

def show(label):
    ctx = copy_context()
    items = sorted((k.name, v) for k, v in ctx.items())
    print(label, len(ctx), items, a in ctx, b in ctx)

show('empty')
a.set('x')
show('after set')

def inner(n):
    a.set(n)
    b.set(n * 10)
    show('inner')
    return a.get() + b.get()

ctx = copy_context()
print('run ->', ctx.run(inner, 5))
show('outer')
print('ctx after run', ctx[a], ctx[b], ctx.get(b), len(ctx))
print(sorted(k.name for k in ctx), sorted(k.name for k in ctx.keys()), sorted(ctx.values(), key=str))

# The copy shares nothing observable with the original.
c2 = ctx.copy()
c2.run(a.set, 'changed')
print(ctx[a], c2[a], ctx == c2, ctx == ctx.copy())

# Nested runs of different contexts, and re-entering the same one.
def nested():
    a.set('n1')
    def deeper():
        try:
            ctx.run(lambda: None)
        except RuntimeError as e:
            print('RuntimeError', str(e).startswith('cannot enter context:'))
        a.set('n2')
        return a.get()
    r = Context().run(deeper)
    return r, a.get()
print(ctx.run(nested))
print(a.get())

# Exceptions inside run still restore the context.
def boom():
    a.set('boom')
    raise ValueError('inside')
try:
    Context().run(boom)
except ValueError as e:
    print('ValueError', e, a.get())

# Tokens from another context.
tok = ctx.run(a.set, 'z')
try:
    a.reset(tok)
except ValueError as e:
    print('ValueError', str(e).split(' at 0x')[-1].endswith('Context'))
ctx.run(a.reset, tok)
print(ctx[a])

# Empty Context, get with defaults, keys of the right type.
e = Context()
print(len(e), list(e), e.get(a), e.get(a, 3), list(e.items()), list(e.values()))
try:
    e[a]
except KeyError as exc:
    print('KeyError', exc.args[0] is a)

# Many variables, each set in a fresh copy.
vars_ = [ContextVar('v%d' % i, default=i) for i in range(50)]
def setall():
    for i, v in enumerate(vars_):
        v.set(i * i)
    return sum(v.get() for v in vars_)
print(copy_context().run(setall), sum(v.get() for v in vars_))
print(ContextVar[int], contextvars.Token[str])
