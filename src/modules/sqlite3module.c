// sqlite3module.c - the `_sqlite3` module over the SQLite C library (Debian
// libsqlite3-dev): Connection, Cursor, Row, Blob, PrepareProtocol, the
// DB-API exception hierarchy, adapters and converters, which the stdlib's
// sqlite3 package (dbapi2.py, dump.py) re-exports and builds on.
//
// Ownership. SQLite keeps raw pointers to what we register with it (user
// functions, aggregates, collations, the authorizer, progress and trace
// handlers): each registration gets a CallbackCtx, a GC object, and the
// connection keeps every one of them in its traced `callbacks` list, so the
// pointer SQLite holds stays valid until the connection is closed or freed.
// An aggregate's instance lives in memory SQLite allocates
// (sqlite3_aggregate_context), which the collector does not scan: the
// connection's `aggregates` dict holds it from the first step to xFinal.
//
// Handles are closed with sqlite3_close_v2, which leaves the database a
// "zombie" until its last statement is finalized: Statement objects finalize
// in their free slot, and the collector may sweep a connection before its
// statements (or the other way round) without either order being unsafe.
// Every use of a connection checks `db` first ("Cannot operate on a closed
// database."), also after each sqlite3_step, since a user function may close
// the connection while its statement runs (CPython 3.11 crashes there).
//
// CPython resets a cursor's statement the moment the cursor's last reference
// goes; krait only when it collects. Two things keep that difference from
// showing: a cached statement is checked out of the statement cache while a
// cursor steps through it (so it is garbage together with its cursor), and
// when SQLite reports the database busy or locked while another statement
// is mid-step, the module collects once and retries.
//
// Errors raised by Python callbacks cannot cross SQLite's C frames: they are
// printed through sys.unraisablehook when enable_callback_tracebacks(True)
// was called, else cleared, and SQLite gets an error result, which then
// surfaces as CPython's OperationalError ("user-defined function raised
// exception"). A collation cannot report an error to SQLite; its exception
// is kept on the connection and raised when the statement's step returns,
// as CPython's stays pending.
//
// Threads: a connection remembers the ident of the thread that made it and,
// with check_same_thread, refuses other threads. No interpreter lock is
// released here; the places where CPython releases the GIL are marked
// "GIL: release here" for the threading work.
#include <limits.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytearray.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/slice.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/unicode.h"
#include "../vm/import.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum { PARSE_DECLTYPES = 1, PARSE_COLNAMES = 2 };

// The error codes sqlite_errorname knows and the module exports (CPython
// 3.11's list), then the authorizer action codes, its return codes and the
// limit categories. All exist in SQLite 3.37 and later.
#define SQ_ERROR_CODES(_) \
    _(SQLITE_ABORT) _(SQLITE_ABORT_ROLLBACK) _(SQLITE_AUTH) _(SQLITE_AUTH_USER) _(SQLITE_BUSY) \
    _(SQLITE_BUSY_RECOVERY) _(SQLITE_BUSY_SNAPSHOT) _(SQLITE_BUSY_TIMEOUT) _(SQLITE_CANTOPEN) \
    _(SQLITE_CANTOPEN_CONVPATH) _(SQLITE_CANTOPEN_DIRTYWAL) _(SQLITE_CANTOPEN_FULLPATH) \
    _(SQLITE_CANTOPEN_ISDIR) _(SQLITE_CANTOPEN_NOTEMPDIR) _(SQLITE_CANTOPEN_SYMLINK) \
    _(SQLITE_CONSTRAINT) _(SQLITE_CONSTRAINT_CHECK) _(SQLITE_CONSTRAINT_COMMITHOOK) \
    _(SQLITE_CONSTRAINT_FOREIGNKEY) _(SQLITE_CONSTRAINT_FUNCTION) _(SQLITE_CONSTRAINT_NOTNULL) \
    _(SQLITE_CONSTRAINT_PINNED) _(SQLITE_CONSTRAINT_PRIMARYKEY) _(SQLITE_CONSTRAINT_ROWID) \
    _(SQLITE_CONSTRAINT_TRIGGER) _(SQLITE_CONSTRAINT_UNIQUE) _(SQLITE_CONSTRAINT_VTAB) \
    _(SQLITE_CORRUPT) _(SQLITE_CORRUPT_INDEX) _(SQLITE_CORRUPT_SEQUENCE) \
    _(SQLITE_CORRUPT_VTAB) _(SQLITE_DONE) _(SQLITE_EMPTY) _(SQLITE_ERROR) \
    _(SQLITE_ERROR_MISSING_COLLSEQ) _(SQLITE_ERROR_RETRY) _(SQLITE_ERROR_SNAPSHOT) \
    _(SQLITE_FORMAT) _(SQLITE_FULL) _(SQLITE_INTERNAL) _(SQLITE_INTERRUPT) _(SQLITE_IOERR) \
    _(SQLITE_IOERR_ACCESS) _(SQLITE_IOERR_AUTH) _(SQLITE_IOERR_BEGIN_ATOMIC) \
    _(SQLITE_IOERR_BLOCKED) _(SQLITE_IOERR_CHECKRESERVEDLOCK) _(SQLITE_IOERR_CLOSE) \
    _(SQLITE_IOERR_COMMIT_ATOMIC) _(SQLITE_IOERR_CONVPATH) _(SQLITE_IOERR_CORRUPTFS) \
    _(SQLITE_IOERR_DATA) _(SQLITE_IOERR_DELETE) _(SQLITE_IOERR_DELETE_NOENT) \
    _(SQLITE_IOERR_DIR_CLOSE) _(SQLITE_IOERR_DIR_FSYNC) _(SQLITE_IOERR_FSTAT) \
    _(SQLITE_IOERR_FSYNC) _(SQLITE_IOERR_GETTEMPPATH) _(SQLITE_IOERR_LOCK) \
    _(SQLITE_IOERR_MMAP) _(SQLITE_IOERR_NOMEM) _(SQLITE_IOERR_RDLOCK) _(SQLITE_IOERR_READ) \
    _(SQLITE_IOERR_ROLLBACK_ATOMIC) _(SQLITE_IOERR_SEEK) _(SQLITE_IOERR_SHMLOCK) \
    _(SQLITE_IOERR_SHMMAP) _(SQLITE_IOERR_SHMOPEN) _(SQLITE_IOERR_SHMSIZE) \
    _(SQLITE_IOERR_SHORT_READ) _(SQLITE_IOERR_TRUNCATE) _(SQLITE_IOERR_UNLOCK) \
    _(SQLITE_IOERR_VNODE) _(SQLITE_IOERR_WRITE) _(SQLITE_LOCKED) _(SQLITE_LOCKED_SHAREDCACHE) \
    _(SQLITE_LOCKED_VTAB) _(SQLITE_MISMATCH) _(SQLITE_MISUSE) _(SQLITE_NOLFS) _(SQLITE_NOMEM) \
    _(SQLITE_NOTADB) _(SQLITE_NOTFOUND) _(SQLITE_NOTICE) _(SQLITE_NOTICE_RECOVER_ROLLBACK) \
    _(SQLITE_NOTICE_RECOVER_WAL) _(SQLITE_OK) _(SQLITE_OK_LOAD_PERMANENTLY) \
    _(SQLITE_OK_SYMLINK) _(SQLITE_PERM) _(SQLITE_PROTOCOL) _(SQLITE_RANGE) _(SQLITE_READONLY) \
    _(SQLITE_READONLY_CANTINIT) _(SQLITE_READONLY_CANTLOCK) _(SQLITE_READONLY_DBMOVED) \
    _(SQLITE_READONLY_DIRECTORY) _(SQLITE_READONLY_RECOVERY) _(SQLITE_READONLY_ROLLBACK) \
    _(SQLITE_ROW) _(SQLITE_SCHEMA) _(SQLITE_TOOBIG) _(SQLITE_WARNING) \
    _(SQLITE_WARNING_AUTOINDEX)

#define SQ_OTHER_CONSTANTS(_) \
    _(SQLITE_ALTER_TABLE) _(SQLITE_ANALYZE) _(SQLITE_ATTACH) _(SQLITE_CREATE_INDEX) \
    _(SQLITE_CREATE_TABLE) _(SQLITE_CREATE_TEMP_INDEX) _(SQLITE_CREATE_TEMP_TABLE) \
    _(SQLITE_CREATE_TEMP_TRIGGER) _(SQLITE_CREATE_TEMP_VIEW) _(SQLITE_CREATE_TRIGGER) \
    _(SQLITE_CREATE_VIEW) _(SQLITE_CREATE_VTABLE) _(SQLITE_DELETE) _(SQLITE_DENY) \
    _(SQLITE_DETACH) _(SQLITE_DROP_INDEX) _(SQLITE_DROP_TABLE) _(SQLITE_DROP_TEMP_INDEX) \
    _(SQLITE_DROP_TEMP_TABLE) _(SQLITE_DROP_TEMP_TRIGGER) _(SQLITE_DROP_TEMP_VIEW) \
    _(SQLITE_DROP_TRIGGER) _(SQLITE_DROP_VIEW) _(SQLITE_DROP_VTABLE) _(SQLITE_FUNCTION) \
    _(SQLITE_IGNORE) _(SQLITE_INSERT) _(SQLITE_LIMIT_ATTACHED) _(SQLITE_LIMIT_COLUMN) \
    _(SQLITE_LIMIT_COMPOUND_SELECT) _(SQLITE_LIMIT_EXPR_DEPTH) _(SQLITE_LIMIT_FUNCTION_ARG) \
    _(SQLITE_LIMIT_LENGTH) _(SQLITE_LIMIT_LIKE_PATTERN_LENGTH) _(SQLITE_LIMIT_SQL_LENGTH) \
    _(SQLITE_LIMIT_TRIGGER_DEPTH) _(SQLITE_LIMIT_VARIABLE_NUMBER) _(SQLITE_LIMIT_VDBE_OP) \
    _(SQLITE_LIMIT_WORKER_THREADS) _(SQLITE_PRAGMA) _(SQLITE_READ) _(SQLITE_RECURSIVE) \
    _(SQLITE_REINDEX) _(SQLITE_SAVEPOINT) _(SQLITE_SELECT) _(SQLITE_TRANSACTION) \
    _(SQLITE_UPDATE)

// ---- module state -------------------------------------------------------------------------------

// The exception classes, in the order they are made (each after its base).
#define SQ_EXCEPTIONS(_)                                                                           \
    _(WARNING, "Warning", -1) _(ERROR, "Error", -1) _(INTERFACE, "InterfaceError", SQ_ERROR)      \
    _(DATABASE, "DatabaseError", SQ_ERROR) _(INTERNAL, "InternalError", SQ_DATABASE)              \
    _(OPERATIONAL, "OperationalError", SQ_DATABASE)                                               \
    _(PROGRAMMING, "ProgrammingError", SQ_DATABASE)                                               \
    _(INTEGRITY, "IntegrityError", SQ_DATABASE) _(DATA, "DataError", SQ_DATABASE)                 \
    _(NOTSUPPORTED, "NotSupportedError", SQ_DATABASE)
enum {
#define SQ_EXC_ENUM_(id, name, base) SQ_##id,
    SQ_EXCEPTIONS(SQ_EXC_ENUM_)
#undef SQ_EXC_ENUM_
    SQ_NEXC
};

static Value sq_exc[SQ_NEXC];
static Value sq_adapters;      // {(type, PrepareProtocol): adapter}
static Value sq_converters;    // {"UPPERCASE NAME": converter}
static int sq_callback_tracebacks;
static int sq_base_type_adapted;  // an adapter was registered for int, float, str or bytearray

static Type type_connection, type_cursor, type_row, type_blob, type_prepare_protocol,
    type_statement, type_callback_ctx;

// _thread.get_ident() of the calling thread (threadmodule.c uses the same
// pthread_self value).
static uint64_t sq_thread_ident(void) {
    return (uint64_t)pthread_self();
}

static Value sq_raise(int which, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static Value sq_raise(int which, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    Value s = str_from_cstr(msg);
    Value exc = s ? obj_call1(sq_exc[which], s) : 0;
    return exc ? err_set_value(exc) : 0;
}

static const char *sq_error_name(int code) {
    switch (code) {
#define SQ_ERRNAME_(c) case c: return #c;
        SQ_ERROR_CODES(SQ_ERRNAME_)
#undef SQ_ERRNAME_
    default:
        return NULL;
    }
}

// The exception class of a primary result code (CPython's
// get_exception_class); -1 for the codes that are not errors.
static int sq_exception_for(int code) {
    switch (code & 0xff) {
    case SQLITE_OK: case SQLITE_ROW: case SQLITE_DONE:
        return -1;
    case SQLITE_INTERNAL: case SQLITE_NOTFOUND:
        return SQ_INTERNAL;
    case SQLITE_ERROR: case SQLITE_PERM: case SQLITE_ABORT: case SQLITE_BUSY: case SQLITE_LOCKED:
    case SQLITE_READONLY: case SQLITE_INTERRUPT: case SQLITE_IOERR: case SQLITE_FULL:
    case SQLITE_CANTOPEN: case SQLITE_PROTOCOL: case SQLITE_EMPTY: case SQLITE_SCHEMA:
        return SQ_OPERATIONAL;
    case SQLITE_CORRUPT:
        return SQ_DATABASE;
    case SQLITE_TOOBIG:
        return SQ_DATA;
    case SQLITE_CONSTRAINT: case SQLITE_MISMATCH:
        return SQ_INTEGRITY;
    case SQLITE_MISUSE: case SQLITE_RANGE:
        return SQ_INTERFACE;
    default:
        return SQ_DATABASE;
    }
}

// Raise the exception of class `which` with message msg and the
// sqlite_errorcode / sqlite_errorname attributes of `code`.
static Value sq_raise_code(int which, int code, const char *msg) {
    Value s = str_from_cstr(msg);
    Value exc = s ? obj_call1(sq_exc[which], s) : 0;
    if (!exc) {
        return 0;
    }
    const char *name = sq_error_name(code);
    Value namev = name ? str_from_cstr(name) : VAL_NONE;
    if (!namev || obj_setattr(exc, str_intern_cstr("sqlite_errorcode"), int_from_i64(code)) < 0 ||
        obj_setattr(exc, str_intern_cstr("sqlite_errorname"), namev) < 0) {
        return 0;
    }
    return err_set_value(exc);
}

// The error state of db as an exception (CPython's _pysqlite_seterror).
// Returns 0 always, with an exception set unless db reports no error.
static Value sq_set_error(sqlite3 *db) {
    int code = sqlite3_errcode(db);
    if (code == SQLITE_NOMEM) {
        return err_no_memory();
    }
    int which = sq_exception_for(code);
    if (which < 0) {
        return 0;
    }
    return sq_raise_code(which, sqlite3_extended_errcode(db), sqlite3_errmsg(db));
}

// An error from a Python callback that SQLite called: printed through
// sys.unraisablehook when tracebacks are enabled, else dropped.
static void sq_callback_error(Value callable) {
    if (sq_callback_tracebacks) {
        err_write_unraisable(callable);
    } else {
        err_clear();
    }
}

// The UTF-8 text of str s for SQLite, or NULL with CPython's
// UnicodeEncodeError when s holds a lone surrogate (krait stores those as
// their 3-byte sequences ED A0..BF xx; UTF-8 proper has none).
static const char *sq_utf8(Value s) {
    StrObject *so = str_obj(s);
    if (!(so->flags & STR_ASCII)) {
        for (size_t i = 0; i + 1 < so->nbytes; i++) {
            if ((unsigned char)so->data[i] == 0xED && (unsigned char)so->data[i + 1] >= 0xA0) {
                if (codec_encode(s, "utf-8", "strict")) {
                    err_format(&exc_UnicodeError, "surrogates not allowed");
                }
                return NULL;
            }
        }
    }
    return so->data;
}

// A str from text SQLite returns, which need not be valid UTF-8: CPython's
// UnicodeDecodeError then.
static Value sq_text(const char *p, size_t n) {
    for (size_t i = 0; i < n;) {
        if ((unsigned char)p[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(p + i, n - i, &cp, 0);
        if (k == 0) {
            return codec_decode(0, p, n, "utf-8", "strict");
        }
        i += (size_t)k;
    }
    return str_from_utf8(p, n);
}

// The type name clinic's argument errors show: "None" for None.
static const char *sq_arg_type(Value v) {
    return v == VAL_NONE ? "None" : obj_type_name(v);
}

// "f() argument N must be str, not T"
static int sq_check_str(const char *fname, int argnum, Value v) {
    if (val_is_str(v)) {
        return 0;
    }
    if (argnum) {
        err_format(&exc_TypeError, "%s() argument %d must be str, not %s", fname, argnum,
                   sq_arg_type(v));
    } else {
        err_format(&exc_TypeError, "%s() argument must be str, not %s", fname, sq_arg_type(v));
    }
    return -1;
}

// "f() argument 'name' must be str, not T"
static int sq_check_str_kw(const char *fname, const char *param, Value v) {
    if (val_is_str(v)) {
        return 0;
    }
    err_format(&exc_TypeError, "%s() argument '%s' must be str, not %s", fname, param,
               sq_arg_type(v));
    return -1;
}

// A C int argument (clinic's int converter).
static int sq_int_arg(Value v, int *out) {
    int64_t x;
    if (float_check(v)) {
        err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    if (obj_as_int64(v, &x) < 0) {
        return -1;
    }
    if (x > INT_MAX || x < INT_MIN) {
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// A C double argument (clinic's "d").
static int sq_double_arg(Value v, double *out) {
    if (float_check(v)) {
        *out = float_value(v);
        return 0;
    }
    if (int_check(v)) {
        return int_as_double(v, out);
    }
    Value f = type_of(v)->to_float ? float_from_object(v) : 0;
    if (!f) {
        if (!err_occurred()) {
            err_format(&exc_TypeError, "must be real number, not %s", obj_type_name(v));
        }
        return -1;
    }
    *out = float_value(f);
    return 0;
}

// An int as an SQLite INTEGER (CPython's _pysqlite_long_as_int64).
static int sq_int64(Value v, int64_t *out) {
    if (int_to_i64(v, out) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to SQLite INTEGER");
        }
        return -1;
    }
    return 0;
}

// Skip blanks and SQL comments; NULL at the end of the text.
static const char *sq_lstrip_sql(const char *p) {
    for (; *p; p++) {
        switch (*p) {
        case ' ': case '\t': case '\f': case '\n': case '\r':
            continue;
        case '-':
            if (p[1] != '-') {
                return p;
            }
            p = strchr(p, '\n');
            if (!p) {
                return NULL;
            }
            continue;
        case '/':
            if (p[1] != '*') {
                return p;
            }
            p = strstr(p + 2, "*/");
            if (!p) {
                return NULL;
            }
            p++;
            continue;
        default:
            return p;
        }
    }
    return NULL;
}

// ---- Connection (the struct; its methods follow Cursor) --------------------------------------------

typedef struct Connection {
    Object header;
    sqlite3 *db;
    uint64_t thread_ident;
    int check_same_thread, initialized, detect_types;
    const char *isolation_level;  // one of sq_isolation_levels, or NULL for None (autocommit)
    Value row_factory, text_factory;
    Value callbacks;     // list of the CallbackCtx objects SQLite holds pointers to
    Value aggregates;    // {address of an aggregate context: its instance}
    Value blobs;         // list of the Blobs opened on this connection
    Value deferred_exc;  // an exception a collation raised, or 0
    Value stmt_cache;    // {sql: Statement}, least recently used first
    int cache_size;      // cached_statements
} Connection;

static Connection *conn_of(Value v) {
    return (Connection *)val_ptr(v);
}

static int conn_check_thread(Connection *c) {
    if (c->check_same_thread && c->thread_ident != sq_thread_ident()) {
        sq_raise(SQ_PROGRAMMING,
                 "SQLite objects created in a thread can only be used in that same thread. The "
                 "object was created in thread id %llu and this is thread id %llu.",
                 (unsigned long long)c->thread_ident, (unsigned long long)sq_thread_ident());
        return -1;
    }
    return 0;
}

static int conn_check_open(Connection *c) {
    if (!c->initialized) {
        sq_raise(SQ_PROGRAMMING, "Base Connection.__init__ not called.");
        return -1;
    }
    if (!c->db) {
        sq_raise(SQ_PROGRAMMING, "Cannot operate on a closed database.");
        return -1;
    }
    return 0;
}

static int conn_check(Connection *c) {
    return conn_check_thread(c) < 0 || conn_check_open(c) < 0 ? -1 : 0;
}

// Raise the exception a collation kept during the last step, if any.
static int conn_raise_deferred(Connection *c) {
    if (!c->deferred_exc) {
        return 0;
    }
    Value e = c->deferred_exc;
    c->deferred_exc = 0;
    err_set_value(e);
    return -1;
}

// krait frees an unreachable cursor when it collects, where CPython's
// reference counting resets its statement at once: a cursor the program
// dropped mid-result can still hold the database busy (SQLite then refuses
// to redefine a function, or to drop a table). When another statement of
// db than `except` is mid-step, collect, so that the dead ones are
// finalized, and tell the caller to retry once.
static int sq_collect_idle_statements(sqlite3 *db, sqlite3_stmt *except) {
    for (sqlite3_stmt *s = sqlite3_next_stmt(db, NULL); s; s = sqlite3_next_stmt(db, s)) {
        if (s != except && sqlite3_stmt_busy(s)) {
            gc_collect();
            return 1;
        }
    }
    return 0;
}

// One step of st. GIL: release here (CPython releases it around sqlite3_step).
static int sq_step(sqlite3_stmt *st) {
    return sqlite3_step(st);
}

// ---- Statement: a prepared sqlite3_stmt, finalized when collected ------------------------------

typedef struct Statement {
    Object header;
    sqlite3_stmt *st;  // NULL for SQL that is only blanks and comments
    Value sql;         // its key in the statement cache, or 0 when not cacheable
    int is_dml;
} Statement;

static void statement_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((Statement *)o)->sql);
}

static void statement_free(Object *o) {
    Statement *s = (Statement *)o;
    if (s->st) {
        sqlite3_finalize(s->st);
        s->st = NULL;
    }
}

static Type type_statement = {
    .header = {&type_type},
    .name = "sqlite3.Statement",
    .basic_size = sizeof(Statement),
    .base = &type_object,
    .trace = statement_trace,
    .free = statement_free,
};

static Value statement_new(Connection *c, Value sql) {
    StrObject *so = str_obj(sql);
    if (!sq_utf8(sql)) {
        return 0;
    }
    if (so->nbytes > (size_t)sqlite3_limit(c->db, SQLITE_LIMIT_SQL_LENGTH, -1)) {
        return sq_raise(SQ_DATA, "query string is too large");
    }
    if (strlen(so->data) != so->nbytes) {
        return sq_raise(SQ_PROGRAMMING, "the query contains a null character");
    }
    Statement *s = (Statement *)gc_alloc(&type_statement, sizeof(Statement));
    if (!s) {
        return 0;
    }
    const char *tail;
    int rc = sqlite3_prepare_v2(c->db, so->data, (int)so->nbytes + 1, &s->st, &tail);
    if (rc != SQLITE_OK) {
        return sq_set_error(c->db);
    }
    if (sq_lstrip_sql(tail)) {
        sqlite3_finalize(s->st);
        s->st = NULL;
        return sq_raise(SQ_PROGRAMMING, "You can only execute one statement at a time.");
    }
    const char *p = so->data;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
        p++;
    }
    s->is_dml = sqlite3_strnicmp(p, "insert", 6) == 0 || sqlite3_strnicmp(p, "update", 6) == 0 ||
                sqlite3_strnicmp(p, "delete", 6) == 0 || sqlite3_strnicmp(p, "replace", 7) == 0;
    return val_from_ptr(s);
}

// The prepared statement for sql: CPython's LRU cache of cached_statements
// entries, where a cached statement another cursor is stepping through is
// not shared (a fresh one is prepared instead).
// The prepared statement for sql, from CPython's LRU cache of
// cached_statements entries. A cursor checks a cached statement out while it
// steps through it and gives it back when it is done (conn_release_statement):
// another cursor running the same SQL meanwhile prepares its own, and a
// statement whose cursor was dropped mid-result is reachable only from that
// cursor, so collecting the cursor finalizes it and frees the database.
static Value conn_statement(Connection *c, Value sql) {
    if (c->cache_size > 0 && type_of(sql) == &type_str) {
        Value cached = dict_get(c->stmt_cache, sql);
        if (cached) {
            return dict_del(c->stmt_cache, sql) < 0 ? 0 : cached;
        }
        if (err_occurred()) {
            return 0;
        }
    }
    Value st = statement_new(c, sql);
    if (st && c->cache_size > 0 && type_of(sql) == &type_str) {
        ((Statement *)val_ptr(st))->sql = sql;
    }
    return st;
}

// Put a statement that is done (reset) back in the cache, evicting the
// least recently used one when the cache is full.
static void conn_release_statement(Connection *c, Value stv) {
    Statement *s = (Statement *)val_ptr(stv);
    if (!s->sql || !c->db || !s->st || sqlite3_db_handle(s->st) != c->db || c->cache_size <= 0) {
        return;
    }
    // Often called on an error path: keep the pending exception.
    Value pending = err_occurred() ? err_fetch() : 0;
    int k = dict_contains(c->stmt_cache, s->sql);
    if (k == 0 && dict_len(c->stmt_cache) >= c->cache_size) {
        size_t pos = 0;
        Value key, v;
        if (dict_next(c->stmt_cache, &pos, &key, &v) && dict_del(c->stmt_cache, key) < 0) {
            k = -1;
        }
    }
    if (k == 0 && dict_set(c->stmt_cache, s->sql, stv) < 0) {
        k = -1;
    }
    err_clear();
    if (pending) {
        err_set_value(pending);
    }
}

// ---- PrepareProtocol ------------------------------------------------------------------------------

static Value prepare_protocol_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("PrepareProtocol", kwnames) < 0 ||
        args_check_positional("PrepareProtocol", nargs, 0, 0) < 0) {
        return 0;
    }
    Type *t = type_ptr(type);
    Object *o = gc_alloc(t, t->basic_size);
    return o ? val_from_ptr(o) : 0;
}

static Type type_prepare_protocol = {
    .header = {&type_type},
    .name = "sqlite3.PrepareProtocol",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(Object),
    .base = &type_object,
    .new_ = prepare_protocol_new,
};

// ---- adapters ---------------------------------------------------------------------------------------

// CPython's pysqlite_microprotocols_adapt: the registered adapter of
// (type(obj), proto), else proto.__adapt__(obj), else obj.__conform__(proto),
// else alt (when given), else ProgrammingError.
static Value sq_adapt(Value obj, Value proto, Value alt) {
    Value key = tuple_pack2(val_from_ptr(type_of(obj)), proto);
    if (!key) {
        return 0;
    }
    Value adapter = dict_get(sq_adapters, key);
    if (adapter) {
        return obj_call1(adapter, obj);
    }
    if (err_occurred()) {
        return 0;
    }
    const char *hooks[2] = {"__adapt__", "__conform__"};
    for (int i = 0; i < 2; i++) {
        Value target = i == 0 ? proto : obj;
        Value fn = obj_getattr_opt(target, str_intern_cstr(hooks[i]));
        if (!fn) {
            if (err_occurred()) {
                return 0;
            }
            continue;
        }
        Value r = obj_call1(fn, i == 0 ? obj : proto);
        if (r && r != VAL_NONE) {
            return r;
        }
        if (!r) {
            if (!err_matches(&exc_TypeError)) {
                return 0;
            }
            err_clear();
        }
    }
    if (alt) {
        return alt;
    }
    return sq_raise(SQ_PROGRAMMING, "can't adapt");
}

// ---- Row ----------------------------------------------------------------------------------------------

typedef struct Row {
    Object header;
    Value data;         // tuple
    Value description;  // the cursor's description: a tuple of 7-tuples, or None
} Row;

static void row_trace(Object *o, GcTracer *t) {
    Row *r = (Row *)o;
    gc_trace_value(t, r->data);
    gc_trace_value(t, r->description);
}

static Value row_tp_new(Value type, const Value *args, size_t nargs, Value kwnames);

static Value row_getitem(Value self, Value key) {
    Row *r = (Row *)val_ptr(self);
    if (int_check(key) || slice_check(key)) {
        return tuple_getitem(r->data, key);
    }
    if (val_is_str(key)) {
        if (!tuple_check(r->description)) {
            return err_format(&exc_IndexError, "No item with that key");
        }
        TupleObject *d = tuple_obj(r->description);
        StrObject *k = str_obj(key);
        for (size_t i = 0; i < d->len && i < tuple_obj(r->data)->len; i++) {
            Value name = tuple_obj(d->items[i])->items[0];
            int eq = obj_richcompare_bool(name, key, CMP_EQ);
            if (eq < 0) {
                return 0;
            }
            if (!eq && val_is_str(name) && (str_obj(name)->flags & STR_ASCII) &&
                (k->flags & STR_ASCII) && str_obj(name)->nbytes == k->nbytes) {
                eq = sqlite3_strnicmp(str_obj(name)->data, k->data, (int)k->nbytes) == 0;
            }
            if (eq) {
                return tuple_obj(r->data)->items[i];
            }
        }
        return err_format(&exc_IndexError, "No item with that key");
    }
    return err_format(&exc_IndexError, "Index must be int or string");
}

static int64_t row_len(Value self) {
    return (int64_t)tuple_obj(((Row *)val_ptr(self))->data)->len;
}

static Value row_iter(Value self) {
    return obj_iter(((Row *)val_ptr(self))->data);
}

static int64_t row_hash(Value self) {
    Row *r = (Row *)val_ptr(self);
    int64_t a = obj_hash(r->description);
    if (a == -1) {
        return -1;
    }
    int64_t b = obj_hash(r->data);
    if (b == -1) {
        return -1;
    }
    int64_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static Value row_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || !type_is_subtype(type_of(b), &type_row)) {
        return VAL_NOTIMPLEMENTED;
    }
    Row *x = (Row *)val_ptr(a), *y = (Row *)val_ptr(b);
    int eq = obj_richcompare_bool(x->description, y->description, CMP_EQ);
    if (eq > 0) {
        eq = obj_richcompare_bool(x->data, y->data, CMP_EQ);
    }
    if (eq < 0) {
        return 0;
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

FN(row_keys) {
    if (method_check_args("Row.keys", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Row *r = (Row *)val_ptr(self);
    Value list = list_new(0);
    if (!list || !tuple_check(r->description)) {
        return list;
    }
    TupleObject *d = tuple_obj(r->description);
    for (size_t i = 0; i < d->len; i++) {
        if (list_append(list, tuple_obj(d->items[i])->items[0]) < 0) {
            return 0;
        }
    }
    return list;
}

static const MethodDef row_methods[] = {
    {"keys", row_keys, METH_DEFAULT, "Returns the keys of the row."},
    {NULL, NULL, 0, NULL},
};

static Type type_row = {
    .header = {&type_type},
    .name = "sqlite3.Row",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(Row),
    .base = &type_object,
    .trace = row_trace,
    .new_ = row_tp_new,
    .getitem = row_getitem,
    .len = row_len,
    .iter = row_iter,
    .hash = row_hash,
    .richcompare = row_richcompare,
    .methods = row_methods,
};

// ---- Cursor ------------------------------------------------------------------------------------------

typedef struct Cursor {
    Object header;
    Value connection;    // a Connection, or 0 before __init__
    Value description;   // None, or a tuple of 7-tuples
    Value row_cast_map;  // list of converters (or None) per column, or 0
    Value lastrowid;
    Value row_factory;
    Value statement;     // the Statement being stepped, or 0
    int64_t arraysize, rowcount;
    int closed, locked, initialized;
} Cursor;

static Cursor *cur_of(Value v) {
    return (Cursor *)val_ptr(v);
}

static void cursor_trace(Object *o, GcTracer *t) {
    Cursor *c = (Cursor *)o;
    gc_trace_value(t, c->connection);
    gc_trace_value(t, c->description);
    gc_trace_value(t, c->row_cast_map);
    gc_trace_value(t, c->lastrowid);
    gc_trace_value(t, c->row_factory);
    gc_trace_value(t, c->statement);
}

static Statement *cur_stmt(Cursor *c) {
    return (Statement *)val_ptr(c->statement);
}

static int cursor_check(Cursor *c) {
    if (!c->initialized) {
        sq_raise(SQ_PROGRAMMING, "Base Cursor.__init__ not called.");
        return -1;
    }
    if (c->closed) {
        sq_raise(SQ_PROGRAMMING, "Cannot operate on a closed cursor.");
        return -1;
    }
    if (c->locked) {
        sq_raise(SQ_PROGRAMMING, "Recursive use of cursors not allowed.");
        return -1;
    }
    return conn_check(conn_of(c->connection));
}

static void cursor_drop_statement(Cursor *c) {
    if (c->statement) {
        Statement *s = cur_stmt(c);
        if (s->st) {
            sqlite3_reset(s->st);
        }
        conn_release_statement(conn_of(c->connection), c->statement);
        c->statement = 0;
    }
}

static Value cursor_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    Cursor *c = (Cursor *)gc_alloc(t, t->basic_size);
    if (!c) {
        return 0;
    }
    c->description = VAL_NONE;
    c->lastrowid = VAL_NONE;
    c->row_factory = VAL_NONE;
    c->arraysize = 1;
    c->rowcount = -1;
    return val_from_ptr(c);
}

static Value cursor_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"connection", NULL};
    static const ArgSpec spec = {"Cursor", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (!type_is_subtype(type_of(a[0]), &type_connection)) {
        return err_format(&exc_TypeError, "Cursor() argument 1 must be sqlite3.Connection, not %s",
                          sq_arg_type(a[0]));
    }
    Cursor *c = cur_of(self);
    if (c->locked) {
        return sq_raise(SQ_PROGRAMMING, "Recursive use of cursors not allowed.");
    }
    c->connection = a[0];
    c->statement = 0;
    c->row_cast_map = 0;
    c->description = VAL_NONE;
    c->lastrowid = VAL_NONE;
    c->row_factory = VAL_NONE;
    c->arraysize = 1;
    c->closed = 0;
    c->rowcount = -1;
    if (conn_check_thread(conn_of(a[0])) < 0) {
        return 0;
    }
    c->initialized = 1;
    return VAL_NONE;
}

// The converter registered under `name` (upper-cased), or 0.
static Value sq_converter_for(const char *name, size_t n) {
    Value key = str_from_utf8(name, n);
    Value upper = key ? obj_call_method(key, "upper", NULL, 0) : 0;
    if (!upper) {
        return 0;
    }
    return dict_get(sq_converters, upper);
}

// The converters of the columns (detect_types), as CPython's
// pysqlite_build_row_cast_map.
static int cursor_build_row_cast_map(Cursor *c) {
    Connection *conn = conn_of(c->connection);
    if (!conn->detect_types) {
        return 0;
    }
    sqlite3_stmt *st = cur_stmt(c)->st;
    Value map = list_new(0);
    if (!map) {
        return -1;
    }
    c->row_cast_map = map;
    int n = sqlite3_column_count(st);
    for (int i = 0; i < n; i++) {
        Value conv = 0;
        if (conn->detect_types & PARSE_COLNAMES) {
            const char *name = sqlite3_column_name(st, i);
            if (!name) {
                err_no_memory();
                return -1;
            }
            const char *start = NULL;
            for (const char *p = name; *p; p++) {
                if (*p == '[') {
                    start = p + 1;
                } else if (*p == ']' && start) {
                    conv = sq_converter_for(start, (size_t)(p - start));
                    if (!conv && err_occurred()) {
                        return -1;
                    }
                    break;
                }
            }
        }
        if (!conv && (conn->detect_types & PARSE_DECLTYPES)) {
            const char *decl = sqlite3_column_decltype(st, i);
            if (decl) {
                size_t k = strcspn(decl, " (");
                conv = sq_converter_for(decl, k);
                if (!conv && err_occurred()) {
                    return -1;
                }
            }
        }
        if (list_append(map, conv ? conv : VAL_NONE) < 0) {
            return -1;
        }
    }
    return 0;
}

static Value cursor_column_name(Cursor *c, const char *name) {
    if (!(conn_of(c->connection)->detect_types & PARSE_COLNAMES)) {
        return str_from_cstr(name);
    }
    const char *p = name;
    while (*p && *p != '[') {
        p++;
    }
    if (*p == '[' && p > name && p[-1] == ' ') {
        p--;
    }
    return str_from_utf8(name, (size_t)(p - name));
}

// Bind one (adapted) parameter at 1-based position pos: an SQLite result
// code, or -1 with an exception.
static int sq_bind_one(sqlite3_stmt *st, int pos, Value v) {
    if (v == VAL_NONE) {
        return sqlite3_bind_null(st, pos);
    }
    if (int_check(v)) {
        int64_t x;
        return sq_int64(v, &x) < 0 ? -1 : sqlite3_bind_int64(st, pos, x);
    }
    if (float_check(v)) {
        return sqlite3_bind_double(st, pos, float_value(v));
    }
    if (val_is_str(v)) {
        StrObject *s = str_obj(v);
        if (!sq_utf8(v)) {
            return -1;
        }
        if (s->nbytes > INT_MAX) {
            err_format(&exc_OverflowError, "string longer than INT_MAX bytes");
            return -1;
        }
        return sqlite3_bind_text(st, pos, s->data, (int)s->nbytes, SQLITE_TRANSIENT);
    }
    if (buffer_check(v)) {
        Buffer view;
        int k = buffer_get(v, &view, BUFFER_SIMPLE);
        if (k <= 0) {
            return -1;
        }
        if (view.len > INT_MAX) {
            buffer_release(&view);
            err_format(&exc_OverflowError, "BLOB longer than INT_MAX bytes");
            return -1;
        }
        int rc = sqlite3_bind_blob(st, pos, view.len ? view.buf : "", (int)view.len,
                                   SQLITE_TRANSIENT);
        buffer_release(&view);
        return rc;
    }
    sq_raise(SQ_PROGRAMMING, "Error binding parameter %d: type '%s' is not supported", pos,
             obj_type_name(v));
    return -1;
}

static int sq_need_adapt(Value v) {
    if (sq_base_type_adapted) {
        return 1;
    }
    Type *t = type_of(v);
    return !(t == &type_int || t == &type_float || t == &type_str || t == &type_bytearray);
}

static int sq_bind_value(Statement *s, int pos, Value v) {
    if (sq_need_adapt(v)) {
        v = sq_adapt(v, val_from_ptr(&type_prepare_protocol), v);
        if (!v) {
            return -1;
        }
    }
    int rc = sq_bind_one(s->st, pos, v);
    if (rc < 0) {
        return -1;
    }
    if (rc != SQLITE_OK) {
        sq_set_error(sqlite3_db_handle(s->st));
        return -1;
    }
    return 0;
}

// CPython's bind_parameters: a sequence binds by position, a dict by name.
static int sq_bind_parameters(Statement *s, Value params) {
    int n = s->st ? sqlite3_bind_parameter_count(s->st) : 0;
    Type *t = type_of(params);
    int is_dict = dict_check(params);
    if (tuple_check_exact(params) || list_check_exact(params) ||
        (!is_dict && t->getitem)) {
        int64_t have = obj_len(params);
        if (have < 0) {
            return -1;
        }
        if (have != n) {
            sq_raise(SQ_PROGRAMMING,
                     "Incorrect number of bindings supplied. The current statement uses %d, and "
                     "there are %lld supplied.",
                     n, (long long)have);
            return -1;
        }
        for (int i = 0; i < n; i++) {
            Value v = obj_getitem(params, int_from_i64(i));
            if (!v || sq_bind_value(s, i + 1, v) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (is_dict) {
        for (int i = 1; i <= n; i++) {
            const char *name = sqlite3_bind_parameter_name(s->st, i);
            if (!name) {
                sq_raise(SQ_PROGRAMMING,
                         "Binding %d has no name, but you supplied a dictionary (which has only "
                         "names).",
                         i);
                return -1;
            }
            Value key = str_from_cstr(name + 1);
            if (!key) {
                return -1;
            }
            Value v = dict_check_exact(params) ? dict_get(params, key) : obj_getitem(params, key);
            if (!v) {
                if (!err_occurred() || err_matches(&exc_LookupError)) {
                    err_clear();
                    sq_raise(SQ_PROGRAMMING, "You did not supply a value for binding parameter :%s.",
                             name + 1);
                }
                return -1;
            }
            if (sq_bind_value(s, i, v) < 0) {
                return -1;
            }
        }
        return 0;
    }
    sq_raise(SQ_PROGRAMMING, "parameters are of unsupported type");
    return -1;
}

// _pysqlite_query_execute: run `sql` once per parameter set of `params`
// (an iterable of them when `many`).
static Value cursor_execute_impl(Value self, int many, Value sql, Value params) {
    Cursor *c = cur_of(self);
    if (cursor_check(c) < 0) {
        return 0;
    }
    Connection *conn = conn_of(c->connection);
    Value iter = 0;
    if (many) {
        iter = obj_iter(params);
    } else {
        Value one = list_from(&params, 1);
        iter = one ? obj_iter(one) : 0;
    }
    if (!iter) {
        return 0;
    }
    c->locked = 1;
    cursor_drop_statement(c);
    c->description = VAL_NONE;
    Value stv = conn_statement(conn, sql);
    int ok = 0;
    if (!stv) {
        goto done;
    }
    c->statement = stv;
    Statement *s = (Statement *)val_ptr(stv);
    if (many && s->st && sqlite3_stmt_readonly(s->st)) {
        sq_raise(SQ_PROGRAMMING, "executemany() can only execute DML statements.");
        goto done;
    }
    c->rowcount = s->is_dml ? 0 : -1;
    if (conn->isolation_level && s->is_dml && sqlite3_get_autocommit(conn->db)) {
        char begin[32];
        snprintf(begin, sizeof begin, "BEGIN %s", conn->isolation_level);
        sqlite3_stmt *b;
        int rc = sqlite3_prepare_v2(conn->db, begin, -1, &b, NULL);
        if (rc == SQLITE_OK) {
            rc = sq_step(b);
            sqlite3_finalize(b);
        }
        if (rc != SQLITE_OK && rc != SQLITE_DONE) {
            sq_set_error(conn->db);
            goto done;
        }
    }
    for (;;) {
        Value p = obj_next(iter);
        if (!p) {
            if (err_occurred()) {
                goto done;
            }
            break;
        }
        if (s->st) {
            sqlite3_reset(s->st);
        }
        if (sq_bind_parameters(s, p) < 0) {
            goto done;
        }
        if (!s->st) {
            continue;
        }
        int rc = sq_step(s->st);
        if ((rc == SQLITE_LOCKED || rc == SQLITE_BUSY) && conn->db &&
            sq_collect_idle_statements(conn->db, s->st) && conn->db) {
            sqlite3_reset(s->st);
            rc = sq_step(s->st);
        }
        if (conn_raise_deferred(conn) < 0 || conn_check_open(conn) < 0) {
            goto done;
        }
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
            sqlite3_reset(s->st);
            sq_set_error(conn->db);
            if (!err_occurred()) {
                sq_raise(SQ_OPERATIONAL, "%s", sqlite3_errstr(rc));
            }
            goto done;
        }
        if (cursor_build_row_cast_map(c) < 0) {
            Value cause = err_fetch();
            sq_raise(SQ_OPERATIONAL, "Error while building row_cast_map");
            Value exc = err_fetch();
            obj_setattr(exc, str_intern_cstr("__cause__"), cause);
            err_set_value(exc);
            goto done;
        }
        int ncols = sqlite3_column_count(s->st);
        if (c->description == VAL_NONE && ncols > 0) {
            Value desc = tuple_new((size_t)ncols);
            if (!desc) {
                goto done;
            }
            for (int i = 0; i < ncols; i++) {
                const char *name = sqlite3_column_name(s->st, i);
                if (!name) {
                    err_no_memory();
                    goto done;
                }
                Value item = tuple_new(7);
                Value colname = item ? cursor_column_name(c, name) : 0;
                if (!colname) {
                    goto done;
                }
                tuple_obj(item)->items[0] = colname;
                for (int k = 1; k < 7; k++) {
                    tuple_obj(item)->items[k] = VAL_NONE;
                }
                tuple_obj(desc)->items[i] = item;
            }
            c->description = desc;
        }
        if (rc == SQLITE_DONE) {
            if (s->is_dml) {
                c->rowcount += sqlite3_changes(conn->db);
            }
            sqlite3_reset(s->st);
        }
    }
    if (!many) {
        c->lastrowid = int_from_i64(sqlite3_last_insert_rowid(conn->db));
        if (!c->lastrowid) {
            goto done;
        }
    }
    ok = 1;
done:
    c->locked = 0;
    if (!ok) {
        cursor_drop_statement(c);
        c->rowcount = -1;
        return 0;
    }
    if (c->statement && (!cur_stmt(c)->st || !sqlite3_stmt_busy(cur_stmt(c)->st))) {
        cursor_drop_statement(c);
    }
    return self;
}

static int sq_sql_arg(const char *fname, Value v) {
    return sq_check_str(fname, 1, v);
}

FN(cursor_execute) {
    if (args_no_keywords("Cursor.execute", kwnames) < 0 ||
        args_check_positional("execute", nargs, 1, 2) < 0 || sq_sql_arg("execute", args[0]) < 0) {
        return 0;
    }
    Value params = nargs > 1 ? args[1] : tuple_new(0);
    return params ? cursor_execute_impl(self, 0, args[0], params) : 0;
}

FN(cursor_executemany) {
    if (args_no_keywords("Cursor.executemany", kwnames) < 0 ||
        args_check_positional("executemany", nargs, 2, 2) < 0 ||
        sq_sql_arg("executemany", args[0]) < 0) {
        return 0;
    }
    return cursor_execute_impl(self, 1, args[0], args[1]);
}

FN(cursor_executescript) {
    if (args_no_keywords("Cursor.executescript", kwnames) < 0 ||
        args_check_positional("executescript", nargs, 1, 1) < 0 ||
        sq_check_str("executescript", 0, args[0]) < 0) {
        return 0;
    }
    Cursor *c = cur_of(self);
    if (cursor_check(c) < 0) {
        return 0;
    }
    StrObject *so = str_obj(args[0]);
    if (!sq_utf8(args[0])) {
        return 0;
    }
    if (strlen(so->data) != so->nbytes) {
        return err_format(&exc_ValueError, "embedded null character");
    }
    Connection *conn = conn_of(c->connection);
    sqlite3 *db = conn->db;
    if (so->nbytes > (size_t)sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, -1)) {
        return sq_raise(SQ_DATA, "query string is too large");
    }
    c->locked = 1;
    int rc = SQLITE_OK;
    if (!sqlite3_get_autocommit(db)) {
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);  // GIL: release here
    }
    const char *sql = so->data;
    while (rc == SQLITE_OK) {
        sqlite3_stmt *st = NULL;
        const char *tail;
        rc = sqlite3_prepare_v2(db, sql, -1, &st, &tail);
        if (rc == SQLITE_OK && st) {
            do {
                rc = sq_step(st);
            } while (rc == SQLITE_ROW);
            if (rc == SQLITE_DONE) {
                rc = SQLITE_OK;
            }
            int frc = sqlite3_finalize(st);
            if (rc == SQLITE_OK) {
                rc = frc;
            }
        }
        if (conn_raise_deferred(conn) < 0 || conn_check_open(conn) < 0) {
            c->locked = 0;
            return 0;
        }
        if (rc != SQLITE_OK || !*tail) {
            break;
        }
        sql = tail;
    }
    c->locked = 0;
    if (rc != SQLITE_OK) {
        return sq_set_error(db);
    }
    return self;
}

// One row of the current statement as a tuple (CPython's
// _pysqlite_fetch_one_row).
static Value cursor_fetch_row(Cursor *c) {
    Connection *conn = conn_of(c->connection);
    sqlite3_stmt *st = cur_stmt(c)->st;
    int n = sqlite3_data_count(st);
    Value row = tuple_new((size_t)n);
    if (!row) {
        return 0;
    }
    for (int i = 0; i < n; i++) {
        Value conv = VAL_NONE;
        if (conn->detect_types && c->row_cast_map && i < (int)list_obj(c->row_cast_map)->len) {
            conv = list_obj(c->row_cast_map)->items[i];
        }
        Value v;
        if (conv != VAL_NONE) {
            const void *blob = sqlite3_column_blob(st, i);
            if (!blob) {
                if (sqlite3_errcode(conn->db) == SQLITE_NOMEM) {
                    return err_no_memory();
                }
                v = VAL_NONE;
            } else {
                Value b = bytes_from(blob, (size_t)sqlite3_column_bytes(st, i));
                v = b ? obj_call1(conv, b) : 0;
            }
        } else {
            switch (sqlite3_column_type(st, i)) {
            case SQLITE_NULL:
                v = VAL_NONE;
                break;
            case SQLITE_INTEGER:
                v = int_from_i64(sqlite3_column_int64(st, i));
                break;
            case SQLITE_FLOAT:
                v = float_from_double(sqlite3_column_double(st, i));
                break;
            case SQLITE_TEXT: {
                const char *text = (const char *)sqlite3_column_text(st, i);
                if (!text && sqlite3_errcode(conn->db) == SQLITE_NOMEM) {
                    return err_no_memory();
                }
                size_t nb = (size_t)sqlite3_column_bytes(st, i);
                if (!text) {
                    text = "";
                }
                Value tf = conn->text_factory;
                if (tf == val_from_ptr(&type_str)) {
                    v = sq_text(text, nb);
                    if (!v && err_matches(&exc_UnicodeDecodeError)) {
                        err_clear();
                        const char *colname = sqlite3_column_name(st, i);
                        char buf[200];
                        snprintf(buf, sizeof buf - 1,
                                 "Could not decode to UTF-8 column '%s' with text '%s'",
                                 colname ? colname : "", text);
                        // CPython decodes the message as ASCII with "replace".
                        Value msg = codec_decode(0, buf, strlen(buf), "ascii", "replace");
                        Value exc = msg ? obj_call1(sq_exc[SQ_OPERATIONAL], msg) : 0;
                        if (exc) {
                            err_set_value(exc);
                        }
                    }
                } else if (tf == val_from_ptr(&type_bytes)) {
                    v = bytes_from(text, nb);
                } else if (tf == val_from_ptr(&type_bytearray)) {
                    v = bytearray_from(text, nb);
                } else {
                    Value b = bytes_from(text, nb);
                    v = b ? obj_call1(tf, b) : 0;
                }
                break;
            }
            default: {
                const void *blob = sqlite3_column_blob(st, i);
                if (!blob && sqlite3_errcode(conn->db) == SQLITE_NOMEM) {
                    return err_no_memory();
                }
                v = bytes_from(blob ? blob : "", (size_t)sqlite3_column_bytes(st, i));
                break;
            }
            }
        }
        if (!v) {
            return 0;
        }
        tuple_obj(row)->items[i] = v;
    }
    return row;
}

// The next row, or 0: at the end without an exception.
static Value cursor_next_row(Value self) {
    Cursor *c = cur_of(self);
    if (cursor_check(c) < 0) {
        return 0;
    }
    if (!c->statement) {
        return 0;
    }
    Connection *conn = conn_of(c->connection);
    Statement *s = cur_stmt(c);
    c->locked = 1;
    Value row = cursor_fetch_row(c);
    c->locked = 0;
    if (!row) {
        return 0;
    }
    int rc = sq_step(s->st);
    if (conn_raise_deferred(conn) < 0 || conn_check_open(conn) < 0) {
        cursor_drop_statement(c);
        return 0;
    }
    if (rc == SQLITE_DONE) {
        if (s->is_dml) {
            c->rowcount = sqlite3_changes(conn->db);
        }
        cursor_drop_statement(c);
    } else if (rc != SQLITE_ROW) {
        sq_set_error(conn->db);
        cursor_drop_statement(c);
        return 0;
    }
    if (c->row_factory != VAL_NONE) {
        Value fargs[2] = {self, row};
        row = obj_call(c->row_factory, fargs, 2, 0);
    }
    return row;
}

static Value cursor_iternext(Value self) {
    return cursor_next_row(self);
}

static Value cursor_iter(Value self) {
    return self;
}

FN(cursor_fetchone) {
    if (method_check_args("Cursor.fetchone", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value row = cursor_next_row(self);
    return row ? row : err_occurred() ? 0 : VAL_NONE;
}

FN(cursor_fetchmany) {
    static const char *const names[] = {"size", NULL};
    static const ArgSpec spec = {"fetchmany", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int max = (int)cur_of(self)->arraysize;
    if (a[0] && sq_int_arg(a[0], &max) < 0) {
        return 0;
    }
    Value list = list_new(0);
    if (!list) {
        return 0;
    }
    int count = 0;
    Value row;
    while ((row = cursor_next_row(self))) {
        if (list_append(list, row) < 0) {
            return 0;
        }
        if (++count == max) {
            break;
        }
    }
    return err_occurred() ? 0 : list;
}

FN(cursor_fetchall) {
    if (method_check_args("Cursor.fetchall", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value list = list_new(0);
    if (!list) {
        return 0;
    }
    Value row;
    while ((row = cursor_next_row(self))) {
        if (list_append(list, row) < 0) {
            return 0;
        }
    }
    return err_occurred() ? 0 : list;
}

FN(cursor_setinputsizes) {
    if (method_check_args("Cursor.setinputsizes", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(cursor_setoutputsize) {
    if (args_no_keywords("Cursor.setoutputsize", kwnames) < 0 ||
        args_check_positional("setoutputsize", nargs, 1, 2) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(cursor_close) {
    if (method_check_args("Cursor.close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Cursor *c = cur_of(self);
    if (c->locked) {
        return sq_raise(SQ_PROGRAMMING, "Recursive use of cursors not allowed.");
    }
    if (!c->connection) {
        return sq_raise(SQ_PROGRAMMING, "Base Cursor.__init__ not called.");
    }
    if (conn_check(conn_of(c->connection)) < 0) {
        return 0;
    }
    cursor_drop_statement(c);
    c->closed = 1;
    return VAL_NONE;
}

static Value cursor_get_arraysize(Value self) {
    return int_from_i64(cur_of(self)->arraysize);
}

// arraysize is a C int member in CPython: a value beyond int is truncated
// with a RuntimeWarning; beyond long it is an OverflowError.
static int cursor_set_arraysize(Value self, Value v) {
    if (!v) {
        err_format(&exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    int64_t x;
    if (float_check(v)) {
        err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    if (obj_as_int64(v, &x) < 0) {
        return -1;
    }
    if ((x > INT_MAX || x < INT_MIN) &&
        err_warn(&exc_RuntimeWarning, 1, "Truncation of value to int") < 0) {
        return -1;
    }
    cur_of(self)->arraysize = (int)x;
    return 0;
}

static Value cursor_get_row_factory(Value self) {
    return cur_of(self)->row_factory;
}

static int cursor_set_row_factory(Value self, Value v) {
    cur_of(self)->row_factory = v ? v : VAL_NONE;
    return 0;
}

static Value cursor_get_connection(Value self) {
    Value c = cur_of(self)->connection;
    return c ? c : VAL_NONE;
}

// rowcount and connection are read-only members in CPython: their error.
static int cursor_set_readonly(Value self, Value v) {
    (void)self;
    (void)v;
    err_format(&exc_AttributeError, "readonly attribute");
    return -1;
}

static Value cursor_get_rowcount(Value self) {
    return int_from_i64(cur_of(self)->rowcount);
}

static const MethodDef cursor_methods[] = {
    {"execute", cursor_execute, METH_DEFAULT, "Executes an SQL statement."},
    {"executemany", cursor_executemany, METH_DEFAULT,
     "Repeatedly executes an SQL statement."},
    {"executescript", cursor_executescript, METH_DEFAULT,
     "Executes multiple SQL statements at once."},
    {"fetchone", cursor_fetchone, METH_DEFAULT, "Fetches one row from the resultset."},
    {"fetchmany", cursor_fetchmany, METH_DEFAULT, "Fetches several rows from the resultset.\n\n"
     "  size\n    The default value is set by the Cursor.arraysize attribute."},
    {"fetchall", cursor_fetchall, METH_DEFAULT, "Fetches all rows from the resultset."},
    {"close", cursor_close, METH_DEFAULT, "Closes the cursor."},
    {"setinputsizes", cursor_setinputsizes, METH_DEFAULT, "Required by DB-API. Does nothing in sqlite3."},
    {"setoutputsize", cursor_setoutputsize, METH_DEFAULT, "Required by DB-API. Does nothing in sqlite3."},
    {NULL, NULL, 0, NULL},
};

static const MemberDef cursor_members[] = {
    {"description", MEMBER_VALUE_RO, offsetof(Cursor, description), NULL},
    {"lastrowid", MEMBER_VALUE_RO, offsetof(Cursor, lastrowid), NULL},
    {NULL, 0, 0, NULL},
};

static const GetSetDef cursor_getset[] = {
    {"arraysize", cursor_get_arraysize, cursor_set_arraysize, NULL},
    {"row_factory", cursor_get_row_factory, cursor_set_row_factory, NULL},
    {"connection", cursor_get_connection, cursor_set_readonly, NULL},
    {"rowcount", cursor_get_rowcount, cursor_set_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_cursor = {
    .header = {&type_type},
    .name = "sqlite3.Cursor",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(Cursor),
    .base = &type_object,
    .trace = cursor_trace,
    .new_ = cursor_tp_new,
    .init = cursor_tp_init,
    .iter = cursor_iter,
    .iternext = cursor_iternext,
    .methods = cursor_methods,
    .members = cursor_members,
    .getset = cursor_getset,
};

static Value row_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("Row", kwnames) < 0 || args_check_positional("Row", nargs, 2, 2) < 0) {
        return 0;
    }
    if (!type_is_subtype(type_of(args[0]), &type_cursor)) {
        return err_format(&exc_TypeError, "Row() argument 1 must be sqlite3.Cursor, not %s",
                          sq_arg_type(args[0]));
    }
    if (!tuple_check(args[1])) {
        return err_format(&exc_TypeError, "Row() argument 2 must be tuple, not %s",
                          sq_arg_type(args[1]));
    }
    Type *t = type_ptr(type);
    Row *r = (Row *)gc_alloc(t, t->basic_size);
    if (!r) {
        return 0;
    }
    r->data = args[1];
    r->description = cur_of(args[0])->description;
    return val_from_ptr(r);
}

// ---- callbacks from SQLite --------------------------------------------------------------------------

typedef struct CallbackCtx {
    Object header;
    Value callable;
    Value conn;
} CallbackCtx;

static void callback_ctx_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((CallbackCtx *)o)->callable);
    gc_trace_value(t, ((CallbackCtx *)o)->conn);
}

static Type type_callback_ctx = {
    .header = {&type_type},
    .name = "sqlite3.CallbackContext",
    .basic_size = sizeof(CallbackCtx),
    .base = &type_object,
    .trace = callback_ctx_trace,
};

// A context for callable, kept alive by the connection; NULL on MemoryError.
static CallbackCtx *callback_ctx_new(Connection *c, Value callable) {
    CallbackCtx *ctx = (CallbackCtx *)gc_alloc(&type_callback_ctx, sizeof(CallbackCtx));
    if (!ctx) {
        return NULL;
    }
    ctx->callable = callable;
    ctx->conn = val_from_ptr(c);
    if (list_append(c->callbacks, val_from_ptr(ctx)) < 0) {
        return NULL;
    }
    return ctx;
}

// The arguments of a user function as a tuple (_pysqlite_build_py_params).
static Value sq_build_params(int argc, sqlite3_value **argv) {
    Value t = tuple_new((size_t)argc);
    if (!t) {
        return 0;
    }
    for (int i = 0; i < argc; i++) {
        sqlite3_value *a = argv[i];
        Value v;
        switch (sqlite3_value_type(a)) {
        case SQLITE_INTEGER:
            v = int_from_i64(sqlite3_value_int64(a));
            break;
        case SQLITE_FLOAT:
            v = float_from_double(sqlite3_value_double(a));
            break;
        case SQLITE_TEXT: {
            const char *text = (const char *)sqlite3_value_text(a);
            v = sq_text(text ? text : "", (size_t)sqlite3_value_bytes(a));
            break;
        }
        case SQLITE_BLOB: {
            const void *blob = sqlite3_value_blob(a);
            v = bytes_from(blob ? blob : "", (size_t)sqlite3_value_bytes(a));
            break;
        }
        default:
            v = VAL_NONE;
            break;
        }
        if (!v) {
            return 0;
        }
        tuple_obj(t)->items[i] = v;
    }
    return t;
}

// A Python result as the function's SQLite result (_pysqlite_set_result):
// 0, or -1 (with an exception, or without one for an unsupported type).
static int sq_set_result(sqlite3_context *cx, Value v) {
    if (v == VAL_NONE) {
        sqlite3_result_null(cx);
    } else if (int_check(v)) {
        int64_t x;
        if (sq_int64(v, &x) < 0) {
            return -1;
        }
        sqlite3_result_int64(cx, x);
    } else if (float_check(v)) {
        sqlite3_result_double(cx, float_value(v));
    } else if (val_is_str(v)) {
        StrObject *s = str_obj(v);
        if (!sq_utf8(v)) {
            return -1;
        }
        if (s->nbytes > INT_MAX) {
            err_format(&exc_OverflowError, "string is longer than INT_MAX bytes");
            return -1;
        }
        sqlite3_result_text(cx, s->data, (int)s->nbytes, SQLITE_TRANSIENT);
    } else if (buffer_check(v)) {
        Buffer view;
        if (buffer_get(v, &view, BUFFER_SIMPLE) <= 0) {
            return -1;
        }
        if (view.len > INT_MAX) {
            buffer_release(&view);
            err_format(&exc_OverflowError, "BLOB longer than INT_MAX bytes");
            return -1;
        }
        sqlite3_result_blob(cx, view.len ? view.buf : "", (int)view.len, SQLITE_TRANSIENT);
        buffer_release(&view);
    } else {
        return -1;
    }
    return 0;
}

// A callback failed: tell SQLite (CPython's set_sqlite_error).
static void sq_result_error(sqlite3_context *cx, const char *msg) {
    CallbackCtx *ctx = sqlite3_user_data(cx);
    if (err_matches(&exc_MemoryError)) {
        sqlite3_result_error_nomem(cx);
    } else if (err_matches(&exc_OverflowError)) {
        sqlite3_result_error_toobig(cx);
    } else {
        sqlite3_result_error(cx, msg, -1);
    }
    sq_callback_error(ctx->callable);
}

static void sq_func_callback(sqlite3_context *cx, int argc, sqlite3_value **argv) {
    CallbackCtx *ctx = sqlite3_user_data(cx);
    Value a = sq_build_params(argc, argv);
    Value r = a ? obj_call(ctx->callable, tuple_obj(a)->items, (size_t)argc, 0) : 0;
    if (r && sq_set_result(cx, r) == 0) {
        return;
    }
    if (!err_occurred()) {
        sqlite3_result_error(cx, "user-defined function raised exception", -1);
        return;
    }
    sq_result_error(cx, "user-defined function raised exception");
}

// The aggregate instance of this group, made by the first step: 0 when
// __init__ failed (the error is reported), or with no step at all.
static Value sq_aggregate_instance(sqlite3_context *cx, int create) {
    CallbackCtx *ctx = sqlite3_user_data(cx);
    Value *slot = sqlite3_aggregate_context(cx, create ? (int)sizeof(Value) : 0);
    if (!slot) {
        if (create) {
            sqlite3_result_error_nomem(cx);
        }
        return 0;
    }
    if (!*slot && create) {
        Value inst = obj_call0(ctx->callable);
        if (!inst) {
            sq_result_error(cx, "user-defined aggregate's '__init__' method raised error");
            return 0;
        }
        Value key = int_from_u64((uint64_t)(uintptr_t)slot);
        if (!key || dict_set(conn_of(ctx->conn)->aggregates, key, inst) < 0) {
            sq_result_error(cx, "user-defined aggregate's '__init__' method raised error");
            return 0;
        }
        *slot = inst;
    }
    return *slot;
}

// Call instance.<method>(*args) for step and inverse.
static void sq_aggregate_call(sqlite3_context *cx, int argc, sqlite3_value **argv,
                              const char *method) {
    char msg[80];
    Value inst = sq_aggregate_instance(cx, 1);
    if (!inst) {
        return;
    }
    Value fn = obj_getattr_cstr(inst, method);
    if (!fn) {
        snprintf(msg, sizeof msg, "user-defined aggregate's '%s' method not defined", method);
        sq_result_error(cx, msg);
        return;
    }
    Value a = sq_build_params(argc, argv);
    Value r = a ? obj_call(fn, tuple_obj(a)->items, (size_t)argc, 0) : 0;
    if (!r) {
        snprintf(msg, sizeof msg, "user-defined aggregate's '%s' method raised error", method);
        sq_result_error(cx, msg);
    }
}

static void sq_step_callback(sqlite3_context *cx, int argc, sqlite3_value **argv) {
    sq_aggregate_call(cx, argc, argv, "step");
}

static void sq_inverse_callback(sqlite3_context *cx, int argc, sqlite3_value **argv) {
    sq_aggregate_call(cx, argc, argv, "inverse");
}

// finalize() or value(): the result of the group.
static void sq_aggregate_result(sqlite3_context *cx, const char *method, int final) {
    CallbackCtx *ctx = sqlite3_user_data(cx);
    Value inst = sq_aggregate_instance(cx, 0);
    if (!inst) {
        return;
    }
    if (final) {
        Value *slot = sqlite3_aggregate_context(cx, 0);
        Value key = int_from_u64((uint64_t)(uintptr_t)slot);
        *slot = 0;
        if (!key || dict_del(conn_of(ctx->conn)->aggregates, key) < 0) {
            err_clear();
        }
    }
    Value fn = obj_getattr_cstr(inst, method);
    Value r = fn ? obj_call0(fn) : 0;
    if (r && sq_set_result(cx, r) == 0) {
        return;
    }
    char msg[80];
    int attr = err_matches(&exc_AttributeError);
    if (!err_occurred()) {
        snprintf(msg, sizeof msg, "user-defined aggregate's '%s' method raised error", method);
        sqlite3_result_error(cx, msg, -1);
        return;
    }
    snprintf(msg, sizeof msg, attr ? "user-defined aggregate's '%s' method not defined"
                                   : "user-defined aggregate's '%s' method raised error",
             method);
    sq_result_error(cx, msg);
}

static void sq_final_callback(sqlite3_context *cx) {
    sq_aggregate_result(cx, "finalize", 1);
}

static void sq_value_callback(sqlite3_context *cx) {
    sq_aggregate_result(cx, "value", 0);
}

static int sq_collation_callback(void *p, int n1, const void *s1, int n2, const void *s2) {
    CallbackCtx *ctx = p;
    Connection *c = conn_of(ctx->conn);
    if (c->deferred_exc) {
        return 0;
    }
    Value a = sq_text(s1, (size_t)n1);
    Value b = a ? sq_text(s2, (size_t)n2) : 0;
    Value r = b ? obj_call2(ctx->callable, a, b) : 0;
    if (!r) {
        c->deferred_exc = err_fetch();
        return 0;
    }
    if (!int_check(r)) {
        return 0;
    }
    int s = int_sign(r);
    return s;
}

static int sq_authorizer_callback(void *p, int action, const char *a1, const char *a2,
                                  const char *dbname, const char *source) {
    CallbackCtx *ctx = p;
    Value args[5];
    args[0] = int_from_i64(action);
    const char *strs[4] = {a1, a2, dbname, source};
    for (int i = 0; i < 4; i++) {
        args[i + 1] = strs[i] ? str_from_cstr(strs[i]) : VAL_NONE;
        if (!args[i + 1]) {
            sq_callback_error(ctx->callable);
            return SQLITE_DENY;
        }
    }
    Value r = obj_call(ctx->callable, args, 5, 0);
    if (!r) {
        sq_callback_error(ctx->callable);
        return SQLITE_DENY;
    }
    if (!int_check(r)) {
        return SQLITE_DENY;
    }
    int rc;
    if (sq_int_arg(r, &rc) < 0) {
        sq_callback_error(ctx->callable);
        return SQLITE_DENY;
    }
    return rc;
}

static int sq_progress_callback(void *p) {
    CallbackCtx *ctx = p;
    Value r = obj_call0(ctx->callable);
    int rc = r ? obj_truthy(r) : -1;
    if (rc < 0) {
        sq_callback_error(ctx->callable);
    }
    return rc != 0;
}

static int sq_trace_callback(unsigned type, void *p, void *stmt, void *sql) {
    if (type != SQLITE_TRACE_STMT) {
        return 0;
    }
    CallbackCtx *ctx = p;
    Value text;
    char *expanded = sqlite3_expanded_sql((sqlite3_stmt *)stmt);
    if (!expanded) {
        sq_raise(SQ_DATA, "Expanded SQL string exceeds the maximum string length");
        sq_callback_error(ctx->callable);
        text = str_from_cstr((const char *)sql);
    } else {
        text = str_from_cstr(expanded);
        sqlite3_free(expanded);
    }
    if (!text || !obj_call1(ctx->callable, text)) {
        sq_callback_error(ctx->callable);
    }
    return 0;
}

// ---- Connection ----------------------------------------------------------------------------------

static const char *const sq_isolation_levels[] = {"", "DEFERRED", "IMMEDIATE", "EXCLUSIVE", NULL};

static void connection_trace(Object *o, GcTracer *t) {
    Connection *c = (Connection *)o;
    gc_trace_value(t, c->row_factory);
    gc_trace_value(t, c->text_factory);
    gc_trace_value(t, c->callbacks);
    gc_trace_value(t, c->aggregates);
    gc_trace_value(t, c->blobs);
    gc_trace_value(t, c->deferred_exc);
    gc_trace_value(t, c->stmt_cache);
}

static void connection_free(Object *o) {
    Connection *c = (Connection *)o;
    if (c->db) {
        sqlite3_close_v2(c->db);
        c->db = NULL;
    }
}

// isolation_level: None (0 in *out... NULL) or one of the four levels.
static int sq_isolation_level(Value v, const char **out) {
    if (v == VAL_NONE) {
        *out = NULL;
        return 0;
    }
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "isolation_level must be str or None");
        return -1;
    }
    StrObject *s = str_obj(v);
    if (strlen(s->data) == s->nbytes) {
        for (int i = 0; sq_isolation_levels[i]; i++) {
            if (sqlite3_stricmp(s->data, sq_isolation_levels[i]) == 0) {
                *out = sq_isolation_levels[i];
                return 0;
            }
        }
    } else {
        err_format(&exc_ValueError, "embedded null character");
        return -1;
    }
    err_format(&exc_ValueError, "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or "
                                "'EXCLUSIVE'");
    return -1;
}

static void blob_close_handle(Value blob);

static void connection_close_db(Connection *c) {
    if (!c->db) {
        return;
    }
    ListObject *bl = list_obj(c->blobs);
    for (size_t i = 0; i < bl->len; i++) {
        blob_close_handle(bl->items[i]);
    }
    list_clear(c->blobs);
    dict_clear(c->stmt_cache);
    sqlite3_trace_v2(c->db, 0, NULL, NULL);
    sqlite3_progress_handler(c->db, 0, NULL, NULL);
    sqlite3_set_authorizer(c->db, NULL, NULL);
    sqlite3_close_v2(c->db);
    c->db = NULL;
}

static Value connection_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    Connection *c = (Connection *)gc_alloc(t, t->basic_size);
    if (!c) {
        return 0;
    }
    c->row_factory = VAL_NONE;
    c->text_factory = val_from_ptr(&type_str);
    c->isolation_level = "";
    Value self = val_from_ptr(c);
    c->callbacks = list_new(0);
    c->aggregates = c->callbacks ? dict_new() : 0;
    c->blobs = c->aggregates ? list_new(0) : 0;
    c->stmt_cache = c->blobs ? dict_new() : 0;
    return c->stmt_cache ? self : 0;
}

// The path of a database argument: str, bytes or os.PathLike.
static Value sq_fspath(Value v) {
    if (!val_is_str(v) && !val_is_bytes(v)) {
        Value fn = obj_lookup_special(v, str_intern_cstr("__fspath__"));
        if (!fn) {
            if (!err_occurred()) {
                err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                           obj_type_name(v));
            }
            return 0;
        }
        v = obj_call0(fn);
        if (!v) {
            return 0;
        }
        if (!val_is_str(v) && !val_is_bytes(v)) {
            return err_format(&exc_TypeError,
                              "expected %s.__fspath__() to return str or bytes, not %s",
                              obj_type_name(v), obj_type_name(v));
        }
    }
    const char *p = val_is_str(v) ? str_obj(v)->data : bytes_data(v);
    size_t n = val_is_str(v) ? str_obj(v)->nbytes : bytes_len(v);
    if (strlen(p) != n) {
        return err_format(&exc_ValueError, "embedded null byte");
    }
    return v;
}

static const char *const connect_names[] = {"database", "timeout", "detect_types",
                                            "isolation_level", "check_same_thread", "factory",
                                            "cached_statements", "uri", NULL};

static Value connection_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const ArgSpec spec = {"Connection", 0, connect_names, 1, 8, 0};
    Value a[8];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Connection *c = conn_of(self);
    double timeout = 5.0;
    int detect_types = 0, check_same_thread = 1, cached = 128, uri = 0;
    const char *level = "";
    Value path = sq_fspath(a[0]);
    if (!path || (a[1] && sq_double_arg(a[1], &timeout) < 0) ||
        (a[2] && sq_int_arg(a[2], &detect_types) < 0) ||
        (a[3] && sq_isolation_level(a[3], &level) < 0) ||
        (a[4] && sq_int_arg(a[4], &check_same_thread) < 0) ||
        (a[6] && sq_int_arg(a[6], &cached) < 0)) {
        return 0;
    }
    if (a[7]) {
        uri = obj_truthy(a[7]);
        if (uri < 0) {
            return 0;
        }
    }
    if (c->initialized) {
        connection_close_db(c);
        c->initialized = 0;
    }
    const char *p = val_is_str(path) ? str_obj(path)->data : bytes_data(path);
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0);
    int rc = sqlite3_open_v2(p, &db, flags, NULL);  // GIL: release here
    if (rc != SQLITE_OK) {
        if (!db) {
            return err_no_memory();
        }
        sq_set_error(db);
        sqlite3_close_v2(db);
        return 0;
    }
    c->db = db;
    sqlite3_busy_timeout(db, (int)(timeout * 1000));
    c->detect_types = detect_types;
    c->isolation_level = level;
    c->check_same_thread = check_same_thread;
    c->thread_ident = sq_thread_ident();
    c->row_factory = VAL_NONE;
    c->text_factory = val_from_ptr(&type_str);
    c->deferred_exc = 0;
    c->cache_size = cached;
    dict_clear(c->stmt_cache);
    c->initialized = 1;
    return VAL_NONE;
}

static Connection *conn_self(Value self) {
    return conn_of(self);
}

// Connection.cursor(factory) (the default factory when 0).
static Value connection_cursor_impl(Value self, Value factory) {
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    if (!factory) {
        factory = val_from_ptr(&type_cursor);
    }
    Value cur = obj_call1(factory, self);
    if (!cur) {
        return 0;
    }
    if (!type_is_subtype(type_of(cur), &type_cursor)) {
        return err_format(&exc_TypeError, "factory must return a cursor, not %.100s",
                          obj_type_name(cur));
    }
    if (c->row_factory != VAL_NONE) {
        cur_of(cur)->row_factory = c->row_factory;
    }
    return cur;
}

FN(connection_cursor) {
    static const char *const names[] = {"factory", NULL};
    static const ArgSpec spec = {"cursor", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return connection_cursor_impl(self, a[0]);
}

// The cursor of Connection.execute and friends: CPython makes it with the
// C cursor() and the default factory, not with an overriding method.
static Value connection_new_cursor(Value self) {
    return connection_cursor_impl(self, 0);
}

FN(connection_execute) {
    if (args_no_keywords("Connection.execute", kwnames) < 0 ||
        args_check_positional("execute", nargs, 1, 2) < 0 || sq_sql_arg("execute", args[0]) < 0) {
        return 0;
    }
    Value cur = connection_new_cursor(self);
    Value params = nargs > 1 ? args[1] : tuple_new(0);
    if (!cur || !params) {
        return 0;
    }
    return cursor_execute_impl(cur, 0, args[0], params);
}

FN(connection_executemany) {
    if (args_no_keywords("Connection.executemany", kwnames) < 0 ||
        args_check_positional("executemany", nargs, 2, 2) < 0 ||
        sq_sql_arg("executemany", args[0]) < 0) {
        return 0;
    }
    Value cur = connection_new_cursor(self);
    return cur ? cursor_execute_impl(cur, 1, args[0], args[1]) : 0;
}

FN(connection_executescript) {
    if (args_no_keywords("Connection.executescript", kwnames) < 0 ||
        args_check_positional("executescript", nargs, 1, 1) < 0) {
        return 0;
    }
    Value cur = connection_new_cursor(self);
    return cur ? obj_call_method(cur, "executescript", args, 1) : 0;
}

// Run one statement of fixed text (COMMIT, ROLLBACK).
static Value connection_exec_simple(Connection *c, const char *sql) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sq_step(st);
        sqlite3_finalize(st);
    }
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        return sq_set_error(c->db);
    }
    return VAL_NONE;
}

static Value connection_commit_impl(Connection *c) {
    if (conn_check(c) < 0) {
        return 0;
    }
    return sqlite3_get_autocommit(c->db) ? VAL_NONE : connection_exec_simple(c, "COMMIT");
}

static Value connection_rollback_impl(Connection *c) {
    if (conn_check(c) < 0) {
        return 0;
    }
    return sqlite3_get_autocommit(c->db) ? VAL_NONE : connection_exec_simple(c, "ROLLBACK");
}

FN(connection_commit) {
    if (method_check_args("Connection.commit", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return connection_commit_impl(conn_self(self));
}

FN(connection_rollback) {
    if (method_check_args("Connection.rollback", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return connection_rollback_impl(conn_self(self));
}

FN(connection_close) {
    if (method_check_args("Connection.close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check_thread(c) < 0) {
        return 0;
    }
    if (!c->initialized) {
        return sq_raise(SQ_PROGRAMMING, "Base Connection.__init__ not called.");
    }
    connection_close_db(c);
    return VAL_NONE;
}

FN(connection_enter) {
    if (method_check_args("Connection.__enter__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return self;
}

FN(connection_exit) {
    if (args_no_keywords("Connection.__exit__", kwnames) < 0 ||
        args_check_positional("__exit__", nargs, 3, 3) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (args[0] == VAL_NONE && args[1] == VAL_NONE && args[2] == VAL_NONE) {
        if (!connection_commit_impl(c)) {
            // Roll back, then raise the commit's error.
            Value exc = err_fetch();
            if (!connection_rollback_impl(c)) {
                err_clear();
            }
            err_set_value(exc);
            return 0;
        }
    } else if (!connection_rollback_impl(c)) {
        return 0;
    }
    return VAL_FALSE;
}

FN(connection_create_function) {
    static const char *const names[] = {"name", "narg", "func", "deterministic", NULL};
    static const ArgSpec spec = {"create_function", 0, names, 3, 3, 0};
    Value a[4];
    int narg, det = 0;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 ||
        sq_check_str_kw("create_function", "name", a[0]) < 0 || !sq_utf8(a[0]) ||
        sq_int_arg(a[1], &narg) < 0) {
        return 0;
    }
    if (a[3] && (det = obj_truthy(a[3])) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    int flags = SQLITE_UTF8 | (det ? SQLITE_DETERMINISTIC : 0);
    CallbackCtx *ctx = callback_ctx_new(c, a[2]);
    if (!ctx) {
        return 0;
    }
    int rc, retried = 0;
    do {
        rc = sqlite3_create_function_v2(c->db, str_obj(a[0])->data, narg, flags, ctx,
                                        sq_func_callback, NULL, NULL, NULL);
    } while (rc == SQLITE_BUSY && !retried++ && sq_collect_idle_statements(c->db, NULL));
    if (rc != SQLITE_OK) {
        return sq_raise(SQ_OPERATIONAL, "Error creating function");
    }
    return VAL_NONE;
}

FN(connection_create_aggregate) {
    static const char *const names[] = {"name", "n_arg", "aggregate_class", NULL};
    static const ArgSpec spec = {"create_aggregate", 0, names, 3, 3, 0};
    Value a[3];
    int narg;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 ||
        sq_check_str_kw("create_aggregate", "name", a[0]) < 0 || !sq_utf8(a[0]) ||
        sq_int_arg(a[1], &narg) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    CallbackCtx *ctx = callback_ctx_new(c, a[2]);
    if (!ctx) {
        return 0;
    }
    int rc;
    int retried = 0;
    do {
        rc = sqlite3_create_function_v2(c->db, str_obj(a[0])->data, narg, SQLITE_UTF8, ctx, NULL,
                                        sq_step_callback, sq_final_callback, NULL);
    } while (rc == SQLITE_BUSY && !retried++ && sq_collect_idle_statements(c->db, NULL));
    if (rc != SQLITE_OK) {
        return sq_raise(SQ_OPERATIONAL, "Error creating aggregate");
    }
    return VAL_NONE;
}

FN(connection_create_window_function) {
    int narg;
    if (args_no_keywords("Connection.create_window_function", kwnames) < 0 ||
        args_check_positional("create_window_function", nargs, 3, 3) < 0 ||
        sq_check_str("create_window_function", 1, args[0]) < 0 || !sq_utf8(args[0]) ||
        sq_int_arg(args[1], &narg) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    CallbackCtx *ctx = NULL;
    if (args[2] != VAL_NONE && !(ctx = callback_ctx_new(c, args[2]))) {
        return 0;
    }
    int rc, retried = 0;
    do {
        rc = sqlite3_create_window_function(
            c->db, str_obj(args[0])->data, narg, SQLITE_UTF8, ctx, ctx ? sq_step_callback : NULL,
            ctx ? sq_final_callback : NULL, ctx ? sq_value_callback : NULL,
            ctx ? sq_inverse_callback : NULL, NULL);
    } while (rc == SQLITE_BUSY && !retried++ && sq_collect_idle_statements(c->db, NULL));
    if (rc != SQLITE_OK) {
        return sq_raise(SQ_PROGRAMMING, "%s", sqlite3_errstr(rc));
    }
    return VAL_NONE;
}

FN(connection_create_collation) {
    if (args_no_keywords("Connection.create_collation", kwnames) < 0 ||
        args_check_positional("create_collation", nargs, 2, 2) < 0 ||
        sq_check_str("create_collation", 1, args[0]) < 0 || !sq_utf8(args[0])) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    CallbackCtx *ctx = NULL;
    if (args[1] != VAL_NONE) {
        if (!type_of(args[1])->call) {
            return err_format(&exc_TypeError, "parameter must be callable");
        }
        if (!(ctx = callback_ctx_new(c, args[1]))) {
            return 0;
        }
    }
    int rc, retried = 0;
    do {
        rc = sqlite3_create_collation_v2(c->db, str_obj(args[0])->data, SQLITE_UTF8, ctx,
                                         ctx ? sq_collation_callback : NULL, NULL);
    } while (rc == SQLITE_BUSY && !retried++ && sq_collect_idle_statements(c->db, NULL));
    if (rc != SQLITE_OK) {
        return sq_set_error(c->db);
    }
    return VAL_NONE;
}

FN(connection_set_authorizer) {
    static const char *const names[] = {"authorizer_callback", NULL};
    static const ArgSpec spec = {"set_authorizer", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    int rc;
    if (a[0] == VAL_NONE) {
        rc = sqlite3_set_authorizer(c->db, NULL, NULL);
    } else {
        CallbackCtx *ctx = callback_ctx_new(c, a[0]);
        if (!ctx) {
            return 0;
        }
        rc = sqlite3_set_authorizer(c->db, sq_authorizer_callback, ctx);
    }
    if (rc != SQLITE_OK) {
        return sq_raise(SQ_OPERATIONAL, "Error setting authorizer callback");
    }
    return VAL_NONE;
}

FN(connection_set_progress_handler) {
    static const char *const names[] = {"progress_handler", "n", NULL};
    static const ArgSpec spec = {"set_progress_handler", 0, names, 2, 2, 0};
    Value a[2];
    int n;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || sq_int_arg(a[1], &n) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    if (a[0] == VAL_NONE) {
        sqlite3_progress_handler(c->db, 0, NULL, NULL);
    } else {
        CallbackCtx *ctx = callback_ctx_new(c, a[0]);
        if (!ctx) {
            return 0;
        }
        sqlite3_progress_handler(c->db, n, sq_progress_callback, ctx);
    }
    return VAL_NONE;
}

FN(connection_set_trace_callback) {
    static const char *const names[] = {"trace_callback", NULL};
    static const ArgSpec spec = {"set_trace_callback", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    if (a[0] == VAL_NONE) {
        sqlite3_trace_v2(c->db, SQLITE_TRACE_STMT, NULL, NULL);
    } else {
        CallbackCtx *ctx = callback_ctx_new(c, a[0]);
        if (!ctx) {
            return 0;
        }
        sqlite3_trace_v2(c->db, SQLITE_TRACE_STMT, sq_trace_callback, ctx);
    }
    return VAL_NONE;
}

FN(connection_iterdump) {
    if (method_check_args("Connection.iterdump", nargs, kwnames, 0, 0) < 0 ||
        conn_check_open(conn_self(self)) < 0) {
        return 0;
    }
    Value fromlist = list_from((Value[]){str_intern_cstr("_iterdump")}, 1);
    Value mod = fromlist ? import_module_level(str_intern_cstr("sqlite3.dump"), 0, fromlist, 0) : 0;
    if (!mod) {
        return 0;
    }
    Value fn = obj_getattr_cstr(mod, "_iterdump");
    if (!fn) {
        return 0;
    }
    return obj_call1(fn, self);
}

FN(connection_interrupt) {
    if (method_check_args("Connection.interrupt", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check_open(c) < 0) {
        return 0;
    }
    sqlite3_interrupt(c->db);
    return VAL_NONE;
}

FN(connection_getlimit) {
    int cat;
    if (args_no_keywords("Connection.getlimit", kwnames) < 0 ||
        args_check_positional("getlimit", nargs, 1, 1) < 0 || sq_int_arg(args[0], &cat) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    int old = sqlite3_limit(c->db, cat, -1);
    if (old < 0) {
        return sq_raise(SQ_PROGRAMMING, "'category' is out of bounds");
    }
    return int_from_i64(old);
}

FN(connection_setlimit) {
    int cat, limit;
    if (args_no_keywords("Connection.setlimit", kwnames) < 0 ||
        args_check_positional("setlimit", nargs, 2, 2) < 0 || sq_int_arg(args[0], &cat) < 0 ||
        sq_int_arg(args[1], &limit) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    int old = sqlite3_limit(c->db, cat, limit);
    if (old < 0) {
        return sq_raise(SQ_PROGRAMMING, "'category' is out of bounds");
    }
    return int_from_i64(old);
}

static int sq_name_kwarg(const char *fname, Value v, const char **out) {
    if (!v) {
        *out = "main";
        return 0;
    }
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "%s() argument 'name' must be str, not %s", fname,
                   sq_arg_type(v));
        return -1;
    }
    if (strlen(str_obj(v)->data) != str_obj(v)->nbytes) {
        err_format(&exc_ValueError, "embedded null character");
        return -1;
    }
    *out = str_obj(v)->data;
    return 0;
}

FN(connection_serialize) {
    static const char *const names[] = {"name", NULL};
    static const ArgSpec spec = {"serialize", 0, names, 0, 0, 0};
    Value a[1];
    const char *name;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 ||
        sq_name_kwarg("serialize", a[0], &name) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    sqlite3_int64 size;
    unsigned flags = SQLITE_SERIALIZE_NOCOPY;
    const char *data = (const char *)sqlite3_serialize(c->db, name, &size, flags);
    if (!data) {
        flags = 0;
        data = (const char *)sqlite3_serialize(c->db, name, &size, flags);
    }
    if (!data) {
        return sq_raise(SQ_OPERATIONAL, "unable to serialize '%s'", name);
    }
    Value r = bytes_from(data, (size_t)size);
    if (!flags) {
        sqlite3_free((void *)data);
    }
    return r;
}

FN(connection_deserialize) {
    static const char *const names[] = {"name", NULL};
    static const ArgSpec spec = {"deserialize", 1, names, 1, 1, 0};
    Value a[2];
    const char *name;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 ||
        sq_name_kwarg("deserialize", a[1], &name) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    const char *p;
    size_t n;
    Buffer view = {0};
    if (val_is_str(a[0])) {
        p = str_obj(a[0])->data;
        n = str_obj(a[0])->nbytes;
    } else {
        if (buffer_get_bytes_like(a[0], &view) < 0) {
            return 0;
        }
        p = view.buf;
        n = (size_t)view.len;
    }
    // As CPython: sqlite3_malloc64(0) gives NULL, a MemoryError.
    unsigned char *buf = n ? sqlite3_malloc64(n) : NULL;
    if (!buf) {
        if (view.obj) {
            buffer_release(&view);
        }
        return err_no_memory();
    }
    if (n) {
        memcpy(buf, p, n);
    }
    if (view.obj) {
        buffer_release(&view);
    }
    int rc = sqlite3_deserialize(c->db, name, buf, (sqlite3_int64)n, (sqlite3_int64)n,
                                 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    if (rc != SQLITE_OK) {
        return sq_set_error(c->db);
    }
    return VAL_NONE;
}

FN(connection_enable_load_extension) {
    int onoff;
    if (args_no_keywords("Connection.enable_load_extension", kwnames) < 0 ||
        args_check_positional("enable_load_extension", nargs, 1, 1) < 0 ||
        sq_int_arg(args[0], &onoff) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    if (sqlite3_enable_load_extension(c->db, onoff) != SQLITE_OK) {
        return sq_raise(SQ_OPERATIONAL, "Error enabling load extension");
    }
    return VAL_NONE;
}

FN(connection_load_extension) {
    if (args_no_keywords("Connection.load_extension", kwnames) < 0 ||
        args_check_positional("load_extension", nargs, 1, 1) < 0 ||
        sq_check_str("load_extension", 1, args[0]) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    char *msg = NULL;
    if (sqlite3_load_extension(c->db, str_obj(args[0])->data, NULL, &msg) != SQLITE_OK) {
        Value r = sq_raise(SQ_OPERATIONAL, "%s", msg ? msg : "");
        sqlite3_free(msg);
        return r;
    }
    return VAL_NONE;
}

FN(connection_backup) {
    static const char *const names[] = {"target", "pages", "progress", "name", "sleep", NULL};
    static const ArgSpec spec = {"backup", 0, names, 1, 1, 0};
    Value a[5];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (!type_is_subtype(type_of(a[0]), &type_connection)) {
        return err_format(&exc_TypeError, "backup() argument 'target' must be sqlite3.Connection, "
                                          "not %s",
                          sq_arg_type(a[0]));
    }
    int pages = -1;
    double sleep = 0.25;
    const char *name;
    if ((a[1] && sq_int_arg(a[1], &pages) < 0) || sq_name_kwarg("backup", a[3], &name) < 0 ||
        (a[4] && sq_double_arg(a[4], &sleep) < 0)) {
        return 0;
    }
    Value progress = a[2] ? a[2] : VAL_NONE;
    Connection *c = conn_self(self), *target = conn_of(a[0]);
    if (conn_check(c) < 0 || conn_check_open(target) < 0) {
        return 0;
    }
    if (target == c) {
        return err_format(&exc_ValueError, "target cannot be the same connection instance");
    }
    if (progress != VAL_NONE && !type_of(progress)->call) {
        return err_format(&exc_TypeError, "progress argument must be a callable");
    }
    if (pages == 0) {
        pages = -1;
    }
    sqlite3_backup *b = sqlite3_backup_init(target->db, "main", c->db, name);
    if (!b) {
        return sq_set_error(target->db);
    }
    int rc;
    do {
        rc = sqlite3_backup_step(b, pages);  // GIL: release here
        if (progress != VAL_NONE) {
            Value pa[3] = {int_from_i64(rc), int_from_i64(sqlite3_backup_remaining(b)),
                           int_from_i64(sqlite3_backup_pagecount(b))};
            if (!obj_call(progress, pa, 3, 0)) {
                sqlite3_backup_finish(b);
                return 0;
            }
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep((int)(sleep * 1000));  // GIL: release here
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    if (sqlite3_backup_finish(b) != SQLITE_OK) {
        return sq_set_error(target->db);
    }
    return VAL_NONE;
}

static Value blob_open(Connection *c, const char *table, const char *column, int64_t row,
                       int readonly, const char *name);

FN(connection_blobopen) {
    static const char *const names[] = {"readonly", "name", NULL};
    static const ArgSpec spec = {"blobopen", 3, names, 3, 3, 0};
    Value a[5];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 ||
        sq_check_str("blobopen", 1, a[0]) < 0 || sq_check_str("blobopen", 2, a[1]) < 0) {
        return 0;
    }
    int64_t row;
    int readonly = 0;
    const char *name;
    if (!int_check(a[2])) {
        return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          obj_type_name(a[2]));
    }
    if (int_to_i64(a[2], &row) < 0 || (a[3] && (readonly = obj_truthy(a[3])) < 0) ||
        sq_name_kwarg("blobopen", a[4], &name) < 0) {
        return 0;
    }
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    return blob_open(c, str_obj(a[0])->data, str_obj(a[1])->data, row, readonly, name);
}

static Value connection_get_isolation_level(Value self) {
    Connection *c = conn_self(self);
    if (conn_check_open(c) < 0) {
        return 0;
    }
    return c->isolation_level ? str_from_cstr(c->isolation_level) : VAL_NONE;
}

static int connection_set_isolation_level(Value self, Value v) {
    Connection *c = conn_self(self);
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (v == VAL_NONE) {
        c->isolation_level = NULL;
        return connection_commit_impl(c) ? 0 : -1;
    }
    const char *level;
    if (sq_isolation_level(v, &level) < 0) {
        return -1;
    }
    c->isolation_level = level;
    return 0;
}

static Value connection_get_in_transaction(Value self) {
    Connection *c = conn_self(self);
    if (conn_check_open(c) < 0) {
        return 0;
    }
    return val_bool(!sqlite3_get_autocommit(c->db));
}

static Value connection_get_total_changes(Value self) {
    Connection *c = conn_self(self);
    if (conn_check_open(c) < 0) {
        return 0;
    }
    return int_from_i64(sqlite3_total_changes(c->db));
}

static Value connection_get_row_factory(Value self) {
    return conn_self(self)->row_factory;
}

static int connection_set_row_factory(Value self, Value v) {
    conn_self(self)->row_factory = v ? v : VAL_NONE;
    return 0;
}

static Value connection_get_text_factory(Value self) {
    return conn_self(self)->text_factory;
}

static int connection_set_text_factory(Value self, Value v) {
    conn_self(self)->text_factory = v ? v : VAL_NONE;
    return 0;
}

#define SQ_EXC_GETTER_(id, name, base)                                                             \
    static Value connection_get_##id(Value self) {                                                 \
        return sq_exc[SQ_##id];                                                                    \
    }
SQ_EXCEPTIONS(SQ_EXC_GETTER_)
#undef SQ_EXC_GETTER_

// con(sql): a prepared Statement (what CPython's Connection.__call__ returns).
static Value connection_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    Connection *c = conn_self(self);
    if (conn_check(c) < 0) {
        return 0;
    }
    if (args_nkw(kwnames)) {
        return err_format(&exc_TypeError, "sqlite3.Connection() takes no keyword arguments");
    }
    if (nargs != 1) {
        return err_format(&exc_TypeError, "function takes exactly 1 argument (%zu given)", nargs);
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "argument 1 must be str, not %s",
                          sq_arg_type(args[0]));
    }
    return statement_new(c, args[0]);
}

static const MethodDef connection_methods[] = {
    {"cursor", connection_cursor, METH_DEFAULT, "Return a cursor for the connection."},
    {"execute", connection_execute, METH_DEFAULT,
     "Executes an SQL statement."},
    {"executemany", connection_executemany, METH_DEFAULT,
     "Repeatedly executes an SQL statement."},
    {"executescript", connection_executescript, METH_DEFAULT,
     "Executes multiple SQL statements at once."},
    {"commit", connection_commit, METH_DEFAULT, "Commit any pending transaction to the database."},
    {"rollback", connection_rollback, METH_DEFAULT, "Roll back to the start of any pending transaction."},
    {"close", connection_close, METH_DEFAULT, "Close the database connection."},
    {"__enter__", connection_enter, METH_DEFAULT, "Called when the connection is used as a context manager."},
    {"__exit__", connection_exit, METH_DEFAULT, "Called when the connection is used as a context manager."},
    {"create_function", connection_create_function, METH_DEFAULT, "Creates a new function."},
    {"create_aggregate", connection_create_aggregate, METH_DEFAULT, "Creates a new aggregate."},
    {"create_window_function", connection_create_window_function, METH_DEFAULT,
     "Creates or redefines an aggregate window function. Non-standard."},
    {"create_collation", connection_create_collation, METH_DEFAULT, "Creates a collation function."},
    {"set_authorizer", connection_set_authorizer, METH_DEFAULT, "Sets authorizer callback."},
    {"set_progress_handler", connection_set_progress_handler, METH_DEFAULT, "Sets progress handler callback."},
    {"set_trace_callback", connection_set_trace_callback, METH_DEFAULT, "Sets a trace callback called for each SQL statement (passed as unicode)."},
    {"iterdump", connection_iterdump, METH_DEFAULT, "Returns iterator to the dump of the database in an SQL text format."},
    {"interrupt", connection_interrupt, METH_DEFAULT, "Abort any pending database operation."},
    {"getlimit", connection_getlimit, METH_DEFAULT, "Get connection run-time limits."},
    {"setlimit", connection_setlimit, METH_DEFAULT, "Set connection run-time limits."},
    {"serialize", connection_serialize, METH_DEFAULT, "Serialize a database into a byte string."},
    {"deserialize", connection_deserialize, METH_DEFAULT, "Load a serialized database."},
    {"enable_load_extension", connection_enable_load_extension, METH_DEFAULT, "Enable dynamic loading of SQLite extension modules."},
    {"load_extension", connection_load_extension, METH_DEFAULT, "Load SQLite extension module."},
    {"backup", connection_backup, METH_DEFAULT, "Makes a backup of the database."},
    {"blobopen", connection_blobopen, METH_DEFAULT, "Open and return a BLOB object."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef connection_getset[] = {
    {"isolation_level", connection_get_isolation_level, connection_set_isolation_level, NULL},
    {"in_transaction", connection_get_in_transaction, NULL, NULL},
    {"total_changes", connection_get_total_changes, NULL, NULL},
    {"row_factory", connection_get_row_factory, connection_set_row_factory, NULL},
    {"text_factory", connection_get_text_factory, connection_set_text_factory, NULL},
#define SQ_EXC_GETSET_(id, name, base) {name, connection_get_##id, NULL, NULL},
    SQ_EXCEPTIONS(SQ_EXC_GETSET_)
#undef SQ_EXC_GETSET_
    {NULL, NULL, NULL, NULL},
};

static Type type_connection = {
    .header = {&type_type},
    .name = "sqlite3.Connection",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(Connection),
    .base = &type_object,
    .trace = connection_trace,
    .free = connection_free,
    .new_ = connection_tp_new,
    .init = connection_tp_init,
    .call = connection_call,
    .methods = connection_methods,
    .getset = connection_getset,
};

// ---- Blob -------------------------------------------------------------------------------------------

typedef struct Blob {
    Object header;
    Value connection;
    sqlite3_blob *blob;  // NULL once closed
    int offset;
} Blob;

static Blob *blob_of(Value v) {
    return (Blob *)val_ptr(v);
}

static void blob_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((Blob *)o)->connection);
}

static void blob_free(Object *o) {
    Blob *b = (Blob *)o;
    if (b->blob) {
        sqlite3_blob_close(b->blob);
        b->blob = NULL;
    }
}

static void blob_close_handle(Value v) {
    blob_free(val_ptr(v));
}

static Value blob_open(Connection *c, const char *table, const char *column, int64_t row,
                       int readonly, const char *name) {
    sqlite3_blob *handle;
    int rc = sqlite3_blob_open(c->db, name, table, column, row, !readonly, &handle);
    if (rc == SQLITE_MISUSE) {
        return sq_raise(SQ_INTERFACE, "%s", sqlite3_errstr(rc));
    }
    if (rc != SQLITE_OK) {
        return sq_set_error(c->db);
    }
    Blob *b = (Blob *)gc_alloc(&type_blob, sizeof(Blob));
    if (!b) {
        sqlite3_blob_close(handle);
        return 0;
    }
    b->blob = handle;
    b->connection = val_from_ptr(c);
    Value v = val_from_ptr(b);
    return list_append(c->blobs, v) < 0 ? 0 : v;
}

static int blob_check(Blob *b) {
    Connection *c = conn_of(b->connection);
    if (conn_check_open(c) < 0 || conn_check_thread(c) < 0) {
        return -1;
    }
    if (!b->blob) {
        sq_raise(SQ_PROGRAMMING, "Cannot operate on a closed blob.");
        return -1;
    }
    return 0;
}

// length bytes from offset as bytes.
static Value blob_read_at(Blob *b, int length, int offset) {
    BytesObject *out = bytes_alloc((size_t)length);
    if (!out) {
        return 0;
    }
    int rc = sqlite3_blob_read(b->blob, out->data, length, offset);  // GIL: release here
    if (rc != SQLITE_OK) {
        return sq_set_error(conn_of(b->connection)->db);
    }
    return val_from_ptr(out);
}

static int blob_write_at(Blob *b, const void *p, int length, int offset) {
    int rc = sqlite3_blob_write(b->blob, p, length, offset);  // GIL: release here
    if (rc != SQLITE_OK) {
        sq_set_error(conn_of(b->connection)->db);
        return -1;
    }
    return 0;
}

FN(blob_close) {
    if (method_check_args("Blob.close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Blob *b = blob_of(self);
    Connection *c = conn_of(b->connection);
    if (conn_check_open(c) < 0 || conn_check_thread(c) < 0) {
        return 0;
    }
    blob_free(val_ptr(self));
    return VAL_NONE;
}

FN(blob_read) {
    int length = -1;
    if (args_no_keywords("Blob.read", kwnames) < 0 || args_check_positional("read", nargs, 0, 1) < 0 ||
        (nargs == 1 && sq_int_arg(args[0], &length) < 0)) {
        return 0;
    }
    Blob *b = blob_of(self);
    if (blob_check(b) < 0) {
        return 0;
    }
    int avail = sqlite3_blob_bytes(b->blob) - b->offset;
    if (length < 0 || length > avail) {
        length = avail;
    }
    Value r = blob_read_at(b, length, b->offset);
    if (r) {
        b->offset += length;
    }
    return r;
}

FN(blob_write) {
    if (args_no_keywords("Blob.write", kwnames) < 0 || args_check_positional("write", nargs, 1, 1) < 0) {
        return 0;
    }
    Blob *b = blob_of(self);
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    if (blob_check(b) < 0) {
        buffer_release(&view);
        return 0;
    }
    Value r = VAL_NONE;
    if (view.len > INT_MAX) {
        r = err_format(&exc_OverflowError, "data longer than INT_MAX bytes");
    } else if (view.len > sqlite3_blob_bytes(b->blob) - b->offset) {
        r = err_format(&exc_ValueError, "data longer than blob length");
    } else if (blob_write_at(b, view.buf, (int)view.len, b->offset) < 0) {
        r = 0;
    } else {
        b->offset += (int)view.len;
    }
    buffer_release(&view);
    return r;
}

FN(blob_seek) {
    int offset, origin = 0;
    if (args_no_keywords("Blob.seek", kwnames) < 0 || args_check_positional("seek", nargs, 1, 2) < 0 ||
        sq_int_arg(args[0], &offset) < 0 || (nargs == 2 && sq_int_arg(args[1], &origin) < 0)) {
        return 0;
    }
    Blob *b = blob_of(self);
    if (blob_check(b) < 0) {
        return 0;
    }
    int len = sqlite3_blob_bytes(b->blob);
    switch (origin) {
    case 0:
        break;
    case 1:
        if (offset > INT_MAX - b->offset) {
            return err_format(&exc_OverflowError, "seek offset results in overflow");
        }
        offset += b->offset;
        break;
    case 2:
        if (offset > INT_MAX - len) {
            return err_format(&exc_OverflowError, "seek offset results in overflow");
        }
        offset += len;
        break;
    default:
        return err_format(&exc_ValueError,
                          "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END");
    }
    if (offset < 0 || offset > len) {
        return err_format(&exc_ValueError, "offset out of blob range");
    }
    b->offset = offset;
    return VAL_NONE;
}

FN(blob_tell) {
    if (method_check_args("Blob.tell", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Blob *b = blob_of(self);
    if (blob_check(b) < 0) {
        return 0;
    }
    return int_from_i64(b->offset);
}

FN(blob_enter) {
    if (method_check_args("Blob.__enter__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return blob_check(blob_of(self)) < 0 ? 0 : self;
}

FN(blob_exit) {
    if (args_no_keywords("Blob.__exit__", kwnames) < 0 ||
        args_check_positional("__exit__", nargs, 3, 3) < 0) {
        return 0;
    }
    if (blob_check(blob_of(self)) < 0) {
        return 0;
    }
    blob_free(val_ptr(self));
    return VAL_FALSE;
}

static int64_t blob_len(Value self) {
    Blob *b = blob_of(self);
    if (blob_check(b) < 0) {
        return -1;
    }
    return sqlite3_blob_bytes(b->blob);
}

static Value blob_getitem(Value self, Value key) {
    Blob *b = blob_of(self);
    if (blob_check(b) < 0) {
        return 0;
    }
    int64_t len = sqlite3_blob_bytes(b->blob);
    if (type_of(key)->index && !slice_check(key)) {
        int64_t i;
        if (obj_as_index(key, &i, 0) < 0) {
            if (err_matches(&exc_OverflowError)) {
                err_clear();
                return err_format(&exc_IndexError, "cannot fit 'int' into an index-sized integer");
            }
            return 0;
        }
        if (i < 0) {
            i += len;
        }
        if (i < 0 || i >= len) {
            return err_format(&exc_IndexError, "Blob index out of range");
        }
        Value one = blob_read_at(b, 1, (int)i);
        return one ? int_from_i64((unsigned char)bytes_data(one)[0]) : 0;
    }
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, len, &start, &stop, &step, &n) < 0) {
            return 0;
        }
        if (n <= 0) {
            return bytes_from("", 0);
        }
        if (step == 1) {
            return blob_read_at(b, (int)n, (int)start);
        }
        // Read the span the slice covers, then pick every step-th byte.
        int64_t base = step > 0 ? start : stop + 1;
        int64_t span = step > 0 ? stop - start : start - stop;
        Value all = blob_read_at(b, (int)span, (int)base);
        if (!all) {
            return 0;
        }
        BytesObject *out = bytes_alloc((size_t)n);
        if (!out) {
            return 0;
        }
        for (int64_t k = 0; k < n; k++) {
            out->data[k] = bytes_data(all)[start + k * step - base];
        }
        return val_from_ptr(out);
    }
    return err_format(&exc_TypeError, "Blob indices must be integers");
}

static int blob_setitem(Value self, Value key, Value value) {
    Blob *b = blob_of(self);
    if (blob_check(b) < 0) {
        return -1;
    }
    if (!value) {
        err_format(&exc_TypeError, "Blob doesn't support item deletion");
        return -1;
    }
    int64_t len = sqlite3_blob_bytes(b->blob);
    if (type_of(key)->index && !slice_check(key)) {
        int64_t i, byte;
        if (obj_as_index(key, &i, 0) < 0) {
            if (err_matches(&exc_OverflowError)) {
                err_clear();
                err_format(&exc_IndexError, "cannot fit 'int' into an index-sized integer");
            }
            return -1;
        }
        if (i < 0) {
            i += len;
        }
        if (i < 0 || i >= len) {
            err_format(&exc_IndexError, "Blob index out of range");
            return -1;
        }
        if (!int_check(value)) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       obj_type_name(value));
            return -1;
        }
        if (int_to_i64(value, &byte) < 0 || byte < 0 || byte > 255) {
            err_clear();
            err_format(&exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        unsigned char c = (unsigned char)byte;
        return blob_write_at(b, &c, 1, (int)i);
    }
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, len, &start, &stop, &step, &n) < 0) {
            return -1;
        }
        Buffer view;
        if (buffer_get_bytes_like(value, &view) < 0) {
            return -1;
        }
        int rc = 0;
        if (view.len != n) {
            err_format(&exc_IndexError, "Blob slice assignment is wrong size");
            rc = -1;
        } else if (n == 0) {
            rc = 0;
        } else if (step == 1) {
            rc = blob_write_at(b, view.buf, (int)n, (int)start);
        } else {
            for (int64_t k = 0; k < n && rc == 0; k++) {
                rc = blob_write_at(b, view.buf + k, 1, (int)(start + k * step));
            }
        }
        buffer_release(&view);
        return rc;
    }
    err_format(&exc_TypeError, "Blob indices must be integers");
    return -1;
}

static const MethodDef blob_methods[] = {
    {"close", blob_close, METH_DEFAULT, "Close the blob."},
    {"read", blob_read, METH_DEFAULT, "Read data at the current offset position."},
    {"write", blob_write, METH_DEFAULT, "Write data at the current offset."},
    {"seek", blob_seek, METH_DEFAULT, "Set the current access position to offset."},
    {"tell", blob_tell, METH_DEFAULT, "Return the current access position for the blob."},
    {"__enter__", blob_enter, METH_DEFAULT, "Blob context manager enter."},
    {"__exit__", blob_exit, METH_DEFAULT, "Blob context manager exit."},
    {NULL, NULL, 0, NULL},
};

static Type type_blob = {
    .header = {&type_type},
    .name = "sqlite3.Blob",
    .flags = TYPE_HAS_WEAKREF,
    .basic_size = sizeof(Blob),
    .base = &type_object,
    .trace = blob_trace,
    .free = blob_free,
    .len = blob_len,
    .getitem = blob_getitem,
    .setitem = blob_setitem,
    .methods = blob_methods,
};

// ---- the module functions --------------------------------------------------------------------------

// connect(...): the factory (argument 6, or the keyword `factory`) called
// with every argument, so that the argument errors are Connection()'s.
FN(sq_connect) {
    Value factory = val_from_ptr(&type_connection);
    if (nargs > 5) {
        factory = args[5];
    } else {
        size_t nkw = args_nkw(kwnames);
        for (size_t i = 0; i < nkw; i++) {
            if (strcmp(str_obj(tuple_obj(kwnames)->items[i])->data, "factory") == 0) {
                factory = args[nargs + i];
                break;
            }
        }
    }
    return obj_call(factory, args, nargs, kwnames);
}

FN(sq_complete_statement) {
    static const char *const names[] = {"statement", NULL};
    static const ArgSpec spec = {"complete_statement", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 ||
        sq_check_str_kw("complete_statement", "statement", a[0]) < 0 || !sq_utf8(a[0])) {
        return 0;
    }
    if (strlen(str_obj(a[0])->data) != str_obj(a[0])->nbytes) {
        return err_format(&exc_ValueError, "embedded null character");
    }
    return val_bool(sqlite3_complete(str_obj(a[0])->data));
}

FN(sq_enable_shared_cache) {
    static const char *const names[] = {"do_enable", NULL};
    static const ArgSpec spec = {"enable_shared_cache", 0, names, 1, 1, 0};
    Value a[1];
    int on;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || sq_int_arg(a[0], &on) < 0) {
        return 0;
    }
    if (sqlite3_enable_shared_cache(on) != SQLITE_OK) {
        return sq_raise(SQ_OPERATIONAL, "Changing the shared_cache flag failed");
    }
    return VAL_NONE;
}

FN(sq_register_adapter) {
    if (args_no_keywords("register_adapter", kwnames) < 0 ||
        args_check_positional("register_adapter", nargs, 2, 2) < 0) {
        return 0;
    }
    Value t = args[0];
    if (t == val_from_ptr(&type_int) || t == val_from_ptr(&type_float) ||
        t == val_from_ptr(&type_str) || t == val_from_ptr(&type_bytearray)) {
        sq_base_type_adapted = 1;
    }
    Value key = tuple_pack2(t, val_from_ptr(&type_prepare_protocol));
    if (!key || dict_set(sq_adapters, key, args[1]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(sq_register_converter) {
    if (args_no_keywords("register_converter", kwnames) < 0 ||
        args_check_positional("register_converter", nargs, 2, 2) < 0 ||
        sq_check_str("register_converter", 1, args[0]) < 0) {
        return 0;
    }
    Value name = obj_call_method(args[0], "upper", NULL, 0);
    if (!name || dict_set(sq_converters, name, args[1]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(sq_adapt_fn) {
    if (args_no_keywords("adapt", kwnames) < 0 ||
        args_check_positional("adapt", nargs, 1, 3) < 0) {
        return 0;
    }
    Value proto = nargs > 1 ? args[1] : val_from_ptr(&type_prepare_protocol);
    return sq_adapt(args[0], proto, nargs > 2 ? args[2] : 0);
}

FN(sq_enable_callback_tracebacks) {
    int on;
    if (args_no_keywords("enable_callback_tracebacks", kwnames) < 0 ||
        args_check_positional("enable_callback_tracebacks", nargs, 1, 1) < 0 ||
        sq_int_arg(args[0], &on) < 0) {
        return 0;
    }
    sq_callback_tracebacks = on;
    return VAL_NONE;
}

static const MethodDef sq_functions[] = {
    {"connect", sq_connect, METH_DEFAULT,
     "Opens a connection to the SQLite database file database.\n\nYou can use \":memory:\" to "
     "open a database connection to a database that resides\nin RAM instead of on disk."},
    {"complete_statement", sq_complete_statement, METH_DEFAULT,
     "Checks if a string contains a complete SQL statement."},
    {"enable_shared_cache", sq_enable_shared_cache, METH_DEFAULT,
     "Enable or disable shared cache mode for the calling thread."},
    {"register_adapter", sq_register_adapter, METH_DEFAULT,
     "Register a function to adapt Python objects to SQLite values."},
    {"register_converter", sq_register_converter, METH_DEFAULT,
     "Register a function to convert SQLite values to Python objects."},
    {"adapt", sq_adapt_fn, METH_DEFAULT, "Adapt given object to given protocol."},
    {"enable_callback_tracebacks", sq_enable_callback_tracebacks, METH_DEFAULT,
     "Enable or disable callback functions throwing errors to stderr."},
    {NULL, NULL, 0, NULL},
};

Value sqlite3_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Type *types[] = {&type_connection, &type_cursor, &type_row, &type_blob,
                     &type_prepare_protocol, &type_statement, &type_callback_ctx};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (type_ready(types[i]) < 0) {
            return 0;
        }
    }
    for (int i = 0; i < SQ_NEXC; i++) {
        gc_add_root(&sq_exc[i]);
    }
    gc_add_root(&sq_adapters);
    gc_add_root(&sq_converters);
    sq_adapters = dict_new();
    sq_converters = sq_adapters ? dict_new() : 0;
    Value m = sq_converters ? module_new_cstr("_sqlite3") : 0;
    if (!m || module_add_functions(m, sq_functions) < 0) {
        return 0;
    }
    static const struct {
        const char *name;
        int base;
    } excs[] = {
#define SQ_EXC_ROW_(id, name, base) {name, base},
        SQ_EXCEPTIONS(SQ_EXC_ROW_)
#undef SQ_EXC_ROW_
    };
    for (int i = 0; i < SQ_NEXC; i++) {
        Value base = excs[i].base < 0 ? val_from_ptr(&exc_Exception) : sq_exc[excs[i].base];
        Value bases = tuple_from(&base, 1);
        Value ns = bases ? dict_new() : 0;
        if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("sqlite3")) < 0) {
            return 0;
        }
        sq_exc[i] = type_new_class(&type_type, str_from_cstr(excs[i].name), bases, ns);
        if (!sq_exc[i] || module_add(m, excs[i].name, sq_exc[i]) < 0) {
            return 0;
        }
    }
    static const struct {
        const char *name;
        int value;
    } consts[] = {
#define SQ_CONST_ROW_(c) {#c, c},
        SQ_ERROR_CODES(SQ_CONST_ROW_) SQ_OTHER_CONSTANTS(SQ_CONST_ROW_)
#undef SQ_CONST_ROW_
        {"PARSE_DECLTYPES", PARSE_DECLTYPES}, {"PARSE_COLNAMES", PARSE_COLNAMES},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (module_add(m, consts[i].name, int_from_i64(consts[i].value)) < 0) {
            return 0;
        }
    }
    int ts = sqlite3_threadsafe();
    if (module_add(m, "Connection", val_from_ptr(&type_connection)) < 0 ||
        module_add(m, "Cursor", val_from_ptr(&type_cursor)) < 0 ||
        module_add(m, "Row", val_from_ptr(&type_row)) < 0 ||
        module_add(m, "Blob", val_from_ptr(&type_blob)) < 0 ||
        module_add(m, "PrepareProtocol", val_from_ptr(&type_prepare_protocol)) < 0 ||
        module_add(m, "adapters", sq_adapters) < 0 ||
        module_add(m, "converters", sq_converters) < 0 ||
        module_add(m, "version", str_from_cstr("2.6.0")) < 0 ||
        module_add(m, "sqlite_version", str_from_cstr(sqlite3_libversion())) < 0 ||
        module_add(m, "threadsafety", int_from_i64(ts == 0 ? 0 : ts == 1 ? 3 : 1)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}

MODULE_DYNLOAD_INIT(_sqlite3, sqlite3_module_init)
