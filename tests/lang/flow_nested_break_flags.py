grid = [[1, 2, 3], [4, 42, 6], [7, 8, 42]]
found = None
for i, row in enumerate(grid):
    for j, v in enumerate(row):
        if v == 42:
            found = (i, j)
            break
    else:
        continue
    break
print("first 42 at", found)
class Found(Exception):
    pass
def search(target):
    try:
        for i, row in enumerate(grid):
            for j, v in enumerate(row):
                if v == target:
                    raise Found((i, j))
    except Found as f:
        return f.args[0]
    return None
print(search(42), search(8), search(99))
def search_gen(target):
    return next(((i, j) for i, row in enumerate(grid) for j, v in enumerate(row) if v == target), None)
print(search_gen(6), search_gen(0))
# while loops with multiple exits
n, steps = 27, 0
while True:
    if n == 1:
        reason = "reached 1"
        break
    if steps > 200:
        reason = "too many steps"
        break
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(reason, steps)
# continue in nested loops only affects the innermost
out = []
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        out.append(f"{a}{b}")
print(out)
# loop else with return inside functions
def has_duplicates(seq):
    seen = []
    for x in seq:
        if x in seen:
            break
        seen.append(x)
    else:
        return False
    return True
print(has_duplicates("abc"), has_duplicates("abca"), has_duplicates(""))
