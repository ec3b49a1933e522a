"""deepcopy: copy.deepcopy of a graph of objects, containers and cycles.

The stdlib's pure-Python copy module walks a document of ITEMS records: class
instances with a __dict__, instances of a __slots__ class, an object with its
own __deepcopy__, dicts, lists, tuples, sets, frozensets, bytes, floats and
big ints, several records sharing one sub-object, and a cycle (each record
points back to the document). Dispatch on type, the memo dict, recursion,
__reduce_ex__ for the instances.

Check: the copy equals the original (structural __eq__ written out below),
no mutable part of the copy is an object of the original, every sharing and
the cycles are reproduced inside the copy, atoms are shared as the copy
module documents, and the custom __deepcopy__ ran once per object.
"""
import copy

from _harness import main, expect

ITEMS = 300
ROUNDS = 8


class Record:
    def __init__(self, i, shared, document):
        self.id = i
        self.name = 'record-%d' % i
        self.values = [i, i * 1.5, -i, 2 ** (i % 90)]
        self.pairs = {'k%d' % j: (j, str(j)) for j in range(i % 7)}
        self.tags = {'even' if i % 2 == 0 else 'odd', 'r%d' % (i % 3)}
        self.frozen = frozenset(range(i % 5))
        self.blob = bytes(range(i % 16))
        self.shared = shared
        self.point = Point(i, -i)
        self.document = document

    def __eq__(self, other):
        return (type(other) is Record and self.id == other.id and self.name == other.name and
                self.values == other.values and self.pairs == other.pairs and
                self.tags == other.tags and self.frozen == other.frozen and
                self.blob == other.blob and self.shared == other.shared and
                self.point == other.point)


class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)


class Counted:
    copies = 0

    def __init__(self, payload):
        self.payload = payload

    def __deepcopy__(self, memo):
        Counted.copies += 1
        return Counted(copy.deepcopy(self.payload, memo))

    def __eq__(self, other):
        return type(other) is Counted and self.payload == other.payload


def make_document():
    document = {'title': 'deepcopy bench', 'records': [], 'index': {}}
    shared = [Counted([j, {'depth': j}]) for j in range(10)]
    for i in range(ITEMS):
        record = Record(i, shared[i % 10], document)
        document['records'].append(record)
        document['index'][record.name] = record
    document['nested'] = [[[i, (i, [i])] for i in range(20)] for _ in range(10)]
    return document


DOCUMENT = make_document()


def run():
    Counted.copies = 0
    copies = [copy.deepcopy(DOCUMENT) for _ in range(ROUNDS)]
    return copies, Counted.copies


def ids_of_mutables(obj, seen):
    """Collect the ids of every mutable object reachable from obj."""
    if id(obj) in seen:
        return
    if isinstance(obj, (list, dict, set, Record, Point, Counted)):
        seen[id(obj)] = obj
    if isinstance(obj, dict):
        for k, v in obj.items():
            ids_of_mutables(k, seen)
            ids_of_mutables(v, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for v in obj:
            ids_of_mutables(v, seen)
    elif isinstance(obj, Record):
        ids_of_mutables(vars(obj), seen)
    elif isinstance(obj, Point):
        ids_of_mutables((obj.x, obj.y), seen)
    elif isinstance(obj, Counted):
        ids_of_mutables(obj.payload, seen)


ORIGINAL_IDS = {}
ids_of_mutables(DOCUMENT, ORIGINAL_IDS)


def check(result):
    copies, counted = result
    expect(counted == 10 * ROUNDS, '__deepcopy__ ran %d times, want %d', counted, 10 * ROUNDS)
    for n, doc in enumerate(copies):
        expect(doc is not DOCUMENT, 'deepcopy returned the original')
        expect(doc['records'] == DOCUMENT['records'], 'the copied records differ')
        expect(doc['nested'] == DOCUMENT['nested'], 'the copied nested lists differ')
        if n:
            # The other copies came from the same code: spot-check the cycle.
            expect(doc['records'][-1].document is doc, 'the cycle was not reproduced')
            continue
        copied = {}
        ids_of_mutables(doc, copied)
        expect(len(copied) == len(ORIGINAL_IDS), '%d mutable objects in the copy, %d in the '
               'original', len(copied), len(ORIGINAL_IDS))
        expect(not (copied.keys() & ORIGINAL_IDS.keys()), 'the copy shares a mutable object')
        records = doc['records']
        for i, record in enumerate(records):
            expect(record.document is doc, 'record %d does not point back to its copy', i)
            expect(doc['index'][record.name] is record, 'the index of the copy is not shared')
            expect(record.shared is records[i % 10].shared, 'sharing lost at record %d', i)
            expect(record.name is DOCUMENT['records'][i].name, 'a string atom was copied')
        expect(doc['nested'][0][0][1] is not DOCUMENT['nested'][0][0][1],
               'a tuple holding a list was not copied')


if __name__ == '__main__':
    main('deepcopy', run, check)
