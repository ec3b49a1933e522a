class DSU:
    def __init__(self):
        self.parent = {}
        self.rank = {}
    def find(self, x):
        self.parent.setdefault(x, x)
        self.rank.setdefault(x, 0)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root
    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True
    def groups(self):
        out = {}
        for x in self.parent:
            out.setdefault(self.find(x), set()).add(x)
        return sorted(sorted(g) for g in out.values())

d = DSU()
edges = [(1, 2), (3, 4), (2, 3), (5, 6), (7, 7), (8, 5), (1, 4)]
print([d.union(a, b) for a, b in edges])
print(d.groups(), d.find(4) == d.find(1), d.find(6) == d.find(1))
# Kruskal's minimum spanning tree
graph = [(7, "A", "B"), (5, "A", "D"), (8, "B", "C"), (9, "B", "D"), (7, "B", "E"), (5, "C", "E"),
         (15, "D", "E"), (6, "D", "F"), (8, "E", "F"), (9, "E", "G"), (11, "F", "G")]
mst = DSU()
tree = [(w, a, b) for w, a, b in sorted(graph) if mst.union(a, b)]
print(tree, sum(w for w, _, _ in tree))
# set algebra on the components
comps = [set(g) for g in d.groups()]
print(set().union(*comps) == set(d.parent), [len(c) for c in comps], set.intersection(*comps) if len(comps) > 1 else None)
