# Module state shared by every importer; and a submodule importing its parent package.
import lib.shapes as parent_package
REGISTERED = []

def register(name):
    REGISTERED.append(name)
    return len(REGISTERED)

def parent_name():
    return parent_package.__name__
