x = b'\x00\xff\n' + rb'\x' + b'''a
b'''
