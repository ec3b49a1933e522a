[i for i in x if (j := 1) for j in y]
