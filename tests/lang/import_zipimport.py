# zipimport through sys.path_hooks: modules and a package from a zip file on sys.path.
import sys, os, tempfile, zipfile
d = tempfile.mkdtemp()
z = os.path.join(d, 'bundle.zip')
with zipfile.ZipFile(z, 'w', zipfile.ZIP_STORED) as f:
    f.writestr('zipped_mod.py', 'where = "zip"\ndef f():\n    return 42\n')
    f.writestr('zpkg/__init__.py', 'x = 1\n')
    f.writestr('zpkg/sub.py', 'from . import x\ny = x + 1\n')
sys.path.insert(0, z)
import zipped_mod, zpkg.sub
print(zipped_mod.where, zipped_mod.f(), zpkg.sub.y, type(zipped_mod.__loader__).__name__)
print(os.path.relpath(zipped_mod.__file__, d), zipped_mod.__spec__.origin == zipped_mod.__file__)
print(type(sys.path_importer_cache[z]).__name__)
