del x.__debug__
x.__debug__ += 1
print(x.__debug__)
