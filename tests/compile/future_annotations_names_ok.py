from __future__ import annotations
def f(x: Undefined, *a: Other) -> Third:
    y: Fourth = 1
    return y
