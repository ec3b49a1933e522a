class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)

class Data:
    def __get__(self, obj, objtype=None):
        return ("data", obj is None, objtype.__name__)
    def __set__(self, obj, value):
        print("Data.__set__", value)

class SetOnly:
    def __set__(self, obj, value):
        print("SetOnly.__set__", value)

class DeleteOnly:
    def __delete__(self, obj):
        print("DeleteOnly.__delete__")

class C:
    nd = NonData()
    d = Data()
    so = SetOnly()
    do = DeleteOnly()

c = C()
print(c.nd, C.nd)
print(c.d, C.d)
c.__dict__["nd"] = "instance wins over non-data"
c.__dict__["d"] = "data wins over instance"
print(c.nd, c.d)
c.d = 5
c.so = 6
print(type(c.so).__name__)
c.__dict__["so"] = "in dict"
print(c.so)  # a data descriptor without __get__: the instance dict is read
del c.do
try:
    c.do = 1
except AttributeError as e:
    print(type(e).__name__, e)
# setting on the class replaces the descriptor
C.d = "replaced"
print(c.d)
# descriptor found on metaclass
class Meta(type):
    attr = Data()
class M(metaclass=Meta):
    pass
print(M.attr)
M.attr = 3
# descriptors are looked up on the type, not the instance
c.__dict__["inst_desc"] = NonData()
print(type(c.inst_desc).__name__)
# __get__ with a single argument
print(NonData().__get__(c, C)[2])
