class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)

class Alpha(Plugin): pass
class Beta(Plugin, name="the-beta"): pass
class Gamma(Beta): pass
print(Plugin.registry, Gamma.plugin_name)
print(hasattr(Plugin, "plugin_name"))
try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print(type(e).__name__, e)

class Base:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, cls.__mro__[1].__name__)
class Mid(Base): pass
class Leaf(Mid): pass

# __init_subclass__ is implicitly a classmethod
print(type(Base.__dict__["__init_subclass__"]).__name__)

class WithArgs:
    def __init_subclass__(cls, required):
        cls.req = required
try:
    class Missing(WithArgs): pass
except TypeError as e:
    print(type(e).__name__, e)
class Given(WithArgs, required=42): pass
print(Given.req)
try:
    class ObjKw(object, x=1): pass
except TypeError as e:
    print(type(e).__name__, e)
