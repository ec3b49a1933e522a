# tools/names_probe.py - prints, one line each, the names that dir() lists for
# builtins and for every builtin type (plus the types of everyday objects:
# iterators, views, functions, frames...). tools/names_check.py runs it under
# CPython 3.11 and under krait and compares. Line format: "<label> <name> ...".
import builtins
import sys


def line(label, obj):
    print(label, " ".join(sorted(dir(obj))))


line("builtins", builtins)
for name in sorted(dir(builtins)):
    obj = getattr(builtins, name)
    if isinstance(obj, type):
        line(name, obj)


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


class C:
    def m(self):
        pass


def frame():
    return sys._getframe()


def traceback():
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__


def cell():
    x = 1
    return (lambda: x).__closure__[0]


c = coro()
others = {
    "function": lambda: None,
    "method": C().m,
    "builtin_function_or_method": len,
    "code": (lambda: None).__code__,
    "frame": frame(),
    "traceback": traceback(),
    "generator": gen(),
    "coroutine": c,
    "async_generator": agen(),
    "module": sys,
    "cell": cell(),
    "NoneType": None,
    "NotImplementedType": NotImplemented,
    "ellipsis": ...,
    "mappingproxy": type.__dict__,
    "method_descriptor": str.join,
    "wrapper_descriptor": object.__init__,
    "method-wrapper": object().__init__,
    "getset_descriptor": int.__dict__["real"],
    "list_iterator": iter([]),
    "list_reverseiterator": reversed([]),
    "tuple_iterator": iter(()),
    "set_iterator": iter(set()),
    "str_ascii_iterator": iter(""),
    "range_iterator": iter(range(1)),
    "dict_keyiterator": iter({}),
    "dict_valueiterator": iter({}.values()),
    "dict_itemiterator": iter({}.items()),
    "dict_reversekeyiterator": reversed({}),
    "dict_keys": {}.keys(),
    "dict_values": {}.values(),
    "dict_items": {}.items(),
    "callable_iterator": iter(int, 1),
    "bytes_iterator": iter(b""),
}
for label, obj in others.items():
    line(label, type(obj))
c.close()
