# sqlite3: user-function results and errors (MemoryError, OverflowError, NaN,
# non-contiguous buffers, argument limits), window-function methods that
# raise or are missing, keyword arguments of the create_* and set_* methods.
import sqlite3
def t(label, f):
    try: r = f(); print(label, "ok", r if not isinstance(r, (sqlite3.Cursor, sqlite3.Connection)) else type(r).__name__)
    except Exception as e: print(label, type(e).__name__, e)
con = sqlite3.connect(":memory:")
t("narg", lambda: con.create_function("bla", -100, lambda x: 2*x))
t("kw", lambda: con.create_function("noop", 0, func=lambda: None))
t("det pos", lambda: con.create_function("d", 0, int, True))
con.create_function("spam", -1, lambda *x: len(x))
t("noncont", lambda: con.execute("select spam(?)", (memoryview(b"blob")[::2],)))
con.create_function("nc", 0, lambda: memoryview(b"blob")[::2])
t("ret noncont", lambda: con.execute("select nc()").fetchone())
def me(): raise MemoryError
def oe(): raise OverflowError
con.create_function("me", 0, me)
con.create_function("oe", 0, oe)
t("memerr", lambda: con.execute("select me()").fetchone())
t("overflow", lambda: con.execute("select oe()").fetchone())
t("nan", lambda: con.execute("select ?", (float("nan"),)).fetchone())
con.create_function("nanf", 0, lambda: float("nan"))
t("ret nan", lambda: con.execute("select nanf()").fetchone())
t("inf", lambda: con.execute("select ?", (float("inf"),)).fetchone())
t("args", lambda: con.execute("select spam(?, ?)", (1, 2)).fetchone())
t("agg bad", lambda: con.create_aggregate("a", -100, object))
t("win bad", lambda: con.create_window_function("a", -100, object))
t("limits", lambda: (con.setlimit(sqlite3.SQLITE_LIMIT_FUNCTION_ARG, 1), con.execute("select max(1, 2)")))
con = sqlite3.connect(":memory:")
cur = con.cursor()
con.execute("create table test(x, y)")
con.executemany("insert into test values(?, ?)", [("a", 4), ("b", 5), ("c", 3), ("d", 8), ("e", 1)])
q = "select x, %s(y) over (order by x rows between 1 preceding and 1 following) as sum_y from test order by x"
class W:
    def __init__(self): self.count = 0
    def step(self, v): self.count += v
    def value(self): return self.count
    def inverse(self, v): self.count -= v
    def finalize(self): return self.count
class Bad(Exception): pass
def boom(*a): raise Bad
for meth in ("__init__", "step", "value", "inverse", "finalize"):
    cls = type("W_" + meth, (W,), {meth: boom})
    con.create_window_function("w_" + meth, 1, cls)
    t(meth, lambda: cur.execute(q % ("w_" + meth)).fetchall())
for meth in ("step", "value", "inverse", "finalize"):
    d = {k: v for k, v in W.__dict__.items() if k != meth and not k.startswith("__")}
    cls = type("M_" + meth, (), d)
    con.create_window_function("m_" + meth, 1, cls)
    t("missing " + meth, lambda: cur.execute(q % ("m_" + meth)).fetchall())
class Big(W):
    def value(self): return 1 << 65
con.create_window_function("big", 1, Big)
t("big", lambda: cur.execute(q % "big"))
class Txt:
    def __init__(self): self.s = ""
    def step(self, x): self.s += x
    def finalize(self): return self.s
con.create_aggregate("txt", 1, Txt)
t("txt", lambda: cur.execute("select txt(?) from test", ("1\x002",)).fetchone())
t("agg kw", lambda: con.create_aggregate("test", 1, aggregate_class=Txt))
t("auth kw", lambda: con.set_authorizer(authorizer_callback=lambda *a: 0))
t("prog kw", lambda: con.set_progress_handler(progress_handler=None, n=1))
t("trace kw", lambda: con.set_trace_callback(trace_callback=None))
con.set_authorizer(None)
con.set_authorizer(lambda action, a1, a2, db, src: sqlite3.SQLITE_DENY if a1 == "test" and action == sqlite3.SQLITE_READ else sqlite3.SQLITE_OK)
t("prohibited", lambda: con.execute("select * from test"))
