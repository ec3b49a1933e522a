class C(A, B, metaclass=M, **kw): pass
