# The order in which parts of statements and expressions are evaluated, as
# CPython 3.11's compiler fixes it.
log = []
def t(label, value=None):
    log.append(label)
    return value if value is not None else label

class Rec:
    def __setitem__(self, k, v):
        log.append(("setitem", k, v))
    def __getitem__(self, k):
        log.append(("getitem", k))
        return 10
    def __setattr__(self, k, v):
        log.append(("setattr", k, v))
    def __getattr__(self, k):
        log.append(("getattr", k))
        return 20

def show(title):
    print(title, log)
    log.clear()

r = Rec()
t("obj", r)[t("key")] = t("value")
show("subscript store:")
t("obj", r).attr = t("value")
show("attribute store:")
t("obj", r)[t("key")] += t("inc", 1)
show("augmented subscript:")
t("obj", r).attr += t("inc", 1)
show("augmented attribute:")
{t("k1"): t("v1"), t("k2"): t("v2")}
show("dict display:")
{t("k1"): t("v1"), **t("m", {}), t("k2"): t("v2")}
show("dict with unpacking:")
def f(*a, **k):
    return a, k
f(t("a1"), *t("star", []), t("a2"), k1=t("kw1"), **t("kwstar", {}))
show("call arguments:")
t("f", f)(t("arg"))
show("callee first:")
t("a", 1) < t("b", 2) < t("c", 3)
show("chained comparison:")
t("a", 3) < t("b", 2) < t("c", 1)
show("short-circuited chain:")
x = t("first", 1) and t("second", 0) and t("third", 1)
show("and:")
x = t("first", 0) or t("second", 0) or t("third", 1)
show("or:")
x = t("body") if t("test", 1) else t("orelse")
show("conditional:")
a, b = t("x"), t("y")
show("tuple assignment:")
a = b = t("shared")
show("chained assignment:")
def deco(name):
    log.append("deco " + name)
    return lambda fn: (log.append("apply " + name), fn)[1]
@deco("one")
@deco("two")
def g(p=t("default1"), *, q=t("kwdefault")) -> t("return annotation"):
    pass
show("def:")
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        log.append(("meta", sorted(kw)))
        return super().__new__(mcls, name, bases, ns)
@deco("class")
class C(t("base", object), metaclass=t("meta", Meta), extra=t("kw", 1)):
    log.append("body")
show("class:")
class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        log.append("enter " + self.n)
    def __exit__(self, *a):
        log.append("exit " + self.n)
with t("cm1", CM("1")), t("cm2", CM("2")):
    log.append("with body")
show("with items:")
for t("target", r)[t("index")] in [t("iterable", 5)]:
    pass
show("for target:")
try:
    raise t("exc", ValueError("v")) from t("cause", KeyError("k"))
except ValueError:
    pass
show("raise from:")
lst = [t("a"), *t("s", ["b"]), t("c")]
show("list display:")
s = f"{t('one')}{t('two')!r:>{t('width', 6)}}"
show("f-string:")
r[t("lo", 1):t("hi", 2)]
show("slice:")
print([(yield_) for yield_ in (t("outer iterable", [1]))] if True else None)
show("comprehension:")
assert t("assert test", True), t("message")
show("assert:")
m = {}
m[t("k")] = m.get(t("g")) or t("v")
show("store after value:")
