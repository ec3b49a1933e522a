# re: subclassing, read-only attributes, Match indexing with odd keys
import re
try:
    class P(re.Pattern): pass
except TypeError as e: print(e)
p = re.compile('(a)(b)?')
m = p.match('a')
try: m.string = 'x'
except AttributeError as e: print(e)
try: p.pattern = 'x'
except AttributeError as e: print(e)
print(m.__getitem__(1), bool(m), len(m.regs))
try: len(m)
except TypeError as e: print(e)
try: m[0:1]
except Exception as e: print(type(e).__name__, e)
print(re.Pattern.match.__doc__ is not None, p.scanner('a').pattern is p)
print(sorted(re.compile(r'(?P<x>a)(?P<y>b)').match('ab').groupdict().items()))
m = re.match('(?P<n>a)', 'a')
for k in (slice(0, 1), [1], 'n', 'zz', 1.0):
    try: print(m[k])
    except Exception as e: print(type(e).__name__, e)
print(type(re.compile('a').groupindex).__name__, type(re.compile('(?P<a>a)').groupindex).__name__)
