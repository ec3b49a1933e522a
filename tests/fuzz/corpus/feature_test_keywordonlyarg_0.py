def testKwDefaults(self):
    def foo(p1,p2=0, *, k1, k2=0):
        return p1 + p2 + k1 + k2

    self.assertEqual(2, foo.__code__.co_kwonlyargcount)
    self.assertEqual({"k2":0}, foo.__kwdefaults__)
    foo.__kwdefaults__ = {"k1":0}
    try:
        foo(1,k1=10)
        self.fail("__kwdefaults__ is not properly changed")
    except TypeError:
        pass
