class MinHeap:
    def __init__(self):
        self.a = []
    def push(self, item):
        a = self.a
        a.append(item)
        i = len(a) - 1
        while i > 0:
            p = (i - 1) // 2
            if a[p] <= a[i]:
                break
            a[p], a[i] = a[i], a[p]
            i = p
    def pop(self):
        a = self.a
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            while True:
                l, r, m = 2 * i + 1, 2 * i + 2, i
                if l < len(a) and a[l] < a[m]:
                    m = l
                if r < len(a) and a[r] < a[m]:
                    m = r
                if m == i:
                    break
                a[i], a[m] = a[m], a[i]
                i = m
        return top
    def __bool__(self):
        return bool(self.a)

def dijkstra(graph, src):
    dist = {src: 0}
    prev = {}
    heap = MinHeap()
    heap.push((0, src))
    while heap:
        d, u = heap.pop()
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph.get(u, ()):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heap.push((nd, v))
    return dist, prev

def path(prev, dst):
    out = [dst]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]

graph = {
    "A": [("B", 7), ("C", 9), ("F", 14)],
    "B": [("A", 7), ("C", 10), ("D", 15)],
    "C": [("A", 9), ("B", 10), ("D", 11), ("F", 2)],
    "D": [("B", 15), ("C", 11), ("E", 6)],
    "E": [("D", 6), ("F", 9)],
    "F": [("A", 14), ("C", 2), ("E", 9)],
    "G": [],
}
dist, prev = dijkstra(graph, "A")
for node in sorted(graph):
    print(node, dist.get(node, "unreachable"), "->".join(path(prev, node)) if node in dist else "")
h = MinHeap()
for v in [5, 3, 8, 1, 9, 2, 7]:
    h.push(v)
print([h.pop() for _ in range(7)])
grid = ["S.#.....", ".##.###.", "....#...", "#.#...#E"]
nodes = {}
for y, row in enumerate(grid):
    for x, ch in enumerate(row):
        if ch != "#":
            nbrs = []
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nx, ny = x + dx, y + dy
                if 0 <= ny < len(grid) and 0 <= nx < len(row) and grid[ny][nx] != "#":
                    nbrs.append(((nx, ny), 1))
            nodes[x, y] = nbrs
d2, p2 = dijkstra(nodes, (0, 0))
print(d2[7, 3], path(p2, (7, 3)))
