matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2 == 0])
print([[x if x % 2 else "even" for x in row] for row in matrix])
print({(r, c): matrix[r][c] for r in range(3) for c in range(3) if r == c})
print([(a, b, c) for a in range(1, 15) for b in range(a, 15) for c in range(b, 15) if a * a + b * b == c * c])
print(sum(1 for _ in range(1000) if _ % 7 == 0))
print([x for x in range(5) if x if x != 3])
words = ["apple", "Bob", "civic", "Dad", "eve", "xyz"]
print([w for w in words if w.lower() == w.lower()[::-1]])
print({w[0].lower(): [v for v in words if v[0].lower() == w[0].lower()] for w in words})
print(["".join(sorted(w.lower())) for w in words])
flat = [item for sub in [[1, [2]], [3], []] for item in sub]
print(flat)
print([i * j for i in range(1, 4) for j in range(1, 4) if i != j])
print(max((len(w), w) for w in words), min(w for w in words if "e" in w))
print([[0] * 3 for _ in range(2)], [(i, [j for j in range(i)]) for i in range(3)])
print([c for c in "Hello World" if c.isupper()] + [c for c in "abc"])
