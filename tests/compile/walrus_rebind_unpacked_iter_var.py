[(b := 1) for a, (b, c) in x]
