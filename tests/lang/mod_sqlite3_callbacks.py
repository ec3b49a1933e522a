# sqlite3: user functions (results, errors, deterministic), aggregates,
# window functions, collations, the authorizer, the progress handler, the
# trace callback, enable_callback_tracebacks through sys.unraisablehook,
# recursive cursor use from a callback.
import sqlite3
import sys


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e, getattr(e, "sqlite_errorname", "-"))


con = sqlite3.connect(":memory:")
con.create_function("plus", 2, lambda a, b: a + b)
con.create_function("echo", -1, lambda *a: repr(a))
con.create_function("kind", 1, lambda x: type(x).__name__, deterministic=True)
print(con.execute("select plus(1, 2), plus(1.5, 2), plus('a', 'b'), plus(x'01', x'02')").fetchone())
print(con.execute("select echo(), echo(1, 'x', null, 2.5, x'ff')").fetchone())
print(con.execute("select kind(1), kind(1.0), kind('s'), kind(x''), kind(null)").fetchone())
results = [None, 7, 2.5, "s", b"b", bytearray(b"ba"), memoryview(b"mv"), True, 2**63 - 1]
for r in results:
    con.create_function("ret", 0, lambda r=r: r)
    print("ret", type(r).__name__, con.execute("select ret(), typeof(ret())").fetchone())
for bad in (object(), 2**63, [1]):
    con.create_function("ret", 0, lambda bad=bad: bad)
    show("bad result %s" % type(bad).__name__, lambda: con.execute("select ret()").fetchone())
con.create_function("boom", 0, lambda: 1 / 0)
show("raises", lambda: con.execute("select boom()").fetchone())
con.create_function("memerr", 0, lambda: (_ for _ in ()).throw(MemoryError))
show("MemoryError", lambda: con.execute("select memerr()").fetchone())
show("wrong arity", lambda: con.execute("select plus(1)").fetchone())
con.create_function("det", 0, lambda: 1, deterministic=True)
show("deterministic index", lambda: con.execute("create table d(x); create index di on d(det())"))
con.execute("create table d(x)")
print("index on det()", con.execute("create index di on d(x, det())").fetchall())
con.create_function("nondet", 0, lambda: 1)
show("nondeterministic index", lambda: con.execute("create index dj on d(nondet())"))


class Sum:
    def __init__(self):
        self.total = 0

    def step(self, *values):
        for v in values:
            self.total += v

    def finalize(self):
        return self.total


con.create_aggregate("mysum", -1, Sum)
con.execute("create table n(g, v)")
con.executemany("insert into n values (?, ?)", [(i % 3, i) for i in range(10)])
print(con.execute("select g, mysum(v), mysum(v, 1) from n group by g order by g").fetchall())
print(con.execute("select mysum(v) from n where v > 100").fetchone())


class BadInit:
    def __init__(self):
        raise ValueError


class BadStep:
    def step(self, v):
        raise ValueError

    def finalize(self):
        return 0


class NoStep:
    def finalize(self):
        return 0


class BadFinal:
    def step(self, v):
        pass

    def finalize(self):
        raise ValueError


class NoFinal:
    def step(self, v):
        pass


for cls in (BadInit, BadStep, NoStep, BadFinal, NoFinal):
    con.create_aggregate("agg", 1, cls)
    show(cls.__name__, lambda: con.execute("select agg(v) from n").fetchone())


class Window:
    def __init__(self):
        self.total = 0

    def step(self, v):
        self.total += v

    def inverse(self, v):
        self.total -= v

    def value(self):
        return self.total

    def finalize(self):
        return self.total


con.create_window_function("wsum", 1, Window)
print(con.execute("""select v, wsum(v) over (order by v rows between 1 preceding and 1 following)
                     from n order by v""").fetchall())
con.create_window_function("wsum", 1, None)
show("removed window", lambda: con.execute("select wsum(v) over () from n"))


def rev(a, b):
    return (a < b) - (a > b)


con.create_collation("rev", rev)
print(con.execute("select v from n order by cast(v as text) collate rev limit 4").fetchall())
con.create_collation("badcoll", lambda a, b: 1 / 0)
show("collation raises", lambda: con.execute(
    "select v from n order by cast(v as text) collate badcoll").fetchall())
con.create_collation("strcoll", lambda a, b: "x")
print(len(con.execute("select v from n order by cast(v as text) collate strcoll").fetchall()))
con.create_collation("rev", None)
show("removed collation", lambda: con.execute("select v from n order by v collate rev"))

# authorizer
seen = []


def auth(action, arg1, arg2, dbname, source):
    seen.append((action, arg1, arg2, dbname, source))
    if arg2 == "secret":
        return sqlite3.SQLITE_DENY
    if arg2 == "hidden":
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK


con.execute("create table s(pub, secret, hidden)")
con.execute("insert into s values (1, 2, 3)")
con.set_authorizer(auth)
print(con.execute("select pub, hidden from s").fetchall())
print(sorted(set(seen)))
show("denied", lambda: con.execute("select secret from s"))
con.set_authorizer(lambda *a: 1 / 0)
show("auth raises", lambda: con.execute("select pub from s"))
con.set_authorizer(lambda *a: "x")
show("auth str", lambda: con.execute("select pub from s"))
con.set_authorizer(lambda *a: 99)
show("auth malfunction", lambda: con.execute("select pub from s"))
con.set_authorizer(None)
print(con.execute("select secret from s").fetchall())

# progress handler
calls = []
con.set_progress_handler(lambda: calls.append(1), 1)
con.execute("select count(*) from n").fetchall()
print("progress called", len(calls) > 0)
con.set_progress_handler(lambda: 1, 1)
show("progress abort", lambda: con.execute("select count(*) from n").fetchall())
con.set_progress_handler(lambda: 1 / 0, 1)
show("progress raises", lambda: con.execute("select count(*) from n").fetchall())
con.set_progress_handler(None, 1)
print(con.execute("select count(*) from n").fetchall())

# trace callback
traced = []
con.set_trace_callback(traced.append)
con.execute("select ?, ?", (1, "two")).fetchall()
con.execute("create table tr(x)")
con.set_trace_callback(None)
con.execute("select 3")
print(traced)
con.set_trace_callback(lambda s: 1 / 0)
print(con.execute("select 4").fetchall())
con.set_trace_callback(None)

# tracebacks go to sys.unraisablehook only when enabled
hooked = []
sys.unraisablehook = lambda u: hooked.append((type(u.exc_value).__name__, str(u.exc_value)))
show("quiet", lambda: con.execute("select boom()").fetchone())
print(hooked)
sqlite3.enable_callback_tracebacks(True)
show("loud", lambda: con.execute("select boom()").fetchone())
con.create_aggregate("agg", 1, BadStep)
show("loud agg", lambda: con.execute("select agg(v) from n").fetchone())
print(hooked)
sqlite3.enable_callback_tracebacks(False)

# a cursor used from a callback that runs on it
cur = con.cursor()
con.create_function("recurse", 0, lambda: cur.execute("select 1") and 1)
show("recursive cursor", lambda: cur.execute("select recurse()").fetchall())
other = con.execute("select v from n order by v")
con.create_function("pull", 0, lambda: other.fetchone()[0])
print(con.execute("select pull(), pull()").fetchall())
