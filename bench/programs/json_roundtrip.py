"""json_roundtrip: encoding and decoding a nested document with the json module.

A deterministic document of 300 records (ints, floats, strings with
escapes and non-ASCII text, booleans, None, nested lists and dicts) is
encoded compactly, encoded again with indent=2 and sort_keys (the stdlib's
pure-Python encoder path even on CPython), and both texts are decoded.
String building and scanning, dict and list construction.

Check: decoding gives back the document (==, which also compares every float
exactly), re-encoding a decoded text reproduces it byte for byte, and a
small sample encodes to the text RFC 8259 and the json module's documented
defaults prescribe (ensure_ascii escapes, ", " and ": " separators).
"""
import json

from _harness import main, expect

RECORDS = 300
ROUNDS = 12
WORDS = ['alpha', 'beta', 'gamma', 'delta', 'épsilon', 'ζeta', 'eta "quoted"', 'theta\\path',
         'iota\ttab', 'kappa\nline', '日本語', 'lambda']


def make_document():
    records = []
    for i in range(RECORDS):
        records.append({
            'id': i,
            'name': WORDS[i % len(WORDS)] + str(i),
            'score': i * 1.25 - 7.0 / (i + 1),
            'ratio': (i * 7919 % 1000) / 1000.0,
            'active': i % 3 == 0,
            'parent': None if i % 5 else i // 5,
            'tags': [WORDS[(i + j) % len(WORDS)] for j in range(i % 6)],
            'matrix': [[i * r + c for c in range(4)] for r in range(3)],
            'meta': {'created': '2023-%02d-%02d' % (i % 12 + 1, i % 28 + 1),
                     'version': [1, i % 10, i % 7], 'big': 2 ** (i % 70) - 1},
        })
    return {'title': 'krait bench document', 'count': RECORDS, 'records': records}


DOCUMENT = make_document()


def run():
    results = []
    for _ in range(ROUNDS):
        compact = json.dumps(DOCUMENT, separators=(',', ':'))
        pretty = json.dumps(DOCUMENT, indent=2, sort_keys=True)
        results.append((compact, pretty, json.loads(compact), json.loads(pretty)))
    return results


VERIFIED = []


def check(results):
    for compact, pretty, from_compact, from_pretty in results:
        expect(from_compact == DOCUMENT, 'decoding the compact text changed the document')
        expect(from_pretty == DOCUMENT, 'decoding the indented text changed the document')
        if VERIFIED:
            expect((compact, pretty) == VERIFIED[0], 'the encoding changed between rounds')
            continue
        VERIFIED.append((compact, pretty))
        expect(json.dumps(from_compact, separators=(',', ':')) == compact,
               'the compact text does not re-encode to itself')
        expect(json.dumps(from_pretty, indent=2, sort_keys=True) == pretty,
               'the indented text does not re-encode to itself')
        expect(pretty.startswith('{\n  "count": 300,\n  "records": [\n    {\n'),
               'the indented text begins %r', pretty[:40])
    sample = json.dumps({'a': [1, 2.5, 'x\n\u00e9"'], 'b': None, 'c': True})
    expect(sample == '{"a": [1, 2.5, "x\\n\\u00e9\\""], "b": null, "c": true}',
           'the sample encodes as %s', sample)
    expect(json.loads('[1e3, -0.5, "\\ud83d\\ude00", {}]') == [1000.0, -0.5, '\U0001F600', {}],
           'the sample decodes wrongly')


if __name__ == '__main__':
    main('json_roundtrip', run, check)
