# sqlite3: Connection.iterdump (the stdlib's sqlite3.dump over _sqlite3):
# quoting, triggers, views, autoincrement, a row factory without ordering,
# virtual tables, and a dump loaded back with executescript.
import sqlite3
cx = sqlite3.connect(":memory:")
cu = cx.cursor()
sqls = ['CREATE TABLE "index"("index" blob);', """INSERT INTO "index" VALUES(X'01');""",
        'CREATE TABLE "quoted""table"("quoted""field" text);', """INSERT INTO "quoted""table" VALUES('quoted''value');""",
        "CREATE TABLE t1(id integer primary key, s1 text, t1_i1 integer not null, i2 integer, unique (s1), constraint t1_idx1 unique (i2));",
        "INSERT INTO \"t1\" VALUES(1,'foo',10,20);", "INSERT INTO \"t1\" VALUES(2,'foo2',30,30);",
        "CREATE TABLE t2(id integer, t2_i1 integer, t2_i2 integer, primary key (id),foreign key(t2_i1) references t1(t1_i1));",
        "CREATE TRIGGER trigger_1 update of t1_i1 on t1 begin update t2 set t2_i1 = new.t1_i1 where t2_i1 = old.t1_i1; end;",
        "CREATE VIEW v1 as select * from t1 left join t2 using (id);",
        "CREATE TABLE f(x real, y, z text)", "INSERT INTO f VALUES (1.5, NULL, 'a\nb')", "INSERT INTO f VALUES (1e300, 8, '')"]
for s in sqls:
    cu.execute(s)
for line in cx.iterdump():
    print(line)
cx2 = sqlite3.connect(":memory:")
cx2.executescript('CREATE TABLE "t1" (id integer primary key autoincrement);INSERT INTO "t1" VALUES(NULL);CREATE TABLE "t2" (id integer primary key autoincrement);')
print(list(cx2.iterdump()))
class UnorderableRow:
    def __init__(self, cursor, row): self.row = row
    def __getitem__(self, index): return self.row[index]
cx3 = sqlite3.connect(":memory:")
cx3.row_factory = UnorderableRow
cx3.execute('CREATE TABLE "beta" ("two");')
cx3.execute('CREATE TABLE "alpha" ("one");')
print(list(cx3.iterdump()))
cx4 = sqlite3.connect(":memory:")
cx4.execute("CREATE VIRTUAL TABLE test USING fts4(example)")
print(list(cx4.iterdump()))
copy = sqlite3.connect(":memory:")
copy.executescript("".join(cx.iterdump()))
print(copy.execute("select * from f").fetchall(), copy.execute("select count(*) from sqlite_master").fetchone())
