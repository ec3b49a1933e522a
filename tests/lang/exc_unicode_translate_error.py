for args in [("abc", 1, 2, "bad"), ("a\u20acc", 1, 2, "r"), ("abc", 0, 3, "many"), ("a\U0001f600", 1, 2, "e"), ("ab", 5, 9, "out")]:
    e = UnicodeTranslateError(*args)
    print(str(e), e.encoding, e.object, e.start, e.end, e.reason, e.args)
for bad in [(), (1, 2, 3, "x"), ("a", "b", 2, "x"), ("a", 1, 2, 3), ("a", 1, 2, "x", 5)]:
    try: UnicodeTranslateError(*bad)
    except TypeError as ex: print(ex)
e = UnicodeTranslateError("xyz", 0, 1, "r"); e.start = 2; e.reason = "new"; print(e)
print(str(UnicodeTranslateError.__new__(UnicodeTranslateError)))
try:
    "abc".encode("ascii").decode("ascii"); "\udc80".encode("utf-8")
except UnicodeEncodeError as ex: print(ex)
