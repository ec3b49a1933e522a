# The gc module's API: switches, thresholds, collect's argument, callbacks,
# statistics shapes, is_tracked, referents/referrers, the no-op freeze.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

old = gc.get_threshold()
print(old)
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError:", e)

print(type(gc.collect()).__name__, type(gc.collect(0)).__name__, type(gc.collect(generation=2)).__name__)
for bad in [3, -1]:
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError:", e)

phases = []


def cb(phase, info):
    phases.append((phase, sorted(info), info["generation"]))


gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
gc.collect()
print(phases)

stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats])
count = gc.get_count()
print(type(count).__name__, len(count))
print(gc.garbage, gc.get_freeze_count(), gc.freeze(), gc.unfreeze())
print(gc.get_debug(), gc.DEBUG_STATS, gc.DEBUG_LEAK)


class C:
    pass


print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(C()),
      gc.is_tracked({}), gc.is_tracked({"a": []}), gc.is_tracked((1, 2)),
      gc.is_tracked((1, [])), gc.is_tracked(None), gc.is_tracked(int))
try:
    gc.is_tracked()
except TypeError as e:
    print("TypeError:", e)

inner = C()
outer = [inner, 5, "s"]
print(inner in gc.get_referents(outer), 5 in gc.get_referents(outer))
print(any(x is outer for x in gc.get_referrers(inner)))
print(gc.get_referents(), gc.get_referents(1, "a"))
print(isinstance(gc.get_objects(), list), gc.get_objects(0) == [] or True)
