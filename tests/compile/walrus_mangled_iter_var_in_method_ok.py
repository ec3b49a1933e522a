class C:
    def f(self, z):
        return [[(__p := 1) for y in z] for __p in z]
