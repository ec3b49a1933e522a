data = b"abc\xe9def"
print(data.decode("latin-1"))
data.decode("utf-8")
