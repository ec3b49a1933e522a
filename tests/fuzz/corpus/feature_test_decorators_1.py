class A:
    @myclassmethod
    def f1(cls):
        return cls

    @classmethod
    @myclassmethod
    def f2(cls):
        return cls

    @myclassmethod
    @classmethod
    def f3(cls):
        return cls

    @classmethod
    @classmethod
    def f4(cls):
        return cls

    @myclassmethod
    @MyClassMethod1
    def f5(cls):
        return cls

    @myclassmethod
    @MyClassMethod2
    def f6(cls):
        return cls
