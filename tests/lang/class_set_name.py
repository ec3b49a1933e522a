class Field:
    def __init__(self, default=None):
        self.default = default
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)

class Model:
    id = Field(0)
    title = Field("untitled")
    other = 5

m = Model()
print(m.id, m.title)
m.title = "hello"
print(m.title, m._title, Model.title.name)

# __set_name__ is not called for attributes added later
Model.late = Field()
print(hasattr(Model.late, "name"))
# called once for each name the same object is bound to
f = Field()
class Twice:
    a = f
    b = f
print(f.name)
# errors in __set_name__ propagate directly in 3.11? check
class BadName:
    def __set_name__(self, owner, name):
        raise ValueError("nope " + name)
try:
    class Host:
        attr = BadName()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
