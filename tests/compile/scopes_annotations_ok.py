x: int = 1
y: list[int]
class C:
    a: int
    b: str = 'x'
def f(a: int, *b: str, c: float = 1.0, **d: bytes) -> None:
    e: int = 1
