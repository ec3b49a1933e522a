# _pickle: memo sharing and recursion, the memo proxies, persistent ids,
# reducer_override, dispatch tables, __reduce_ex__/__reduce__/__setstate__,
# copyreg, find_class.
import copyreg
import io
import pickle


class Plain:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return 'Plain(%r)' % (self.x,)


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 1
        self.b = [2]


class WithState:
    def __init__(self):
        self.v = 3

    def __getstate__(self):
        return {'v': self.v * 10}

    def __setstate__(self, st):
        self.v = st['v'] + 1


class NewArgs:
    def __new__(cls, a, b=0):
        o = super().__new__(cls)
        o.args = (a, b)
        return o

    def __getnewargs_ex__(self):
        return (self.args[0],), {'b': self.args[1]}


class Reduce:
    def __reduce__(self):
        return (Plain, ('from-reduce',))


class ReduceEx:
    def __reduce_ex__(self, proto):
        return (Plain, ('proto %d' % proto,))


def setter(obj, state):
    obj.x = ('set', state)


class WithSetter:
    def __reduce__(self):
        return (Plain, (0,), 'st', None, None, setter)


class ListItems:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(x)

    def extend(self, xs):
        self.items.extend(('ext', x) for x in xs)

    def __reduce__(self):
        return (ListItems, (), None, iter([1, 2, 3]), None)


class DictItems(dict):
    def __reduce__(self):
        return (DictItems, (), None, None, iter([('a', 1), ('b', 2)]))


for proto in range(6):
    shared = [1, 2]
    doc = {'a': shared, 'b': shared, 't': (shared, shared)}
    back = pickle.loads(pickle.dumps(doc, proto))
    print(proto, back, back['a'] is back['b'], back['t'][0] is back['a'])
    rec = []
    rec.append(rec)
    rd = {}
    rd['self'] = rd
    rt = ([],)
    rt[0].append(rt)
    b1, b2, b3 = pickle.loads(pickle.dumps((rec, rd, rt), proto))
    print(b1[0] is b1, b2['self'] is b2, b3[0][0] is b3)
    p = Plain(None)
    p.x = p
    bp = pickle.loads(pickle.dumps(p, proto))
    print(bp.x is bp)
    try:
        s = pickle.loads(pickle.dumps(Slotted(), proto))
        print(s.a, s.b)
    except TypeError as e:
        print('TypeError', e)
    print(pickle.loads(pickle.dumps(WithState(), proto)).v)
    n = pickle.loads(pickle.dumps(NewArgs(5, b=7), proto))
    print(type(n).__name__, n.args)
    print(pickle.loads(pickle.dumps([Reduce(), ReduceEx(), WithSetter()], proto)))
    print(pickle.loads(pickle.dumps(ListItems(), proto)).items)
    print(sorted(pickle.loads(pickle.dumps(DictItems(), proto)).items()))
    print(pickle.dumps(Reduce(), proto))


# the memo proxies
f = io.BytesIO()
p = pickle.Pickler(f, 2)
obj = ['shared']
p.dump(obj)
memo = p.memo.copy()
print(type(p.memo).__name__, len(memo), sorted(v[0] for v in memo.values()))
print([v[1] for v in memo.values() if v[1] is obj] == [obj])
p.dump(obj)
print(f.getvalue())
p.clear_memo()
p.dump(obj)
print(f.getvalue())
p.memo = memo
p.dump(obj)
print(f.getvalue()[-4:])
p.memo.clear()
print(len(p.memo.copy()))
p2 = pickle.Pickler(io.BytesIO(), 2)
p2.memo = p.memo
print(p.memo.__reduce__()[0] is dict)
try:
    p.memo = 5
except TypeError as e:
    print('TypeError', e)
try:
    p.memo = {1: 2}
except TypeError as e:
    print('TypeError', e)
try:
    del p.memo
except TypeError as e:
    print('TypeError', e)

data = pickle.dumps([['a'], ['a']], 2)
u = pickle.Unpickler(io.BytesIO(data))
print(u.load(), sorted(u.memo.copy().items()))
u.memo.clear()
print(u.memo.copy())
u.memo = {0: 'zero', 3: 'three'}
print(sorted(u.memo.copy().items()))
for bad in ({'a': 1}, {-1: 1}, [1]):
    try:
        u.memo = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# fast mode: no memo
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.fast = 1
p.dump([[1], [1]])
print(p.fast, f.getvalue())


# persistent ids: as methods of subclasses and as attributes
class PPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Plain):
            return 'plain:%s' % obj.x
        return None


class PUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return ('loaded', pid)


for proto in range(6):
    f = io.BytesIO()
    PPickler(f, proto).dump([Plain(1), 2, Plain('z')])
    print(proto, f.getvalue())
    f.seek(0)
    print(PUnpickler(f).load())

f = io.BytesIO()
p = pickle.Pickler(f, 3)
p.persistent_id = lambda obj: 'I' if obj == 42 else None
p.dump([42, 43])
u = pickle.Unpickler(io.BytesIO(f.getvalue()))
u.persistent_load = lambda pid: 'got ' + pid
print(u.load(), p.persistent_id(42))
for who, attr in ((pickle.Pickler(io.BytesIO()), 'persistent_id'),
                  (pickle.Unpickler(io.BytesIO()), 'persistent_load')):
    try:
        getattr(who, attr)
    except AttributeError as e:
        print('AttributeError', e)
    try:
        setattr(who, attr, 5)
    except TypeError as e:
        print('TypeError', e)
try:
    pickle.loads(f.getvalue())
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)


# reducer_override
class ROPickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, Plain):
            return (str, ('overridden %s' % obj.x,))
        if obj is len:
            return (str, ('len!',))
        return NotImplemented


for proto in range(6):
    f = io.BytesIO()
    ROPickler(f, proto).dump([Plain(7), len, [1], 'x', int])
    print(proto, pickle.loads(f.getvalue()))


# dispatch tables: on the class, on the instance, and copyreg's
def reduce_plain(obj):
    return (str, ('dispatched %s' % obj.x,))


class DTPickler(pickle.Pickler):
    dispatch_table = {Plain: reduce_plain}


f = io.BytesIO()
DTPickler(f, 2).dump(Plain(1))
print(pickle.loads(f.getvalue()))
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dispatch_table = {Plain: lambda o: (tuple, ([o.x, 'inst'],))}
p.dump([Plain(2)])
print(pickle.loads(f.getvalue()), type(p.dispatch_table).__name__)
try:
    pickle.Pickler(io.BytesIO()).dispatch_table
except AttributeError as e:
    print('AttributeError')
copyreg.pickle(Plain, lambda o: (str, ('copyreg %s' % o.x,)))
print(pickle.loads(pickle.dumps(Plain(3), 2)))
del copyreg.dispatch_table[Plain]
print(pickle.loads(pickle.dumps(Plain(4), 2)))

# extension registry
copyreg.add_extension(__name__, 'Plain', 240)
try:
    for proto in (2, 3, 4):
        data = pickle.dumps(Plain, proto)
        print(proto, data, pickle.loads(data) is Plain)
finally:
    copyreg.remove_extension(__name__, 'Plain', 240)


# find_class overridden
class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == 'builtins' and name in ('set', 'frozenset'):
            return super().find_class(module, name)
        raise pickle.UnpicklingError('global %s.%s is forbidden' % (module, name))


for proto in range(6):
    for v in ({1, 2}, Plain(1)):
        try:
            print(Restricted(io.BytesIO(pickle.dumps(v, proto))).load())
        except pickle.UnpicklingError as e:
            print('UnpicklingError', e)
u = pickle.Unpickler(io.BytesIO(b''))
print(u.find_class('collections', 'OrderedDict').__name__)
print(u.find_class('os.path', 'join').__name__)
try:
    u.find_class('collections', 'Nope')
except AttributeError as e:
    print('AttributeError', e)


# Pickler and Unpickler subclasses that forget __init__
class NoInit(pickle.Pickler):
    def __init__(self):
        pass


class NoInitU(pickle.Unpickler):
    def __init__(self):
        pass


try:
    NoInit().dump(1)
except pickle.PicklingError as e:
    print('PicklingError', e)
try:
    NoInitU().load()
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)
