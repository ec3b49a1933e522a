# importlib's public API on top of the import system: find_spec,
# import_module (absolute and relative), spec_from_file_location +
# module_from_spec, reload, invalidate_caches.
import importlib
import importlib.util
import os
import sys
import tempfile

spec = importlib.util.find_spec('json')
print(spec.name, spec.parent, os.path.basename(spec.origin), type(spec.loader).__name__)
print([os.path.basename(p) for p in spec.submodule_search_locations], spec.has_location)
print(importlib.util.find_spec('no_such_module_xyz'))
print(importlib.util.find_spec('sys').origin, importlib.util.find_spec('sys').loader.__name__)
try:
    importlib.util.find_spec('no_such_pkg_xyz.sub')
except Exception as e:
    print(type(e).__name__, e)
try:
    importlib.util.find_spec('.decoder')
except Exception as e:
    print(type(e).__name__, e)
print(importlib.util.find_spec('.decoder', 'json').name)

m = importlib.import_module('json.decoder')
print(m is sys.modules['json.decoder'], m.__name__, m.__package__)
m2 = importlib.import_module('.scanner', 'json')
print(m2.__name__, m2 is sys.modules['json.scanner'])
try:
    importlib.import_module('.scanner')
except Exception as e:
    print(type(e).__name__, e)
try:
    importlib.import_module('json.no_such_sub')
except Exception as e:
    print(type(e).__name__, e, e.name)

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'loaded_by_path.py')
with open(path, 'w') as f:
    f.write('value = 41\ndef get():\n    return value + 1\n')
spec = importlib.util.spec_from_file_location('loaded_by_path', path)
print(spec.name, spec.origin == path, type(spec.loader).__name__, spec.cached is not None)
mod = importlib.util.module_from_spec(spec)
print(mod.__name__, mod.__spec__ is spec, mod.__file__ == path, 'value' in vars(mod))
spec.loader.exec_module(mod)
print(mod.value, mod.get(), 'loaded_by_path' in sys.modules)

# reload: a module re-executes in the same module object.
sys.path.insert(0, tmp)
with open(os.path.join(tmp, 'reloadme.py'), 'w') as f:
    f.write('version = 1\ncounter = [0]\n')
import reloadme
first = reloadme
print(reloadme.version)
with open(os.path.join(tmp, 'reloadme.py'), 'w') as f:
    f.write('version = 2  # longer, so that the size differs\n')
importlib.invalidate_caches()
again = importlib.reload(reloadme)
print(again is first, reloadme.version, reloadme.counter)
try:
    importlib.reload(42)
except Exception as e:
    print(type(e).__name__, e)

# A module made from scratch by importlib.util.
import importlib.machinery
blank = importlib.util.module_from_spec(importlib.machinery.ModuleSpec('blank', None))
print(type(blank).__name__, blank.__name__, blank.__spec__.name, blank.__loader__)
