PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
def parse(text):
    rows = [r for r in text.split() if r]
    return [[0 if c == "." else int(c) for c in r] for r in rows]
def candidates(g, r, c):
    used = set(g[r]) | {g[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {g[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [v for v in range(1, 10) if v not in used]
stats = {"guesses": 0, "backtracks": 0}
def solve(g):
    best = None
    for r in range(9):
        for c in range(9):
            if g[r][c] == 0:
                cands = candidates(g, r, c)
                if not cands:
                    return False
                if best is None or len(cands) < len(best[2]):
                    best = (r, c, cands)
    if best is None:
        return True
    r, c, cands = best
    for v in cands:
        stats["guesses"] += 1
        g[r][c] = v
        if solve(g):
            return True
    g[r][c] = 0
    stats["backtracks"] += 1
    return False
g = parse(PUZZLE)
print(solve(g), stats)
for i, row in enumerate(g):
    print(" ".join("".join(map(str, row[k:k + 3])) for k in (0, 3, 6)))
    if i in (2, 5):
        print("-" * 11)
ok = all(sorted(row) == list(range(1, 10)) for row in g) and \
     all(sorted(g[r][c] for r in range(9)) == list(range(1, 10)) for c in range(9)) and \
     all(sorted(g[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)) == list(range(1, 10))
         for br in (0, 3, 6) for bc in (0, 3, 6))
print("valid:", ok)
bad = parse(PUZZLE)
bad[0][2] = 5
print(solve(bad) if candidates(bad, 0, 3) else "unsolvable start", stats["backtracks"] > 0)
