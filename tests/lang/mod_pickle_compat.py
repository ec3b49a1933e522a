# _pickle: Python 2 compatibility: module names mapped both ways
# (fix_imports, _compat_pickle), 8-bit strings (encoding='bytes', 'latin1'),
# and the old text protocol 0.
import collections
import io
import pickle

# pickling with protocols < 3 maps new names to Python 2 ones
for proto in range(6):
    for obj in (collections.UserDict, range, map, ZeroDivisionError, str, bytes, OSError,
                collections.OrderedDict, io.StringIO):
        for fix in (True, False):
            try:
                data = pickle.dumps(obj, proto, fix_imports=fix)
                print(proto, fix, data, pickle.loads(data) is obj)
            except Exception as e:
                print(proto, fix, type(e).__name__, e)

# unpickling maps Python 2 names to Python 3 ones (protocols < 3 only)
for data in (b'c__builtin__\nset\n.', b'cUserDict\nUserDict\n.', b'cexceptions\nStandardError\n.',
             b'c__builtin__\nxrange\n.', b'\x80\x02c__builtin__\nunicode\n.',
             b'\x80\x03c__builtin__\nunicode\n.', b'ccopy_reg\n_reconstructor\n.',
             b'cwhichdb\nwhichdb\n.'):
    for fix in (True, False):
        try:
            r = pickle.loads(data, fix_imports=fix)
            print(data, fix, r.__module__, r.__qualname__)
        except Exception as e:
            print(data, fix, type(e).__name__, e)

# Python 2 8-bit strings
py2 = [
    b"S'abc'\np0\n.",
    b'S"a\\x80\\nb"\np0\n.',
    b'U\x03\xe9t\xe9q\x00.',
    b'T\x04\x00\x00\x00\xff\x00\x01\x02q\x00.',
    b'\x80\x02]q\x00(U\x01aq\x01U\x02\xc3\xa9q\x02e.',
    b'(dp0\nS\'k\'\np1\nS\'v\\xe9\'\np2\ns.',
]
for data in py2:
    for kw in ({}, {'encoding': 'bytes'}, {'encoding': 'latin1'}, {'encoding': 'utf-8'},
               {'encoding': 'ascii', 'errors': 'replace'}, {'encoding': 'nope'}):
        try:
            print(data[:20], kw, repr(pickle.loads(data, **kw)))
        except Exception as e:
            print(data[:20], kw, type(e).__name__, e)

# protocol 0 text
for v in (1, -5, 2**40, True, False, 1.25, 'text\n\\é', [1, (2, 3)], {'a': None}, (), b'bin'):
    data = pickle.dumps(v, 0)
    print(data, pickle.loads(data) == v)
print(pickle.loads(b'I0012\n.'), pickle.loads(b'I0x1f\n.'), pickle.loads(b'I-7\n.'))
print(pickle.loads(b'L123L\n.'), pickle.loads(b'L-5\n.'), pickle.loads(b'F1e3\n.'))
print(pickle.loads(b'Vsnow\\u2603 \\U0001f600\n.'))
print(pickle.loads(b'(lp0\nI1\naI2\nag0\na.'))
print(pickle.loads(b'(I1\nI2\ntp0\n0g0\n.'))
print(pickle.loads(b'(i__main__\nC\n(dp0\nb.', fix_imports=False) if False else 'skip')
print(pickle.loads(b'ccollections\nOrderedDict\n)R(S\'a\'\nI1\nu.', encoding='latin1'))
