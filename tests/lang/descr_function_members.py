# function.__globals__ and __builtins__ are read-only members, as CPython's
# (types.MemberDescriptorType is their type).
import types
def f(): pass
print(type(types.FunctionType.__globals__).__name__, types.MemberDescriptorType.__name__)
print(f.__globals__ is globals(), type(f.__builtins__).__name__)
for name in ('__globals__', '__builtins__'):
    try:
        setattr(f, name, {})
    except Exception as e: print(name, type(e).__name__, e)
    try:
        delattr(f, name)
    except Exception as e: print(name, type(e).__name__, e)
print(types.FunctionType.__globals__, types.FunctionType.__builtins__)
print(repr(types.FunctionType.__globals__.__doc__))
