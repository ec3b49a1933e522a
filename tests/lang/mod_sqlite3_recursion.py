# sqlite3: recursive use of a cursor from converters and parameter generators,
# executescript stepping through a SELECT, a dropped cursor holding a table.
import sqlite3
def t(label, f):
    try: r = f(); print(label, "ok", repr(r))
    except Exception as e: print(label, type(e).__name__, e)
con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
cur = con.cursor()
cur.execute("create table test(x foo)")
cur.executemany("insert into test(x) values (?)", [("foo",), ("bar",)])
sqlite3.converters["INIT"] = lambda x: cur.__init__(con)
cur.execute('select x as "x [INIT]", x from test')
t("init", cur.fetchall)
sqlite3.converters["CLOSE"] = lambda x: cur.close()
cur.execute('select x as "x [CLOSE]", x from test')
t("close", cur.fetchall)
l = []
sqlite3.converters["ITER"] = lambda x: cur.fetchone() if l else l.append(None)
cur.execute('select x as "x [ITER]", x from test')
t("iter", cur.fetchall)
steps = []
con.create_function("step", 1, lambda x: steps.append((x,)))
con.executescript("select step(x) from test")
print(steps)
def gen():
    cur.execute("insert into test values (1)")
    yield (1,)
t("gen", lambda: cur.executemany("insert into test values (?)", gen()))
def dup(v):
    con.execute("insert into test values(?)", (v,))
con.create_function("dup", 1, dup)
c2 = con.execute("select dup(x) from test")
del c2
t("drop", lambda: con.execute("drop table test").fetchall())
t("pragma", lambda: con.execute("pragma user_version").fetchall())
t("pragma desc", lambda: con.execute("pragma user_version").description)


class X:
    def __conform__(self, protocol):
        params.clear()
        return "..."


params = [X(), 0]
t("bind mutating list", lambda: con.execute("select ?, ?", params).fetchall())
