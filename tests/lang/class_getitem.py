class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int], Box["x"], Box[1, 2])

class Sub(Box):
    pass
print(Sub[str])
print(type(Box.__dict__["__class_getitem__"]).__name__)

# instance __getitem__ takes precedence on instances
class Both:
    def __getitem__(self, i):
        return ("instance", i)
    def __class_getitem__(cls, i):
        return ("class", i)
print(Both()[0], Both[0])

# builtin generics
print(list[int], dict[str, int], tuple[int, ...])
print(type(list[int]).__name__)
print(list[int]([1, 2]))
try:
    object[int]
except TypeError as e:
    print(type(e).__name__, e)
class Plain:
    pass
try:
    Plain[int]
except TypeError as e:
    print(type(e).__name__, e)
