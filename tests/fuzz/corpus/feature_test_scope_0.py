def testScopeOfGlobalStmt(self):
    # Examples posted by Samuele Pedroni to python-dev on 3/1/2001

    exec("""if 1:
        # I
        x = 7
        def f():
            x = 1
            def g():
                global x
                def i():
                    def h():
                        return x
                    return h()
                return i()
            return g()
        self.assertEqual(f(), 7)
        self.assertEqual(x, 7)

        # II
        x = 7
        def f():
            x = 1
            def g():
                x = 2
                def i():
                    def h():
                        return x
                    return h()
                return i()
            return g()
        self.assertEqual(f(), 2)
        self.assertEqual(x, 7)

        # III
        x = 7
        def f():
            x = 1
            def g():
                global x
                x = 2
                def i():
                    def h():
                        return x
                    return h()
                return i()
            return g()
        self.assertEqual(f(), 2)
        self.assertEqual(x, 2)

        # IV
        x = 7
        def f():
            x = 3
            def g():
                global x
                x = 2
                def i():
                    def h():
                        return x
                    return h()
                return i()
            return g()
        self.assertEqual(f(), 2)
        self.assertEqual(x, 2)

        # XXX what about global statements in class blocks?
        # do they affect methods?

        x = 12
        class Global:
            global x
            x = 13
            def set(self, val):
                x = val
            def get(self):
                return x

        g = Global()
        self.assertEqual(g.get(), 13)
        g.set(15)
        self.assertEqual(g.get(), 13)
        """)
