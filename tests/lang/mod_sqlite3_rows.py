# sqlite3: Row indexing (case-insensitive ASCII names, slices, huge and
# wrong-type indexes), dict()/reversed() of a Row, cursor and connection
# factories (fake classes, missing base __init__, relayed keywords),
# text_factory with embedded NULs.
import sqlite3
def t(label, f):
    try: r = f(); print(label, "ok", r)
    except Exception as e: print(label, type(e).__name__, e)
con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
row = con.execute("select 1 as a_1, 2 as b").fetchone()
for k in ("a_1", "A_1", "B", "c", "a_\x11", "a\x7f1", 2, -3, -2, 2**1000, -2**1000, complex(), None, b"b", True):
    t(repr(k), lambda: row[k])
row = con.execute("select 1 as \xff").fetchone()
for k in ("\xff", "\u0178", "\xdf"):
    t(repr(k), lambda: row[k])
row = con.execute("select 1, 2, 3, 4").fetchone()
print(row[0:0], row[3:1], row[-2:], row[0:4:2], row[3:0:-2], list(reversed(row)))
row = con.execute("select 1 as a, 2 as b").fetchone()
print(dict(row), tuple(row))
t("keys none", lambda: con.execute("select 1 as a where a == 'x'").fetchone().keys())
class FakeCursor(str):
    __class__ = sqlite3.Cursor
t("fake", lambda: con.cursor(FakeCursor))
t("fake row", lambda: sqlite3.Row(FakeCursor(), ()))
t("none factory", lambda: con.cursor(None))
t("bad factory", lambda: con.cursor(lambda: None))
class DefectFactory(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        return None
t("defect", lambda: sqlite3.connect(":memory:", factory=DefectFactory).execute("select 1"))
class Factory(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        kwargs["isolation_level"] = None
        super(Factory, self).__init__(*args, **kwargs)
t("relayed", lambda: sqlite3.connect(":memory:", factory=Factory).isolation_level)
con.row_factory = None
con.text_factory = lambda x: str(x, "utf-8", "ignore")
print(con.execute("select ?", ("Österreich",)).fetchone())
con.text_factory = str
con.execute("create table test (value text)")
con.execute("insert into test (value) values (?)", ("a\x00b",))
for tf in (str, bytes, bytearray, lambda x: x):
    con.text_factory = tf
    print(repr(con.execute("select value from test").fetchone()[0]))
