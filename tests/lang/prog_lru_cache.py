class Node:
    __slots__ = ("key", "value", "prev", "next")
    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None

class LRUCache:
    """A least-recently-used cache: a dict plus a doubly linked list."""
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.map = {}
        self.head, self.tail = Node(), Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = 0
    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev
    def _push_front(self, node):
        node.next, node.prev = self.head.next, self.head
        self.head.next.prev = node
        self.head.next = node
    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value
    def put(self, key, value):
        node = self.map.get(key)
        if node:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return None
        if len(self.map) >= self.capacity:
            victim = self.tail.prev
            self._unlink(victim)
            del self.map[victim.key]
            evicted = victim.key
        else:
            evicted = None
        node = Node(key, value)
        self.map[key] = node
        self._push_front(node)
        return evicted
    def __iter__(self):
        n = self.head.next
        while n is not self.tail:
            yield n.key
            n = n.next
    def __len__(self):
        return len(self.map)
    def __contains__(self, key):
        return key in self.map
    def __repr__(self):
        return "LRU[" + ", ".join(f"{k}={self.map[k].value}" for k in self) + "]"

c = LRUCache(3)
for k in "abc":
    c.put(k, k.upper())
print(c)
print(c.get("a"), c.put("d", "D"), c)
print(c.get("b"), c.get("c"), c.put("a", "A2"), c, len(c), "b" in c)
evictions = [c.put(k, i) for i, k in enumerate("efgdh")]
print(evictions, c, c.hits, c.misses)
def memoize(capacity):
    def deco(fn):
        cache = LRUCache(capacity)
        def wrapper(n):
            hit = cache.get(n, cache)
            if hit is not cache:
                return hit
            r = fn(n)
            cache.put(n, r)
            return r
        wrapper.cache = cache
        return wrapper
    return deco
@memoize(50)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fib.cache.hits, fib.cache.misses, len(fib.cache))
try:
    LRUCache(0)
except ValueError as e:
    print(type(e).__name__, e)
