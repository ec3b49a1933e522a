class C:
    __a = 1
    def __f(self, __b):
        __c = self.__a
        return __c, __b, __d__
    import __e.f
