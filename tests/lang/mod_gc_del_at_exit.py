# __del__ at exit: objects that only the module's globals keep alive are
# finalized after the program ends, in creation order, with the globals
# still readable (CPython's last collection finds __main__'s namespace in a
# garbage cycle through its functions). (The order of nested finalizable
# objects at exit is CPython's collector's detail: not tested.)
class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("closing", self.name, "-", status)


first = Resource("first")
second = Resource("second")
table = {"key": Resource("in a dict")}
items = [Resource("in a list")]
status = "exiting"


def helper():
    return first


print("program done", helper().name)
