# types.GenericAlias substitution (list[T][int]) follows CPython's protocol:
# __typing_subst__ converts the value, __typing_prepare_subst__ may rewrite
# the subscript, unpacked tuples are spliced, an unpacked "TypeVarTuple"
# (__typing_is_unpacked_typevartuple__) is replaced by the items of its
# value; plus pickling hooks (__reduce__) and dir() of an alias.


class Var:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "~" + self.name

    def __typing_subst__(self, arg):
        if arg is None:
            return type(None)
        if arg == 0:
            raise TypeError(f"bad value for {self.name}: {arg!r}")
        return arg


class VarTuple:
    # iterable, as typing.TypeVarTuple: its value is spliced into subscripts
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __iter__(self):
        yield Unpacked(self)

    def __typing_subst__(self, arg):
        raise TypeError("Substitution of bare TypeVarTuple is not supported")

    def __typing_prepare_subst__(self, alias, args):
        params = alias.__parameters__
        i = params.index(self)
        left = i
        right = len(params) - i - 1
        if len(args) < left + right:
            raise TypeError(f"Too few arguments for {alias}")
        return (*args[:left], tuple(args[left:len(args) - right]), *args[len(args) - right:])


class Unpacked:
    def __init__(self, var):
        self.var = var
        self.__parameters__ = (var,)

    def __repr__(self):
        return "*" + repr(self.var)

    def __getitem__(self, args):
        # substituted: the value of the TypeVarTuple, spliced by the caller
        return args if isinstance(args, tuple) else (args,)

    @property
    def __typing_is_unpacked_typevartuple__(self):
        return True


T = Var("T")
S = Var("S")
Ts = VarTuple("Ts")


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: list[T][int])
show(lambda: list[T][None])
show(lambda: list[T][0])
show(lambda: dict[T, S][int, str])
show(lambda: dict[T, list[S]][str, None])
show(lambda: dict[T, S][int])
show(lambda: dict[T, S][int, str, bytes])
show(lambda: list[T][(*tuple[int],)])
show(lambda: dict[T, S][(*tuple[int, str],)])
show(lambda: dict[T, S][(*tuple[int, ...],)])
show(lambda: list[int][int])
show(lambda: (list[T] | None)[int])
show(lambda: list[T].__parameters__)
show(lambda: dict[T, list[S]].__parameters__)
show(lambda: tuple[T, *Ts].__parameters__)
show(lambda: tuple[T, *Ts][int, str, bytes])
show(lambda: tuple[T, *Ts][int])
show(lambda: tuple[*Ts, T][int, str, bytes])
show(lambda: tuple[T, *Ts][()])
show(lambda: list[tuple[*Ts]][int, str])

# pickling hooks and iteration
a = list[int]
print(a.__reduce__())
st = next(iter(tuple[int, str]))
print(st, st.__reduce__()[0].__name__)
it = iter(tuple[int])
print(type(it).__name__, it.__reduce__())
print(next(it))
show(lambda: next(it))
print((int | str).__module__)
d = dir(list[int])
print(d == sorted(d), "append" in d, "__origin__" in d, "__args__" in d)
