# -*- coding: latin-1 -*-
def f(é, b, é):
    pass
