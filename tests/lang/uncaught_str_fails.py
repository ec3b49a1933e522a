class Weird(Exception):
    def __str__(self):
        raise RuntimeError("str broke")
print("raising Weird")
raise Weird("payload")
