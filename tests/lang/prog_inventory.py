class OutOfStock(Exception):
    pass

class Item:
    def __init__(self, sku, name, price, qty=0, tags=()):
        self.sku, self.name, self.price, self.qty = sku, name, price, qty
        self.tags = set(tags)
    def __repr__(self):
        return f"Item({self.sku}, {self.name!r}, {self.price:.2f}, qty={self.qty})"

class Inventory:
    def __init__(self):
        self.items = {}
        self.journal = []
    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
        else:
            self.items[item.sku] = item
        self.journal.append(("add", item.sku, item.qty))
    def remove(self, sku, qty):
        item = self.items.get(sku)
        if item is None:
            raise KeyError(sku)
        if item.qty < qty:
            raise OutOfStock(f"{item.name}: want {qty}, have {item.qty}")
        item.qty -= qty
        self.journal.append(("remove", sku, qty))
        return item.price * qty
    def value(self):
        return round(sum(i.price * i.qty for i in self.items.values()), 2)
    def by_tag(self):
        tags = {}
        for item in self.items.values():
            for t in item.tags:
                tags.setdefault(t, []).append(item.sku)
        return {t: sorted(skus) for t, skus in sorted(tags.items())}
    def low_stock(self, threshold):
        return sorted((i for i in self.items.values() if i.qty < threshold), key=lambda i: (i.qty, i.sku))

inv = Inventory()
inv.add(Item("A1", "widget", 2.50, 100, ["metal", "small"]))
inv.add(Item("B2", "gadget", 12.99, 5, ["electronic"]))
inv.add(Item("C3", "doohickey", 0.75, 1000, ["small", "plastic"]))
inv.add(Item("A1", "widget", 2.50, 20))
print(inv.value(), inv.items["A1"].qty)
orders = [("A1", 30), ("B2", 6), ("C3", 999), ("Z9", 1), ("B2", 5)]
revenue = 0
for sku, qty in orders:
    try:
        revenue += inv.remove(sku, qty)
        print(f"sold {qty} x {sku}")
    except OutOfStock as e:
        print("out of stock:", e)
    except KeyError as e:
        print("unknown sku:", e)
print(f"revenue {revenue:.2f}, stock value {inv.value():.2f}")
print(inv.by_tag())
print(inv.low_stock(10))
print(inv.journal)
summary = {sku: (i.qty, f"{i.price * i.qty:8.2f}") for sku, i in sorted(inv.items.items())}
for sku, (q, v) in summary.items():
    print(f"{sku:<4}{q:>6}{v}")
