# The C modules that CPython loads from lib-dynload (and krait too: their
# libraries, OpenSSL, SQLite, ncurses, libffi..., are mapped only when they
# are first imported): not builtin, not imported at start-up, found by
# PathFinder as extension modules with a file, a spec and a loader of their
# own; a missing or damaged file is an ImportError, never a crash.
# (zlib and pyexpat are builtin in Debian's CPython, not in krait: only what
# both agree on is printed for them.)
import sys

DYNLOAD = ['_bz2', '_crypt', '_ctypes', '_curses', '_curses_panel', '_lzma', '_sqlite3', '_ssl']
ALL = DYNLOAD + ['pyexpat', 'zlib']

print('imported at start:', [n for n in ALL if n in sys.modules])

import _imp
import importlib.machinery
import importlib.util
import os
import shutil     # imports zlib, _bz2 and _lzma
import tempfile
print('builtin:', [n for n in DYNLOAD if n in sys.builtin_module_names])
print('is_builtin:', [_imp.is_builtin(n) for n in DYNLOAD])

import warnings
with warnings.catch_warnings():
    warnings.simplefilter('ignore', DeprecationWarning)   # crypt
    mods = {n: importlib.import_module(n) for n in ALL}

dirs = set()
for name in DYNLOAD:
    m = mods[name]
    spec = m.__spec__
    f = m.__file__
    dirs.add(os.path.dirname(f))
    print(name,
          os.path.basename(f).startswith(name + '.'), f.endswith('.so'),
          any(f.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES),
          spec.origin == f, spec.has_location, spec.cached, repr(spec.parent),
          type(spec.loader).__name__, m.__loader__ is spec.loader,
          spec.loader.name == name, spec.loader.path == f,
          spec.loader.is_package(name), spec.loader.get_code(name), spec.loader.get_source(name),
          repr(m.__package__), repr(m).startswith("<module %r from %r" % (name, f)),
          importlib.util.find_spec(name).origin == f)
print('one directory:', len(dirs), [d in sys.path for d in dirs])

# What the modules do, once loaded.
print(mods['zlib'].crc32(b'krait'), mods['_bz2'].BZ2Decompressor().eof,
      mods['_ctypes'].sizeof(__import__('ctypes').c_int),
      mods['_sqlite3'].connect(':memory:').execute('select 6 * 7').fetchone(),
      mods['pyexpat'].ParserCreate().Parse(b'<a/>', True))

# A module whose directory is not on sys.path is not found: ModuleNotFoundError.
saved_path = sys.path[:]
sys.path[:] = [p for p in sys.path if p not in dirs]
sys.path_importer_cache.clear()
saved = sys.modules.pop('_lzma')
try:
    import _lzma
    print('found', _lzma)
except ImportError as e:
    print(type(e).__name__, e, e.name)
finally:
    sys.path[:] = saved_path
    sys.path_importer_cache.clear()
    sys.modules['_lzma'] = saved

# Files with the extension suffix that are not modules: ImportError naming
# the module and the path.
tmp = tempfile.mkdtemp()
suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
with open(os.path.join(tmp, 'garbage_ext' + suffix), 'wb') as out:
    out.write(b'this is not a shared object\n' * 10)
with open(os.path.join(tmp, 'empty_ext' + suffix), 'wb') as out:
    pass
# A real shared object without the module's init function.
shutil.copy(mods['_bz2'].__file__, os.path.join(tmp, 'noinit_ext' + suffix))
sys.path.insert(0, tmp)
try:
    for name in ['garbage_ext', 'empty_ext', 'noinit_ext']:
        try:
            __import__(name)
            print(name, 'imported')
        except ImportError as e:
            path = os.path.join(tmp, name + suffix)
            why = str(e).split(' (')[0] if name == 'noinit_ext' else '...'
            print(name, type(e).__name__, e.name, e.path == path, why, name in sys.modules)
finally:
    sys.path.remove(tmp)
    shutil.rmtree(tmp)
