# sqlite3: the exception hierarchy, sqlite_errorcode / sqlite_errorname,
# binding errors, closed and uninitialized objects, argument checking.
import sqlite3


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e, getattr(e, "sqlite_errorcode", "-"),
              getattr(e, "sqlite_errorname", "-"))


for name in ("Warning", "Error", "InterfaceError", "DatabaseError", "DataError",
             "OperationalError", "IntegrityError", "InternalError", "ProgrammingError",
             "NotSupportedError"):
    cls = getattr(sqlite3, name)
    print(name, cls.__module__, [b.__name__ for b in cls.__mro__[1:]])
con = sqlite3.connect(":memory:")
print(con.Error is sqlite3.Error, con.ProgrammingError is sqlite3.ProgrammingError)
print(sqlite3.SQLITE_OK, sqlite3.SQLITE_DENY, sqlite3.SQLITE_IGNORE, sqlite3.SQLITE_READ,
      sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_LIMIT_LENGTH)
print(sqlite3.apilevel, sqlite3.paramstyle, sqlite3.threadsafety, sqlite3.PARSE_DECLTYPES,
      sqlite3.PARSE_COLNAMES, type(sqlite3.sqlite_version).__name__,
      len(sqlite3.sqlite_version_info))

con.execute("create table t(a integer primary key, b unique not null, c check (c > 0))")
con.execute("insert into t values (1, 'x', 1)")
show("unique", lambda: con.execute("insert into t values (2, 'x', 1)"))
show("notnull", lambda: con.execute("insert into t values (3, null, 1)"))
show("check", lambda: con.execute("insert into t values (4, 'y', 0)"))
show("pk", lambda: con.execute("insert into t values (1, 'z', 1)"))
show("syntax", lambda: con.execute("selectx 1"))
show("no table", lambda: con.execute("select * from nope"))
show("two statements", lambda: con.execute("select 1; select 2"))
show("null char", lambda: con.execute("select 1\0"))
show("script null", lambda: con.executescript("select 1;\0"))
show("script type", lambda: con.executescript(b"select 1"))
show("sql type", lambda: con.execute(b"select 1"))
show("too many args", lambda: con.execute("select 1", (), ()))
show("unsupported", lambda: con.execute("select ?", (object(),)))
show("unsupported2", lambda: con.execute("select ?", ([1],)))
show("overflow", lambda: con.execute("select ?", (2**63,)))
show("underflow", lambda: con.execute("select ?", (-2**63 - 1,)))
show("count", lambda: con.execute("select ?, ?", (1,)))
show("count2", lambda: con.execute("select ?", (1, 2)))
show("missing name", lambda: con.execute("select :x", {"y": 1}))
show("unnamed", lambda: con.execute("select ?", {"y": 1}))
show("params type", lambda: con.execute("select ?", 5))
show("params set", lambda: con.execute("select ?", {1}))
show("string params", lambda: con.execute("select ?", "a").fetchall())
show("string params2", lambda: con.execute("select ?", "ab"))
show("many select", lambda: con.executemany("select ?", [(1,)]))
show("many not iterable", lambda: con.executemany("insert into t values (?, ?, ?)", 5))
show("many bad item", lambda: con.executemany("insert into t(b) values (?)", [(9,), 5]))
show("isolation", lambda: sqlite3.connect(":memory:", isolation_level="bogus"))
show("isolation type", lambda: sqlite3.connect(":memory:", isolation_level=1))
show("timeout type", lambda: sqlite3.connect(":memory:", timeout="1"))
show("database type", lambda: sqlite3.connect(1.5))
show("open fails", lambda: sqlite3.connect("/nonexistent-dir/x/y.db"))
show("cursor factory", lambda: con.cursor(factory=lambda c: 5))
show("Cursor arg", lambda: sqlite3.Cursor(5))
show("Row args", lambda: sqlite3.Row(5, ()))
show("Row args2", lambda: sqlite3.Row(con.cursor(), [1]))
show("getlimit", lambda: con.getlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH) > 0)
show("getlimit bad", lambda: con.getlimit(1000))
show("setlimit", lambda: (con.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, 10), con.getlimit(sqlite3.SQLITE_LIMIT_COLUMN)))
show("too many columns", lambda: con.execute("select " + ",".join(["1"] * 11)))
show("setlimit bad", lambda: con.setlimit(-1, 1))
show("arraysize", lambda: setattr(con.cursor(), "arraysize", "x"))
show("collation callable", lambda: con.create_collation("c", 5))
show("collation name", lambda: con.create_collation(5, None))
show("function name", lambda: con.create_function(5, 1, len))
show("int arg", lambda: con.create_function("f", "1", len))
show("isolation del", lambda: delattr(con, "isolation_level"))

# uninitialized objects
show("no init conn", lambda: sqlite3.Connection.__new__(sqlite3.Connection).cursor())
show("no init close", lambda: sqlite3.Connection.__new__(sqlite3.Connection).close())
show("no init cursor", lambda: sqlite3.Cursor.__new__(sqlite3.Cursor).fetchone())
show("no init cursor close", lambda: sqlite3.Cursor.__new__(sqlite3.Cursor).close())

# closed cursor and connection
cur = con.execute("select 1")
cur.close()
show("closed cursor", lambda: cur.execute("select 1"))
show("closed cursor fetch", lambda: cur.fetchone())
show("close twice", lambda: cur.close())
cur = con.execute("select 1 union select 2")
con.close()
for name, f in [("execute", lambda: con.execute("select 1")), ("cursor", con.cursor),
                ("commit", con.commit), ("rollback", con.rollback),
                ("total_changes", lambda: con.total_changes),
                ("in_transaction", lambda: con.in_transaction),
                ("isolation_level", lambda: con.isolation_level),
                ("create_function", lambda: con.create_function("f", 0, len)),
                ("fetch", cur.fetchone), ("cursor execute", lambda: cur.execute("select 1")),
                ("close again", con.close), ("row_factory", lambda: con.row_factory),
                ("interrupt", con.interrupt)]:
    show(name, f)

# calling a connection prepares a statement; lone surrogates cannot be encoded
con = sqlite3.connect(":memory:")
show("call bytes", lambda: con(b"select 1"))
show("call", lambda: type(con("select 1")).__name__)
show("call kw", lambda: con("select 1", x=1))
show("call none", lambda: con())
show("sql surrogate", lambda: con.execute("select '\ud8ff'"))
show("param surrogate", lambda: con.execute("select ?", ("\ud8ff",)))
show("script surrogate", lambda: con.executescript("select '\ud8ff'"))
show("collation surrogate", lambda: con.create_collation("\udc80", lambda a, b: 1))
show("function surrogate", lambda: con.create_function("\udc80", 0, lambda: 1))
con.create_function("sur", 0, lambda: "\udc80")
show("result surrogate", lambda: con.execute("select sur()").fetchone())
show("complete surrogate", lambda: sqlite3.complete_statement("select '\udc80';"))
show("decode error", lambda: con.execute("select 'xxx' || ? || 'yyy' colname",
                                         (bytes(bytearray([250])),)).fetchone())
