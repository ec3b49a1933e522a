# compile: mode=eval
[await x for y in z]
