# sqlite3: connect, execute with qmark and named parameters, the type
# mapping (int, float, str, bytes-likes, None), fetch*, description,
# rowcount, lastrowid, iteration, executemany/executescript, transactions.
import sqlite3


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


con = sqlite3.connect(":memory:")
print(type(con).__name__, con.isolation_level == "", con.in_transaction, con.total_changes)
cur = con.cursor()
print(type(cur).__name__, cur.connection is con, cur.arraysize, cur.rowcount, cur.lastrowid,
      cur.description)
cur.execute("create table t(i integer, f real, s text, b blob, n)")
print("create rowcount", cur.rowcount, cur.description)
rows = [(1, 1.5, "one", b"\x00\x01", None), (2, -2.25, "twö", bytearray(b"ab"), None),
        (3, 1e300, "", memoryview(b"xyz"), 7), (-2**63, 0.0, "ünï\u4e2d", b"", 2**63 - 1)]
cur.executemany("insert into t values (?, ?, ?, ?, ?)", rows)
print("executemany rowcount", cur.rowcount, con.in_transaction, con.total_changes)
cur.execute("insert into t values (:i, :f, :s, :b, :n)",
            {"i": 5, "f": 2.5, "s": "five", "b": b"5", "n": True})
print("lastrowid", cur.lastrowid, "rowcount", cur.rowcount)
con.commit()
print("after commit", con.in_transaction)
cur.execute("select * from t order by i")
print([d[0] for d in cur.description], len(cur.description[0]))
print(cur.fetchone())
print(cur.fetchmany())
print(cur.fetchmany(2))
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall())
for row in con.execute("select i, typeof(b), length(b), typeof(n) from t order by i"):
    print(row)
print(con.execute("select ?, ?, ?, ?", (True, 3.0, "x\u00e9", None)).fetchone())
print(con.execute("select :a || $b || @c", {"a": "A", "b": "B", "c": "C"}).fetchone())
print(con.execute("select ?1 + ?1, ?2", [10, 20]).fetchone())
print(con.execute("select 9223372036854775807, -9223372036854775808, 1e308 * 10").fetchone())

# update and delete row counts
print("update", con.execute("update t set n = 0 where i > 0").rowcount)
print("delete", con.execute("delete from t where i = 5").rowcount)
print("select rowcount", con.execute("select * from t").rowcount)
con.rollback()
print("after rollback", con.execute("select count(*) from t").fetchone())

# executescript commits first and runs every statement
con.execute("insert into t(i) values (100)")
print("in tx", con.in_transaction)
cur.executescript("""
    create table u(x);
    insert into u values (1);
    insert into u values (2); -- a comment
    /* another */ insert into u values (3);
""")
print("after script", con.in_transaction, con.execute("select sum(x) from u").fetchone())
print(con.execute("select count(*) from t where i = 100").fetchone())

# autocommit mode and explicit levels
con.isolation_level = None
con.execute("insert into u values (4)")
print("autocommit", con.isolation_level, con.in_transaction)
for level in ("DEFERRED", "immediate", "Exclusive", ""):
    con.isolation_level = level
    con.execute("insert into u values (5)")
    print(repr(con.isolation_level), con.in_transaction)
    con.commit()

# context manager: commit on success, rollback on error
with con:
    con.execute("insert into u values (6)")
print("committed", con.in_transaction, con.execute("select count(*) from u").fetchone())
try:
    with con:
        con.execute("insert into u values (7)")
        raise KeyError("boom")
except KeyError as e:
    print("KeyError", e)
print("rolled back", con.execute("select count(*) from u where x = 7").fetchone())

# iteration protocol of a cursor
c2 = con.execute("select x from u order by x")
print(iter(c2) is c2, next(c2), list(c2))
show("next at end", lambda: next(c2))
c2.arraysize = 3
print(con.execute("select x from u order by x").fetchmany())
print(con.execute("select 1 union select 2").fetchmany(-1))

# text_factory
con.text_factory = bytes
print(con.execute("select 'abc', 'é'").fetchone())
con.text_factory = bytearray
print(con.execute("select 'abc'").fetchone())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("select 'abc'").fetchone())
con.text_factory = str
print(con.text_factory is str)

# empty and comment-only statements
print(con.execute("").description, con.execute("-- nothing").fetchall())
print(con.execute("select 1 -- trailing").fetchall(), con.execute("select 2;  ").fetchall())
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))
print(con.total_changes > 0)
con.close()
print("closed")
