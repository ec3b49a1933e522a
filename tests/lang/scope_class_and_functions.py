def make_class(base_value):
    class Made:
        value = base_value
        doubled = base_value * 2
        def get(self):
            return base_value, self.value
        @classmethod
        def cls_get(cls):
            return cls.value
    return Made
A = make_class(1)
B = make_class(10)
print(A().get(), B().get(), A.doubled, B.cls_get(), A is B, A.__qualname__)
# a class body can read enclosing function variables
def outer():
    secret = "closure"
    class Reader:
        seen = secret
        def method(self):
            return secret
    return Reader.seen, Reader().method()
print(outer())
# class body variables shadow enclosing ones only within the body
def shadow():
    name = "function"
    class S:
        name = "class"
        in_body = name
        def method(self):
            return name
    return S.in_body, S().method()
print(shadow())
# a class variable assigned from an enclosing variable with the same name:
# x is local to the class body, so the lookup skips the function scope
def same_name():
    x = "from function"
    class T:
        try:
            x = x
        except NameError as e:
            x = "NameError: " + str(e)
    return T.x
print(same_name())
x = "module x"
def same_name_global():
    x = "from function"
    class T:
        x = x
    return T.x
print(same_name_global())
def same_name_unbound():
    class U:
        try:
            y = y
        except NameError as e:
            y = "NameError: " + str(e)
    return U.y
print(same_name_unbound())
