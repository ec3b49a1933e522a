# Groups nested deeper than max_group_depth (10) are cut off; the last line
# is the innermost printed box's closing line.
exc = OSError("bottom")
for level in range(12):
    exc = ExceptionGroup(f"level {level}", [exc])
depth = 0
e = exc
while isinstance(e, ExceptionGroup):
    e = e.exceptions[0]
    depth += 1
print(depth, repr(e))
raise exc
