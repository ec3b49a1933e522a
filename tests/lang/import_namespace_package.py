# PEP 420 namespace packages: a package without __init__.py whose portions
# live in several sys.path directories, and a regular package beside one.
import os
import sys
import tempfile

root = tempfile.mkdtemp()
left = os.path.join(root, 'left')
right = os.path.join(root, 'right')
for d, name, body in [(left, 'alpha', 'who = "alpha"\n'),
                      (right, 'beta', 'from . import alpha\nwho = "beta+" + alpha.who\n')]:
    os.makedirs(os.path.join(d, 'nspkg'))
    with open(os.path.join(d, 'nspkg', name + '.py'), 'w') as f:
        f.write(body)
os.makedirs(os.path.join(right, 'nspkg', 'sub'))
with open(os.path.join(right, 'nspkg', 'sub', 'deep.py'), 'w') as f:
    f.write('level = 3\n')
sys.path[:0] = [left, right]

import nspkg
print(type(nspkg.__path__).__name__, [os.path.relpath(p, root) for p in nspkg.__path__])
print(nspkg.__spec__.origin, nspkg.__spec__.loader is None or type(nspkg.__spec__.loader).__name__)
print(getattr(nspkg, '__file__', 'no __file__'), nspkg.__package__, nspkg.__spec__.has_location)
print([os.path.relpath(p, root) for p in nspkg.__spec__.submodule_search_locations])
import nspkg.beta
print(nspkg.beta.who, nspkg.alpha.who)
from nspkg.sub import deep
print(deep.level, deep.__name__, deep.__package__, type(sys.modules['nspkg.sub'].__path__).__name__)
print(repr(nspkg).split(' at ')[0])

# A portion added to sys.path later shows up in the package's dynamic path.
extra = os.path.join(root, 'extra')
os.makedirs(os.path.join(extra, 'nspkg'))
with open(os.path.join(extra, 'nspkg', 'gamma.py'), 'w') as f:
    f.write('who = "gamma"\n')
sys.path.append(extra)
import nspkg.gamma
print(nspkg.gamma.who, [os.path.relpath(p, root) for p in nspkg.__path__])
try:
    import nspkg.delta
except ImportError as e:
    print(type(e).__name__, e)
