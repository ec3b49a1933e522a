def test_mangling(self):
    class X:
        def f(self, __a=42, /):
            return __a

        def f2(self, __a=42, /, __b=43):
            return (__a, __b)

        def f3(self, __a=42, /, __b=43, *, __c=44):
            return (__a, __b, __c)

    self.assertEqual(X().f(), 42)
    self.assertEqual(X().f2(), (42, 43))
    self.assertEqual(X().f3(), (42, 43, 44))
