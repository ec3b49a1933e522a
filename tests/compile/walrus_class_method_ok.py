class C:
    def f(self):
        return [(y := 1) for x in range(3)], y
