# compile: mode=single
break
