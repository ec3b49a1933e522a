# contextvars: many variables set and reset in random order against a dict model;
# the persistent mapping (a HAMT) must agree after every few steps.
import contextvars, random
from contextvars import ContextVar, copy_context
random.seed(5)
vs = [ContextVar('v%d' % i) for i in range(500)]
model = {}
ctxs = []
def work():
    toks = []
    for step in range(5000):
        v = random.choice(vs)
        r = random.random()
        if r < 0.6:
            toks.append((v, v.set(step)))
            model[v] = step
        elif r < 0.8 and toks:
            v2, t = toks.pop()
            if not t.var is v2: raise SystemExit('bad')
            try:
                v2.reset(t)
            except RuntimeError:
                continue
            if t.old_value is contextvars.Token.MISSING:
                model.pop(v2, None)
            else:
                model[v2] = t.old_value
            # tokens popped out of order may be stale; recompute model from context
            ctx = copy_context()
            model.clear(); model.update(dict(ctx.items()))
        else:
            ctxs.append(copy_context())
        if step % 500 == 0:
            ctx = copy_context()
            assert len(ctx) == len(model), (len(ctx), len(model))
            assert all(ctx[k] == val for k, val in model.items())
            assert sorted(k.name for k in ctx) == sorted(k.name for k in model)
            assert all(k in ctx for k in model)
    ctx = copy_context()
    return len(ctx), sum(ctx.values()), len(list(ctx.items())), ctx == copy_context(), len(ctxs)
print(copy_context().run(work))
print(len(copy_context()))
