# repr gives the shortest string that round-trips
x = 0.0
count = 0
vals = []
for i in range(1, 400):
    v = i / 7 + i * 1e-3
    s = repr(v)
    if float(s) != v:
        print("round-trip failed", s)
    vals.append(s)
print(vals[:8])
print(vals[-4:])
seq = [1.1 ** k for k in range(0, 200, 17)]
print([repr(v) for v in seq])
print([repr(2.0 ** e) for e in (-1074, -1022, -100, -1, 0, 52, 53, 100, 1023)])
print([repr(v) for v in (1e-7, 1.5e-5, 123e-20, 9.999999999999999e22, 1.0000000000000002, 0.30000000000000004)])
print([str(10.0 ** k) for k in range(-6, 20, 3)])
