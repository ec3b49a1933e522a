# json decoding through the _json scanner: values, hooks, and every error with its position.
import json
import json.decoder
import json.scanner
from collections import OrderedDict


print(json.scanner.make_scanner is json.scanner.c_make_scanner, json.decoder.scanstring.__module__)

docs = [
    '0', '-0', '1', '-1', '123456789012345678', '1234567890123456789', '-99999999999999999999999',
    '1.5', '-0.0', '1e3', '1E-3', '1e+2', '2.5e300', '1e400', '-1e400', '0.1', '3.141592653589793',
    '1.7976931348623157e308', '5e-324', '123.456e-7',
    'true', 'false', 'null', 'NaN', 'Infinity', '-Infinity',
    '""', '"abc"', '"a\\"b"', '"\\\\"', '"\\/"', '"\\b\\f\\n\\r\\t"', '"\\u0041\\u00e9\\u4e2d"',
    '"\\ud83d\\ude00"', '"\\ud83d"', '"\\ude00"', '"\\ud83dx"', '"\\ud83d\\u0041"', '"\\uD83D\\uDE00"',
    '"é中😀"', '"mixed é \\n 中 \\u00e9 😀"',
    '[]', '[ ]', '[1,2,3]', ' [ 1 , [ 2 , [ 3 ] ] ] ', '{}', '{ }', '{"a":1}',
    '{"a": {"b": {"c": [1, {"d": null}]}}}', '{"k": 1, "k": 2}', '{"é": "ü", "中": [1.5, "x"]}',
    '\n\t {"spaces" :\r\n [ true , false ] }\n',
]
for d in docs:
    v = json.loads(d)
    print(repr(d), repr(v), type(v).__name__)

# hooks
print(json.loads('{"a": 1, "b": [1, {"c": 2}]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list, object_hook=dict))
print(json.loads('[1.10, 2, 3e1]', parse_float=lambda s: "float:" + s, parse_int=lambda s: "int:" + s))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: "const:" + s))
print(json.loads('"a\tb"', strict=False), json.loads('{"x\ny": 1}', strict=False))
d = json.loads('[{"key": 1}, {"key": 2}]')
print(list(d[0])[0] is list(d[1])[0])

# raw_decode and the scanner object itself
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] tail'), dec.raw_decode('{"a": "é"} é', 0))
sc = json.scanner.make_scanner(dec)
print(type(sc).__name__, sc.strict, sc.object_hook, sc.parse_float, sc.parse_int)
print(sc('xx"é中"yy', 2), sc('  [1, "é", {"中": 2}] ', 2), sc('1.5', 0))
for args in [('abc', 5), ('abc', 3), ('abc', -1), (b'[]', 0), ('[]', 1.0), ('xyz', 0)]:
    try:
        print(sc(*args))
    except StopIteration as e:
        print('StopIteration', e.value)
    except Exception as e:
        print(type(e).__name__, e)

# scanstring
ss = json.decoder.scanstring
print(ss('"abc"', 1), ss('x"a\\nb" tail', 2), ss('"é\\u00e9"', 1), ss('"a\tb"', 1, False))
for args in [('"abc', 1), ('"a\tb"', 1), ('"\\x"', 1), ('"\\u12"', 1), ('"\\u12', 1), ('"a"', 5),
             ('"a"', -1), (1, 0), ('"\\ud800\\u12"', 1), ('"\\ud800\\uzzzz"', 1)]:
    try:
        print(ss(*args))
    except Exception as e:
        print(type(e).__name__, e)

# errors, with their positions
bad = ['', ' ', '[', '{', ']', '[1,]', '[1 2]', '[1,,2]', '{"a":1,}', '{"a" 1}', '{"a":}',
       '{a:1}', '{"a":1 "b":2}', '{1: 2}', '"abc', '"a\nb"', '"\\q"', '"\\u00zz"', '"\\u12"',
       'nul', 'tru', 'fals', 'NaN1', '-', '-x', '01', '1.', '.5', '1e', '1e+', '+1', '[1] x',
       '{"a": [1, 2}', '[é]', '["é", x]', '\u00e9', '{"é": 1, é}', '"é\\x"', '  \n  [1,\n  2,\n  x]',
       '[' * 10 + ']' * 9, '{"a": "b" ,}', '"\x1f"', '"\\ud83d\\ude0"']
for b in bad:
    try:
        print(repr(b), json.loads(b))
    except json.JSONDecodeError as e:
        print(repr(b), type(e).__name__, e, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(b), type(e).__name__, e)

# deep nesting is a RecursionError, not a crash
try:
    json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e:
    print('RecursionError')
try:
    json.loads('1' * 5000)
except ValueError as e:
    print(type(e).__name__, e)

# argument errors of the module functions, and bytes input
import _json
for call in (lambda: _json.scanstring('"a"'), lambda: _json.scanstring('"a"', 1, True, 4),
             lambda: _json.scanstring('"a"', end=1), lambda: _json.encode_basestring(),
             lambda: _json.encode_basestring('a', 'b'), lambda: _json.make_scanner(),
             lambda: _json.make_scanner(1), lambda: _json.scanstring('"a"', 1.5),
             lambda: json.loads('"\\ud834\\udd1e x"'), lambda: json.loads('[1, 2, 3]    '),
             lambda: json.loads(b'{"a": 1}'), lambda: json.loads(bytearray(b'[1]')),
             lambda: json.loads('\ufeff[1]'), lambda: json.loads(b'\xef\xbb\xbf[1]'),
             lambda: json.dumps({'a': 1}, indent='\t'), lambda: json.dumps([1, [2]], indent=0)):
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)
