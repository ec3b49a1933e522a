class Outer:
    class InnerError(Exception):
        pass
print(Outer.InnerError.__qualname__)
raise Outer.InnerError("inner problem")
