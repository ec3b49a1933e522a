# User importers: a finder on sys.meta_path, and a path hook on
# sys.path_hooks for a made-up sys.path entry, as importlib runs them.
import importlib.abc
import importlib.machinery
import importlib.util
import sys


class DictLoader(importlib.abc.Loader):
    def __init__(self, sources):
        self.sources = sources
        self.executed = []

    def create_module(self, spec):
        return None  # the default module

    def exec_module(self, module):
        self.executed.append(module.__name__)
        exec(self.sources[module.__name__], module.__dict__)


class DictFinder(importlib.abc.MetaPathFinder):
    def __init__(self, loader):
        self.loader = loader
        self.asked = []

    def find_spec(self, fullname, path, target=None):
        self.asked.append((fullname, None if path is None else type(path).__name__))
        if fullname in self.loader.sources:
            is_pkg = fullname == 'virt'
            return importlib.util.spec_from_loader(fullname, self.loader, is_package=is_pkg)
        return None


sources = {
    'virt': 'name = "package"\n',
    'virt.leaf': 'from . import helper\nvalue = helper.double(21)\n',
    'virt.helper': 'def double(x):\n    return 2 * x\n',
}
loader = DictLoader(sources)
finder = DictFinder(loader)
sys.meta_path.insert(0, finder)

import virt.leaf
print(virt.name, virt.leaf.value, virt.leaf.helper.double(5))
print(virt.__spec__.name, virt.__spec__.origin, virt.__path__, virt.__package__)
print(virt.leaf.__spec__.parent, virt.leaf.__loader__ is loader, virt.leaf.__package__)
print(loader.executed)
print([a for a in finder.asked if a[0].startswith('virt')])
print(hasattr(virt, '__file__'), virt.__spec__.has_location)
from virt import helper
print(helper is sys.modules['virt.helper'])
try:
    import virt.missing
except ImportError as e:
    print(type(e).__name__, e, e.name)

# A finder that raises: the error reaches the importer's caller.
class Broken:
    @staticmethod
    def find_spec(fullname, path, target=None):
        if fullname == 'explodes':
            raise LookupError('finder failed for ' + fullname)
        return None

sys.meta_path.insert(0, Broken)
try:
    import explodes
except LookupError as e:
    print(type(e).__name__, e)
sys.meta_path.remove(Broken)
sys.meta_path.remove(finder)


# A path hook: sys.path entries "virtual:<tag>" get a finder of their own.
class TagFinder:
    def __init__(self, entry):
        self.tag = entry.split(':', 1)[1]

    def find_spec(self, fullname, target=None):
        if fullname.startswith('tagged_'):
            src = 'tag = %r\nname = %r\n' % (self.tag, fullname)
            loader = DictLoader({fullname: src})
            return importlib.util.spec_from_loader(fullname, loader)
        return None

    def invalidate_caches(self):
        pass


def hook(entry):
    if entry.startswith('virtual:'):
        return TagFinder(entry)
    raise ImportError('not mine')

sys.path_hooks.insert(0, hook)
sys.path.insert(0, 'virtual:red')
import tagged_one
print(tagged_one.tag, tagged_one.name, type(sys.path_importer_cache['virtual:red']).__name__)
print(type(tagged_one.__loader__).__name__, tagged_one.__spec__.origin)
try:
    import untagged_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
sys.path.remove('virtual:red')
sys.path_hooks.remove(hook)

print([getattr(f, '__name__', type(f).__name__) for f in sys.meta_path])
print([getattr(h, '__name__', type(h).__name__) for h in sys.path_hooks])
