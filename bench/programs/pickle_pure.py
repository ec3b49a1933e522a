"""pickle_pure: the pickle module's pure-Python Pickler and Unpickler.

pickle._Pickler and pickle._Unpickler (the implementations CPython falls
back to without its _pickle accelerator, and the ones krait and PyPy run)
dump and load a document of RECORDS records, with protocols 2 and 4, ROUNDS
times: class instances (by __reduce_ex__ and __dict__), an instance with
__getstate__/__setstate__, dicts, lists, tuples, sets, bytes, floats, big
ints, True/False/None, strings with non-ASCII text, a shared sub-object and a
cycle. Opcode dispatch through dicts of methods, struct packing, the memo,
BytesIO.

Check: loading gives back an equal document (structural __eq__), the sharing
and the cycle are restored, the two protocols decode to the same document,
and a small value pickles to the bytes the pickle format prescribes, opcode
by opcode (PROTO 2, BININT1, BINUNICODE, BINPUT, TUPLE2, BINPUT, STOP).
"""
import io
import pickle

from _harness import main, expect

RECORDS = 150
ROUNDS = 6


class Record:
    def __init__(self, i, shared):
        self.id = i
        self.name = 'rekord-%d-ü' % i
        self.values = [i, i / 3.0, -i, 2 ** (i % 100), None, i % 2 == 0]
        self.pairs = {'k%d' % j: (j, str(j), b'%d' % j) for j in range(i % 6)}
        self.tags = {'t%d' % (i % 4), 'u%d' % (i % 3)}
        self.shared = shared
        self.window = Window(i, i + 10)

    def __eq__(self, other):
        return type(other) is Record and vars(self) == vars(other)


class Window:
    """Pickled through __getstate__/__setstate__ as a compact tuple."""

    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi
        self.width = hi - lo

    def __getstate__(self):
        return (self.lo, self.hi)

    def __setstate__(self, state):
        self.lo, self.hi = state
        self.width = self.hi - self.lo

    def __eq__(self, other):
        return type(other) is Window and vars(self) == vars(other)


def make_document():
    shared = {'config': [1, 2, 3], 'name': 'shared'}
    doc = {'title': 'pickle bench', 'records': [Record(i, shared) for i in range(RECORDS)],
           'matrix': [[float(r * c) for c in range(10)] for r in range(20)],
           'blob': bytes(range(256)) * 4}
    doc['self'] = doc
    return doc


DOCUMENT = make_document()


def dumps(obj, protocol):
    buffer = io.BytesIO()
    pickle._Pickler(buffer, protocol).dump(obj)
    return buffer.getvalue()


def loads(data):
    return pickle._Unpickler(io.BytesIO(data)).load()


def run():
    results = []
    for _ in range(ROUNDS):
        for protocol in (2, 4):
            data = dumps(DOCUMENT, protocol)
            results.append((protocol, len(data), loads(data)))
    return results


def check(results):
    expect(len(results) == 2 * ROUNDS, '%d results', len(results))
    for protocol, size, doc in results:
        expect(doc['self'] is doc, 'protocol %d lost the cycle', protocol)
        expect(doc['records'] == DOCUMENT['records'], 'protocol %d: the records differ', protocol)
        expect(doc['matrix'] == DOCUMENT['matrix'] and doc['blob'] == DOCUMENT['blob'],
               'protocol %d: the matrix or the blob differs', protocol)
        shared = doc['records'][0].shared
        expect(all(r.shared is shared for r in doc['records']), 'protocol %d lost the sharing',
               protocol)
        expect(size > 10000, 'protocol %d pickle is only %d bytes', protocol, size)
    sample = dumps((1, 'a'), 2)
    expect(sample == b'\x80\x02K\x01X\x01\x00\x00\x00aq\x00\x86q\x01.', 'the sample pickles as %r',
           sample)
    expect(loads(sample) == (1, 'a'), 'the sample does not unpickle')


if __name__ == '__main__':
    main('pickle_pure', run, check)
