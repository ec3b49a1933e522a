# exec() with closure=, and globals/builtins that are not plain dicts:
# dict subclasses are read through __getitem__ where CPython does, and a
# __builtins__ that is no mapping fails only when a builtin is looked up.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

def make():
    a = 2
    b = 3
    result = 0
    def three():
        nonlocal result, a, b
        result = a * b
        a += 1
    def read():
        return result, a, b
    return three, read

three, read = make()
show('closure', lambda: exec(three.__code__, three.__globals__, closure=three.__closure__))
print(read())
Cell = type(three.__closure__[0])
mine = (Cell(35), Cell(72), three.__closure__[2])
show('own cells', lambda: exec(three.__code__, {}, closure=mine))
print([c.cell_contents for c in mine], read())
show('no closure', lambda: exec(three.__code__, {}))
show('closure None', lambda: exec(three.__code__, {}, closure=None))
show('short', lambda: exec(three.__code__, {}, closure=mine[:2]))
show('list', lambda: exec(three.__code__, {}, closure=list(mine)))
show('not cells', lambda: exec(three.__code__, {}, closure=(1, 2, 3)))
show('not needed', lambda: exec((lambda: 1).__code__, {}, closure=mine))
show('source', lambda: exec('x = 1', {}, closure=mine))

class Boom(Exception):
    pass

class Raising(dict):
    def __getitem__(self, key):
        raise Boom(key)

class Plain(dict):
    pass

show('globals getitem', lambda: exec('name', Raising({'name': 1})))
show('builtins getitem', lambda: exec('name', {'__builtins__': Raising({'name': 1})}))
show('builtins subclass', lambda: exec('print(name)', {'__builtins__': Plain({'name': 1, 'print': print})}))
show('builtins subclass missing', lambda: exec('name', {'__builtins__': Plain()}))
show('builtins int', lambda: exec('print(1)', {'__builtins__': 123}))
show('builtins int unused', lambda: exec('x = 1', {'__builtins__': 123}))
show('builtins empty', lambda: exec('print(1)', {'__builtins__': {}}))
show('no build_class', lambda: exec('class A: pass', {'__builtins__': {}}))
show('no build_class sub', lambda: exec('class A: pass', {'__builtins__': Plain()}))
show('no import', lambda: exec('import sys', {'__builtins__': {}}))

# functions defined in such code keep the mapping as their builtins
g = {'__builtins__': Plain({'len': len})}
exec('def f(x): return len(x)', g)
show('function builtins', lambda: g['f']('abc'))
print(type(g['f'].__builtins__).__name__)

# LOAD_GLOBAL in a function reads a globals dict subclass through __getitem__
class Logging(dict):
    def __getitem__(self, key):
        print('getitem', key)
        return dict.__getitem__(self, key)

g = Logging({'y': 5})
exec('def f(): return y', g)
show('function globals', lambda: g['f']())
