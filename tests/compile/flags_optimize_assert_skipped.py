# compile: optimize
assert (yield)
