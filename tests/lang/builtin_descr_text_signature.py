# __text_signature__ and __doc__ of the builtin descriptors and functions:
# CPython reads the signature from the docstring's "name(...)\n--\n\n"
# prefix, which __doc__ then leaves out; None without one.
import sys

samples = [
    ("str.join", str.join), ("str.split", str.split), ("str.count", str.count),
    ("str.format", str.format), ("str.maketrans", str.maketrans),
    ("str.removeprefix", str.removeprefix), ("str.__format__", str.__format__),
    ("list.append", list.append), ("list.sort", list.sort), ("list.index", list.index),
    ("list.__getitem__", list.__getitem__), ("[].append", [].append),
    ("dict.fromkeys", dict.fromkeys), ("dict.get", dict.get), ("dict.pop", dict.pop),
    ("dict.update", dict.update), ("{}.setdefault", {}.setdefault),
    ("int.to_bytes", int.to_bytes), ("int.from_bytes", int.from_bytes),
    ("int.bit_length", int.bit_length), ("float.hex", float.hex), ("float.fromhex", float.fromhex),
    ("bytes.decode", bytes.decode), ("bytes.hex", bytes.hex), ("bytes.fromhex", bytes.fromhex),
    ("bytes.capitalize", bytes.capitalize), ("bytearray.zfill", bytearray.zfill),
    ("bytearray.append", bytearray.append), ("tuple.index", tuple.index),
    ("complex.conjugate", complex.conjugate), ("memoryview.tobytes", memoryview.tobytes),
    ("object.__reduce_ex__", object.__reduce_ex__), ("object.__dir__", object.__dir__),
    ("type.mro", type.mro), ("type.__subclasses__", type.__subclasses__),
    ("len", len), ("print", print), ("sorted", sorted), ("divmod", divmod), ("isinstance", isinstance),
    ("getattr", getattr), ("iter", iter), ("next", next), ("min", min), ("round", round),
    ("pow", pow), ("open", open), ("compile", compile), ("__import__", __import__),
    ("sys.intern", sys.intern),
    # slot wrappers and method-wrappers
    ("object.__init__", object.__init__), ("object().__init__", object().__init__),
    ("(1).__add__", (1).__add__), ("int.__add__", int.__add__), ("int.__pow__", int.__pow__),
    ("int.__neg__", int.__neg__), ("list.__setitem__", list.__setitem__),
    ("object.__setattr__", object.__setattr__), ("object.__eq__", object.__eq__),
    ("int.__new__", int.__new__), ("object.__new__", object.__new__),
    ("dict.__new__", dict.__new__),
]
for label, obj in samples:
    print(label, type(obj).__name__, repr(obj.__text_signature__))

# __doc__ leaves the signature out
for label, obj in [("str.join", str.join), ("len", len), ("[].append", [].append),
                   ("int.from_bytes", int.from_bytes)]:
    doc = obj.__doc__
    print(label, doc is None or not doc.startswith(obj.__name__ + "("),
          doc is None or "\n--\n\n" not in doc)

# method-wrapper: __objclass__ and __self__
w = (1).__add__
print(w.__objclass__, w.__self__, w.__name__, w.__qualname__)
w = [].__len__
print(w.__objclass__, w.__name__, type(w).__name__)
print(object().__init__.__objclass__, "x".__str__.__objclass__)

# the attribute is read-only and lives on the descriptor types
for obj in (str.join, len, object.__init__, (1).__add__):
    try:
        obj.__text_signature__ = "(x)"
    except AttributeError as e:
        print(type(obj).__name__, type(e).__name__)
for t in (type(str.join), type(len), type(object.__init__), type((1).__add__),
          type(dict.__dict__["fromkeys"])):
    print(t.__name__, "__text_signature__" in dir(t))
