# sqlite3: adaptation (__conform__ raising TypeError or KeyboardInterrupt,
# __adapt__, alt, an adapter for int), declared-type converters (number(5),
# zero-sized blobs), a converter on memoryview input, date/timestamp.
import sqlite3, zlib
def t(label, f):
    try: r = f(); print(label, "ok", repr(r))
    except BaseException as e: print(label, type(e).__name__, e)
con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
cur = con.cursor()
cur.execute("create table test(i int, s str, f float, b bool, foo foo, n1 number, n2 number(5), bad bad, cbin cblob)")
sqlite3.converters["FLOAT"] = lambda x: 47.2
sqlite3.converters["BOOL"] = lambda x: bool(int(x))
sqlite3.converters["NUMBER"] = float
sqlite3.converters["CBLOB"] = lambda x: b"blobish"
class BadConform:
    def __init__(self, exc): self.exc = exc
    def __conform__(self, protocol): raise self.exc
t("conform TypeError", lambda: cur.execute("insert into test(bad) values (?)", (BadConform(TypeError),)))
t("conform TypeError named", lambda: cur.execute("insert into test(bad) values (:val)", {"val": BadConform(TypeError)}))
t("conform KeyboardInterrupt", lambda: cur.execute("insert into test(bad) values (?)", (BadConform(KeyboardInterrupt),)))
cur.execute("insert into test(i, s, f, b, n1, n2, cbin) values (?, ?, ?, ?, 5, 5, ?)", (42, "x", 3.14, False, b""))
print(cur.execute("select i, s, f, b, n1, n2, cbin from test").fetchall())
print(cur.execute("insert into test(i) values (1)").description, cur.execute("select * from test where 0 = 1").description[0][0])
print(cur.execute("with one as (select 1) select * from one").description)
for k in ("FLOAT", "BOOL", "NUMBER", "CBLOB"):
    del sqlite3.converters[k]
sqlite3.register_adapter(int, float)
print(con.execute("select ?, ?", (4, True)).fetchone())
t("adapt float", lambda: sqlite3.adapt(1.))
t("adapt None proto", lambda: sqlite3.adapt(1, None))
class DefectProto():
    def __adapt__(self): return None
t("defect proto", lambda: sqlite3.adapt(1., DefectProto))
class DefectSelfAdapt(float):
    def __conform__(self, _): return None
t("defect self", lambda: sqlite3.adapt(DefectSelfAdapt(1.)))
class CustomProto():
    def __adapt__(self): return "adapted"
t("custom proto", lambda: sqlite3.adapt(1., CustomProto))
t("adapt int", lambda: sqlite3.adapt(42))
t("alt", lambda: sqlite3.adapt(1., None, "other"))
del sqlite3.adapters[(int, sqlite3.PrepareProtocol)]
c2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
sqlite3.register_converter("bin", zlib.decompress)
print(c2.execute('select ? as "x [bin]"', (memoryview(zlib.compress(b"abcdefg" * 3)),)).fetchone())
c3 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
c3.execute("create table test(d date, ts timestamp)")
c3.execute("insert into test values (?, ?)", (sqlite3.Date(2004, 2, 14), sqlite3.Timestamp(2004, 2, 14, 7, 15, 0, 510241)))
c3.execute("insert into test(ts) values (current_timestamp)")
r = c3.execute("select d, ts from test").fetchall()
print(r[0], type(r[1][1]).__name__)
