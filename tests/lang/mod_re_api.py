# re: argument parsing and errors of Pattern/Match methods, pos > endpos, str subclasses,
# bytes-like subjects, copyreg pickling hook, weakrefs, read-only attributes
import re
print(re.compile('').match('abc', 2, 1), re.compile('').search('abc', 2, 1), re.compile('(?m)$').match('ab\n', 2, 1))
print(re.compile('(?m)$').match('ab', 2, 1), re.compile('').fullmatch('abc', 2, 1), re.compile('x*').findall('abc', 2, 1))
print(re.compile(b'(?m)$').match(b'ab', 2, 1), re.compile('(?m)$').match('éb', 2, 1))
try:
    re.Pattern()
except Exception as e: print(type(e).__name__, e)
try:
    re.Match()
except Exception as e: print(type(e).__name__, e)
print(re.compile('a').match('a', pos=0, endpos=1))
try: re.compile('a').match('a', pattern='a')
except Exception as e: print(type(e).__name__, e)
try: re.compile('a').match()
except Exception as e: print(type(e).__name__, e)
try: re.compile('a').match('a', 'x')
except Exception as e: print(type(e).__name__, e)
try: re.compile('a').match('a', 1.0)
except Exception as e: print(type(e).__name__, e)
print(re.compile('a').match('a', True))
try: re.compile('a').sub()
except Exception as e: print(type(e).__name__, e)
try: re.compile('a').split('a', 'x')
except Exception as e: print(type(e).__name__, e)
m = re.match('(a)', 'a')
try: m.start(5)
except Exception as e: print(type(e).__name__, e)
try: m.group(1, 7)
except Exception as e: print(type(e).__name__, e)
try: m.span(1, 2)
except Exception as e: print(type(e).__name__, e)
try: m.groups(1, 2)
except Exception as e: print(type(e).__name__, e)
print(m.group(True), m[False])
class S(str): pass
m = re.match('(a)b', S('abc'))
print(type(m.group(1)).__name__, type(m.string).__name__, type(re.sub('z', 'y', S('ab'))).__name__, type(re.split('z', S('ab'))[0]).__name__)
print(type(re.sub(b'z', b'y', b'ab')).__name__, re.sub(b'z', b'y', bytearray(b'ab')))
import copyreg
f, a = copyreg.dispatch_table[re.Pattern](re.compile("a+", re.I)); p = f(*a)
print(p)
import weakref
r = weakref.ref(re.compile('weak'))
print(type(r).__name__)
try: m.foo = 1
except Exception as e: print(type(e).__name__, e)
try: re.compile('a').flags = 3
except Exception as e: print(type(e).__name__, e)
ba = bytearray(b'a1a2a3')
def f(m):
    try:
        ba.extend(b'zz')
    except Exception as e:
        print(type(e).__name__, e)
    return b'-'
print(re.sub(b'a', f, ba), ba)
s = re.compile('').scanner('abc', 2, 1)
print(s.match(), s.match(), s.search())
s = re.compile('x*').scanner('abc', 5, 1)
print(s.match(), s.search())
import _sre
print(sorted(n for n in dir(_sre) if not n.startswith('__')))
print(sorted(n for n in dir(re.Pattern) if not n.startswith('__') or n in ('__copy__', '__deepcopy__', '__class_getitem__')))
print(sorted(n for n in dir(re.Match) if not n.startswith('__') or n in ('__copy__', '__deepcopy__', '__class_getitem__', '__getitem__')))
s = re.compile('a').scanner('a')
print(type(s).__name__, type(s).__module__, sorted(n for n in dir(s) if not n.startswith('__')))
print(re.Pattern.__module__, re.Match.__qualname__, re.Pattern.match.__name__)
print(hash(re.compile('x')) == hash(re.compile('x')), re.compile('x') in {re.compile('x'): 1})
for a in (10**30, -10**30):
    try: print(re.compile('a').match('a', a))
    except Exception as e: print(type(e).__name__, e)
    try: print(re.compile('a').sub('b', 'a', a))
    except Exception as e: print(type(e).__name__, e)
    try: print(re.match('(a)', 'a').group(a))
    except Exception as e: print(type(e).__name__, e)
try: print(re.sub('a', 'b', 'aaa', -1))
except Exception as e: print(type(e).__name__, e)
try: print(re.split('a', 'bab', -1))
except Exception as e: print(type(e).__name__, e)
import _sre
for f in (_sre.ascii_iscased, _sre.unicode_iscased, _sre.ascii_tolower, _sre.unicode_tolower):
    for v in (-1, 0x110000, 2**31 - 1, 2**31, 'a', 1.0, True):
        try: print(f(v))
        except Exception as e: print(type(e).__name__, e)
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for args in [('a', 0, [1], 0, {}, ()), ('a', 0, [2**32], 0, {}, ()), ('a', 0, [-1], 0, {}, ()), ('a', 0, ['x'], 0, {}, ()),
             ('a', 0, (1,), 0, {}, ()), ('a', 0, [1], 0, [], ()), ('a', 0, [1], 0, {}, [])]:
    try: print(_sre.compile(*args))
    except Exception as e: print(type(e).__name__, e)
