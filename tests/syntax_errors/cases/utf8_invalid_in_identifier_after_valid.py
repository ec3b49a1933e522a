abcÿ = 1
