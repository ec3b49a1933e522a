# _imp: the builtin/frozen queries importlib asks, the import lock,
# source_hash, _fix_co_filename; and _warnings' two functions.
import _imp
import sys


def tr(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


for name in ["sys", "builtins", "math", "_thread", "_imp", "marshal", "nope", "os"]:
    tr("is_builtin " + name, lambda: _imp.is_builtin(name))
tr("is_builtin(1)", lambda: _imp.is_builtin(1))
tr("is_frozen", lambda: _imp.is_frozen("nope"))
tr("is_frozen(1)", lambda: _imp.is_frozen(1))
tr("find_frozen", lambda: _imp.find_frozen("nope"))
tr("find_frozen withdata", lambda: _imp.find_frozen("nope", withdata=True))
tr("find_frozen(1)", lambda: _imp.find_frozen(1))
tr("is_frozen_package", lambda: _imp.is_frozen_package("nope"))
tr("is_frozen_package(1)", lambda: _imp.is_frozen_package(1))
tr("get_frozen_object", lambda: _imp.get_frozen_object("nope"))
tr("get_frozen_object(1)", lambda: _imp.get_frozen_object(1))
tr("init_frozen", lambda: _imp.init_frozen("nope"))
tr("init_frozen(1)", lambda: _imp.init_frozen(1))
tr("extension_suffixes type", lambda: type(_imp.extension_suffixes()))
tr("check_hash_based_pycs", lambda: _imp.check_hash_based_pycs)
tr("source_hash", lambda: _imp.source_hash(123, b"hello"))
tr("source_hash empty", lambda: _imp.source_hash(0, b""))
tr("source_hash long", lambda: _imp.source_hash(2 ** 40, b"x" * 37))
tr("source_hash kw", lambda: _imp.source_hash(key=1, source=b"abcdefgh"))
tr("source_hash str", lambda: _imp.source_hash(1, "s"))
tr("source_hash 1 arg", lambda: _imp.source_hash(1))
tr("lock", lambda: (_imp.lock_held(), _imp.acquire_lock(), _imp.acquire_lock(), _imp.lock_held(),
                    _imp.release_lock(), _imp.lock_held(), _imp.release_lock(), _imp.lock_held()))
tr("release unheld", lambda: _imp.release_lock())
tr("acquire_lock(1)", lambda: _imp.acquire_lock(1))
tr("override", lambda: _imp._override_frozen_modules_for_tests(1))
tr("frozen names type", lambda: type(_imp._frozen_module_names()))
c = compile("def f():\n    def g(): pass\n", "old.py", "exec")
_imp._fix_co_filename(c, "new.py")
f = c.co_consts[0]
print(c.co_filename, f.co_filename, [k.co_filename for k in f.co_consts if hasattr(k, "co_filename")])
tr("fix int", lambda: _imp._fix_co_filename(1, "x"))
tr("fix path int", lambda: _imp._fix_co_filename(c, 1))


class Spec:
    name = "_string"


m = _imp.create_builtin(Spec)
print(type(m).__name__, m.__name__, _imp.exec_builtin(m))
tr("create_builtin(1)", lambda: _imp.create_builtin(1))
tr("exec_builtin()", lambda: _imp.exec_builtin())

import _warnings
print([n for n in ("warn", "warn_explicit") if hasattr(_warnings, n)])
tr("warn no args", lambda: _warnings.warn())
tr("warn bad kw", lambda: _warnings.warn("m", bogus=1))
tr("warn_explicit short", lambda: _warnings.warn_explicit("m", UserWarning))
