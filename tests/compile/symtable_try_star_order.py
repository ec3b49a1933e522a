try:
    pass
except* E:
    def f(): pass
else:
    def f(): pass
