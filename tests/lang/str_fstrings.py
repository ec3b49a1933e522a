name = "world"
n = 42
pi = 3.14159
items = [1, 2, 3]
d = {"key": "value", "n": 5}
print(f"hello {name}!", f"{n}", f"{n!r}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'ünï'!a}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:*^7}|{n:+}|{n:x}|{n:#o}|{n:08b}|{n:,}|{10**7:_}")
print(f"{pi:.2f} {pi:10.4f}| {pi:e} {pi:%}")
print(f"{name:>10}|{name:<10}|{name:^11}|{name:.3}|{name!r:>10}|")
print(f"{items[0]} {items[-1]} {d['key']} {d['n'] * 2} {len(items)} {items!r}")
print(f"{'nested ' + f'{n}'}", f"""{f'{f"{n}"}'}""", f"{n if n > 40 else 0}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|", f"{name:{'>'}{width}}|", f"{n:{'0'}{5}d}")
print(f"{{literal braces}}", f"{{{n}}}", f"{n}{{}}")
print(f"{n=}", f"{n = }", f"{pi=:.2f}", f"{name=!r}", f"{items[1]=}", f"{n+1=}")
print(f"""triple {name}
second line {n}""")
print(f"{'a' 'b'}", f"{3 + 4}", f"{(lambda x: x * 2)(5)}", f"{[x for x in range(3)]}", f"{ {1: 2}[1] }")
print(F"upper F {n}", rf"raw \n {n}", fr"\t{name}")
class Obj:
    def __format__(self, spec):
        return f"<{spec}>"
    def __repr__(self):
        return "Obj()"
    def __str__(self):
        return "obj-str"
o = Obj()
print(f"{o}", f"{o:abc}", f"{o!r}", f"{o!s}", f"{o!r:>8}", f"{o!s:*<9}")
import sys
print(f"{sys.maxsize > 0}", f"{None}", f"{True:d}", f"{True}", f"{b'x'}", f"{1+2j}", f"{3.0}")
date_like = (2024, 1, 5)
print(f"{date_like[0]:04d}-{date_like[1]:02d}-{date_like[2]:02d}")
try:
    f"{n:invalid}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{name:d}"
except ValueError as e:
    print(type(e).__name__, e)
