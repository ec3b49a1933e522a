def validate(items):
    for i, v in enumerate(items):
        assert v >= 0, f"item {i} is negative: {v}"
    return sum(items)
print(validate([1, 2, 3]))
validate([1, -5])
