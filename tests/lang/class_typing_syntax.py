# The typing syntax the language evaluates itself: list[int] (PEP 585) and
# int | None (PEP 604), in annotations, isinstance(), base classes.

print(list[int], dict[str, list[int]], tuple[int, ...], type[int], list["Forward"])
print(int | None, None | int, int | str | int, list[int] | None, type(int | str).__name__)
print(type(list[int]).__name__, list[int].__origin__, list[int].__args__, list[int].__parameters__)

def area(shape: dict[str, float] | None = None, *, scale: int | float = 1) -> tuple[float, ...]:
    return (1.0,)
print(area.__annotations__)

class Node:
    children: list["Node"]
    parent: "Node | None"
    def __init__(self, value: int | str) -> None:
        self.value = value
print(Node.__annotations__, Node.__init__.__annotations__)
print(list[Node], Node | None, dict[Node, int | None])

print(isinstance(3, int | str), isinstance(3.0, int | str), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str))
for bad in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]),
            lambda: isinstance(1, int | list[int]), lambda: int | 1, lambda: list[int][str]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

print(list[int] == list[int], list[int] == list[str], list[int] == list, (int | str) == (str | int))
print(hash(list[int]) == hash(list[int]), hash(int | str) == hash(str | int))
print(list[int]([3, 1, 2]), dict[str, int](a=1), tuple[int, ...]((1, 2)))

class Stack(list[int]):
    def push(self, v):
        self.append(v)
        return self
print(Stack.__bases__, Stack.__orig_bases__, Stack().push(1).push(2))

class Registry(dict[str, int]):
    pass
r = Registry(a=1)
print(r, type(r).__mro__)
print((int | str).__args__, (int | None).__args__, type(None) | int)
