# dict subclasses' __missing__ is looked up on the type (descriptors
# honoured), never through the instance's __getattribute__/__getattr__.
class Checker(object):
    def __getattr__(self, attr):
        print("__getattr__ called with", attr)
    def __getattribute__(self, attr):
        if attr != '__class__':
            print("__getattribute__ called with", attr)
        return object.__getattribute__(self, attr)
class DictSub(Checker, dict):
    def __missing__(self, key):
        return 'missing:' + key
d = DictSub()
print(d['hi'])
class Descr:
    def __get__(self, obj, owner):
        print('descr get', type(obj).__name__)
        return lambda key: 'via descr ' + key
class D2(dict):
    __missing__ = Descr()
print(D2()['x'])
class D3(dict):
    @staticmethod
    def __missing__(key):
        return 'static ' + key
print(D3()['y'])
class D4(dict):
    def __missing__(self, key):
        raise KeyError('custom ' + key)
try:
    D4()['z']
except KeyError as e:
    print('KeyError', e)
