# compile: mode=eval
[x for x in y if (z := x)]
