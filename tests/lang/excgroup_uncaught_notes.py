# CPython 3.11 prints __notes__ that are not a sequence without a newline,
# so the group's closing line follows on the same line.
g = ExceptionGroup("noted", [KeyError("k"), ValueError("v")])
g.add_note("note of the group")
g.exceptions[1].__notes__ = 5
print(g.__notes__, g.exceptions[1].__notes__)
raise g
