print("before the error")
def deep(n):
    if n == 0:
        raise ValueError("boom")
    deep(n - 1)
deep(5)
print("never printed")
