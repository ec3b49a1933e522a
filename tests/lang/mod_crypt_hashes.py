# _crypt.crypt over libcrypt and the stdlib crypt module on top of it: each
# method's hash of fixed words and salts, salts the library refuses, and
# the argument errors.
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import crypt
import _crypt

print(sorted(n for n in dir(_crypt) if not n.startswith("__")))
print([m.name for m in crypt.methods])
for word in ["", "abc", "pässwörd", "x" * 100]:
    for salt in ["ab", "./", "$1$saltsalt", "$5$rounds=1000$salt", "$6$x", "$2b$04$" + "a" * 22,
                 "$7$", "", "a", "$6$"]:
        try:
            print(repr(word[:8]), repr(salt), _crypt.crypt(word, salt))
        except OSError as e:
            print(repr(word[:8]), repr(salt), "OSError", e.errno)
h = crypt.crypt("secret", crypt.METHOD_SHA512)
print(h.startswith("$6$"), crypt.crypt("secret", h) == h, crypt.crypt("other", h) == h)
print(len(crypt.mksalt(crypt.METHOD_SHA256)), crypt.mksalt(crypt.METHOD_CRYPT).__len__())
for args in [(1, "ab"), ("a", 1), ("a\0", "ab"), ("a", "a\0b"), ("a",), ("a", "b", "c")]:
    try:
        _crypt.crypt(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    _crypt.crypt(word="a", salt="ab")
except TypeError as e:
    print("TypeError", e)
