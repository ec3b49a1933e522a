# compile: mode=eval
(yield)
