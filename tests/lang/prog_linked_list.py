class LinkedList:
    class _Node:
        __slots__ = ("value", "next")
        def __init__(self, value, next=None):
            self.value, self.next = value, next
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push(it)
    def push(self, v):
        self.head = self._Node(v, self.head)
        self.size += 1
    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty LinkedList")
        v, self.head = self.head.value, self.head.next
        self.size -= 1
        return v
    def __iter__(self):
        n = self.head
        while n:
            yield n.value
            n = n.next
    def __len__(self):
        return self.size
    def __getitem__(self, i):
        if isinstance(i, slice):
            return LinkedList(list(self)[i])
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("LinkedList index out of range")
    def __contains__(self, v):
        return any(x == v for x in self)
    def reverse(self):
        prev, n = None, self.head
        while n:
            n.next, prev, n = prev, n, n.next
        self.head = prev
        return self
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
    def __add__(self, other):
        return LinkedList(list(self) + list(other))

ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), ll[0], ll[-1], 2 in ll, 9 in ll)
print(ll.reverse(), ll[1:3], ll + LinkedList("ab"))
print(ll.pop(), ll, list(reversed(list(ll))), sum(ll), max(ll))
print(LinkedList() == LinkedList([]), LinkedList([1]) == LinkedList([1]), LinkedList([1]) == [1])
e = LinkedList()
for bad in (lambda: e.pop(), lambda: ll[10]):
    try:
        bad()
    except IndexError as err:
        print(type(err).__name__, err)
big = LinkedList(range(1000))
print(len(big), big[999], sum(big), big.reverse()[0])
print(type(LinkedList._Node).__name__, LinkedList._Node.__qualname__)
