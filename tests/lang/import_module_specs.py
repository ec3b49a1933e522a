# What importlib leaves on modules: __spec__, __loader__, __file__,
# __cached__, __path__, __package__, for source, package, builtin and
# frozen modules, the main module, and sys's importer lists.
import os
import sys
import tempfile
import json
import json.decoder
import os.path as osp


def describe(m):
    spec = m.__spec__
    loader = m.__loader__
    print(m.__name__, spec.name, repr(m.__package__), spec.parent == m.__package__,
          loader is spec.loader, getattr(loader, '__name__', type(loader).__name__), spec.origin
          if spec.origin in ('built-in', 'frozen') else os.path.basename(spec.origin))


for m in (json, json.decoder, sys, os, osp, __import__('marshal'), __import__('site'),
          __import__('_frozen_importlib'), __import__('codecs'), __import__('stat')):
    describe(m)

print(json.__file__ == json.__spec__.origin, json.__path__ == json.__spec__.submodule_search_locations)
print(json.__cached__ == json.__spec__.cached, json.__cached__.endswith('.pyc'))
print(json.decoder.__cached__ != json.__cached__, hasattr(json.decoder, '__path__'))
print(hasattr(sys, '__file__'), getattr(sys, '__cached__', 'none'), sys.__spec__.cached)
print(os.__file__.endswith('os.py'), getattr(os, '__cached__', 'none'), os.__spec__.cached)
print(os.__spec__.loader_state.origname, osp.__spec__.loader_state.origname, osp.__name__)
print(__spec__, type(__loader__).__name__, __name__, __package__)

# A fresh source module in a temporary directory.
tmp = tempfile.mkdtemp()
pkg = os.path.join(tmp, 'specpkg')
os.makedirs(os.path.join(pkg, 'inner'))
for rel, body in [('__init__.py', 'from . import mod\n'), ('mod.py', 'here = __name__\n'),
                  ('inner/__init__.py', ''), ('inner/leaf.py', 'from .. import mod as up\n')]:
    with open(os.path.join(pkg, rel), 'w') as f:
        f.write(body)
sys.path.insert(0, tmp)
import specpkg.inner.leaf as leaf
for m in (sys.modules['specpkg'], sys.modules['specpkg.mod'], sys.modules['specpkg.inner'], leaf):
    print(m.__name__, m.__package__, os.path.relpath(m.__file__, tmp),
          [os.path.relpath(p, tmp) for p in getattr(m, '__path__', [])],
          m.__spec__.has_location, type(m.__loader__).__name__, m.__cached__.endswith('.pyc'))
print(leaf.up is sys.modules['specpkg.mod'], leaf.up.here)
print(type(sys.path_importer_cache[pkg]).__name__)
print(sorted(k for k in sys.modules if k.startswith('specpkg')))
