class Config:
    def __init__(self):
        self.timeout = 30
c = Config()
try:
    c.timout
except AttributeError as e:
    print("str(e):", e)
print(c.timout)
