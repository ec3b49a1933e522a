"""Values of minilang programs, their environments and the builtin functions."""
from .errors import MiniRuntimeError


class Environment:
    """A scope: a dict of names and the enclosing scope."""
    __slots__ = ("vars", "parent")

    def __init__(self, parent=None):
        self.vars = {}
        self.parent = parent

    def define(self, name, value, line):
        if name in self.vars:
            raise MiniRuntimeError(f"{name!r} is already defined in this scope", line)
        self.vars[name] = value

    def find(self, name):
        env = self
        while env is not None:
            if name in env.vars:
                return env
            env = env.parent
        return None

    def get(self, name, line):
        env = self.find(name)
        if env is None:
            raise MiniRuntimeError(f"undefined name {name!r}", line)
        return env.vars[name]

    def set(self, name, value, line):
        env = self.find(name)
        if env is None:
            raise MiniRuntimeError(f"assignment to undefined name {name!r}", line)
        env.vars[name] = value

    def depth(self):
        d, env = 0, self
        while env.parent is not None:
            d, env = d + 1, env.parent
        return d


class Function:
    """A minilang function: its parameters, body and the scope it closes over."""

    def __init__(self, name, params, body, closure):
        self.name = name or "<anonymous>"
        self.params = params
        self.body = body
        self.closure = closure
        self.calls = 0

    def arity(self):
        return len(self.params)

    def __repr__(self):
        return f"<fn {self.name}/{self.arity()}>"


class Native:
    """A builtin implemented in Python."""

    def __init__(self, name, fn, arity):
        self.name = name
        self.fn = fn
        self.arity_range = arity if isinstance(arity, tuple) else (arity, arity)

    def arity(self):
        return self.arity_range

    def __repr__(self):
        return f"<native {self.name}>"


def type_name(v):
    if v is None:
        return "nil"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "list"
    if isinstance(v, dict):
        return "map"
    if isinstance(v, (Function, Native)):
        return "function"
    return type(v).__name__


def show(v, nested=False):
    """The minilang text of a value (what print shows)."""
    if v is None:
        return "nil"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, float):
        return repr(int(v)) + ".0" if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, str):
        return '"' + v + '"' if nested else v
    if isinstance(v, list):
        return "[" + ", ".join(show(x, True) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{show(k, True)}: {show(x, True)}" for k, x in v.items()) + "}"
    return repr(v)


def truthy(v):
    return not (v is None or v is False or v == 0 and not isinstance(v, bool) or v == "" or v == [] or v == {})


def make_builtins(interp):
    """The global scope's functions; `interp` gives print its output list."""
    def b_print(*args):
        interp.output.append(" ".join(show(a) for a in args))
        return None

    def b_len(v):
        if not isinstance(v, (str, list, dict)):
            raise MiniRuntimeError(f"len() of a {type_name(v)}")
        return len(v)

    def b_push(lst, v):
        if not isinstance(lst, list):
            raise MiniRuntimeError(f"push() needs a list, not a {type_name(lst)}")
        lst.append(v)
        return lst

    def b_pop(lst):
        if not lst:
            raise MiniRuntimeError("pop() from an empty list")
        return lst.pop()

    def b_keys(m):
        if not isinstance(m, dict):
            raise MiniRuntimeError(f"keys() needs a map, not a {type_name(m)}")
        return list(m)

    def b_format(template, *args):
        parts = template.split("{}")
        if len(parts) - 1 != len(args):
            raise MiniRuntimeError(f"format() has {len(parts) - 1} holes but {len(args)} values")
        out = [parts[0]]
        for value, text in zip(args, parts[1:]):
            out.append(show(value))
            out.append(text)
        return "".join(out)

    def b_sorted(lst, key=None):
        try:
            if key is None:
                return sorted(lst)
            return sorted(lst, key=lambda v: interp.call_value(key, [v], 0))
        except TypeError as e:
            raise MiniRuntimeError(f"cannot sort: {e}")

    def b_range(a, b=None):
        return list(range(a)) if b is None else list(range(a, b))

    table = {
        "print": (b_print, (0, 99)),
        "len": (b_len, 1),
        "push": (b_push, 2),
        "pop": (b_pop, 1),
        "keys": (b_keys, 1),
        "str": (lambda v: show(v), 1),
        "type": (type_name, 1),
        "format": (b_format, (1, 99)),
        "sorted": (b_sorted, (1, 2)),
        "range": (b_range, (1, 2)),
        "abs": (abs, 1),
        "int": (lambda v: int(v), 1),
    }
    return {name: Native(name, fn, arity) for name, (fn, arity) in table.items()}
