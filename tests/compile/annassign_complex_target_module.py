x.y: g(a=1, a=2)
