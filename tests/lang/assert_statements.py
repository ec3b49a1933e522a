assert True
assert 1 == 1, "never shown"
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(type(e).__name__, e.args)
# the message is evaluated only on failure
def msg():
    print("building message")
    return "built"
assert True, msg()
try:
    assert 0, msg()
except AssertionError as e:
    print(e)
# assert with a tuple is always true (SyntaxWarning avoided by a variable)
t = (False, "msg")
assert t
print("tuple asserts pass")
# __debug__
print(__debug__)
def check(v):
    assert isinstance(v, int), f"expected int, got {type(v).__name__}"
    return v * 2
print(check(4))
try:
    check("4")
except AssertionError as e:
    print(e)
# AssertionError is an ordinary exception class
class MyAssert(AssertionError):
    pass
try:
    raise MyAssert("custom")
except AssertionError as e:
    print(type(e).__name__, e)
