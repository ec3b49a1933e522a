e = BlockingIOError(11, "busy", 5)
print(e.characters_written, e.filename, e.args, str(e))
e.characters_written = 7; print(e.characters_written)
del e.characters_written
try: e.characters_written
except AttributeError as ex: print("AttributeError", ex)
try: del e.characters_written
except AttributeError as ex: print("AttributeError", ex)
o = OSError(2, "nf", "file.txt"); print(o.filename, o.args, str(o))
try: o.characters_written
except AttributeError as ex: print("AttributeError", ex)
try: o.characters_written = "x"
except TypeError as ex: print("TypeError", ex)
try: o.characters_written = 2**70
except ValueError as ex: print("ValueError", ex)
o.characters_written = True; print(o.characters_written)
b = BlockingIOError(11, "busy", "name"); print(b.filename, b.args)
b = BlockingIOError(11, "busy", 2.5)
print(b.characters_written if False else "", b.filename)
