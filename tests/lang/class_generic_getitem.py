class TypedList(list):
    _cache = {}
    item_type = object
    def __class_getitem__(cls, item_type):
        key = (cls, item_type)
        if key not in cls._cache:
            name = f"{cls.__name__}[{getattr(item_type, '__name__', repr(item_type))}]"
            cls._cache[key] = type(name, (cls,), {"item_type": item_type})
        return cls._cache[key]
    def append(self, v):
        if not isinstance(v, self.item_type):
            raise TypeError(f"{type(self).__name__} cannot hold {type(v).__name__}")
        super().append(v)

IntList = TypedList[int]
print(IntList.__name__, IntList is TypedList[int], TypedList[str] is IntList, issubclass(IntList, TypedList))
xs = IntList()
xs.append(3)
xs.append(True)
try:
    xs.append("no")
except TypeError as e:
    print(type(e).__name__, e)
print(xs, type(xs).__name__, isinstance(xs, list))
print(TypedList[tuple[int, str]].__name__)   # a GenericAlias forwards __name__ to its origin
class Registry:
    def __class_getitem__(cls, key):
        return f"{cls.__name__}<{key!r}>"
class SubRegistry(Registry):
    pass
print(Registry["a"], SubRegistry[1, 2], Registry[...], SubRegistry[slice(1, 2)])
r = Registry()
try:
    r["x"]
except TypeError as e:
    print(type(e).__name__, e)
# __class_getitem__ defined as an explicit classmethod works the same
class Explicit:
    @classmethod
    def __class_getitem__(cls, k):
        return (cls.__name__, k)
print(Explicit[0])
# builtin generic aliases
alias = dict[str, list[int]]
print(alias, alias.__origin__, alias.__args__, alias() == {}, type(alias).__name__)
print(list[int] == list[int], list[int] == list[str], tuple[()], type[int])
