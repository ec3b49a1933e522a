def permutations(xs):
    if len(xs) <= 1:
        return [list(xs)]
    out = []
    for i, x in enumerate(xs):
        for p in permutations(xs[:i] + xs[i + 1:]):
            out.append([x] + p)
    return out
print(len(permutations([1, 2, 3, 4])), permutations("abc"))
def subsets(xs):
    if not xs:
        return [[]]
    rest = subsets(xs[1:])
    return rest + [[xs[0]] + s for s in rest]
print(sorted(subsets([1, 2, 3]), key=lambda s: (len(s), s)))
def queens(n, row=0, cols=(), diag1=(), diag2=()):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if c not in cols and row + c not in diag1 and row - c not in diag2:
            count += queens(n, row + 1, cols + (c,), diag1 + (row + c,), diag2 + (row - c,))
    return count
print([queens(n) for n in range(1, 8)])
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
print(merge_sort([38, 27, 43, 3, 9, 82, 10, 3]))
def flatten(tree):
    return [tree] if not isinstance(tree, list) else [x for sub in tree for x in flatten(sub)]
print(flatten([1, [2, [3, [4, [5]]]], [[6]], 7]))
def tree_depth(t):
    return 0 if t is None else 1 + max(tree_depth(t[0]), tree_depth(t[1]))
def build(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return (build(lo, mid - 1), build(mid + 1, hi))
print(tree_depth(build(1, 100)))
def edit_distance(a, b, memo=None):
    memo = {} if memo is None else memo
    if (a, b) in memo:
        return memo[a, b]
    if not a or not b:
        r = len(a) + len(b)
    elif a[0] == b[0]:
        r = edit_distance(a[1:], b[1:], memo)
    else:
        r = 1 + min(edit_distance(a[1:], b, memo), edit_distance(a, b[1:], memo), edit_distance(a[1:], b[1:], memo))
    memo[a, b] = r
    return r
print(edit_distance("kitten", "sitting"), edit_distance("flaw", "lawn"), edit_distance("", "abc"))
