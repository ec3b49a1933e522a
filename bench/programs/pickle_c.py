"""pickle_c: the pickle module's C accelerator, as pyperformance's pickle and unpickle.

pickle.dumps and pickle.loads (the _pickle module: krait's C Pickler and
Unpickler, CPython's and PyPy's own) on a realistic nested document, with the
default protocol and protocol 2, ROUNDS times: the records of pyperformance's
pickle benchmark (dicts of str, int, float, bools, None, lists and tuples of
numbers, nested dicts), plus class instances (reduced through copyreg and
__dict__), sets, bytes, big ints, non-ASCII text, a shared sub-object and a
cycle. Exercises the opcode writer and reader, the memo, framing (protocol 4)
and reduce/BUILD.

Check: loading gives back an equal document (structural __eq__), the sharing
and the cycle are restored, the two protocols decode to the same document,
and small values pickle to the bytes the format prescribes, opcode by opcode.
"""
import pickle

from _harness import main, expect

RECORDS = 400
ROUNDS = 16


class Point:
    def __init__(self, x, y, label):
        self.x = x
        self.y = y
        self.label = label

    def __eq__(self, other):
        return type(other) is Point and vars(self) == vars(other)


def make_record(i, shared):
    # pyperformance's DICT / TUPLE / LIST shapes, varied per record
    return {
        'id': i,
        'name': 'user-%d' % i,
        'ads_flags': 0,
        'age': 18 + i % 60,
        'bulletin_count': i * 7,
        'comment_count': i % 13,
        'country': 'ÜS' if i % 3 else 'FR',
        'email': 'user%d@example.org' % i,
        'score': i / 7.0,
        'verified': i % 2 == 0,
        'avatar': None,
        'history': [i, i + 1.5, 'x' * (i % 5), (i, -i), 2 ** (40 + i % 40)],
        'point': Point(i, -i, 'p%d' % i),
        'tags': {'t%d' % (i % 5), 'u%d' % (i % 4)},
        'raw': b'%d' % i * 3,
        'shared': shared,
        'nested': {'a': [1, 2, [3, 4, {'b': (5, 6)}]], 'c': {'d': 'e'}},
    }


def make_document():
    shared = {'config': [1, 2, 3], 'name': 'shared'}
    doc = {'title': 'pickle bench', 'records': [make_record(i, shared) for i in range(RECORDS)],
           'matrix': [[float(r * c) for c in range(12)] for r in range(30)],
           'numbers': list(range(2000))}
    doc['self'] = doc
    return doc


DOCUMENT = make_document()


def run():
    # every round's pickle is loaded; the last document of each protocol is
    # kept for the check (keeping all would measure the collector instead)
    results = {}
    for _ in range(ROUNDS):
        for protocol in (pickle.DEFAULT_PROTOCOL, 2):
            data = pickle.dumps(DOCUMENT, protocol)
            doc = pickle.loads(data)
            sizes, _ = results.get(protocol, ([], None))
            results[protocol] = (sizes + [len(data)], doc)
    return results


def check(results):
    expect(sorted(results) == [2, pickle.DEFAULT_PROTOCOL], 'protocols %r', sorted(results))
    for protocol, (sizes, doc) in results.items():
        expect(len(sizes) == ROUNDS and len(set(sizes)) == 1, 'protocol %d sizes %r', protocol,
               sizes)
        size = sizes[0]
        expect(doc['self'] is doc, 'protocol %d lost the cycle', protocol)
        expect(doc['records'] == DOCUMENT['records'], 'protocol %d: the records differ', protocol)
        expect(doc['matrix'] == DOCUMENT['matrix'] and doc['numbers'] == DOCUMENT['numbers'],
               'protocol %d: the matrix or the numbers differ', protocol)
        shared = doc['records'][0]['shared']
        expect(all(r['shared'] is shared for r in doc['records']), 'protocol %d lost the sharing',
               protocol)
        expect(size > 50000, 'protocol %d pickle is only %d bytes', protocol, size)
    sample = pickle.dumps((1, 'a'), 2)
    expect(sample == b'\x80\x02K\x01X\x01\x00\x00\x00aq\x00\x86q\x01.', 'the sample pickles as %r',
           sample)
    sample4 = pickle.dumps([None, True, 300], 4)
    expect(sample4 == b'\x80\x04\x95\n\x00\x00\x00\x00\x00\x00\x00]\x94(N\x88M,\x01e.',
           'the protocol 4 sample pickles as %r', sample4)
    expect(pickle.loads(sample) == (1, 'a'), 'the sample does not unpickle')


if __name__ == '__main__':
    main('pickle_c', run, check)
