def divide(a, b):
    assert b != 0, "divisor must not be zero"
    assert isinstance(a, (int, float)), f"bad dividend {a!r}"
    return a / b
print(divide(10, 4))
for args in ((1, 0), ("x", 2)):
    try:
        divide(*args)
    except AssertionError as e:
        print(type(e).__name__, e, e.args)
# asserts with complex expressions and message formats
data = [3, 1, 2]
try:
    assert sorted(data) == data, ("not sorted", data)
except AssertionError as e:
    print(e.args[0], e.args[0][1])
try:
    assert all(x > 1 for x in data), [x for x in data if x <= 1]
except AssertionError as e:
    print("offenders:", e.args[0])
# assert in a loop and in a generator
def checked(seq):
    for v in seq:
        assert v >= 0, v
        yield v
try:
    print(list(checked([1, 2, -3, 4])))
except AssertionError as e:
    print("negative value", e)
# assert's message can be any object, including an exception instance
try:
    assert False, ValueError("wrapped")
except AssertionError as e:
    print(type(e.args[0]).__name__, e)
try:
    assert None
except AssertionError as e:
    print(repr(e), str(e) == "")
