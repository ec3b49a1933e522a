# sqlite3: collations (large results, str subclasses, removal), the trace
# callback (BEGIN/COMMIT, expanded SQL and its length limit, non-ASCII),
# a progress handler whose result cannot be truth-tested, weak references.
import sqlite3
import weakref
def t(label, f):
    try: r = f(); print(label, "ok", r if not isinstance(r, (sqlite3.Cursor, sqlite3.Connection)) else type(r).__name__)
    except Exception as e: print(label, type(e).__name__, e)
con = sqlite3.connect(":memory:")
sql = "select x from (select 'a' as x union select 'b' as x union select 'c' as x) order by x collate mycoll"
con.create_collation("mycoll", lambda x, y: -((x > y) - (x < y)) * 2**32)
t("large", lambda: con.execute(sql).fetchall())
class BadUpperStr(str):
    def upper(self): return None
con.create_collation(BadUpperStr("mycoll2"), lambda x, y: -((x > y) - (x < y)))
t("badupper", lambda: con.execute(sql.replace("mycoll", "mycoll2")).fetchall())
con.create_collation("collä", lambda x, y: (x > y) - (x < y))
t("nonascii", lambda: con.execute(sql.replace("mycoll", "collä")).fetchall())
con.create_collation("mycoll", None)
t("gone", lambda: con.execute(sql).fetchall())
traced = []
con.set_trace_callback(traced.append)
with con:
    con.execute("create table t(t)")
    con.executemany("insert into t values(?)", ((v,) for v in range(3)))
con.set_trace_callback(None)
print(traced)
traced.clear()
prev = con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 128)
con.set_trace_callback(traced.append)
con.execute("select 1 as a where a=?", ("a" * 128,))
con.execute("select 1 as a where a=?", ("a",))
con.set_trace_callback(None)
con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, prev)
print(traced)
class BadBool:
    def __bool__(self): 1 / 0
con.set_progress_handler(lambda: BadBool(), 1)
t("badbool", lambda: con.execute("create table foo(a, b)"))
con.set_progress_handler(None, 1)
unicode_value = '\xf6\xe4\xfc\xd6\xc4\xdc\xdf\u20ac'
traced.clear()
con.set_trace_callback(traced.append)
con.execute("create table foo(x)")
con.execute("insert into foo(x) values ('%s')" % unicode_value)
con.commit()
print(traced)

t("wr con", lambda: type(weakref.ref(con)()).__name__)
t("wr cur", lambda: weakref.ref(con.cursor())and 1)
con.execute("create table b(x)"); con.execute("insert into b values (zeroblob(3))")
t("wr blob", lambda: weakref.ref(con.blobopen("b", "x", 1)) and 1)
t("wr row", lambda: weakref.ref(sqlite3.Row(con.cursor(), ())) and 1)
t("stmt", lambda: type(con("select 1"))())
t("blob new", lambda: sqlite3.Blob())
t("Row sub", lambda: type(type("R", (sqlite3.Row,), {})(con.cursor(), (1,))).__name__)
t("Blob sub", lambda: type("B", (sqlite3.Blob,), {}).__name__)
t("Cursor attr", lambda: setattr(con.cursor(), "foo", 1))
t("Conn attr", lambda: setattr(con, "foo", 1))
t("dict", lambda: con.__dict__)
