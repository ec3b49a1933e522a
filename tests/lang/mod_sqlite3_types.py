# sqlite3: Row (index by int, name and slice, keys, equality, hash, len,
# iteration), row factories, adapters (register_adapter, __conform__,
# PrepareProtocol, adapt) and converters (PARSE_DECLTYPES,
# PARSE_COLNAMES), the stdlib's date/timestamp converters, Blob, backup,
# iterdump, serialize/deserialize, subclassed Connection and Cursor.
import datetime
import os
import sqlite3
import tempfile


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
row = con.execute("select 1 as a, 'two' as B, null as c").fetchone()
print(type(row).__name__, len(row), list(row), row.keys(), tuple(row))
print(row[0], row[-1], row["a"], row["b"], row["B"], row[1:], row[::-1])
show("missing key", lambda: row["zz"])
show("index range", lambda: row[3])
show("float index", lambda: row[1.0])
show("non-ascii key", lambda: row["\u00e9"])
row2 = con.execute("select 1 as a, 'two' as B, null as c").fetchone()
row3 = con.execute("select 1 as x, 'two' as B, null as c").fetchone()
print(row == row2, row != row2, row == row3, row == (1, "two", None), hash(row) == hash(row2))
show("ordering", lambda: row < row2)
print(isinstance(row, sqlite3.Row), sqlite3.Row.__module__ if hasattr(sqlite3.Row, "__module__") else "")
cur = con.cursor()
cur.execute("select 5 as five")
r = sqlite3.Row(cur, (5,))
print(r["five"], r.keys())
print(len(sqlite3.Row(con.cursor(), ())), list(sqlite3.Row(con.cursor(), (1, 2))))
import collections.abc
print(isinstance(row, collections.abc.Sequence))

# row_factory on a cursor, and a dict factory
con.row_factory = None
cur = con.cursor()
cur.row_factory = lambda c, r: {d[0]: v for d, v in zip(c.description, r)}
print(cur.execute("select 1 as one, 2 as two").fetchall())
con.row_factory = lambda c, r: r[::-1]
print(con.execute("select 1, 2, 3").fetchone(), con.cursor().row_factory is con.row_factory)
con.row_factory = None


# adapters
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Conforming:
    def __conform__(self, proto):
        if proto is sqlite3.PrepareProtocol:
            return "conformed"


show("unadapted", lambda: con.execute("select ?", (Point(1, 2),)))
sqlite3.register_adapter(Point, lambda p: "%s;%s" % (p.x, p.y))
print(con.execute("select ?", (Point(1, 2),)).fetchone())
print(con.execute("select ?", (Conforming(),)).fetchone())
print(sqlite3.adapt(Point(3, 4)), sqlite3.adapt(Conforming()))
show("adapt int", lambda: sqlite3.adapt(5))
show("adapt fails", lambda: sqlite3.adapt(object()))
print(sqlite3.adapt(object(), sqlite3.PrepareProtocol, "alt"))
print(type(sqlite3.PrepareProtocol()).__name__)
print((Point, sqlite3.PrepareProtocol) in sqlite3.adapters)

# converters
sqlite3.register_converter("point", lambda b: Point(*map(int, b.split(b";"))))
sqlite3.register_converter("Upper", lambda b: b.decode().upper())
print(sorted(k for k in sqlite3.converters if k in ("POINT", "UPPER", "DATE", "TIMESTAMP")))
dcon = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
dcon.execute("create table p(p point, u upper not null, n number(10), d date, ts timestamp)")
dcon.execute("insert into p values (?, ?, ?, ?, ?)",
             (Point(1, 2), "abc", 3, datetime.date(2020, 1, 2),
              datetime.datetime(2021, 3, 4, 5, 6, 7, 8)))
dcon.execute("insert into p values (null, 'x', null, null, '2021-03-04 05:06:07')")
for r in dcon.execute("select * from p"):
    print(r)
print(dcon.execute('select u as "u [upper]", p as "p [point]" from p limit 1').fetchone())
print(dcon.execute('select 1 as "x [unknown]"').description)
print(dcon.execute('select \'1;2\' as "pt [point]"').fetchone())
ncon = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
print(ncon.execute('select \'1;2\' as "pt [point]"').fetchone(),
      ncon.execute('select \'1;2\' as "pt [point]"').description[0][0])
sqlite3.register_converter("bad", lambda b: 1 / 0)
show("converter raises", lambda: ncon.execute('select 1 as "b [bad]"').fetchone())

# blobs
con.execute("create table b(id integer primary key, data blob)")
con.execute("insert into b values (1, zeroblob(10))")
con.commit()
blob = con.blobopen("b", "data", 1)
print(len(blob), blob.tell(), blob.read(3), blob.tell())
blob.seek(0)
blob.write(b"hello")
print(blob.tell(), blob[0], blob[-1], blob[1:4], blob[::3])
blob[9] = 33
blob[5:7] = b"!!"
blob.seek(-2, os.SEEK_END)
print(blob.read(), blob.tell())
blob.seek(2)
blob.seek(1, os.SEEK_CUR)
print(blob.tell(), blob.read(100))
show("write too long", lambda: blob.write(b"x"))
show("seek range", lambda: blob.seek(11))
show("seek origin", lambda: blob.seek(0, 5))
show("index range", lambda: blob[10])
show("byte range", lambda: blob.__setitem__(0, 256))
show("slice size", lambda: blob.__setitem__(slice(0, 2), b"abc"))
show("delete", lambda: blob.__delitem__(0))
show("index type", lambda: blob["x"])
blob.close()
show("closed blob", lambda: blob.read())
print(con.execute("select data from b").fetchone())
with con.blobopen("b", "data", 1, readonly=True) as bl:
    print(bl.read(5))
    show("readonly write", lambda: bl.write(b"x"))
show("no row", lambda: con.blobopen("b", "data", 99))
show("no table", lambda: con.blobopen("nope", "data", 1))

# backup, iterdump, serialize
con.execute("create table kv(k text primary key, v)")
con.executemany("insert into kv values (?, ?)", [("a", 1), ("b", 2.5), ("c", b"\x01")])
con.commit()
dst = sqlite3.connect(":memory:")
steps = []
con.backup(dst, pages=1, progress=lambda status, remaining, total: steps.append(status))
print(dst.execute("select * from kv order by k").fetchall(), set(steps))
show("backup self", lambda: con.backup(con))
show("backup target", lambda: con.backup(5))
for line in con.iterdump():
    print(line)
data = con.serialize()
print(type(data).__name__, len(data) > 0)
fresh = sqlite3.connect(":memory:")
fresh.deserialize(data)
print(fresh.execute("select count(*) from kv").fetchone())
show("deserialize junk", lambda: fresh.deserialize(b"not a database" * 100) or fresh.execute("select * from kv"))

# a database file in a temporary directory, opened twice and by URI
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "test.db")
    c1 = sqlite3.connect(path)
    c1.execute("create table t(x)")
    c1.execute("insert into t values (42)")
    c1.commit()
    c2 = sqlite3.connect(path, timeout=0.1)
    print(c2.execute("select x from t").fetchall())
    c1.execute("insert into t values (43)")
    show("locked", lambda: c2.execute("insert into t values (44)"))
    c1.commit()
    c1.close()
    c2.close()
    c3 = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    print(c3.execute("select x from t").fetchall())
    show("readonly", lambda: c3.execute("insert into t values (1)"))
    c3.close()
    import pathlib
    c4 = sqlite3.connect(pathlib.Path(path))
    print(c4.execute("select count(*) from t").fetchone())
    c4.close()


# subclasses
class MyCursor(sqlite3.Cursor):
    def fetchall(self):
        return ["mine"] + super().fetchall()


class MyConnection(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra = "extra"

    def cursor(self, factory=MyCursor):
        return super().cursor(factory)


mc = sqlite3.connect(":memory:", factory=MyConnection)
print(type(mc).__name__, mc.extra, type(mc.cursor()).__name__, mc.execute("select 1").fetchall())
print(type(sqlite3.connect(":memory:", 5.0, 0, None, True, sqlite3.Connection, 10)).__name__)
