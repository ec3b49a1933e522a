# Objects made at startup (modules, their dicts, functions, code objects)
# are permanent in krait: a collection re-traces one only when it changed.
# Change them after startup to reference new objects, make garbage and
# collect, and check that the new objects survived intact.
import _imp
import builtins
import codecs
import gc
import os
import posixpath
import sys


def churn():
    for _ in range(4):
        garbage = [[i, str(i)] for i in range(20000)]
        del garbage
        gc.collect()


# a startup module's dict gains new objects
codecs.__dict__["fresh_table"] = {i: "v%d" % i for i in range(500)}
builtins.fresh_list = [("item", i * 1.5) for i in range(300)]
sys.modules["fresh_module"] = type(sys)("fresh_" + "module")
churn()
print(sum(codecs.fresh_table), codecs.fresh_table[499], builtins.fresh_list[-1])
print(sys.modules["fresh_module"].__name__)

# a startup function: new attributes, defaults, name and qualname
f = posixpath.join
f.note = ["note %d" % i for i in range(100)]
saved = os.makedirs.__defaults__
os.makedirs.__defaults__ = (0o700, bool(len("x")))
f.__name__ = "".join(["jo", "in", "2"])
f.__qualname__ = "-".join(["q", "join"])
churn()
print(len(f.note), f.note[42], os.makedirs.__defaults__, f.__name__, f.__qualname__)
os.makedirs.__defaults__ = saved
f.__name__ = "join"

# the same dict changed again after a collection found it clean
codecs.__dict__["fresh_table"] = [str(i) * 2 for i in range(50)]
churn()
print(codecs.fresh_table[:3], codecs.fresh_table[-1])

# a startup code object's file name replaced with a new string
code = posixpath.basename.__code__
old = code.co_filename
_imp._fix_co_filename(code, "/".join(["", "tmp", "renamed_" + "posixpath.py"]))
churn()
print(code.co_filename)
_imp._fix_co_filename(code, old)
print(code.co_filename == old)

# a startup class's method replaced by a new function
class_ = codecs.CodecInfo
class_.extra = lambda self, n=[1, 2, 3]: n
churn()
print(class_.extra(None))
del class_.extra
