stack = []
for ch in "abc":
    stack.append(ch)
print(stack.pop(), stack.pop(), stack)
# balanced brackets with a stack
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for ch in s:
        if ch in "([{":
            st.append(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st
print([balanced(s) for s in ("()", "([]{})", "(]", "((", "", "{[()()]}", "}")])
# queue with pop(0)
queue = list(range(5))
order = []
while queue:
    item = queue.pop(0)
    order.append(item)
    if item % 2 == 0 and item < 4:
        queue.append(item + 10)
print(order)
# BFS on a small graph
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start):
    seen, q, out = {start}, [start], []
    while q:
        n = q.pop(0)
        out.append(n)
        for m in graph[n]:
            if m not in seen:
                seen.add(m)
                q.append(m)
    return out
def dfs(n, seen=None):
    seen = [] if seen is None else seen
    seen.append(n)
    for m in graph[n]:
        if m not in seen:
            dfs(m, seen)
    return seen
print(bfs("a"), dfs("a"))
# reversed, rotate, insert at front
r = [1, 2, 3, 4, 5]
print(r[::-1], r[2:] + r[:2], list(reversed(r)))
r.insert(0, 0)
r[len(r):] = [6]
print(r)
# heap by hand: sift down
def heapify(a):
    n = len(a)
    for i in reversed(range(n // 2)):
        j = i
        while True:
            c = 2 * j + 1
            if c >= n:
                break
            if c + 1 < n and a[c + 1] < a[c]:
                c += 1
            if a[j] <= a[c]:
                break
            a[j], a[c] = a[c], a[j]
            j = c
    return a
print(heapify([9, 4, 7, 1, 8, 2, 6, 3, 5]))
