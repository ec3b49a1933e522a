# json encoding through the _json encoder and string escapers: values, options, errors.
import json
import json.encoder
import _json
from collections import OrderedDict
from enum import IntEnum


class Color(IntEnum):
    RED = 1


class MyStr(str):
    pass


class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"


class MyDict(dict):
    def items(self):
        return reversed(list(super().items()))


print(json.encoder.c_make_encoder is _json.make_encoder)
values = [
    None, True, False, 0, -1, 2**63, -2**100, 1.5, -0.0, 1e16, 1e-7, 123456789.123, 1/3,
    float('inf'), float('-inf'), float('nan'), "", "abc", 'a"b\\c', "\b\f\n\r\t\x00\x1f\x7f",
    "é", "中文", "😀", "\ud800", "\udfff", "mixed é 中 😀 \n", MyStr("sub\n"), Color.RED,
    MyFloat(2.5), [], (), {}, [1, [2, [3, []]]], (1, "t"), {"a": 1, "b": [True, None]},
    {"é": "中", "😀": ["\n"]}, OrderedDict([("z", 1), ("a", 2)]), MyDict(x=1, y=2),
    {1: "int", 2.5: "float", True: "t", None: "n", -3: "neg"}, {float("inf"): 1},
    [{"nested": {"deep": [1.25, "x"]}}] * 3,
]
for v in values:
    print(json.dumps(v), ascii(json.dumps(v, ensure_ascii=False)))
print(json.dumps(values[-6:], separators=(",", ":")), json.dumps([1, {"a": 2}], separators=("; ", " = ")))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps({"b": 1, 3: 2, "a": {}}, skipkeys=True), json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True), json.dumps([{(1,): 2, "a": 1, (2,): 3, "b": 2}], skipkeys=True))
print(json.dumps(set([1]) and [1, 2], default=list), json.dumps({1, 2, 3}, default=sorted))
print(json.dumps(complex(1, 2), default=lambda c: [c.real, c.imag]))
print(json.dumps([1, 2], indent=None), json.dumps({"a": [1, 2]}, indent=2))
print(json.dumps(float("nan"), allow_nan=True), json.dumps([float("inf")], check_circular=False))
long = "x" * 5000 + "é" * 100 + "\n" * 10
print(len(json.dumps(long)), len(json.dumps(long, ensure_ascii=False)), json.dumps(long)[-30:])

# the escapers on their own
for s in ["", "plain", 'q"b\\', "\x00\x01\x1f ~\x7f\x80", "é\u0100\uffff\U00010000\U0010ffff",
          "\ud800x\udc00", MyStr("m")]:
    print(_json.encode_basestring_ascii(s), ascii(_json.encode_basestring(s)))
for f in (_json.encode_basestring_ascii, _json.encode_basestring):
    for arg in (b"bytes", 5, None):
        try:
            f(arg)
        except Exception as e:
            print(type(e).__name__, e)

# errors
def cases():
    a = []
    a.append(a)
    yield lambda: json.dumps(a)
    d = {}
    d["self"] = d
    yield lambda: json.dumps(d)
    yield lambda: json.dumps([d])
    yield lambda: json.dumps(object())
    yield lambda: json.dumps({"k": {1, 2}})
    yield lambda: json.dumps(b"bytes")
    yield lambda: json.dumps({(1, 2): 3})
    yield lambda: json.dumps({b"k": 3})
    yield lambda: json.dumps(float("nan"), allow_nan=False)
    yield lambda: json.dumps([1, float("-inf")], allow_nan=False)
    yield lambda: json.dumps({float("inf"): 1}, allow_nan=False)
    yield lambda: json.dumps({"a": 1, 2: 3}, sort_keys=True)
    x = object()
    yield lambda: json.dumps(x, default=lambda o: o)
    yield lambda: json.dumps([x], default=lambda o: [o])
    yield lambda: json.dumps(x, default=lambda o: 1 / 0)
    yield lambda: json.dumps(2 ** 20000)
    nest = []
    for _ in range(100000):
        nest = [nest]
    yield lambda: json.dumps(nest) and "deep"

for f in cases():
    try:
        print(f())
    except RecursionError:
        print("RecursionError")
    except Exception as e:
        print(type(e).__name__, e)

# the encoder object itself
enc = _json.make_encoder({}, lambda o: "D", _json.encode_basestring_ascii, None, ": ", ", ", False, False, True)
print(enc([1, "é", {"k": object()}], 0), type(enc).__name__, enc.sort_keys, enc.key_separator)
enc2 = _json.make_encoder(None, str, lambda s: "<" + s + ">", None, ":", ",", True, True, True)
print(enc2({"b": [1, "x"], "a": 2.5, "c": None}, 0), enc2.markers)
bad_enc = _json.make_encoder(None, str, lambda s: 5, None, ":", ",", False, False, True)
for call in (lambda: bad_enc(["s"], 0),
             lambda: _json.make_encoder([], str, str, None, ":", ",", 0, 0, 0),
             lambda: _json.make_encoder(None, str, str, None, 1, ",", 0, 0, 0),
             lambda: _json.make_encoder(None, str, str, None, ":", b",", 0, 0, 0),
             lambda: enc(1),
             lambda: enc(1, "x")):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
