# AttributeError carries the missing name and the object searched (name=,
# obj=), NameError the missing name: set by the failing lookup unless the
# code that raised gave them, and settable by keyword.

def show(f):
    try:
        f()
    except (AttributeError, NameError) as e:
        obj = getattr(e, "obj", "-")
        print(type(e).__name__, repr(e.name), type(obj).__name__ if obj != "-" else "-", str(e))

class Plain:
    pass
class Hooked:
    def __getattr__(self, name):
        raise AttributeError("no " + name)
class Given:
    def __getattr__(self, name):
        raise AttributeError("given", name="other", obj=42)
class Slotted:
    __slots__ = ("a",)

show(lambda: Plain().missing)
show(lambda: Plain.missing)
show(lambda: getattr(Plain(), "dyn"))
show(lambda: (1).nope)
show(lambda: [].nope)
show(lambda: Hooked().thing)
show(lambda: Given().thing)
show(lambda: Slotted().a)
show(lambda: super(Plain, Plain()).nope)
show(lambda: undefined_name_here)
show(lambda: __import__("sys").not_there)

e = AttributeError("msg", name="n", obj=[1])
print(e.name, e.obj, e.args, AttributeError("x").name, AttributeError("x").obj)
n = NameError("msg", name="v")
print(n.name, NameError().name, n.args)
for bad in (lambda: AttributeError(nam=1), lambda: NameError(obj=1)):
    try:
        bad()
    except TypeError as err:
        print("TypeError:", err)
e.name = "changed"
print(e.name)
print(hasattr(Plain(), "x"), getattr(Plain(), "x", "default"))
