# sqlite3: Connection.backup: bad targets, closed connections, a target in a
# transaction, progress reports (pages, a progress that writes or raises),
# source names (temp, attached, unknown), argument errors.
import sqlite3
def t(label, f):
    try: r = f(); print(label, "ok", repr(r))
    except BaseException as e: print(label, type(e).__name__, e)
cx = sqlite3.connect(":memory:")
cx.execute('CREATE TABLE foo (key INTEGER)')
cx.executemany('INSERT INTO foo (key) VALUES (?)', [(3,), (4,)])
cx.commit()
def fresh():
    return sqlite3.connect(":memory:")
t("none", lambda: cx.backup(None))
t("noarg", lambda: cx.backup())
t("str", lambda: cx.backup("x.db"))
b = fresh(); b.close()
t("closed target", lambda: cx.backup(b))
s = fresh(); s.close()
t("closed source", lambda: s.backup(fresh()))
b = fresh()
b.execute('CREATE TABLE bar (key INTEGER)')
b.executemany('INSERT INTO bar (key) VALUES (?)', [(3,), (4,)])
t("in transaction", lambda: cx.backup(b))
t("positional", lambda: cx.backup(fresh(), 1))
journal = []
b = fresh()
cx.backup(b, pages=1, progress=lambda s, r, tot: journal.append((s, r, tot)))
print(journal, b.execute("select key from foo").fetchall())
journal = []
cx.backup(fresh(), progress=lambda s, r, tot: journal.append((s, r, tot)))
print(journal)
t("noncallable", lambda: cx.backup(fresh(), pages=1, progress="bar"))
journal = []
def progress(status, remaining, total):
    if not journal:
        cx.execute('INSERT INTO foo (key) VALUES (?)', (remaining + 1000,))
        cx.commit()
    journal.append(remaining)
b = fresh()
cx.backup(b, pages=1, progress=progress)
print(journal, b.execute("select key from foo order by key").fetchall())
def failing(s, r, tot): raise SystemError("nearly out of space")
t("failing", lambda: cx.backup(fresh(), progress=failing))
t("temp", lambda: cx.backup(fresh(), name="temp"))
t("nonexisting", lambda: cx.backup(fresh(), name="non-existing"))
cx.execute("ATTACH DATABASE ':memory:' AS attached_db")
cx.execute('CREATE TABLE attached_db.foo (key INTEGER)')
cx.executemany('INSERT INTO attached_db.foo (key) VALUES (?)', [(7,), (8,)])
cx.commit()
b = fresh()
cx.backup(b, name="attached_db")
print(b.execute("select key from foo").fetchall())
t("sleep neg", lambda: cx.backup(fresh(), sleep=-1))
t("pages str", lambda: cx.backup(fresh(), pages="x"))
t("name int", lambda: cx.backup(fresh(), name=1))
