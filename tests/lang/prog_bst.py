class BST:
    class Node:
        def __init__(self, key, val):
            self.key, self.val = key, val
            self.left = self.right = None
    def __init__(self):
        self.root = None
        self.count = 0
    def insert(self, key, val=None):
        def ins(node):
            if node is None:
                self.count += 1
                return BST.Node(key, val)
            if key < node.key:
                node.left = ins(node.left)
            elif key > node.key:
                node.right = ins(node.right)
            else:
                node.val = val
            return node
        self.root = ins(self.root)
    def __contains__(self, key):
        n = self.root
        while n:
            if key == n.key:
                return True
            n = n.left if key < n.key else n.right
        return False
    def inorder(self):
        stack, n = [], self.root
        while stack or n:
            while n:
                stack.append(n)
                n = n.left
            n = stack.pop()
            yield n.key, n.val
            n = n.right
    def __iter__(self):
        for k, _ in self.inorder():
            yield k
    def height(self, n="root"):
        if n == "root":
            n = self.root
        return 0 if n is None else 1 + max(self.height(n.left), self.height(n.right))
    def range(self, lo, hi):
        def walk(n):
            if n is None:
                return
            if lo < n.key:
                yield from walk(n.left)
            if lo <= n.key <= hi:
                yield n.key
            if n.key < hi:
                yield from walk(n.right)
        return list(walk(self.root))
    def delete(self, key):
        def dele(n, key):
            if n is None:
                raise KeyError(key)
            if key < n.key:
                n.left = dele(n.left, key)
            elif key > n.key:
                n.right = dele(n.right, key)
            else:
                if n.left is None:
                    return n.right
                if n.right is None:
                    return n.left
                succ = n.right
                while succ.left:
                    succ = succ.left
                n.key, n.val = succ.key, succ.val
                n.right = dele(n.right, succ.key)
            return n
        self.root = dele(self.root, key)
        self.count -= 1

t = BST()
keys = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]
for k in keys:
    t.insert(k, str(k))
print(list(t), t.count, t.height(), 45 in t, 99 in t)
print(t.range(33, 66), list(t.inorder())[:3])
t.delete(30)
t.delete(50)
print(list(t), t.count, t.root.key)
try:
    t.delete(1000)
except KeyError as e:
    print(type(e).__name__, e)
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w, len(w))
print(list(words.inorder()), words.count)
skewed = BST()
for i in range(200):
    skewed.insert(i)
print(skewed.height(), sum(skewed))
