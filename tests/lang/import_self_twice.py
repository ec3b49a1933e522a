# The main script imported by name runs a second time, as a separate module.
print("executing with __name__ =", __name__)
if __name__ == "__main__":
    import import_self_twice
    print("same module object?", import_self_twice is __import__("sys").modules["__main__"])
    print("imported copy has marker:", import_self_twice.MARKER)
MARKER = "set at the end of " + __name__
