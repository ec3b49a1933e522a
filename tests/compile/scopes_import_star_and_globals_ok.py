from os import *
global x
x = 1
def f():
    return x
