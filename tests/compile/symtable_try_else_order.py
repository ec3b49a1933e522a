try:
    pass
except:
    def f(): pass
else:
    def f(): pass
