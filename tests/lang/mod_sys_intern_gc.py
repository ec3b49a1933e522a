# Interned strings live as long as the process: sys.intern returns the same
# object before and after collections, for short and long (over 8 KiB)
# strings, ASCII and not; indexing a non-ASCII interned string (which
# builds its position index after it was interned) keeps working across
# collections; attribute names made at run time stay usable.
import gc
import sys

made = []
for i in range(200):
    s = sys.intern('name_%d_é' % i if i % 3 == 0 else 'name_%d' % i)
    made.append((id(s), s))
big = sys.intern('x' * 20000 + 'ÿ')
big_id = id(big)
gc.collect()
junk = [('tmp%d' % i) * 10 for i in range(20000)]
del junk
gc.collect()

same = all(sys.intern(''.join(list(s))) is sys.intern(s) for _, s in made)
print(same, len(made))
print(sys.intern('x' * 20000 + 'ÿ') is big, id(big) == big_id)

# indexes built after interning, then collections
for _, s in made[::3]:
    print(s[-1], s[5:8], s.find('é'), end=' | ')
print()
gc.collect()
print([s[-1] for _, s in made[::30]], big[-1], big[19999:], len(big))

# a non-ASCII string interned, indexed, dropped by the program, collected,
# and interned again from a fresh copy: equal, its index intact
t = sys.intern('ключ_' + str(12345))
print(t[3], t[-2:])
del t
for _ in range(3):
    gc.collect()
    garbage = [str(i) * 5 for i in range(5000)]
t2 = sys.intern('ключ_' + '12345')
print(t2 == 'ключ_12345', t2[3], t2[-2:], t2.index('_'))

# attribute names created at run time are interned
class C:
    pass
obj = C()
for i in range(300):
    setattr(obj, 'attr_%d' % i, i)
gc.collect()
print(sum(getattr(obj, 'attr_%d' % i) for i in range(300)), hasattr(obj, 'attr_299'))
print(sorted(vars(obj))[:3])
