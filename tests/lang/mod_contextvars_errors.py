# contextvars: the error messages of ContextVar, Token and Context (addresses cut off).
import contextvars
from contextvars import ContextVar, Context, Token, copy_context
v = ContextVar('v')
w = ContextVar('w', default=5)
print(repr(Token.MISSING), type(Token.MISSING))
ctx = copy_context()
for f in [lambda: ctx[1], lambda: 1 in ctx, lambda: ctx.get(1), lambda: ContextVar(1), lambda: Context(1),
  lambda: hash(ctx), lambda: hash(v)==hash(v),
  lambda: type(v.get()), lambda: type(ctx[v]), lambda: v.reset(1), lambda: ctx.run(), lambda: type('X',(ContextVar,),{}), lambda: type('X',(Context,),{}),lambda: type('X',(Token,),{}),
  lambda: Token(), lambda: ContextVar(), lambda: ContextVar('a', 1), lambda: ContextVar('a', default=1, x=2), lambda: v.get(1,2), lambda: v.set(), lambda: ContextVar[int], lambda: Token[int], lambda: Context[int],
  lambda: v.name, lambda: w.get(), lambda: w.get(7), lambda: copy_context(1), lambda: ctx == 1, lambda: ctx == ctx.copy(), lambda: type(ctx.run(ctx.run, lambda: 1)),
  lambda: Context.__module__, lambda: Token.__module__, lambda: ContextVar.__name__, lambda: ctx.__class__.__module__]:
    try: r = f(); print(repr(r)[:200])
    except Exception as e: print(type(e).__name__, str(e).split(' at 0x')[0])
t = v.set(3)
for f in [lambda: t.var is v, lambda: t.old_value, lambda: v.reset(t), lambda: v.reset(t), lambda: w.reset(v.set(3)), lambda: ctx.run(v.reset, v.set(5))]:
    try: r = f(); print(repr(r)[:200])
    except Exception as e: print(type(e).__name__, str(e).split(' at 0x')[0])
try: v.name = 'x'
except Exception as e: print(type(e).__name__, e)
