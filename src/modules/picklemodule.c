// picklemodule.c - the `_pickle` module: the C Pickler and Unpickler that
// Lib/pickle.py uses when they exist, dump/dumps/load/loads, the three
// exception classes and PickleBuffer (PEP 574; pickle.py imports it from here).
//
// Behaviour is CPython 3.11's _pickle.c: the same opcodes for the same
// objects (so that `dumps` gives the same bytes: small frames are not
// framed, dicts and lists go out in batches of 1000, a list of one item uses
// APPEND), the same order of checks in save(), the same exception types and
// messages.
//
// How it is built:
//  - The Pickler writes into one malloc'ed output buffer. With protocol 4
//    and later the data is cut into frames: a frame's 9-byte header is
//    reserved when the frame opens and filled in (or squeezed out, for a
//    frame under 4 bytes) when it is committed. Payloads of 64 KiB and more
//    go outside frames; with a file they are written straight to it.
//  - The Pickler's memo maps objects (by identity: the Value's bits, the heap
//    never moves) to memo indices in an open-addressing table kept in
//    malloc'ed memory. The collector does not scan malloc'ed memory, so the
//    Pickler's trace function reports every key: the memo keeps the objects
//    it has seen alive, as CPython's does.
//  - The Unpickler's stack, memo and marks are malloc'ed arrays reported by
//    its trace function the same way. Unpickling never recurses in C: deeply
//    nested data costs heap, not C stack. Pickling recurses once per level
//    of nesting, guarded by vm_enter_call (RecursionError, never a crash).
//  - Input is read through a window on a bytes-like object (loads) or on the
//    bytes the file's read() returned; every read is bounds-checked, so a
//    truncated or corrupt pickle raises UnpicklingError/EOFError/ValueError.
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
#include "../runtime/memoryview.h"
#include "../runtime/module.h"
#include "../runtime/set.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/import.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum { HIGHEST_PROTOCOL = 5, DEFAULT_PROTOCOL = 4 };

// The opcodes (pickletools.py documents them).
enum {
    PK_MARK = '(', PK_STOP = '.', PK_POP = '0', PK_POP_MARK = '1', PK_DUP = '2',
    PK_FLOAT = 'F', PK_INT = 'I', PK_BININT = 'J', PK_BININT1 = 'K', PK_LONG = 'L',
    PK_BININT2 = 'M', PK_NONE = 'N', PK_PERSID = 'P', PK_BINPERSID = 'Q', PK_REDUCE = 'R',
    PK_STRING = 'S', PK_BINSTRING = 'T', PK_SHORT_BINSTRING = 'U', PK_UNICODE = 'V',
    PK_BINUNICODE = 'X', PK_APPEND = 'a', PK_BUILD = 'b', PK_GLOBAL = 'c', PK_DICT = 'd',
    PK_EMPTY_DICT = '}', PK_APPENDS = 'e', PK_GET = 'g', PK_BINGET = 'h', PK_INST = 'i',
    PK_LONG_BINGET = 'j', PK_LIST = 'l', PK_EMPTY_LIST = ']', PK_OBJ = 'o', PK_PUT = 'p',
    PK_BINPUT = 'q', PK_LONG_BINPUT = 'r', PK_SETITEM = 's', PK_TUPLE = 't',
    PK_EMPTY_TUPLE = ')', PK_SETITEMS = 'u', PK_BINFLOAT = 'G',
    // protocol 2
    PK_PROTO = 0x80, PK_NEWOBJ = 0x81, PK_EXT1 = 0x82, PK_EXT2 = 0x83, PK_EXT4 = 0x84,
    PK_TUPLE1 = 0x85, PK_TUPLE2 = 0x86, PK_TUPLE3 = 0x87, PK_NEWTRUE = 0x88,
    PK_NEWFALSE = 0x89, PK_LONG1 = 0x8a, PK_LONG4 = 0x8b,
    // protocol 3
    PK_BINBYTES = 'B', PK_SHORT_BINBYTES = 'C',
    // protocol 4
    PK_SHORT_BINUNICODE = 0x8c, PK_BINUNICODE8 = 0x8d, PK_BINBYTES8 = 0x8e,
    PK_EMPTY_SET = 0x8f, PK_ADDITEMS = 0x90, PK_FROZENSET = 0x91, PK_NEWOBJ_EX = 0x92,
    PK_STACK_GLOBAL = 0x93, PK_MEMOIZE = 0x94, PK_FRAME = 0x95,
    // protocol 5
    PK_BYTEARRAY8 = 0x96, PK_NEXT_BUFFER = 0x97, PK_READONLY_BUFFER = 0x98,
};

enum {
    BATCHSIZE = 1000,         // items per APPENDS / SETITEMS / ADDITEMS
    FAST_NESTING_LIMIT = 50,  // "fast" mode starts checking for cycles this deep
    WRITE_BUF_SIZE = 4096,
    FRAME_SIZE_MIN = 4,
    FRAME_SIZE_TARGET = 64 * 1024,
    FRAME_HEADER_SIZE = 9,
};

// ---- module state -----------------------------------------------------------------------------

static Value PickleError, PicklingError, UnpicklingError;
static Value st_dispatch_table;        // copyreg.dispatch_table
static Value st_extension_registry;    // copyreg._extension_registry
static Value st_inverted_registry;     // copyreg._inverted_registry
static Value st_extension_cache;       // copyreg._extension_cache
static Value st_name_2to3, st_import_2to3, st_name_3to2, st_import_3to2;  // _compat_pickle
static Value st_codecs_encode, st_getattr, st_partial;
static Value spare_pickler, spare_unpickler;  // see module_pickler

static Value *const state_roots[] = {
    &PickleError, &PicklingError, &UnpicklingError, &st_dispatch_table,
    &st_extension_registry, &st_inverted_registry, &st_extension_cache, &st_name_2to3,
    &st_import_2to3, &st_name_3to2, &st_import_3to2, &st_codecs_encode, &st_getattr,
    &st_partial, &spare_pickler, &spare_unpickler,
};

static Type type_pickler, type_unpickler, type_pickler_memoproxy, type_unpickler_memoproxy,
    type_picklebuffer;

// Raise the exception class `cls` (a Value) with the str `msg` (0: the
// formatting failed and its exception is pending). Returns 0.
static Value raise_msg(Value cls, Value msg) {
    if (!msg) {
        return 0;
    }
    Value exc = obj_call1(cls, msg);
    return exc ? err_set_value(exc) : 0;
}
#define RAISE(cls, ...) raise_msg((cls), str_format_c(__VA_ARGS__))

// Interned attribute names, made once at module init.
static Value id_class, id_dict, id_getinitargs, id_module, id_name, id_new, id_qualname, id_reduce, id_reduce_ex, id_setstate, id__codecs, id_add, id_append, id_dispatch_table, id_extend, id_latin1, id_peek, id_persistent_id, id_persistent_load, id_read, id_readinto, id_readline, id_reducer_override, id_write;

// PyImport_Import: import `name` (a str) and return sys.modules[name].
static Value import_by_name(Value name) {
    // A module already in sys.modules is what __import__ would return
    // (krait runs one thread: no other thread can be initializing it).
    Value mods = sys_modules_dict();
    if (mods && dict_check_exact(mods)) {
        Value m = dict_get(mods, name);
        if (m && m != VAL_NONE) {
            return m;
        }
        if (err_occurred()) {
            return 0;
        }
    }
    Value top = import_module_level(name, 0, 0, 0);
    if (!top) {
        return 0;
    }
    mods = sys_modules_dict();
    if (!mods) {
        return 0;
    }
    Value m = dict_check(mods) ? dict_get(mods, name) : obj_getitem(mods, name);
    if (!m && !err_occurred()) {
        return err_key_error(name);
    }
    return m;
}

static int callable_check(Value v) {
    return type_of(v)->call != NULL;
}

// ---- the pickler's memo -----------------------------------------------------------------------

typedef struct MemoEntry {
    Value key;      // 0: empty
    int64_t value;
} MemoEntry;

typedef struct MemoTable {
    size_t mask, used, allocated;
    MemoEntry *table;
} MemoTable;

enum { MT_MINSIZE = 8 };

static int memo_init(MemoTable *m) {
    m->table = calloc(MT_MINSIZE, sizeof *m->table);
    if (!m->table) {
        err_no_memory();
        return -1;
    }
    m->allocated = MT_MINSIZE;
    m->mask = MT_MINSIZE - 1;
    m->used = 0;
    return 0;
}

static void memo_free(MemoTable *m) {
    free(m->table);
    m->table = NULL;
    m->used = m->allocated = 0;
    m->mask = 0;
}

static void memo_clear(MemoTable *m) {
    if (m->table) {
        memset(m->table, 0, m->allocated * sizeof *m->table);
    }
    m->used = 0;
}

static MemoEntry *memo_lookup(const MemoTable *m, Value key) {
    size_t mask = m->mask;
    // Fibonacci hashing: heap cells are 16-byte aligned and size-segregated,
    // so the low bits of the address alone cluster
    uint64_t x = (uint64_t)key * 0x9E3779B97F4A7C15u;
    size_t h = (size_t)(x ^ (x >> 29));
    size_t i = h & mask;
    MemoEntry *e = &m->table[i];
    if (!e->key || e->key == key) {
        return e;
    }
    for (size_t perturb = h;; perturb >>= 5) {
        i = (i << 2) + i + perturb + 1;
        e = &m->table[i & mask];
        if (!e->key || e->key == key) {
            return e;
        }
    }
}

static inline int64_t *memo_get_index(const MemoTable *m, Value key) {
    if (!m->table) {
        return NULL;
    }
    MemoEntry *e = memo_lookup(m, key);
    return e->key ? &e->value : NULL;
}

static int memo_resize(MemoTable *m, size_t min_size) {
    size_t n = MT_MINSIZE;
    while (n < min_size) {
        n <<= 1;
    }
    MemoEntry *old = m->table;
    size_t old_alloc = m->allocated;
    m->table = calloc(n, sizeof *m->table);
    if (!m->table) {
        m->table = old;
        err_no_memory();
        return -1;
    }
    m->allocated = n;
    m->mask = n - 1;
    for (size_t i = 0; i < old_alloc; i++) {
        if (old[i].key) {
            MemoEntry *e = memo_lookup(m, old[i].key);
            *e = old[i];
        }
    }
    free(old);
    return 0;
}

static int memo_set(MemoTable *m, Value key, int64_t value) {
    if (!m->table && memo_init(m) < 0) {
        return -1;
    }
    MemoEntry *e = memo_lookup(m, key);
    if (e->key) {
        e->value = value;
        return 0;
    }
    e->key = key;
    e->value = value;
    m->used++;
    if (m->used * 3 < m->allocated * 2) {
        return 0;
    }
    return memo_resize(m, (m->used > 50000 ? 2 : 4) * m->used);
}

static int memo_copy(MemoTable *dst, const MemoTable *src) {
    dst->table = malloc((src->allocated ? src->allocated : 1) * sizeof *dst->table);
    if (!dst->table) {
        err_no_memory();
        return -1;
    }
    if (src->table) {
        memcpy(dst->table, src->table, src->allocated * sizeof *dst->table);
        dst->allocated = src->allocated;
        dst->mask = src->mask;
        dst->used = src->used;
    } else {
        free(dst->table);
        return memo_init(dst);
    }
    return 0;
}

// ---- the Pickler object -----------------------------------------------------------------------

typedef struct PicklerObject {
    Object header;
    MemoTable memo;
    Value pers_func;          // persistent_id, or 0
    Value dispatch_table;     // the private dispatch_table, or 0
    Value reducer_override;   // looked up for each dump, or 0
    Value write;              // the file's write method; 0 for dumps
    Value fast_memo;          // a dict, for fast mode's cycle check
    Value buffer_callback;    // or 0
    char *out;                // the output buffer
    size_t out_len, out_cap;
    int64_t frame_start;      // where the open frame's header is, or -1
    int proto, bin, framing, fast, fast_nesting, fix_imports;
    int initialized;          // __init__ ran (dump refuses otherwise)
} PicklerObject;

static void pickler_trace(Object *o, GcTracer *t) {
    PicklerObject *p = (PicklerObject *)o;
    gc_trace_value(t, p->pers_func);
    gc_trace_value(t, p->dispatch_table);
    gc_trace_value(t, p->reducer_override);
    gc_trace_value(t, p->write);
    gc_trace_value(t, p->fast_memo);
    gc_trace_value(t, p->buffer_callback);
    if (p->memo.table) {
        for (size_t i = 0; i < p->memo.allocated; i++) {
            if (p->memo.table[i].key) {
                gc_trace_value(t, p->memo.table[i].key);
            }
        }
    }
}

static void pickler_free(Object *o) {
    PicklerObject *p = (PicklerObject *)o;
    memo_free(&p->memo);
    free(p->out);
    p->out = NULL;
}

static int out_reserve(PicklerObject *p, size_t n) {
    if (p->out_len + n <= p->out_cap) {
        return 0;
    }
    size_t cap = (p->out_len + n) / 2 * 3;
    if (cap < WRITE_BUF_SIZE) {
        cap = WRITE_BUF_SIZE;
    }
    char *d = realloc(p->out, cap);
    if (!d) {
        err_no_memory();
        return -1;
    }
    p->out = d;
    p->out_cap = cap;
    return 0;
}

// The slow path of pk_write: growing the buffer, opening a frame.
static int pk_write_slow(PicklerObject *p, const void *s, size_t n) {
    int new_frame = p->framing && p->frame_start == -1;
    if (out_reserve(p, n + (new_frame ? FRAME_HEADER_SIZE : 0)) < 0) {
        return -1;
    }
    if (new_frame) {
        p->frame_start = (int64_t)p->out_len;
        memset(p->out + p->out_len, 0xFE, FRAME_HEADER_SIZE);
        p->out_len += FRAME_HEADER_SIZE;
    }
    memcpy(p->out + p->out_len, s, n);
    p->out_len += n;
    return 0;
}

static inline int pk_write(PicklerObject *p, const void *s, size_t n) {
    if (__builtin_expect((p->frame_start != -1 || !p->framing) && n <= 16 &&
                             p->out_len + 16 <= p->out_cap, 1)) {
        // short opcodes: a fixed-size copy the compiler inlines
        char *d = p->out + p->out_len;
        if (n <= 8) {
            for (size_t i = 0; i < n; i++) {
                d[i] = ((const char *)s)[i];
            }
        } else {
            memcpy(d, s, n);
        }
        p->out_len += n;
        return 0;
    }
    return pk_write_slow(p, s, n);
}

static inline int pk_write1(PicklerObject *p, unsigned char c) {
    if (__builtin_expect((p->frame_start != -1 || !p->framing) && p->out_len < p->out_cap, 1)) {
        p->out[p->out_len++] = (char)c;
        return 0;
    }
    return pk_write_slow(p, &c, 1);
}

static void put_le(unsigned char *out, uint64_t v, int n) {
    for (int i = 0; i < n; i++) {
        out[i] = (unsigned char)(v >> (8 * i));
    }
}

static void commit_frame(PicklerObject *p) {
    if (!p->framing || p->frame_start == -1) {
        return;
    }
    size_t start = (size_t)p->frame_start;
    size_t len = p->out_len - start - FRAME_HEADER_SIZE;
    unsigned char *q = (unsigned char *)p->out + start;
    if (len >= FRAME_SIZE_MIN) {
        q[0] = PK_FRAME;
        put_le(q + 1, len, 8);
    } else {
        memmove(q, q + FRAME_HEADER_SIZE, len);
        p->out_len -= FRAME_HEADER_SIZE;
    }
    p->frame_start = -1;
}

static void clear_buffer(PicklerObject *p) {
    p->out_len = 0;
    p->frame_start = -1;
}

// The output so far as bytes (the open frame committed), the buffer emptied.
static Value take_output(PicklerObject *p) {
    commit_frame(p);
    Value b = bytes_from(p->out ? p->out : "", p->out_len);
    if (b) {
        clear_buffer(p);
    }
    return b;
}

static int flush_to_file(PicklerObject *p) {
    Value b = take_output(p);
    return b && obj_call1(p->write, b) ? 0 : -1;
}

static inline int opcode_boundary(PicklerObject *p) {
    if (p->frame_start == -1 ||
        p->out_len < (size_t)p->frame_start + FRAME_HEADER_SIZE + FRAME_SIZE_TARGET) {
        return 0;
    }
    if (p->framing) {
        commit_frame(p);
        if (p->write) {
            return flush_to_file(p);
        }
    }
    return 0;
}

// A header and a payload: a large payload goes outside any frame, and
// straight to the file when there is one.
static int write_bytes(PicklerObject *p, const unsigned char *header, size_t hlen,
                       const char *data, size_t n, Value payload) {
    int bypass = n >= FRAME_SIZE_TARGET;
    int framing = p->framing;
    if (bypass) {
        commit_frame(p);
        p->framing = 0;
    }
    if (pk_write(p, header, hlen) < 0) {
        p->framing = framing;
        return -1;
    }
    if (bypass && p->write) {
        if (flush_to_file(p) < 0) {
            p->framing = framing;
            return -1;
        }
        Value b = payload ? payload : bytes_from(data, n);
        if (!b || !obj_call1(p->write, b)) {
            p->framing = framing;
            return -1;
        }
        clear_buffer(p);
    } else if (pk_write(p, data, n) < 0) {
        p->framing = framing;
        return -1;
    }
    p->framing = framing;
    return 0;
}

static int memo_get_op(PicklerObject *p, Value key) {
    int64_t *v = memo_get_index(&p->memo, key);
    if (!v) {
        err_key_error(key);
        return -1;
    }
    unsigned char buf[32];
    size_t n;
    if (!p->bin) {
        n = (size_t)snprintf((char *)buf, sizeof buf, "g%lld\n", (long long)*v);
    } else if (*v < 256) {
        buf[0] = PK_BINGET;
        buf[1] = (unsigned char)*v;
        n = 2;
    } else if ((uint64_t)*v <= 0xffffffffu) {
        buf[0] = PK_LONG_BINGET;
        put_le(buf + 1, (uint64_t)*v, 4);
        n = 5;
    } else {
        RAISE(PicklingError, "memo id too large for LONG_BINGET");
        return -1;
    }
    return pk_write(p, buf, n);
}

static int memo_put(PicklerObject *p, Value obj) {
    if (p->fast) {
        return 0;
    }
    int64_t idx = (int64_t)p->memo.used;
    if (memo_set(&p->memo, obj, idx) < 0) {
        return -1;
    }
    unsigned char buf[32];
    size_t n;
    if (p->proto >= 4) {
        return pk_write1(p, PK_MEMOIZE);
    } else if (!p->bin) {
        n = (size_t)snprintf((char *)buf, sizeof buf, "p%lld\n", (long long)idx);
    } else if (idx < 256) {
        buf[0] = PK_BINPUT;
        buf[1] = (unsigned char)idx;
        n = 2;
    } else if ((uint64_t)idx <= 0xffffffffu) {
        buf[0] = PK_LONG_BINPUT;
        put_le(buf + 1, (uint64_t)idx, 4);
        n = 5;
    } else {
        RAISE(PicklingError, "memo id too large for LONG_BINPUT");
        return -1;
    }
    return pk_write(p, buf, n);
}

// ---- names: dotted paths, whichmodule ---------------------------------------------------------

// name.split('.') as a list, refusing '<locals>' parts.
static Value get_dotted_path(Value obj, Value name) {
    Value parts = list_new(4);
    if (!parts) {
        return 0;
    }
    const char *s = str_obj(name)->data;
    size_t n = str_obj(name)->nbytes, start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '.') {
            Value part = str_from_utf8(s + start, i - start);
            if (!part || list_append(parts, part) < 0) {
                return 0;
            }
            if (i - start == 8 && memcmp(s + start, "<locals>", 8) == 0) {
                if (!obj) {
                    return RAISE(val_from_ptr(&exc_AttributeError),
                                 "Can't pickle local object %R", name);
                }
                return RAISE(val_from_ptr(&exc_AttributeError),
                             "Can't pickle local attribute %R on %R", name, obj);
            }
            start = i + 1;
        }
    }
    return parts;
}

// getattr along the dotted path; 0 (an AttributeError cleared, any other
// error pending) when a step is missing. *parent gets the last container.
static Value get_deep_attribute(Value obj, Value names, Value *parent) {
    ListObject *l = list_obj(names);
    Value par = 0;
    for (size_t i = 0; i < l->len; i++) {
        par = obj;
        Value name = l->items[i];
        obj = obj_getattr_opt(par, str_intern(name));
        if (!obj) {
            return 0;
        }
    }
    if (parent) {
        *parent = par;
    }
    return obj;
}

// An interned copy of a str (attribute names); anything else as it is.
static Value str_check_intern(Value s) {
    return val_is_str(s) ? str_intern(s) : s;
}

static Value getattribute(Value obj, Value name, int allow_qualname) {
    Value attr;
    if (allow_qualname) {
        Value path = get_dotted_path(obj, name);
        if (!path) {
            return 0;
        }
        attr = get_deep_attribute(obj, path, NULL);
    } else {
        attr = obj_getattr_opt(obj, str_check_intern(name));
    }
    if (!attr && !err_occurred()) {
        return RAISE(val_from_ptr(&exc_AttributeError), "Can't get attribute %R on %R", name,
                     obj);
    }
    return attr;
}

static Value whichmodule(Value global, Value dotted_path) {
    Value module_name = obj_getattr_opt(global, id_module);
    if (!module_name && err_occurred()) {
        return 0;
    }
    if (module_name && module_name != VAL_NONE) {
        return module_name;
    }
    Value modules = sys_modules_dict();
    if (!modules) {
        return 0;
    }
    if (dict_check(modules)) {
        size_t pos = 0;
        Value k, m;
        while (dict_next(modules, &pos, &k, &m)) {
            if (m == VAL_NONE || (val_is_str(k) && strcmp(str_obj(k)->data, "__main__") == 0)) {
                continue;
            }
            Value cand = get_deep_attribute(m, dotted_path, NULL);
            if (cand == global) {
                return k;
            }
            if (!cand && err_occurred()) {
                return 0;
            }
        }
    }
    return str_intern_cstr("__main__");
}


// ---- saving -----------------------------------------------------------------------------------

static int save(PicklerObject *p, Value obj, int pers_save);
static int save_reduce(PicklerObject *p, Value args, Value obj);

static int fast_save_enter(PicklerObject *p, Value obj) {
    if (++p->fast_nesting >= FAST_NESTING_LIMIT) {
        if (!p->fast_memo && !(p->fast_memo = dict_new())) {
            p->fast_nesting = -1;
            return 0;
        }
        Value key = int_from_u64((uint64_t)obj);
        if (!key) {
            p->fast_nesting = -1;
            return 0;
        }
        int r = dict_contains(p->fast_memo, key);
        if (r > 0) {
            RAISE(val_from_ptr(&exc_ValueError),
                  "fast mode: can't pickle cyclic objects including object type %s at %p",
                  type_of(obj)->name, (void *)obj);
            r = -1;
        } else if (r == 0) {
            r = dict_set(p->fast_memo, key, VAL_NONE);
        }
        if (r != 0) {
            p->fast_nesting = -1;
            return 0;
        }
    }
    return 1;
}

static int fast_save_leave(PicklerObject *p, Value obj) {
    if (p->fast_nesting-- >= FAST_NESTING_LIMIT) {
        Value key = int_from_u64((uint64_t)obj);
        if (!key || dict_del(p->fast_memo, key) < 0) {
            return 0;
        }
    }
    return 1;
}

static int save_bool(PicklerObject *p, Value obj) {
    if (p->proto >= 2) {
        return pk_write1(p, obj == VAL_TRUE ? PK_NEWTRUE : PK_NEWFALSE);
    }
    return pk_write(p, obj == VAL_TRUE ? "I01\n" : "I00\n", 4);
}

// The magnitude of an int as little-endian bytes into a malloc'ed buffer
// of `nbytes` bytes in two's complement (sign-extended).
static unsigned char *int_twos_complement(Value v, size_t *nbytes_out, int *sign_out) {
    uint64_t small;
    const uint64_t *limbs;
    size_t nl;
    int neg;
    if (val_is_smallint(v)) {
        int64_t x = val_smallint(v);
        neg = x < 0;
        small = neg ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        limbs = &small;
        nl = 1;
    } else {
        IntObject *o = (IntObject *)val_ptr(v);
        neg = o->size < 0;
        nl = (size_t)(neg ? -o->size : o->size);
        limbs = o->limbs;
    }
    while (nl > 0 && limbs[nl - 1] == 0) {
        nl--;
    }
    if (nl == 0) {
        *sign_out = 0;
        *nbytes_out = 0;
        return NULL;
    }
    size_t nbits = (nl - 1) * 64 + (size_t)(64 - __builtin_clzll(limbs[nl - 1]));
    size_t nbytes = (nbits >> 3) + 1;
    unsigned char *d = malloc(nbytes);
    if (!d) {
        err_no_memory();
        return NULL;
    }
    unsigned carry = 1;
    for (size_t i = 0; i < nbytes; i++) {
        size_t li = i / 8;
        unsigned char b = li < nl ? (unsigned char)(limbs[li] >> (8 * (i % 8))) : 0;
        if (neg) {
            unsigned x = (unsigned)(unsigned char)~b + carry;
            d[i] = (unsigned char)x;
            carry = x >> 8;
        } else {
            d[i] = b;
        }
    }
    if (neg && nbytes > 1 && d[nbytes - 1] == 0xff && (d[nbytes - 2] & 0x80)) {
        nbytes--;
    }
    *sign_out = neg ? -1 : 1;
    *nbytes_out = nbytes;
    return d;
}

static int save_long(PicklerObject *p, Value obj) {
    if (val_is_smallint(obj)) {
        int64_t v = val_smallint(obj);
        if (v >= INT32_MIN && v <= INT32_MAX) {
            unsigned char buf[32];
            size_t n;
            if (p->bin) {
                uint32_t u = (uint32_t)v;
                put_le(buf + 1, u, 4);
                if (buf[4] || buf[3]) {
                    buf[0] = PK_BININT;
                    n = 5;
                } else if (buf[2]) {
                    buf[0] = PK_BININT2;
                    n = 3;
                } else {
                    buf[0] = PK_BININT1;
                    n = 2;
                }
            } else {
                n = (size_t)snprintf((char *)buf, sizeof buf, "I%lld\n", (long long)v);
            }
            return pk_write(p, buf, n);
        }
    }
    if (p->proto >= 2) {
        size_t nbytes;
        int sign;
        unsigned char *d = int_twos_complement(obj, &nbytes, &sign);
        if (sign == 0) {
            if (err_occurred()) {
                return -1;
            }
            unsigned char h[2] = {PK_LONG1, 0};
            return pk_write(p, h, 2);
        }
        if (!d) {
            return -1;
        }
        if (nbytes > 0x7fffffffu) {
            free(d);
            RAISE(val_from_ptr(&exc_OverflowError), "int too large to pickle");
            return -1;
        }
        unsigned char h[5];
        size_t hl;
        if (nbytes < 256) {
            h[0] = PK_LONG1;
            h[1] = (unsigned char)nbytes;
            hl = 2;
        } else {
            h[0] = PK_LONG4;
            put_le(h + 1, nbytes, 4);
            hl = 5;
        }
        int r = pk_write(p, h, hl) < 0 || pk_write(p, d, nbytes) < 0 ? -1 : 0;
        free(d);
        return r;
    }
    Value repr = obj_repr(obj);
    if (!repr) {
        return -1;
    }
    if (pk_write1(p, PK_LONG) < 0 || pk_write(p, str_obj(repr)->data, str_obj(repr)->nbytes) < 0 ||
        pk_write(p, "L\n", 2) < 0) {
        return -1;
    }
    return 0;
}

static int save_float(PicklerObject *p, Value obj) {
    double x = float_value(obj);
    if (p->bin) {
        unsigned char buf[9];
        uint64_t bits;
        memcpy(&bits, &x, 8);
        buf[0] = PK_BINFLOAT;
        for (int i = 0; i < 8; i++) {
            buf[1 + i] = (unsigned char)(bits >> (56 - 8 * i));
        }
        return pk_write(p, buf, 9);
    }
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, PK_FLOAT);
    float_format_repr(&sb, x, FLOAT_FMT_ADD_DOT_0);
    sb_putc(&sb, '\n');
    int r = pk_write(p, sb.data, sb.len);
    sb_free(&sb);
    return r;
}

static int save_bytes_data(PicklerObject *p, Value obj, const char *data, size_t size) {
    unsigned char h[9];
    size_t hl;
    if (size <= 0xff) {
        h[0] = PK_SHORT_BINBYTES;
        h[1] = (unsigned char)size;
        hl = 2;
    } else if (size <= 0xffffffffu) {
        h[0] = PK_BINBYTES;
        put_le(h + 1, size, 4);
        hl = 5;
    } else if (p->proto >= 4) {
        h[0] = PK_BINBYTES8;
        put_le(h + 1, size, 8);
        hl = 9;
    } else {
        RAISE(val_from_ptr(&exc_OverflowError),
              "serializing a bytes object larger than 4 GiB requires pickle protocol 4 or higher");
        return -1;
    }
    Value payload = val_is_bytes(obj) ? obj : 0;
    if (write_bytes(p, h, hl, data, size, payload) < 0) {
        return -1;
    }
    return memo_put(p, obj);
}

static int save_bytes(PicklerObject *p, Value obj) {
    if (p->proto < 3) {
        Value rv;
        if (bytes_len(obj) == 0) {
            Value e = tuple_new(0);
            rv = e ? tuple_pack2(val_from_ptr(&type_bytes), e) : 0;
        } else {
            Value u = codec_decode(obj, bytes_data(obj), bytes_len(obj), "latin-1", NULL);
            Value a = u ? tuple_pack2(u, id_latin1) : 0;
            rv = a ? tuple_pack2(st_codecs_encode, a) : 0;
        }
        return rv ? save_reduce(p, rv, obj) : -1;
    }
    return save_bytes_data(p, obj, bytes_data(obj), bytes_len(obj));
}

static int save_bytearray_data(PicklerObject *p, Value obj, const char *data, size_t size) {
    unsigned char h[9];
    h[0] = PK_BYTEARRAY8;
    put_le(h + 1, size, 8);
    if (write_bytes(p, h, 9, data, size, 0) < 0) {
        return -1;
    }
    return memo_put(p, obj);
}

static int save_bytearray(PicklerObject *p, Value obj) {
    ByteArrayObject *b = bytearray_obj(obj);
    if (p->proto < 5) {
        Value rv;
        if (b->len == 0) {
            Value e = tuple_new(0);
            rv = e ? tuple_pack2(val_from_ptr(&type_bytearray), e) : 0;
        } else {
            Value bb = bytes_from(b->data, b->len);
            Value a = bb ? tuple_from(&bb, 1) : 0;
            rv = a ? tuple_pack2(val_from_ptr(&type_bytearray), a) : 0;
        }
        return rv ? save_reduce(p, rv, obj) : -1;
    }
    return save_bytearray_data(p, obj, b->data ? b->data : "", b->len);
}

// PickleBuffer (defined below).
typedef struct PickleBufferObject {
    Object header;
    Buffer view;       // view.obj == 0 once released
} PickleBufferObject;

static int save_picklebuffer(PicklerObject *p, Value obj) {
    if (p->proto < 5) {
        RAISE(PicklingError, "PickleBuffer can only pickled with protocol >= 5");
        return -1;
    }
    PickleBufferObject *pb = (PickleBufferObject *)val_ptr(obj);
    if (!pb->view.obj) {
        RAISE(val_from_ptr(&exc_ValueError), "operation forbidden on released PickleBuffer object");
        return -1;
    }
    if (pb->view.stride != pb->view.itemsize) {
        RAISE(PicklingError,
              "PickleBuffer can not be pickled when pointing to a non-contiguous buffer");
        return -1;
    }
    int in_band = 1;
    if (p->buffer_callback) {
        Value r = obj_call1(p->buffer_callback, obj);
        if (!r || (in_band = obj_truthy(r)) < 0) {
            return -1;
        }
    }
    if (in_band) {
        if (pb->view.readonly) {
            return save_bytes_data(p, obj, pb->view.buf, (size_t)pb->view.len);
        }
        return save_bytearray_data(p, obj, pb->view.buf, (size_t)pb->view.len);
    }
    if (pk_write1(p, PK_NEXT_BUFFER) < 0) {
        return -1;
    }
    if (pb->view.readonly && pk_write1(p, PK_READONLY_BUFFER) < 0) {
        return -1;
    }
    return 0;
}

static void raw_unicode_escape(StrBuf *sb, Value s) {
    const unsigned char *d = (const unsigned char *)str_obj(s)->data;
    size_t n = str_obj(s)->nbytes;
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n;) {
        size_t k;
        uint32_t ch = str_decode_cp(d + i, &k);
        i += k;
        if (ch >= 0x10000) {
            sb_put(sb, "\\U", 2);
            for (int sh = 28; sh >= 0; sh -= 4) {
                sb_putc(sb, hex[(ch >> sh) & 0xf]);
            }
        } else if (ch >= 256 || ch == '\\' || ch == 0 || ch == '\n' || ch == '\r' || ch == 0x1a) {
            sb_put(sb, "\\u", 2);
            for (int sh = 12; sh >= 0; sh -= 4) {
                sb_putc(sb, hex[(ch >> sh) & 0xf]);
            }
        } else {
            sb_putc(sb, (char)ch);
        }
    }
}

static int save_unicode(PicklerObject *p, Value obj) {
    StrObject *s = str_obj(obj);
    if (p->bin) {
        size_t size = s->nbytes;
        unsigned char h[9];
        size_t hl;
        if (size <= 0xff && p->proto >= 4) {
            h[0] = PK_SHORT_BINUNICODE;
            h[1] = (unsigned char)size;
            hl = 2;
        } else if (size <= 0xffffffffu) {
            h[0] = PK_BINUNICODE;
            put_le(h + 1, size, 4);
            hl = 5;
        } else if (p->proto >= 4) {
            h[0] = PK_BINUNICODE8;
            put_le(h + 1, size, 8);
            hl = 9;
        } else {
            RAISE(val_from_ptr(&exc_OverflowError),
                  "serializing a string larger than 4 GiB requires pickle protocol 4 or higher");
            return -1;
        }
        if (write_bytes(p, h, hl, s->data, size, 0) < 0) {
            return -1;
        }
    } else {
        StrBuf sb;
        sb_init(&sb);
        sb_putc(&sb, PK_UNICODE);
        raw_unicode_escape(&sb, obj);
        sb_putc(&sb, '\n');
        int r = pk_write(p, sb.data, sb.len);
        sb_free(&sb);
        if (r < 0) {
            return -1;
        }
    }
    return memo_put(p, obj);
}

static int save_tuple(PicklerObject *p, Value obj) {
    TupleObject *t = tuple_obj(obj);
    size_t len = t->len;
    if (len == 0) {
        return p->proto ? pk_write1(p, PK_EMPTY_TUPLE) : pk_write(p, "(t", 2);
    }
    if (len <= 3 && p->proto >= 2) {
        for (size_t i = 0; i < len; i++) {
            if (save(p, t->items[i], 0) < 0) {
                return -1;
            }
        }
        if (memo_get_index(&p->memo, obj)) {
            for (size_t i = 0; i < len; i++) {
                if (pk_write1(p, PK_POP) < 0) {
                    return -1;
                }
            }
            return memo_get_op(p, obj);
        }
        if (pk_write1(p, (unsigned char)(PK_TUPLE1 + len - 1)) < 0) {
            return -1;
        }
        return memo_put(p, obj);
    }
    if (pk_write1(p, PK_MARK) < 0) {
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        if (save(p, t->items[i], 0) < 0) {
            return -1;
        }
    }
    if (memo_get_index(&p->memo, obj)) {
        if (p->bin) {
            if (pk_write1(p, PK_POP_MARK) < 0) {
                return -1;
            }
        } else {
            for (size_t i = 0; i <= len; i++) {
                if (pk_write1(p, PK_POP) < 0) {
                    return -1;
                }
            }
        }
        return memo_get_op(p, obj);
    }
    if (pk_write1(p, PK_TUPLE) < 0) {
        return -1;
    }
    return memo_put(p, obj);
}

// Items from an iterator, in batches of MARK ... APPENDS.
static int batch_list(PicklerObject *p, Value iter) {
    if (p->proto == 0) {
        for (;;) {
            Value item = obj_next(iter);
            if (!item) {
                return err_occurred() ? -1 : 0;
            }
            if (save(p, item, 0) < 0 || pk_write1(p, PK_APPEND) < 0) {
                return -1;
            }
        }
    }
    int n;
    do {
        Value first = obj_next(iter);
        if (!first) {
            return err_occurred() ? -1 : 0;
        }
        Value item = obj_next(iter);
        if (!item) {
            if (err_occurred()) {
                return -1;
            }
            if (save(p, first, 0) < 0 || pk_write1(p, PK_APPEND) < 0) {
                return -1;
            }
            break;
        }
        if (pk_write1(p, PK_MARK) < 0 || save(p, first, 0) < 0) {
            return -1;
        }
        n = 1;
        while (item) {
            if (save(p, item, 0) < 0) {
                return -1;
            }
            if (++n == BATCHSIZE) {
                break;
            }
            item = obj_next(iter);
            if (!item && err_occurred()) {
                return -1;
            }
        }
        if (pk_write1(p, PK_APPENDS) < 0) {
            return -1;
        }
    } while (n == BATCHSIZE);
    return 0;
}

static int batch_list_exact(PicklerObject *p, Value obj) {
    ListObject *l = list_obj(obj);
    if (l->len == 1) {
        Value item = l->items[0];
        if (save(p, item, 0) < 0) {
            return -1;
        }
        return pk_write1(p, PK_APPEND);
    }
    size_t total = 0;
    do {
        size_t this_batch = 0;
        if (pk_write1(p, PK_MARK) < 0) {
            return -1;
        }
        while (total < l->len) {
            Value item = l->items[total];
            if (save(p, item, 0) < 0) {
                return -1;
            }
            total++;
            if (++this_batch == BATCHSIZE) {
                break;
            }
        }
        if (pk_write1(p, PK_APPENDS) < 0) {
            return -1;
        }
    } while (total < l->len);
    return 0;
}

static int save_list(PicklerObject *p, Value obj) {
    int status = 0;
    if (p->fast && !fast_save_enter(p, obj)) {
        return -1;
    }
    if ((p->bin ? pk_write1(p, PK_EMPTY_LIST) : pk_write(p, "(l", 2)) < 0 ||
        memo_put(p, obj) < 0) {
        status = -1;
    } else if (list_obj(obj)->len != 0) {
        if (vm_enter_call(" while pickling an object") < 0) {
            status = -1;
        } else {
            if (list_check_exact(obj) && p->proto > 0) {
                status = batch_list_exact(p, obj);
            } else {
                Value iter = obj_iter(obj);
                status = iter ? batch_list(p, iter) : -1;
            }
            vm_leave_call();
        }
    }
    if (p->fast && !fast_save_leave(p, obj)) {
        status = -1;
    }
    return status;
}

static int check_pair(Value item) {
    if (!tuple_check(item) || tuple_obj(item)->len != 2) {
        RAISE(val_from_ptr(&exc_TypeError), "dict items iterator must return 2-tuples");
        return -1;
    }
    return 0;
}

static int batch_dict(PicklerObject *p, Value iter) {
    if (p->proto == 0) {
        for (;;) {
            Value item = obj_next(iter);
            if (!item) {
                return err_occurred() ? -1 : 0;
            }
            if (check_pair(item) < 0 || save(p, tuple_obj(item)->items[0], 0) < 0 ||
                save(p, tuple_obj(item)->items[1], 0) < 0 || pk_write1(p, PK_SETITEM) < 0) {
                return -1;
            }
        }
    }
    int n;
    do {
        Value first = obj_next(iter);
        if (!first) {
            return err_occurred() ? -1 : 0;
        }
        if (check_pair(first) < 0) {
            return -1;
        }
        Value item = obj_next(iter);
        if (!item) {
            if (err_occurred()) {
                return -1;
            }
            if (save(p, tuple_obj(first)->items[0], 0) < 0 ||
                save(p, tuple_obj(first)->items[1], 0) < 0 || pk_write1(p, PK_SETITEM) < 0) {
                return -1;
            }
            break;
        }
        if (pk_write1(p, PK_MARK) < 0 || save(p, tuple_obj(first)->items[0], 0) < 0 ||
            save(p, tuple_obj(first)->items[1], 0) < 0) {
            return -1;
        }
        n = 1;
        while (item) {
            if (check_pair(item) < 0 || save(p, tuple_obj(item)->items[0], 0) < 0 ||
                save(p, tuple_obj(item)->items[1], 0) < 0) {
                return -1;
            }
            if (++n == BATCHSIZE) {
                break;
            }
            item = obj_next(iter);
            if (!item && err_occurred()) {
                return -1;
            }
        }
        if (pk_write1(p, PK_SETITEMS) < 0) {
            return -1;
        }
    } while (n == BATCHSIZE);
    return 0;
}

static int batch_dict_exact(PicklerObject *p, Value obj) {
    int64_t size = dict_len(obj);
    size_t pos = 0;
    Value k, v;
    if (size == 1) {
        dict_next(obj, &pos, &k, &v);
        if (save(p, k, 0) < 0 || save(p, v, 0) < 0) {
            return -1;
        }
        return pk_write1(p, PK_SETITEM);
    }
    int i;
    do {
        i = 0;
        if (pk_write1(p, PK_MARK) < 0) {
            return -1;
        }
        while (dict_next(obj, &pos, &k, &v)) {
            if (save(p, k, 0) < 0 || save(p, v, 0) < 0) {
                return -1;
            }
            if (++i == BATCHSIZE) {
                break;
            }
        }
        if (pk_write1(p, PK_SETITEMS) < 0) {
            return -1;
        }
        if (dict_len(obj) != size) {
            RAISE(val_from_ptr(&exc_RuntimeError), "dictionary changed size during iteration");
            return -1;
        }
    } while (i == BATCHSIZE);
    return 0;
}

static int save_dict(PicklerObject *p, Value obj) {
    int status = 0;
    if (p->fast && !fast_save_enter(p, obj)) {
        return -1;
    }
    if ((p->bin ? pk_write1(p, PK_EMPTY_DICT) : pk_write(p, "(d", 2)) < 0 ||
        memo_put(p, obj) < 0) {
        status = -1;
    } else if (dict_len(obj)) {
        if (dict_check_exact(obj) && p->proto > 0) {
            if (vm_enter_call(" while pickling an object") < 0) {
                status = -1;
            } else {
                status = batch_dict_exact(p, obj);
                vm_leave_call();
            }
        } else {
            Value items = obj_call_method(obj, "items", NULL, 0);
            Value iter = items ? obj_iter(items) : 0;
            if (!iter) {
                status = -1;
            } else if (vm_enter_call(" while pickling an object") < 0) {
                status = -1;
            } else {
                status = batch_dict(p, iter);
                vm_leave_call();
            }
        }
    }
    if (p->fast && !fast_save_leave(p, obj)) {
        status = -1;
    }
    return status;
}

static int save_set_reduce(PicklerObject *p, Value obj, Type *t) {
    Value items = list_from_iterable(obj);
    Value a = items ? tuple_from(&items, 1) : 0;
    Value rv = a ? tuple_pack2(val_from_ptr(t), a) : 0;
    return rv ? save_reduce(p, rv, obj) : -1;
}

static int save_set(PicklerObject *p, Value obj) {
    if (p->proto < 4) {
        return save_set_reduce(p, obj, &type_set);
    }
    if (pk_write1(p, PK_EMPTY_SET) < 0 || memo_put(p, obj) < 0) {
        return -1;
    }
    int64_t size = set_len(obj);
    if (size == 0) {
        return 0;
    }
    size_t pos = 0;
    int i;
    do {
        i = 0;
        if (pk_write1(p, PK_MARK) < 0) {
            return -1;
        }
        Value item;
        int64_t hash;
        while (set_next(obj, &pos, &item, &hash)) {
            if (save(p, item, 0) < 0) {
                return -1;
            }
            if (++i == BATCHSIZE) {
                break;
            }
        }
        if (pk_write1(p, PK_ADDITEMS) < 0) {
            return -1;
        }
        if (set_len(obj) != size) {
            RAISE(val_from_ptr(&exc_RuntimeError), "set changed size during iteration");
            return -1;
        }
    } while (i == BATCHSIZE);
    return 0;
}

static int save_frozenset(PicklerObject *p, Value obj) {
    if (p->fast && !fast_save_enter(p, obj)) {
        return -1;
    }
    if (p->proto < 4) {
        return save_set_reduce(p, obj, &type_frozenset);
    }
    if (pk_write1(p, PK_MARK) < 0) {
        return -1;
    }
    Value iter = obj_iter(obj);
    if (!iter) {
        return -1;
    }
    for (;;) {
        Value item = obj_next(iter);
        if (!item) {
            if (err_occurred()) {
                return -1;
            }
            break;
        }
        if (save(p, item, 0) < 0) {
            return -1;
        }
    }
    if (memo_get_index(&p->memo, obj)) {
        if (pk_write1(p, PK_POP_MARK) < 0) {
            return -1;
        }
        return memo_get_op(p, obj);
    }
    if (pk_write1(p, PK_FROZENSET) < 0) {
        return -1;
    }
    return memo_put(p, obj);
}

static int fix_imports(Value *module_name, Value *global_name) {
    Value key = tuple_pack2(*module_name, *global_name);
    if (!key) {
        return -1;
    }
    Value item = dict_get(st_name_3to2, key);
    if (item) {
        if (!tuple_check(item) || tuple_obj(item)->len != 2) {
            RAISE(val_from_ptr(&exc_RuntimeError),
                  "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not %s",
                  obj_type_name(item));
            return -1;
        }
        Value m = tuple_obj(item)->items[0], g = tuple_obj(item)->items[1];
        if (!val_is_str(m) || !val_is_str(g)) {
            RAISE(val_from_ptr(&exc_RuntimeError),
                  "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not (%s, %s)",
                  obj_type_name(m), obj_type_name(g));
            return -1;
        }
        *module_name = m;
        *global_name = g;
        return 0;
    }
    if (err_occurred()) {
        return -1;
    }
    item = dict_get(st_import_3to2, *module_name);
    if (item) {
        if (!val_is_str(item)) {
            RAISE(val_from_ptr(&exc_RuntimeError),
                  "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not %s",
                  obj_type_name(item));
            return -1;
        }
        *module_name = item;
    } else if (err_occurred()) {
        return -1;
    }
    return 0;
}

// A name for GLOBAL: ASCII (UTF-8 with protocol 3), else PicklingError.
static int write_global_name(PicklerObject *p, Value name, const char *what) {
    StrObject *s = str_obj(name);
    if (p->proto != 3 && !(s->flags & STR_ASCII)) {
        RAISE(PicklingError, "can't pickle %s identifier '%S' using pickle protocol %d", what,
              name, p->proto);
        return -1;
    }
    if (p->proto == 3) {
        // UTF-8: lone surrogates cannot be encoded
        Value enc = codec_encode(name, "utf-8", NULL);
        if (!enc) {
            if (err_matches(&exc_UnicodeEncodeError)) {
                err_clear();
                RAISE(PicklingError, "can't pickle %s identifier '%S' using pickle protocol %d",
                      what, name, p->proto);
            }
            return -1;
        }
    }
    if (pk_write(p, s->data, s->nbytes) < 0 || pk_write1(p, '\n') < 0) {
        return -1;
    }
    return 0;
}

static int save_global(PicklerObject *p, Value obj, Value name) {
    Value global_name = name;
    if (!global_name) {
        global_name = obj_getattr_opt(obj, id_qualname);
        if (!global_name) {
            if (err_occurred()) {
                return -1;
            }
            global_name = obj_getattr(obj, id_name);
            if (!global_name) {
                return -1;
            }
        }
    }
    if (!val_is_str(global_name)) {
        RAISE(val_from_ptr(&exc_TypeError), "attribute name must be string, not '%s'",
              obj_type_name(global_name));
        return -1;
    }
    Value dotted_path = get_dotted_path(0, global_name);
    if (!dotted_path) {
        return -1;
    }
    Value module_name = whichmodule(obj, dotted_path);
    if (!module_name) {
        return -1;
    }
    Value module = import_by_name(module_name);
    if (!module) {
        RAISE(PicklingError, "Can't pickle %R: import of module %R failed", obj, module_name);
        return -1;
    }
    ListObject *dl = list_obj(dotted_path);
    Value lastname = dl->items[dl->len - 1];
    Value parent = 0;
    Value cls = get_deep_attribute(module, dotted_path, &parent);
    if (!cls) {
        RAISE(PicklingError, "Can't pickle %R: attribute lookup %S on %S failed", obj,
              global_name, module_name);
        return -1;
    }
    if (cls != obj) {
        RAISE(PicklingError, "Can't pickle %R: it's not the same object as %S.%S", obj,
              module_name, global_name);
        return -1;
    }
    if (p->proto >= 2) {
        Value key = tuple_pack2(module_name, global_name);
        if (!key) {
            return -1;
        }
        Value code_obj = dict_get(st_extension_registry, key);
        if (code_obj) {
            if (!int_check(code_obj)) {
                RAISE(PicklingError, "Can't pickle %R: extension code %R isn't an integer", obj,
                      code_obj);
                return -1;
            }
            int64_t code;
            if (int_to_i64(code_obj, &code) < 0) {
                return -1;
            }
            if (code <= 0 || code > 0x7fffffffL) {
                RAISE(PicklingError, "Can't pickle %R: extension code %lld is out of range", obj,
                      (long long)code);
                return -1;
            }
            unsigned char buf[5];
            size_t n;
            if (code <= 0xff) {
                buf[0] = PK_EXT1;
                buf[1] = (unsigned char)code;
                n = 2;
            } else if (code <= 0xffff) {
                buf[0] = PK_EXT2;
                put_le(buf + 1, (uint64_t)code, 2);
                n = 3;
            } else {
                buf[0] = PK_EXT4;
                put_le(buf + 1, (uint64_t)code, 4);
                n = 5;
            }
            return pk_write(p, buf, n);
        }
        if (err_occurred()) {
            return -1;
        }
    }
    if (parent == module) {
        global_name = lastname;
    }
    if (p->proto >= 4) {
        if (save(p, module_name, 0) < 0 || save(p, global_name, 0) < 0 ||
            pk_write1(p, PK_STACK_GLOBAL) < 0) {
            return -1;
        }
    } else if (parent != module) {
        Value a = tuple_pack2(parent, lastname);
        Value rv = a ? tuple_pack2(st_getattr, a) : 0;
        if (!rv || save_reduce(p, rv, 0) < 0) {
            return -1;
        }
    } else {
        if (pk_write1(p, PK_GLOBAL) < 0) {
            return -1;
        }
        if (p->proto < 3 && p->fix_imports && fix_imports(&module_name, &global_name) < 0) {
            return -1;
        }
        if (write_global_name(p, module_name, "module") < 0 ||
            write_global_name(p, global_name, "global") < 0) {
            return -1;
        }
    }
    return memo_put(p, obj);
}

static int save_singleton_type(PicklerObject *p, Value obj, Value singleton) {
    Value a = tuple_from(&singleton, 1);
    Value rv = a ? tuple_pack2(val_from_ptr(&type_type), a) : 0;
    return rv ? save_reduce(p, rv, obj) : -1;
}

static int save_type(PicklerObject *p, Value obj) {
    if (obj == val_from_ptr(type_of(VAL_NONE))) {
        return save_singleton_type(p, obj, VAL_NONE);
    }
    if (obj == val_from_ptr(type_of(VAL_ELLIPSIS))) {
        return save_singleton_type(p, obj, VAL_ELLIPSIS);
    }
    if (obj == val_from_ptr(type_of(VAL_NOTIMPLEMENTED))) {
        return save_singleton_type(p, obj, VAL_NOTIMPLEMENTED);
    }
    return save_global(p, obj, 0);
}

// 1: a persistent id was written; 0: none; -1: error.
static int save_pers(PicklerObject *p, Value obj) {
    Value pid = obj_call1(p->pers_func, obj);
    if (!pid) {
        return -1;
    }
    if (pid == VAL_NONE) {
        return 0;
    }
    if (p->bin) {
        if (save(p, pid, 1) < 0 || pk_write1(p, PK_BINPERSID) < 0) {
            return -1;
        }
        return 1;
    }
    Value s = obj_str(pid);
    if (!s) {
        return -1;
    }
    if (!(str_obj(s)->flags & STR_ASCII)) {
        RAISE(PicklingError, "persistent IDs in protocol 0 must be ASCII strings");
        return -1;
    }
    if (pk_write1(p, PK_PERSID) < 0 || pk_write(p, str_obj(s)->data, str_obj(s)->nbytes) < 0 ||
        pk_write1(p, '\n') < 0) {
        return -1;
    }
    return 1;
}

static Value get_class(Value obj) {
    Value cls = obj_getattr_opt(obj, id_class);
    if (!cls && !err_occurred()) {
        cls = val_from_ptr(type_of(obj));
    }
    return cls;
}

static int iter_check(Value v) {
    return type_of(v)->iternext != NULL;
}

static int save_reduce(PicklerObject *p, Value args, Value obj) {
    TupleObject *t = tuple_obj(args);
    size_t size = t->len;
    if (size < 2 || size > 6) {
        RAISE(PicklingError, "tuple returned by __reduce__ must contain 2 through 6 elements");
        return -1;
    }
    Value callable = t->items[0], argtup = t->items[1];
    Value state = size > 2 ? t->items[2] : VAL_NONE;
    Value listitems = size > 3 ? t->items[3] : VAL_NONE;
    Value dictitems = size > 4 ? t->items[4] : VAL_NONE;
    Value state_setter = size > 5 ? t->items[5] : VAL_NONE;
    if (!callable_check(callable)) {
        RAISE(PicklingError, "first item of the tuple returned by __reduce__ must be callable");
        return -1;
    }
    if (!tuple_check(argtup)) {
        RAISE(PicklingError, "second item of the tuple returned by __reduce__ must be a tuple");
        return -1;
    }
    if (state == VAL_NONE) {
        state = 0;
    }
    if (listitems == VAL_NONE) {
        listitems = 0;
    } else if (!iter_check(listitems)) {
        RAISE(PicklingError,
              "fourth element of the tuple returned by __reduce__ must be an iterator, not %s",
              obj_type_name(listitems));
        return -1;
    }
    if (dictitems == VAL_NONE) {
        dictitems = 0;
    } else if (!iter_check(dictitems)) {
        RAISE(PicklingError,
              "fifth element of the tuple returned by __reduce__ must be an iterator, not %s",
              obj_type_name(dictitems));
        return -1;
    }
    if (state_setter == VAL_NONE) {
        state_setter = 0;
    } else if (!callable_check(state_setter)) {
        RAISE(PicklingError,
              "sixth element of the tuple returned by __reduce__ must be a function, not %s",
              obj_type_name(state_setter));
        return -1;
    }
    int use_newobj = 0, use_newobj_ex = 0;
    if (p->proto >= 2) {
        Value name = obj_getattr_opt(callable, id_name);
        if (!name && err_occurred()) {
            return -1;
        }
        if (name && val_is_str(name)) {
            use_newobj_ex = strcmp(str_obj(name)->data, "__newobj_ex__") == 0;
            if (!use_newobj_ex) {
                use_newobj = strcmp(str_obj(name)->data, "__newobj__") == 0;
            }
        }
    }
    TupleObject *at = tuple_obj(argtup);
    if (use_newobj_ex) {
        if (at->len != 3) {
            RAISE(PicklingError,
                  "length of the NEWOBJ_EX argument tuple must be exactly 3, not %zu", at->len);
            return -1;
        }
        Value cls = at->items[0], cargs = at->items[1], kwargs = at->items[2];
        if (!type_check(cls)) {
            RAISE(PicklingError,
                  "first item from NEWOBJ_EX argument tuple must be a class, not %s",
                  obj_type_name(cls));
            return -1;
        }
        if (!tuple_check(cargs)) {
            RAISE(PicklingError,
                  "second item from NEWOBJ_EX argument tuple must be a tuple, not %s",
                  obj_type_name(cargs));
            return -1;
        }
        if (!dict_check(kwargs)) {
            RAISE(PicklingError,
                  "third item from NEWOBJ_EX argument tuple must be a dict, not %s",
                  obj_type_name(kwargs));
            return -1;
        }
        if (p->proto >= 4) {
            if (save(p, cls, 0) < 0 || save(p, cargs, 0) < 0 || save(p, kwargs, 0) < 0 ||
                pk_write1(p, PK_NEWOBJ_EX) < 0) {
                return -1;
            }
        } else {
            size_t na = tuple_obj(cargs)->len;
            Value newargs = tuple_new(na + 2);
            Value cls_new = newargs ? obj_getattr(cls, id_new) : 0;
            if (!cls_new) {
                return -1;
            }
            tuple_obj(newargs)->items[0] = cls_new;
            tuple_obj(newargs)->items[1] = cls;
            for (size_t i = 0; i < na; i++) {
                tuple_obj(newargs)->items[i + 2] = tuple_obj(cargs)->items[i];
            }
            Value partial = obj_call_tuple_dict(st_partial, newargs, kwargs);
            Value empty = partial ? tuple_new(0) : 0;
            if (!empty || save(p, partial, 0) < 0 || save(p, empty, 0) < 0 ||
                pk_write1(p, PK_REDUCE) < 0) {
                return -1;
            }
        }
    } else if (use_newobj) {
        if (at->len < 1) {
            RAISE(PicklingError, "__newobj__ arglist is empty");
            return -1;
        }
        Value cls = at->items[0];
        if (!type_check(cls)) {
            RAISE(PicklingError, "args[0] from __newobj__ args is not a type");
            return -1;
        }
        if (obj) {
            Value oc = get_class(obj);
            if (!oc) {
                return -1;
            }
            if (oc != cls) {
                RAISE(PicklingError, "args[0] from __newobj__ args has the wrong class");
                return -1;
            }
        }
        if (save(p, cls, 0) < 0) {
            return -1;
        }
        Value rest = tuple_from(at->items + 1, at->len - 1);
        if (!rest || save(p, rest, 0) < 0 || pk_write1(p, PK_NEWOBJ) < 0) {
            return -1;
        }
    } else {
        if (save(p, callable, 0) < 0 || save(p, argtup, 0) < 0 || pk_write1(p, PK_REDUCE) < 0) {
            return -1;
        }
    }
    if (obj) {
        if (memo_get_index(&p->memo, obj)) {
            if (pk_write1(p, PK_POP) < 0) {
                return -1;
            }
            return memo_get_op(p, obj);
        }
        if (memo_put(p, obj) < 0) {
            return -1;
        }
    }
    if (listitems && batch_list(p, listitems) < 0) {
        return -1;
    }
    if (dictitems && batch_dict(p, dictitems) < 0) {
        return -1;
    }
    if (state) {
        if (!state_setter) {
            if (save(p, state, 0) < 0 || pk_write1(p, PK_BUILD) < 0) {
                return -1;
            }
        } else {
            if (save(p, state_setter, 0) < 0 || save(p, obj, 0) < 0 || save(p, state, 0) < 0 ||
                pk_write1(p, PK_TUPLE2) < 0 || pk_write1(p, PK_REDUCE) < 0 ||
                pk_write1(p, PK_POP) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int save(PicklerObject *p, Value obj, int pers_save) {
    if (opcode_boundary(p) < 0) {
        return -1;
    }
    if (!pers_save && p->pers_func) {
        int st = save_pers(p, obj);
        if (st != 0) {
            return st < 0 ? -1 : 0;
        }
    }
    if (obj == VAL_NONE) {
        return pk_write1(p, PK_NONE);
    }
    if (obj == VAL_TRUE || obj == VAL_FALSE) {
        return save_bool(p, obj);
    }
    Type *type = type_of(obj);
    if (type == &type_int) {
        return save_long(p, obj);
    }
    if (type == &type_float) {
        return save_float(p, obj);
    }
    if (memo_get_index(&p->memo, obj)) {
        return memo_get_op(p, obj);
    }
    if (type == &type_bytes) {
        return save_bytes(p, obj);
    }
    if (type == &type_str) {
        return save_unicode(p, obj);
    }
    if (vm_enter_call(" while pickling an object") < 0) {
        return -1;
    }
    int status = 0;
    Value reduce_value = 0;
    if (type == &type_dict) {
        status = save_dict(p, obj);
        goto done;
    } else if (type == &type_set) {
        status = save_set(p, obj);
        goto done;
    } else if (type == &type_frozenset) {
        status = save_frozenset(p, obj);
        goto done;
    } else if (type == &type_list) {
        status = save_list(p, obj);
        goto done;
    } else if (type == &type_tuple) {
        status = save_tuple(p, obj);
        goto done;
    } else if (type == &type_bytearray) {
        status = save_bytearray(p, obj);
        goto done;
    } else if (type == &type_picklebuffer) {
        status = save_picklebuffer(p, obj);
        goto done;
    }
    if (p->reducer_override) {
        reduce_value = obj_call1(p->reducer_override, obj);
        if (!reduce_value) {
            goto error;
        }
        if (reduce_value != VAL_NOTIMPLEMENTED) {
            goto reduce;
        }
        reduce_value = 0;
    }
    if (type == &type_type) {
        status = save_type(p, obj);
        goto done;
    } else if (type == &type_function) {
        status = save_global(p, obj, 0);
        goto done;
    }
    Value reduce_func = 0;
    if (!p->dispatch_table) {
        reduce_func = dict_get(st_dispatch_table, val_from_ptr(type));
        if (!reduce_func && err_occurred()) {
            goto error;
        }
    } else {
        reduce_func = obj_getitem(p->dispatch_table, val_from_ptr(type));
        if (!reduce_func) {
            if (!err_matches(&exc_KeyError)) {
                goto error;
            }
            err_clear();
        }
    }
    if (reduce_func) {
        reduce_value = obj_call1(reduce_func, obj);
    } else if (type_is_subtype(type, &type_type)) {
        status = save_global(p, obj, 0);
        goto done;
    } else {
        reduce_func = obj_getattr_opt(obj, id_reduce_ex);
        if (!reduce_func && err_occurred()) {
            goto error;
        }
        if (reduce_func) {
            reduce_value = obj_call1(reduce_func, val_from_smallint(p->proto));
        } else {
            reduce_func = obj_getattr_opt(obj, id_reduce);
            if (!reduce_func && err_occurred()) {
                goto error;
            }
            if (reduce_func) {
                reduce_value = obj_call0(reduce_func);
            } else {
                RAISE(PicklingError, "can't pickle '%s' object: %R", type->name, obj);
                goto error;
            }
        }
    }
    if (!reduce_value) {
        goto error;
    }
reduce:
    if (val_is_str(reduce_value)) {
        status = save_global(p, obj, reduce_value);
        goto done;
    }
    if (!tuple_check(reduce_value)) {
        RAISE(PicklingError, "__reduce__ must return a string or tuple");
        goto error;
    }
    status = save_reduce(p, reduce_value, obj);
    goto done;
error:
    status = -1;
done:
    vm_leave_call();
    return status;
}

static int dump(PicklerObject *p, Value obj) {
    int status = -1;
    // Instances of the Pickler type itself have no other attributes than
    // its getsets: only a subclass can define reducer_override.
    Value ro = 0;
    if (p->header.type != &type_pickler) {
        ro = obj_getattr_opt(val_from_ptr(p), id_reducer_override);
        if (!ro && err_occurred()) {
            return -1;
        }
    }
    p->reducer_override = ro;
    if (p->proto >= 2) {
        unsigned char h[2] = {PK_PROTO, (unsigned char)p->proto};
        if (pk_write(p, h, 2) < 0) {
            goto out;
        }
        if (p->proto >= 4) {
            p->framing = 1;
        }
    }
    if (save(p, obj, 0) < 0 || pk_write1(p, PK_STOP) < 0) {
        goto out;
    }
    commit_frame(p);
    status = 0;
out:
    p->framing = 0;
    p->reducer_override = 0;
    return status;
}

static int set_protocol(PicklerObject *p, Value protocol, int fix) {
    int64_t proto;
    if (!protocol || protocol == VAL_NONE) {
        proto = DEFAULT_PROTOCOL;
    } else {
        Value iv = obj_index(protocol);
        if (!iv || int_to_i64(iv, &proto) < 0) {
            return -1;
        }
        if (proto < 0) {
            proto = HIGHEST_PROTOCOL;
        } else if (proto > HIGHEST_PROTOCOL) {
            RAISE(val_from_ptr(&exc_ValueError), "pickle protocol must be <= %d", HIGHEST_PROTOCOL);
            return -1;
        }
    }
    p->proto = (int)proto;
    p->bin = proto > 0;
    p->fix_imports = fix && proto < 3;
    return 0;
}

static int set_buffer_callback(PicklerObject *p, Value cb) {
    if (cb == VAL_NONE) {
        cb = 0;
    }
    if (cb && p->proto < 5) {
        RAISE(val_from_ptr(&exc_ValueError), "buffer_callback needs protocol >= 5");
        return -1;
    }
    p->buffer_callback = cb;
    return 0;
}

static PicklerObject *pickler_new_raw(Type *t) {
    PicklerObject *p = (PicklerObject *)gc_alloc(t, t->basic_size);
    if (!p) {
        return NULL;
    }
    p->frame_start = -1;
    return p;
}

static Value pickler_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    PicklerObject *p = pickler_new_raw(type_ptr(type));
    return p ? val_from_ptr(p) : 0;
}

static int bool_arg(Value v, int dflt) {
    return v ? obj_truthy(v) : dflt;
}

static Value pickler_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "protocol", "fix_imports", "buffer_callback", NULL};
    static const ArgSpec spec = {"Pickler", 0, names, 1, 4, 0};
    Value a[4] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    PicklerObject *p = (PicklerObject *)val_ptr(self);
    if (p->initialized) {
        memo_free(&p->memo);
        p->pers_func = p->dispatch_table = p->reducer_override = p->write = 0;
        p->fast_memo = p->buffer_callback = 0;
    }
    int fix = bool_arg(a[2], 1);
    if (fix < 0 || set_protocol(p, a[1], fix) < 0) {
        return 0;
    }
    Value w = obj_getattr_opt(a[0], id_write);
    if (!w) {
        if (!err_occurred()) {
            RAISE(val_from_ptr(&exc_TypeError), "file must have a 'write' attribute");
        }
        return 0;
    }
    p->write = w;
    if (set_buffer_callback(p, a[3] ? a[3] : VAL_NONE) < 0) {
        return 0;
    }
    if (!p->memo.table && memo_init(&p->memo) < 0) {
        return 0;
    }
    clear_buffer(p);
    p->fast = 0;
    p->fast_nesting = 0;
    p->fast_memo = 0;
    p->initialized = 1;
    Value pf = obj_getattr_opt(self, id_persistent_id);
    if (!pf && err_occurred()) {
        return 0;
    }
    p->pers_func = pf;
    if (!p->dispatch_table) {
        Value dt = obj_getattr_opt(self, id_dispatch_table);
        if (!dt && err_occurred()) {
            return 0;
        }
        p->dispatch_table = dt;
    }
    return VAL_NONE;
}

static inline PicklerObject *PK(Value v) {
    return (PicklerObject *)val_ptr(v);
}

FN(pickler_m_dump) {
    if (method_check_args("dump", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    PicklerObject *p = PK(self);
    if (!p->write) {
        return RAISE(PicklingError, "Pickler.__init__() was not called by %s.__init__()",
                     type_of(self)->name);
    }
    clear_buffer(p);
    if (dump(p, args[0]) < 0 || flush_to_file(p) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(pickler_m_clear_memo) {
    if (method_check_args("clear_memo", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    memo_clear(&PK(self)->memo);
    return VAL_NONE;
}

FN(pickler_m_sizeof) {
    if (method_check_args("__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    PicklerObject *p = PK(self);
    size_t n = type_of(self)->basic_size + p->memo.allocated * sizeof(MemoEntry) + p->out_cap;
    return int_from_u64(n);
}

// ---- memo proxies -----------------------------------------------------------------------------

typedef struct MemoProxyObject {
    Object header;
    Value owner;   // the Pickler or Unpickler
} MemoProxyObject;

static void memoproxy_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((MemoProxyObject *)o)->owner);
}

static Value memoproxy_new(Type *t, Value owner) {
    MemoProxyObject *m = (MemoProxyObject *)gc_alloc(t, sizeof *m);
    if (!m) {
        return 0;
    }
    m->owner = owner;
    return val_from_ptr(m);
}

static Value pickler_get_memo(Value self) {
    return memoproxy_new(&type_pickler_memoproxy, self);
}

static int pickler_set_memo(Value self, Value v) {
    PicklerObject *p = PK(self);
    if (!v) {
        RAISE(val_from_ptr(&exc_TypeError), "attribute deletion is not supported");
        return -1;
    }
    MemoTable nm = {0};
    if (type_of(v) == &type_pickler_memoproxy) {
        PicklerObject *src = PK(((MemoProxyObject *)val_ptr(v))->owner);
        if (memo_copy(&nm, &src->memo) < 0) {
            return -1;
        }
    } else if (dict_check(v)) {
        if (memo_init(&nm) < 0) {
            return -1;
        }
        size_t pos = 0;
        Value k, val;
        while (dict_next(v, &pos, &k, &val)) {
            if (!tuple_check(val) || tuple_obj(val)->len != 2) {
                RAISE(val_from_ptr(&exc_TypeError), "'memo' values must be 2-item tuples");
                memo_free(&nm);
                return -1;
            }
            int64_t id;
            Value idv = tuple_obj(val)->items[0];
            if (!int_check(idv)) {
                RAISE(val_from_ptr(&exc_TypeError),
                      "'%s' object cannot be interpreted as an integer", obj_type_name(idv));
                memo_free(&nm);
                return -1;
            }
            if (int_to_i64(idv, &id) < 0 || memo_set(&nm, tuple_obj(val)->items[1], id) < 0) {
                memo_free(&nm);
                return -1;
            }
        }
    } else {
        RAISE(val_from_ptr(&exc_TypeError),
              "'memo' attribute must be a PicklerMemoProxy object or dict, not %s",
              obj_type_name(v));
        return -1;
    }
    memo_free(&p->memo);
    p->memo = nm;
    return 0;
}

static Value pickler_get_persid(Value self) {
    PicklerObject *p = PK(self);
    if (!p->pers_func) {
        return err_format(&exc_AttributeError, "persistent_id");
    }
    return p->pers_func;
}

static int set_callable_attr(Value *slot, Value v, const char *what) {
    if (!v) {
        RAISE(val_from_ptr(&exc_TypeError), "attribute deletion is not supported");
        return -1;
    }
    if (!callable_check(v)) {
        RAISE(val_from_ptr(&exc_TypeError), "%s must be a callable taking one argument", what);
        return -1;
    }
    *slot = v;
    return 0;
}

static int pickler_set_persid(Value self, Value v) {
    return set_callable_attr(&PK(self)->pers_func, v, "persistent_id");
}

static int int_field_set(int *field, Value v) {
    if (!v) {
        RAISE(val_from_ptr(&exc_TypeError), "can't delete numeric/char attribute");
        return -1;
    }
    if (!int_check(v)) {
        RAISE(val_from_ptr(&exc_TypeError), "an integer is required (got type %s)",
              obj_type_name(v));
        return -1;
    }
    int64_t x;
    if (int_to_i64(v, &x) < 0) {
        return -1;
    }
    if (x < INT32_MIN || x > INT32_MAX) {
        RAISE(val_from_ptr(&exc_OverflowError), "Python int too large to convert to C int");
        return -1;
    }
    *field = (int)x;
    return 0;
}

static Value pickler_get_bin(Value self) {
    return val_from_smallint(PK(self)->bin);
}
static int pickler_set_bin(Value self, Value v) {
    return int_field_set(&PK(self)->bin, v);
}
static Value pickler_get_fast(Value self) {
    return val_from_smallint(PK(self)->fast);
}
static int pickler_set_fast(Value self, Value v) {
    return int_field_set(&PK(self)->fast, v);
}

FN(pmp_clear) {
    if (method_check_args("clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    memo_clear(&PK(((MemoProxyObject *)val_ptr(self))->owner)->memo);
    return VAL_NONE;
}

FN(pmp_copy) {
    if (method_check_args("copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    PicklerObject *p = PK(((MemoProxyObject *)val_ptr(self))->owner);
    Value d = dict_new();
    if (!d) {
        return 0;
    }
    for (size_t i = 0; i < p->memo.allocated; i++) {
        MemoEntry e = p->memo.table[i];
        if (e.key) {
            Value k = int_from_u64((uint64_t)e.key);
            Value v = k ? tuple_pack2(int_from_i64(e.value), e.key) : 0;
            if (!v || dict_set(d, k, v) < 0) {
                return 0;
            }
        }
    }
    return d;
}

FN(pmp_reduce) {
    Value c = pmp_copy(self, args, nargs, kwnames);
    Value a = c ? tuple_from(&c, 1) : 0;
    return a ? tuple_pack2(val_from_ptr(&type_dict), a) : 0;
}

// ---- the Unpickler object ---------------------------------------------------------------------

typedef struct UnpicklerObject {
    Object header;
    Value *stack;
    size_t stack_len, stack_cap;
    size_t fence;             // the top mark, or 0
    int mark_set;
    size_t *marks;
    size_t num_marks, marks_cap;
    Value *memo;
    size_t memo_size, memo_len;
    Value pers_func;
    Value read, readline, readinto, peek, buffers;
    Value input_obj;          // what `input` points into
    Buffer window;            // an open window on input_obj (loads of a bytes-like), or obj 0
    const char *input;
    size_t input_len, next_read;
    char *line;               // the last line read
    size_t line_cap;
    char *encoding, *errors;  // malloc'ed when owns_*, else static defaults
    int owns_encoding, owns_errors;
    int proto, fix_imports;
} UnpicklerObject;

static void unpickler_free_encoding(UnpicklerObject *u) {
    if (u->owns_encoding) {
        free(u->encoding);
    }
    if (u->owns_errors) {
        free(u->errors);
    }
    u->encoding = u->errors = NULL;
    u->owns_encoding = u->owns_errors = 0;
}

static void unpickler_trace(Object *o, GcTracer *t) {
    UnpicklerObject *u = (UnpicklerObject *)o;
    if (u->stack) {
        gc_trace_values(t, u->stack, u->stack_len);
    }
    if (u->memo) {
        for (size_t i = 0; i < u->memo_size; i++) {
            if (u->memo[i]) {
                gc_trace_value(t, u->memo[i]);
            }
        }
    }
    gc_trace_value(t, u->pers_func);
    gc_trace_value(t, u->read);
    gc_trace_value(t, u->readline);
    gc_trace_value(t, u->readinto);
    gc_trace_value(t, u->peek);
    gc_trace_value(t, u->buffers);
    gc_trace_value(t, u->input_obj);
    gc_trace_value(t, u->window.obj);
}

static void unpickler_release_input(UnpicklerObject *u) {
    if (u->window.obj) {
        buffer_release(&u->window);
    }
    u->input_obj = 0;
    u->input = NULL;
    u->input_len = u->next_read = 0;
}

static void unpickler_free(Object *o) {
    UnpicklerObject *u = (UnpicklerObject *)o;
    free(u->stack);
    free(u->marks);
    free(u->memo);
    free(u->line);
    unpickler_free_encoding(u);
    u->stack = NULL;
    u->marks = NULL;
    u->memo = NULL;
    u->line = NULL;
}

static inline UnpicklerObject *UP(Value v) {
    return (UnpicklerObject *)val_ptr(v);
}

static int bad_readline(void) {
    RAISE(UnpicklingError, "pickle data was truncated");
    return -1;
}

// Make the bytes-like `data` the input (a file read's result).
static int64_t set_input(UnpicklerObject *u, Value data) {
    unpickler_release_input(u);
    Buffer w;
    if (buffer_get_bytes_like(data, &w) < 0) {
        return -1;
    }
    u->window = w;
    u->input_obj = data;
    u->input = w.buf;
    u->input_len = (size_t)w.len;
    u->next_read = 0;
    return w.len;
}

// Read n bytes from the file into the input (the old input is dropped).
static int64_t read_from_file(UnpicklerObject *u, int64_t n) {
    Value data;
    if (n < 0) {
        data = obj_call0(u->readline);
    } else {
        data = obj_call1(u->read, int_from_i64(n));
    }
    if (!data) {
        return -1;
    }
    return set_input(u, data);
}

static int read_slow(UnpicklerObject *u, const char **s, size_t n) {
    if (u->next_read > SIZE_MAX / 2 - n) {
        RAISE(UnpicklingError, "read would overflow (invalid bytecode)");
        return -1;
    }
    if (!u->read) {
        return bad_readline();
    }
    if (n > INT64_MAX) {
        return bad_readline();
    }
    int64_t got = read_from_file(u, (int64_t)n);
    if (got < 0) {
        return -1;
    }
    if ((size_t)got < n) {
        return bad_readline();
    }
    *s = u->input;
    u->next_read = n;
    return 0;
}

static inline int up_read(UnpicklerObject *u, const char **s, size_t n) {
    if (n <= u->input_len - u->next_read) {
        *s = u->input + u->next_read;
        u->next_read += n;
        return 0;
    }
    return read_slow(u, s, n);
}

static int64_t copy_line(UnpicklerObject *u, const char *p, size_t len, char **out) {
    if (len + 1 > u->line_cap) {
        char *l = realloc(u->line, len + 1);
        if (!l) {
            err_no_memory();
            return -1;
        }
        u->line = l;
        u->line_cap = len + 1;
    }
    memcpy(u->line, p, len);
    u->line[len] = 0;
    *out = u->line;
    return (int64_t)len;
}

// A line, its '\n' included; the length, or -1.
static int64_t up_readline(UnpicklerObject *u, char **out) {
    for (size_t i = u->next_read; i < u->input_len; i++) {
        if (u->input[i] == '\n') {
            const char *start = u->input + u->next_read;
            size_t n = i - u->next_read + 1;
            u->next_read = i + 1;
            return copy_line(u, start, n, out);
        }
    }
    if (!u->read) {
        return bad_readline();
    }
    int64_t n = read_from_file(u, -1);
    if (n < 0) {
        return -1;
    }
    if (n == 0 || u->input[n - 1] != '\n') {
        return bad_readline();
    }
    u->next_read = (size_t)n;
    return copy_line(u, u->input, (size_t)n, out);
}

static int stack_underflow(UnpicklerObject *u) {
    RAISE(UnpicklingError, u->mark_set ? "unexpected MARK found" : "unpickling stack underflow");
    return -1;
}

static int push(UnpicklerObject *u, Value v) {
    if (u->stack_len == u->stack_cap) {
        size_t cap = u->stack_cap + (u->stack_cap >> 3) + 8;
        Value *s = realloc(u->stack, cap * sizeof *s);
        if (!s) {
            err_no_memory();
            return -1;
        }
        u->stack = s;
        u->stack_cap = cap;
    }
    u->stack[u->stack_len++] = v;
    return 0;
}

static Value pop(UnpicklerObject *u) {
    if (u->stack_len <= u->fence) {
        stack_underflow(u);
        return 0;
    }
    return u->stack[--u->stack_len];
}

static Value pop_tuple(UnpicklerObject *u, size_t start) {
    if (start < u->fence) {
        stack_underflow(u);
        return 0;
    }
    Value t = tuple_from(u->stack + start, u->stack_len - start);
    if (t) {
        u->stack_len = start;
    }
    return t;
}

static Value pop_list(UnpicklerObject *u, size_t start) {
    Value l = list_from(u->stack + start, u->stack_len - start);
    if (l) {
        u->stack_len = start;
    }
    return l;
}

static int64_t marker(UnpicklerObject *u) {
    if (u->num_marks < 1) {
        RAISE(UnpicklingError, "could not find MARK");
        return -1;
    }
    size_t mark = u->marks[--u->num_marks];
    u->mark_set = u->num_marks != 0;
    u->fence = u->num_marks ? u->marks[u->num_marks - 1] : 0;
    return (int64_t)mark;
}

static int memo_put_u(UnpicklerObject *u, size_t idx, Value v) {
    if (idx >= u->memo_size) {
        size_t ns = idx * 2 < 32 ? 32 : idx * 2;
        if (ns <= idx || ns > SIZE_MAX / sizeof(Value)) {
            err_no_memory();
            return -1;
        }
        Value *m = realloc(u->memo, ns * sizeof *m);
        if (!m) {
            err_no_memory();
            return -1;
        }
        memset(m + u->memo_size, 0, (ns - u->memo_size) * sizeof *m);
        u->memo = m;
        u->memo_size = ns;
    }
    if (!u->memo[idx]) {
        u->memo_len++;
    }
    u->memo[idx] = v;
    return 0;
}

static Value memo_get_u(UnpicklerObject *u, size_t idx) {
    return idx < u->memo_size ? u->memo[idx] : 0;
}

static void memo_clear_u(UnpicklerObject *u) {
    if (u->memo) {
        memset(u->memo, 0, u->memo_size * sizeof *u->memo);
    }
    u->memo_len = 0;
}

static size_t calc_binsize(const unsigned char *s, int n, int *overflow) {
    uint64_t x = 0;
    for (int i = 0; i < n; i++) {
        x |= (uint64_t)s[i] << (8 * i);
    }
    *overflow = x > INT64_MAX;
    return (size_t)x;
}

static int64_t calc_binint(const unsigned char *s, int n) {
    int64_t x = 0;
    for (int i = 0; i < n; i++) {
        x |= (int64_t)s[i] << (8 * i);
    }
    if (n == 4) {
        x = (int32_t)(uint32_t)x;
    }
    return x;
}

// int from little-endian two's complement bytes.
static Value int_from_twos(const unsigned char *d, size_t n) {
    if (n == 0) {
        return val_from_smallint(0);
    }
    int neg = (d[n - 1] & 0x80) != 0;
    size_t nl = (n + 7) / 8;
    uint64_t *l = calloc(nl, sizeof *l);
    if (!l) {
        return err_no_memory();
    }
    unsigned carry = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = d[i];
        if (neg) {
            unsigned x = (unsigned)(unsigned char)~b + carry;
            b = (unsigned char)x;
            carry = x >> 8;
        }
        l[i / 8] |= (uint64_t)b << (8 * (i % 8));
    }
    Value v = int_from_limbs(l, nl, neg);
    free(l);
    return v;
}

static int utf8_is_ascii(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return 0;
        }
    }
    return 1;
}

// Text of an int in INT/LONG/GET/PUT lines: int(s, base). Like CPython's
// PyLong_FromString, bytes that are not UTF-8 raise UnicodeDecodeError.
static Value int_from_line(const char *s, size_t len, int base) {
    Value t = utf8_is_ascii(s, len) ? str_from_utf8(s, len)
                                    : codec_decode(0, s, len, "utf-8", NULL);
    return t ? int_from_text(t, base) : 0;
}

// A FLOAT line as PyOS_string_to_double reads it: a decimal or inf/nan
// prefix (no whitespace, no hex); *end after it. 0 with ValueError when
// nothing converts.
static int parse_float_line(const char *s, double *out, const char **end) {
    const char *p = s;
    if (*p == '+' || *p == '-') {
        p++;
    }
    int ok = (*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9') ||
             strncasecmp(p, "inf", 3) == 0 || strncasecmp(p, "nan", 3) == 0;
    char *e = NULL;
    if (ok) {
        if ((*p == '0') && (p[1] == 'x' || p[1] == 'X')) {
            *out = 0.0;
            *end = p + 1;
            return 0;
        }
        errno = 0;
        *out = strtod(s, &e);
        if (strncasecmp(p, "nan", 3) == 0) {
            e = (char *)p + 3;  // no "nan(chars)"
        }
    }
    if (!ok || e == s) {
        RAISE(val_from_ptr(&exc_ValueError), "could not convert string to float: '%s'", s);
        return -1;
    }
    if (errno == ERANGE && (*out > 1.0 || *out < -1.0)) {
        RAISE(val_from_ptr(&exc_OverflowError), "could not convert string to float: '%s'", s);
        return -1;
    }
    *end = e;
    return 0;
}

// CPython allocates a bytes/bytearray payload before reading it: a size
// that cannot be allocated is a MemoryError even in a truncated pickle.
static int check_payload_alloc(UnpicklerObject *u, size_t size, int bytearray) {
    if (size <= u->input_len - u->next_read) {
        return 0;
    }
    if (!bytearray && size > (size_t)INT64_MAX - 33) {
        RAISE(val_from_ptr(&exc_OverflowError), "byte string is too large");
        return -1;
    }
    void *m = size >= (size_t)INT64_MAX ? NULL : malloc(size + 1);
    if (!m) {
        err_no_memory();
        return -1;
    }
    free(m);
    return 0;
}

static Value decode_utf8_surrogatepass(const char *s, size_t n) {
    if (utf8_is_ascii(s, n)) {
        return n <= 1 ? str_from_utf8(s, n) : str_from_utf8_known(s, n, n, 0);
    }
    return codec_decode(0, s, n, "utf-8", "surrogatepass");
}

static Value decode_ascii(const char *s, size_t n) {
    if (utf8_is_ascii(s, n)) {
        return str_from_utf8(s, n);
    }
    return codec_decode(0, s, n, "ascii", "strict");
}

static Value find_class(UnpicklerObject *u, Value module_name, Value global_name) {
    return obj_call_method(val_from_ptr(u), "find_class", (Value[]){module_name, global_name}, 2);
}

static Value instantiate(Value cls, Value args) {
    if (tuple_obj(args)->len == 0 && type_check(cls)) {
        Value f = obj_getattr_opt(cls, id_getinitargs);
        if (!f) {
            if (err_occurred()) {
                return 0;
            }
            return obj_call_method(cls, "__new__", &cls, 1);
        }
    }
    return obj_call_tuple_dict(cls, args, 0);
}

static int load_extension(UnpicklerObject *u, int nbytes) {
    const char *s;
    if (up_read(u, &s, (size_t)nbytes) < 0) {
        return -1;
    }
    int64_t code = calc_binint((const unsigned char *)s, nbytes);
    if (code <= 0) {
        RAISE(UnpicklingError, "EXT specifies code <= 0");
        return -1;
    }
    Value py_code = int_from_i64(code);
    Value obj = dict_get(st_extension_cache, py_code);
    if (obj) {
        return push(u, obj);
    }
    if (err_occurred()) {
        return -1;
    }
    Value pair = dict_get(st_inverted_registry, py_code);
    if (!pair) {
        if (!err_occurred()) {
            RAISE(val_from_ptr(&exc_ValueError), "unregistered extension code %lld",
                  (long long)code);
        }
        return -1;
    }
    if (!tuple_check(pair) || tuple_obj(pair)->len != 2 ||
        !val_is_str(tuple_obj(pair)->items[0]) || !val_is_str(tuple_obj(pair)->items[1])) {
        RAISE(val_from_ptr(&exc_ValueError), "_inverted_registry[%lld] isn't a 2-tuple of strings",
              (long long)code);
        return -1;
    }
    obj = find_class(u, tuple_obj(pair)->items[0], tuple_obj(pair)->items[1]);
    if (!obj || dict_set(st_extension_cache, py_code, obj) < 0) {
        return -1;
    }
    return push(u, obj);
}

static int do_append(UnpicklerObject *u, size_t x) {
    size_t len = u->stack_len;
    if (x > len || x <= u->fence) {
        return stack_underflow(u);
    }
    if (len == x) {
        return 0;
    }
    Value list = u->stack[x - 1];
    if (list_check_exact(list)) {
        for (size_t i = x; i < len; i++) {
            if (list_append(list, u->stack[i]) < 0) {
                return -1;
            }
        }
        u->stack_len = x;
        return 0;
    }
    Value extend = obj_getattr_opt(list, id_extend);
    if (!extend && err_occurred()) {
        return -1;
    }
    if (extend) {
        Value slice = pop_list(u, x);
        return slice && obj_call1(extend, slice) ? 0 : -1;
    }
    Value append = obj_getattr(list, id_append);
    if (!append) {
        return -1;
    }
    for (size_t i = x; i < len; i++) {
        if (!obj_call1(append, u->stack[i])) {
            u->stack_len = x;
            return -1;
        }
    }
    u->stack_len = x;
    return 0;
}

static int do_setitems(UnpicklerObject *u, int64_t xs) {
    size_t len = u->stack_len;
    if (xs < 0 || (size_t)xs > len || (size_t)xs <= u->fence) {
        return stack_underflow(u);
    }
    size_t x = (size_t)xs;
    if (len == x) {
        return 0;
    }
    if ((len - x) % 2 != 0) {
        RAISE(UnpicklingError, "odd number of items for SETITEMS");
        return -1;
    }
    Value d = u->stack[x - 1];
    int status = 0;
    for (size_t i = x + 1; i < len; i += 2) {
        if (obj_setitem(d, u->stack[i - 1], u->stack[i]) < 0) {
            status = -1;
            break;
        }
    }
    u->stack_len = x;
    return status;
}

static int load_additems(UnpicklerObject *u) {
    int64_t m = marker(u);
    if (m < 0) {
        return -1;
    }
    size_t mark = (size_t)m, len = u->stack_len;
    if (mark > len || mark <= u->fence) {
        return stack_underflow(u);
    }
    if (len == mark) {
        return 0;
    }
    Value set = u->stack[mark - 1];
    if (set_check_any(set) && !frozenset_check_exact(set)) {
        for (size_t i = mark; i < len; i++) {
            if (set_add(set, u->stack[i]) < 0) {
                u->stack_len = mark;
                return -1;
            }
        }
        u->stack_len = mark;
        return 0;
    }
    Value add = obj_getattr(set, id_add);
    if (!add) {
        return -1;
    }
    for (size_t i = mark; i < len; i++) {
        if (!obj_call1(add, u->stack[i])) {
            u->stack_len = mark;
            return -1;
        }
    }
    u->stack_len = mark;
    return 0;
}

static int load_build(UnpicklerObject *u) {
    if (u->stack_len < 2 || u->stack_len - 2 < u->fence) {
        return stack_underflow(u);
    }
    Value state = pop(u);
    if (!state) {
        return -1;
    }
    Value inst = u->stack[u->stack_len - 1];
    Value setstate = obj_getattr_opt(inst, id_setstate);
    if (!setstate && err_occurred()) {
        return -1;
    }
    if (setstate) {
        return obj_call1(setstate, state) ? 0 : -1;
    }
    Value slotstate = 0;
    if (tuple_check(state) && tuple_obj(state)->len == 2) {
        slotstate = tuple_obj(state)->items[1];
        state = tuple_obj(state)->items[0];
    }
    if (state != VAL_NONE) {
        if (!dict_check(state)) {
            RAISE(UnpicklingError, "state is not a dictionary");
            return -1;
        }
        Value d = obj_getattr(inst, id_dict);
        if (!d) {
            return -1;
        }
        size_t pos = 0;
        Value k, v;
        while (dict_next(state, &pos, &k, &v)) {
            if (val_is_str(k) && type_of(k) == &type_str) {
                k = str_intern(k);
            }
            if (obj_setitem(d, k, v) < 0) {
                return -1;
            }
        }
    }
    if (slotstate) {
        if (!dict_check(slotstate)) {
            RAISE(UnpicklingError, "slot state is not a dictionary");
            return -1;
        }
        size_t pos = 0;
        Value k, v;
        while (dict_next(slotstate, &pos, &k, &v)) {
            if (!val_is_str(k)) {
                RAISE(val_from_ptr(&exc_TypeError), "attribute name must be string, not '%s'",
                      obj_type_name(k));
                return -1;
            }
            if (obj_setattr(inst, str_intern(k), v) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int load_newobj(UnpicklerObject *u, int use_kwargs) {
    Value kwargs = 0;
    if (use_kwargs && !(kwargs = pop(u))) {
        return -1;
    }
    Value args = pop(u);
    if (!args) {
        return -1;
    }
    Value cls = pop(u);
    if (!cls) {
        return -1;
    }
    const char *op = use_kwargs ? "NEWOBJ_EX" : "NEWOBJ";
    if (!type_check(cls)) {
        RAISE(UnpicklingError, "%s class argument must be a type, not %s", op,
              obj_type_name(cls));
        return -1;
    }
    if (!type_ptr(cls)->new_) {
        RAISE(UnpicklingError, "%s class argument '%s' doesn't have __new__", op,
              type_ptr(cls)->name);
        return -1;
    }
    if (!tuple_check(args)) {
        RAISE(UnpicklingError, "%s args argument must be a tuple, not %s", op,
              obj_type_name(args));
        return -1;
    }
    if (use_kwargs && !dict_check(kwargs)) {
        RAISE(UnpicklingError, "%s kwargs argument must be a dict, not %s", op,
              obj_type_name(kwargs));
        return -1;
    }
    // cls.__new__(cls, *args, **kwargs)
    Value newf = obj_getattr(cls, id_new);
    if (!newf) {
        return -1;
    }
    size_t n = tuple_obj(args)->len;
    Value full = tuple_new(n + 1);
    if (!full) {
        return -1;
    }
    tuple_obj(full)->items[0] = cls;
    for (size_t i = 0; i < n; i++) {
        tuple_obj(full)->items[i + 1] = tuple_obj(args)->items[i];
    }
    Value obj = obj_call_tuple_dict(newf, full, kwargs);
    return obj ? push(u, obj) : -1;
}

static Value load_string_value(UnpicklerObject *u, const char *s, size_t n, int escaped) {
    Value bytes;
    if (escaped) {
        Value codecs = import_by_name(id__codecs);
        Value raw = codecs ? bytes_from(s, n) : 0;
        Value r = raw ? obj_call_method(codecs, "escape_decode", &raw, 1) : 0;
        if (!r) {
            return 0;
        }
        bytes = tuple_obj(r)->items[0];
    } else {
        bytes = bytes_from(s, n);
    }
    if (!bytes || strcmp(u->encoding, "bytes") == 0) {
        return bytes;
    }
    return codec_decode(bytes, bytes_data(bytes), bytes_len(bytes), u->encoding, u->errors);
}

static Value load(UnpicklerObject *u) {
    u->num_marks = 0;
    u->mark_set = 0;
    u->fence = 0;
    u->proto = 0;
    u->stack_len = 0;
    const char *s;
    char *line;
    int64_t len;
    for (;;) {
        if (up_read(u, &s, 1) < 0) {
            if (err_matches(type_ptr(UnpicklingError))) {
                err_clear();
                err_format(&exc_EOFError, "Ran out of input");
            }
            return 0;
        }
        unsigned char op = (unsigned char)s[0];
        int r = 0;
        switch (op) {
        case PK_NONE:
            r = push(u, VAL_NONE);
            break;
        case PK_NEWTRUE:
            r = push(u, VAL_TRUE);
            break;
        case PK_NEWFALSE:
            r = push(u, VAL_FALSE);
            break;
        case PK_BININT:
        case PK_BININT1:
        case PK_BININT2: {
            int n = op == PK_BININT ? 4 : op == PK_BININT1 ? 1 : 2;
            r = up_read(u, &s, (size_t)n);
            if (r == 0) {
                r = push(u, int_from_i64(calc_binint((const unsigned char *)s, n)));
            }
            break;
        }
        case PK_INT: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            errno = 0;
            char *end;
            long x = strtol(line, &end, 0);
            Value v;
            if (errno || (*end != '\n' && *end != 0)) {
                v = int_from_line(line, (size_t)len, 0);
                if (!v) {
                    err_clear();
                    RAISE(val_from_ptr(&exc_ValueError), "could not convert string to int");
                    return 0;
                }
            } else if (len == 3 && (x == 0 || x == 1)) {
                v = val_bool(x);
            } else {
                v = int_from_i64(x);
            }
            r = push(u, v);
            break;
        }
        case PK_LONG: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            if (line[len - 2] == 'L') {
                line[len - 2] = 0;
                len = len - 2;
            }
            Value v = int_from_line(line, strlen(line), 0);
            if (!v && err_matches(&exc_ValueError) && !err_matches(&exc_UnicodeError)) {
                // PyLong_FromString names the base its prefix chose
                const char *q = line;
                while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '\f' ||
                       *q == '\v') {
                    q++;
                }
                if (*q == '+' || *q == '-') {
                    q++;
                }
                int base = 10;
                if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) {
                    base = 16;
                } else if (q[0] == '0' && (q[1] == 'o' || q[1] == 'O')) {
                    base = 8;
                } else if (q[0] == '0' && (q[1] == 'b' || q[1] == 'B')) {
                    base = 2;
                }
                err_clear();
                Value text = str_from_utf8(line, strlen(line));
                return text ? RAISE(val_from_ptr(&exc_ValueError),
                                    "invalid literal for int() with base %d: %.200R", base, text)
                            : 0;
            }
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_LONG1:
        case PK_LONG4: {
            int n = op == PK_LONG1 ? 1 : 4;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            int64_t size = calc_binint((const unsigned char *)s, n);
            if (size < 0) {
                RAISE(UnpicklingError, "LONG pickle has negative byte count");
                return 0;
            }
            if (up_read(u, &s, (size_t)size) < 0) {
                return 0;
            }
            Value v = int_from_twos((const unsigned char *)s, (size_t)size);
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_FLOAT: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            double d;
            const char *end;
            if (parse_float_line(line, &d, &end) < 0) {
                return 0;
            }
            if (*end != '\n' && *end != 0) {
                return RAISE(val_from_ptr(&exc_ValueError), "could not convert string to float");
            }
            r = push(u, float_from_double(d));
            break;
        }
        case PK_BINFLOAT: {
            if (up_read(u, &s, 8) < 0) {
                return 0;
            }
            uint64_t bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (unsigned char)s[i];
            }
            double d;
            memcpy(&d, &bits, 8);
            r = push(u, float_from_double(d));
            break;
        }
        case PK_SHORT_BINBYTES:
        case PK_BINBYTES:
        case PK_BINBYTES8:
        case PK_BYTEARRAY8: {
            int n = op == PK_SHORT_BINBYTES ? 1 : op == PK_BINBYTES ? 4 : 8;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            int ovf;
            size_t size = calc_binsize((const unsigned char *)s, n, &ovf);
            if (ovf) {
                RAISE(val_from_ptr(&exc_OverflowError),
                      "%s exceeds system's maximum size of %lld bytes",
                      op == PK_BYTEARRAY8 ? "BYTEARRAY8" : "BINBYTES", (long long)INT64_MAX);
                return 0;
            }
            if (check_payload_alloc(u, size, op == PK_BYTEARRAY8) < 0 || up_read(u, &s, size) < 0) {
                return 0;
            }
            Value v = op == PK_BYTEARRAY8 ? bytearray_from(s, size) : bytes_from(s, size);
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_NEXT_BUFFER: {
            if (!u->buffers) {
                RAISE(UnpicklingError,
                      "pickle stream refers to out-of-band data but no *buffers* argument was "
                      "given");
                return 0;
            }
            Value b = obj_next(u->buffers);
            if (!b) {
                if (!err_occurred()) {
                    RAISE(UnpicklingError, "not enough out-of-band buffers");
                }
                return 0;
            }
            r = push(u, b);
            break;
        }
        case PK_READONLY_BUFFER: {
            if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            Value obj = u->stack[u->stack_len - 1];
            Value view = obj_call1(val_from_ptr(&type_memoryview), obj);
            if (!view) {
                return 0;
            }
            if (!memoryview_obj(view)->view.readonly) {
                memoryview_obj(view)->view.readonly = 1;
                u->stack[u->stack_len - 1] = view;
            }
            break;
        }
        case PK_SHORT_BINSTRING:
        case PK_BINSTRING: {
            int n = op == PK_SHORT_BINSTRING ? 1 : 4;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            int ovf;
            size_t size = calc_binsize((const unsigned char *)s, n, &ovf);
            if (up_read(u, &s, size) < 0) {
                return 0;
            }
            Value v = load_string_value(u, s, size, 0);
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_STRING: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            len--;
            if (len >= 2 && line[0] == line[len - 1] && (line[0] == '\'' || line[0] == '"')) {
                Value v = load_string_value(u, line + 1, (size_t)len - 2, 1);
                r = v ? push(u, v) : -1;
            } else {
                RAISE(UnpicklingError, "the STRING opcode argument must be quoted");
                return 0;
            }
            break;
        }
        case PK_UNICODE: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 1) {
                bad_readline();
                return 0;
            }
            Value v = codec_decode(0, line, (size_t)len - 1, "raw_unicode_escape", NULL);
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_SHORT_BINUNICODE:
        case PK_BINUNICODE:
        case PK_BINUNICODE8: {
            int n = op == PK_SHORT_BINUNICODE ? 1 : op == PK_BINUNICODE ? 4 : 8;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            int ovf;
            size_t size = calc_binsize((const unsigned char *)s, n, &ovf);
            if (ovf) {
                RAISE(val_from_ptr(&exc_OverflowError),
                      "BINUNICODE exceeds system's maximum size of %lld bytes",
                      (long long)INT64_MAX);
                return 0;
            }
            if (up_read(u, &s, size) < 0) {
                return 0;
            }
            Value v = decode_utf8_surrogatepass(s, size);
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_EMPTY_TUPLE:
        case PK_TUPLE1:
        case PK_TUPLE2:
        case PK_TUPLE3: {
            size_t n = op == PK_EMPTY_TUPLE ? 0 : (size_t)(op - PK_TUPLE1 + 1);
            if (u->stack_len < n) {
                stack_underflow(u);
                return 0;
            }
            Value t = pop_tuple(u, u->stack_len - n);
            r = t ? push(u, t) : -1;
            break;
        }
        case PK_TUPLE: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            Value t = pop_tuple(u, (size_t)m);
            r = t ? push(u, t) : -1;
            break;
        }
        case PK_EMPTY_LIST: {
            Value l = list_new(0);
            r = l ? push(u, l) : -1;
            break;
        }
        case PK_LIST: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            Value l = pop_list(u, (size_t)m);
            r = l ? push(u, l) : -1;
            break;
        }
        case PK_EMPTY_DICT: {
            Value d = dict_new();
            r = d ? push(u, d) : -1;
            break;
        }
        case PK_DICT: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            size_t i = (size_t)m, j = u->stack_len;
            Value d = dict_new();
            if (!d) {
                return 0;
            }
            if ((j - i) % 2 != 0) {
                RAISE(UnpicklingError, "odd number of items for DICT");
                return 0;
            }
            for (size_t k = i + 1; k < j; k += 2) {
                if (dict_setitem(d, u->stack[k - 1], u->stack[k]) < 0) {
                    return 0;
                }
            }
            u->stack_len = i;
            r = push(u, d);
            break;
        }
        case PK_EMPTY_SET: {
            Value st = set_new(0);
            r = st ? push(u, st) : -1;
            break;
        }
        case PK_ADDITEMS:
            r = load_additems(u);
            break;
        case PK_FROZENSET: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            Value items = pop_tuple(u, (size_t)m);
            Value fs = items ? frozenset_new(items) : 0;
            r = fs ? push(u, fs) : -1;
            break;
        }
        case PK_OBJ: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            if (u->stack_len - (size_t)m < 1) {
                stack_underflow(u);
                return 0;
            }
            Value a = pop_tuple(u, (size_t)m + 1);
            Value cls = a ? pop(u) : 0;
            Value obj = cls ? instantiate(cls, a) : 0;
            r = obj ? push(u, obj) : -1;
            break;
        }
        case PK_INST: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            Value module_name = decode_ascii(line, (size_t)len - 1);
            if (!module_name) {
                return 0;
            }
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            Value class_name = decode_ascii(line, (size_t)len - 1);
            Value cls = class_name ? find_class(u, module_name, class_name) : 0;
            Value a = cls ? pop_tuple(u, (size_t)m) : 0;
            Value obj = a ? instantiate(cls, a) : 0;
            r = obj ? push(u, obj) : -1;
            break;
        }
        case PK_NEWOBJ:
            r = load_newobj(u, 0);
            break;
        case PK_NEWOBJ_EX:
            r = load_newobj(u, 1);
            break;
        case PK_GLOBAL: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            Value module_name = codec_decode(0, line, (size_t)len - 1, "utf-8", NULL);
            if (!module_name) {
                return 0;
            }
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            Value global_name = codec_decode(0, line, (size_t)len - 1, "utf-8", NULL);
            Value g = global_name ? find_class(u, module_name, global_name) : 0;
            r = g ? push(u, g) : -1;
            break;
        }
        case PK_STACK_GLOBAL: {
            Value gn = pop(u);
            Value mn = gn ? pop(u) : 0;
            if (!mn || type_of(mn) != &type_str || type_of(gn) != &type_str) {
                err_clear();
                RAISE(UnpicklingError, "STACK_GLOBAL requires str");
                return 0;
            }
            Value g = find_class(u, mn, gn);
            r = g ? push(u, g) : -1;
            break;
        }
        case PK_APPEND:
            if (u->stack_len < 1 || u->stack_len - 1 <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            r = do_append(u, u->stack_len - 1);
            break;
        case PK_APPENDS: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            r = do_append(u, (size_t)m);
            break;
        }
        case PK_SETITEM:
            r = do_setitems(u, (int64_t)u->stack_len - 2);
            break;
        case PK_SETITEMS: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            r = do_setitems(u, m);
            break;
        }
        case PK_BUILD:
            r = load_build(u);
            break;
        case PK_DUP:
            if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            r = push(u, u->stack[u->stack_len - 1]);
            break;
        case PK_GET:
        case PK_BINGET:
        case PK_LONG_BINGET: {
            size_t idx;
            if (op == PK_GET) {
                if ((len = up_readline(u, &line)) < 0) {
                    return 0;
                }
                if (len < 2) {
                    bad_readline();
                    return 0;
                }
                Value key = int_from_line(line, (size_t)len, 10);
                if (!key) {
                    return 0;
                }
                int64_t k;
                if (int_to_i64(key, &k) < 0) {
                    return 0;
                }
                idx = (size_t)k;
                Value v = k >= 0 ? memo_get_u(u, idx) : 0;
                if (!v) {
                    RAISE(UnpicklingError, "Memo value not found at index %lld", (long long)k);
                    return 0;
                }
                r = push(u, v);
                break;
            }
            int n = op == PK_BINGET ? 1 : 4;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            int ovf;
            idx = calc_binsize((const unsigned char *)s, n, &ovf);
            Value v = memo_get_u(u, idx);
            if (!v) {
                RAISE(UnpicklingError, "Memo value not found at index %zu", idx);
                return 0;
            }
            r = push(u, v);
            break;
        }
        case PK_MARK: {
            if (u->num_marks >= u->marks_cap) {
                size_t cap = (u->num_marks << 1) + 20;
                size_t *m = realloc(u->marks, cap * sizeof *m);
                if (!m) {
                    err_no_memory();
                    return 0;
                }
                u->marks = m;
                u->marks_cap = cap;
            }
            u->mark_set = 1;
            u->marks[u->num_marks++] = u->fence = u->stack_len;
            break;
        }
        case PK_PUT: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            Value key = int_from_line(line, (size_t)len, 10);
            if (!key) {
                return 0;
            }
            int64_t k;
            if (int_to_i64(key, &k) < 0) {
                return 0;
            }
            if (k < 0) {
                RAISE(val_from_ptr(&exc_ValueError), "negative PUT argument");
                return 0;
            }
            r = memo_put_u(u, (size_t)k, u->stack[u->stack_len - 1]);
            break;
        }
        case PK_BINPUT:
        case PK_LONG_BINPUT: {
            int n = op == PK_BINPUT ? 1 : 4;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            int ovf;
            size_t idx = calc_binsize((const unsigned char *)s, n, &ovf);
            r = memo_put_u(u, idx, u->stack[u->stack_len - 1]);
            break;
        }
        case PK_MEMOIZE:
            if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            r = memo_put_u(u, u->memo_len, u->stack[u->stack_len - 1]);
            break;
        case PK_POP:
            if (u->num_marks > 0 && u->marks[u->num_marks - 1] == u->stack_len) {
                u->num_marks--;
                u->mark_set = u->num_marks != 0;
                u->fence = u->num_marks ? u->marks[u->num_marks - 1] : 0;
            } else if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            } else {
                u->stack_len--;
            }
            break;
        case PK_POP_MARK: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            if ((size_t)m < u->stack_len) {
                u->stack_len = (size_t)m;
            }
            break;
        }
        case PK_PERSID:
        case PK_BINPERSID: {
            if (!u->pers_func) {
                RAISE(UnpicklingError,
                      "A load persistent id instruction was encountered,\n"
                      "but no persistent_load function was specified.");
                return 0;
            }
            Value pid;
            if (op == PK_PERSID) {
                if ((len = up_readline(u, &line)) < 0) {
                    return 0;
                }
                if (len < 1) {
                    bad_readline();
                    return 0;
                }
                pid = decode_ascii(line, (size_t)len - 1);
                if (!pid) {
                    if (err_matches(&exc_UnicodeDecodeError)) {
                        err_clear();
                        RAISE(UnpicklingError,
                              "persistent IDs in protocol 0 must be ASCII strings");
                    }
                    return 0;
                }
            } else if (!(pid = pop(u))) {
                return 0;
            }
            Value obj = obj_call1(u->pers_func, pid);
            r = obj ? push(u, obj) : -1;
            break;
        }
        case PK_REDUCE: {
            Value argtup = pop(u);
            Value callable = argtup ? pop(u) : 0;
            if (!callable) {
                return 0;
            }
            if (!tuple_check(argtup)) {
                return RAISE(val_from_ptr(&exc_TypeError), "argument list must be a tuple");
            }
            Value obj = obj_call_tuple_dict(callable, argtup, 0);
            r = obj ? push(u, obj) : -1;
            break;
        }
        case PK_PROTO: {
            if (up_read(u, &s, 1) < 0) {
                return 0;
            }
            int i = (unsigned char)s[0];
            if (i > HIGHEST_PROTOCOL) {
                return RAISE(val_from_ptr(&exc_ValueError), "unsupported pickle protocol: %d", i);
            }
            u->proto = i;
            break;
        }
        case PK_FRAME: {
            if (up_read(u, &s, 8) < 0) {
                return 0;
            }
            int ovf;
            size_t flen = calc_binsize((const unsigned char *)s, 8, &ovf);
            if (ovf) {
                return RAISE(val_from_ptr(&exc_OverflowError),
                             "FRAME length exceeds system's maximum of %lld bytes",
                             (long long)INT64_MAX);
            }
            if (up_read(u, &s, flen) < 0) {
                return 0;
            }
            u->next_read -= flen;
            break;
        }
        case PK_EXT1:
            r = load_extension(u, 1);
            break;
        case PK_EXT2:
            r = load_extension(u, 2);
            break;
        case PK_EXT4:
            r = load_extension(u, 4);
            break;
        case PK_STOP:
            return pop(u);
        default:
            if (op >= 0x20 && op <= 0x7e && op != '\'' && op != '\\') {
                return RAISE(UnpicklingError, "invalid load key, '%c'.", (int)op);
            }
            return RAISE(UnpicklingError, "invalid load key, '\\x%02x'.", (unsigned)op);
        }
        if (r < 0) {
            return 0;
        }
    }
}

static int set_encoding(UnpicklerObject *u, Value enc, Value errs) {
    const char *e = "ASCII", *r = "strict";
    if (enc) {
        if (!val_is_str(enc)) {
            RAISE(val_from_ptr(&exc_TypeError), "argument 'encoding' must be str, not %s",
                  obj_type_name(enc));
            return -1;
        }
        e = str_obj(enc)->data;
    }
    if (errs) {
        if (!val_is_str(errs)) {
            RAISE(val_from_ptr(&exc_TypeError), "argument 'errors' must be str, not %s",
                  obj_type_name(errs));
            return -1;
        }
        r = str_obj(errs)->data;
    }
    unpickler_free_encoding(u);
    u->encoding = enc ? strdup(e) : (char *)"ASCII";
    u->errors = errs ? strdup(r) : (char *)"strict";
    u->owns_encoding = enc != 0;
    u->owns_errors = errs != 0;
    if (!u->encoding || !u->errors) {
        err_no_memory();
        return -1;
    }
    return 0;
}

static int set_buffers(UnpicklerObject *u, Value buffers) {
    if (!buffers || buffers == VAL_NONE) {
        u->buffers = 0;
        return 0;
    }
    u->buffers = obj_iter(buffers);
    return u->buffers ? 0 : -1;
}

static int set_input_stream(UnpicklerObject *u, Value file) {
    u->peek = obj_getattr_opt(file, id_peek);
    if (!u->peek && err_occurred()) {
        return -1;
    }
    u->readinto = obj_getattr_opt(file, id_readinto);
    if (!u->readinto && err_occurred()) {
        return -1;
    }
    u->read = obj_getattr_opt(file, id_read);
    if (!u->read && err_occurred()) {
        return -1;
    }
    u->readline = obj_getattr_opt(file, id_readline);
    if (!u->readline && err_occurred()) {
        return -1;
    }
    if (!u->readline || !u->read) {
        u->read = u->readline = u->readinto = u->peek = 0;
        RAISE(val_from_ptr(&exc_TypeError), "file must have 'read' and 'readline' attributes");
        return -1;
    }
    return 0;
}

static Value unpickler_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    UnpicklerObject *u = (UnpicklerObject *)gc_alloc(t, t->basic_size);
    return u ? val_from_ptr(u) : 0;
}

static Value unpickler_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "fix_imports", "encoding", "errors", "buffers",
                                        NULL};
    static const ArgSpec spec = {"Unpickler", 0, names, 1, 1, 0};
    Value a[5] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    UnpicklerObject *u = UP(self);
    if (u->read) {
        unpickler_release_input(u);
        u->read = u->readline = u->readinto = u->peek = u->buffers = u->pers_func = 0;
        u->stack_len = 0;
        memo_clear_u(u);
        u->num_marks = 0;
    }
    if (set_input_stream(u, a[0]) < 0 || set_encoding(u, a[2], a[3]) < 0 ||
        set_buffers(u, a[4]) < 0) {
        return 0;
    }
    int fix = bool_arg(a[1], 1);
    if (fix < 0) {
        return 0;
    }
    u->fix_imports = fix;
    Value pf = obj_getattr_opt(self, id_persistent_load);
    if (!pf && err_occurred()) {
        return 0;
    }
    u->pers_func = pf;
    memo_clear_u(u);
    u->proto = 0;
    return VAL_NONE;
}

FN(unpickler_m_load) {
    if (method_check_args("load", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    UnpicklerObject *u = UP(self);
    if (!u->read) {
        return RAISE(UnpicklingError, "Unpickler.__init__() was not called by %s.__init__()",
                     type_of(self)->name);
    }
    Value r = load(u);
    // what read() returned is consumed: give back its window (a bytearray
    // must not stay unresizable)
    unpickler_release_input(u);
    return r;
}

FN(unpickler_m_find_class) {
    if (method_check_args("find_class", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    UnpicklerObject *u = UP(self);
    Value module_name = args[0], global_name = args[1];
    if (u->proto < 3 && u->fix_imports) {
        Value key = tuple_pack2(module_name, global_name);
        if (!key) {
            return 0;
        }
        Value item = dict_get(st_name_2to3, key);
        if (item) {
            if (!tuple_check(item) || tuple_obj(item)->len != 2) {
                return RAISE(val_from_ptr(&exc_RuntimeError),
                             "_compat_pickle.NAME_MAPPING values should be 2-tuples, not %s",
                             obj_type_name(item));
            }
            module_name = tuple_obj(item)->items[0];
            global_name = tuple_obj(item)->items[1];
            if (!val_is_str(module_name) || !val_is_str(global_name)) {
                return RAISE(val_from_ptr(&exc_RuntimeError),
                             "_compat_pickle.NAME_MAPPING values should be pairs of str, not "
                             "(%s, %s)",
                             obj_type_name(module_name), obj_type_name(global_name));
            }
        } else if (err_occurred()) {
            return 0;
        } else {
            item = dict_get(st_import_2to3, module_name);
            if (item) {
                if (!val_is_str(item)) {
                    return RAISE(val_from_ptr(&exc_RuntimeError),
                                 "_compat_pickle.IMPORT_MAPPING values should be strings, not %s",
                                 obj_type_name(item));
                }
                module_name = item;
            } else if (err_occurred()) {
                return 0;
            }
        }
    }
    if (!val_is_str(module_name)) {
        return RAISE(val_from_ptr(&exc_TypeError), "module name must be str, not %s",
                     obj_type_name(module_name));
    }
    Value module = import_by_name(module_name);
    if (!module) {
        return 0;
    }
    if (!val_is_str(global_name)) {
        return RAISE(val_from_ptr(&exc_TypeError), "attribute name must be string, not '%s'",
                     obj_type_name(global_name));
    }
    return getattribute(module, global_name, u->proto >= 4);
}

FN(unpickler_m_sizeof) {
    if (method_check_args("__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    UnpicklerObject *u = UP(self);
    size_t n = type_of(self)->basic_size + u->memo_size * sizeof(Value) +
               u->marks_cap * sizeof(size_t);
    if (u->line) {
        n += strlen(u->line) + 1;
    }
    if (u->encoding) {
        n += strlen(u->encoding) + 1;
    }
    if (u->errors) {
        n += strlen(u->errors) + 1;
    }
    return int_from_u64(n);
}

static Value unpickler_get_memo(Value self) {
    return memoproxy_new(&type_unpickler_memoproxy, self);
}

static int unpickler_set_memo(Value self, Value v) {
    UnpicklerObject *u = UP(self);
    if (!v) {
        RAISE(val_from_ptr(&exc_TypeError), "attribute deletion is not supported");
        return -1;
    }
    if (type_of(v) == &type_unpickler_memoproxy) {
        UnpicklerObject *src = UP(((MemoProxyObject *)val_ptr(v))->owner);
        if (src == u) {
            return 0;
        }
        size_t n = src->memo_size;
        Value *m = calloc(n ? n : 1, sizeof *m);
        if (!m) {
            err_no_memory();
            return -1;
        }
        if (n) {
            memcpy(m, src->memo, n * sizeof *m);
        }
        free(u->memo);
        u->memo = m;
        u->memo_size = n;
        u->memo_len = src->memo_len;
        return 0;
    }
    if (dict_check(v)) {
        // As CPython 3.11 does: the items go into the current memo, which is
        // then replaced by an empty one (so a dict empties the memo).
        size_t pos = 0;
        Value k, val;
        while (dict_next(v, &pos, &k, &val)) {
            if (!int_check(k)) {
                RAISE(val_from_ptr(&exc_TypeError), "memo key must be integers");
                return -1;
            }
            int64_t idx;
            if (int_to_i64(k, &idx) < 0) {
                return -1;
            }
            if (idx < 0) {
                RAISE(val_from_ptr(&exc_ValueError), "memo key must be positive integers.");
                return -1;
            }
            if (memo_put_u(u, (size_t)idx, val) < 0) {
                return -1;
            }
        }
        memo_clear_u(u);
        return 0;
    }
    RAISE(val_from_ptr(&exc_TypeError),
          "'memo' attribute must be an UnpicklerMemoProxy object or dict, not %s",
          obj_type_name(v));
    return -1;
}

static Value unpickler_get_persload(Value self) {
    UnpicklerObject *u = UP(self);
    if (!u->pers_func) {
        return err_format(&exc_AttributeError, "persistent_load");
    }
    return u->pers_func;
}

static int unpickler_set_persload(Value self, Value v) {
    return set_callable_attr(&UP(self)->pers_func, v, "persistent_load");
}

FN(ump_clear) {
    if (method_check_args("clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    memo_clear_u(UP(((MemoProxyObject *)val_ptr(self))->owner));
    return VAL_NONE;
}

FN(ump_copy) {
    if (method_check_args("copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    UnpicklerObject *u = UP(((MemoProxyObject *)val_ptr(self))->owner);
    Value d = dict_new();
    if (!d) {
        return 0;
    }
    for (size_t i = 0; i < u->memo_size; i++) {
        if (u->memo[i] && dict_set(d, int_from_u64(i), u->memo[i]) < 0) {
            return 0;
        }
    }
    return d;
}

FN(ump_reduce) {
    Value c = ump_copy(self, args, nargs, kwnames);
    Value a = c ? tuple_from(&c, 1) : 0;
    return a ? tuple_pack2(val_from_ptr(&type_dict), a) : 0;
}

// ---- module functions -------------------------------------------------------------------------

// A pickler that is not a Python-visible object's __init__: dump/dumps.
// dump/dumps and load/loads reuse one Pickler and one Unpickler (their memo
// tables, output buffer and stack stay allocated between calls) unless a
// call is already using it (a __reduce__ that pickles, a find_class that
// unpickles): then they get a fresh one.
static int spare_pickler_busy, spare_unpickler_busy;

enum { SPARE_MEMO_MAX = 4096, SPARE_OUT_MAX = 1 << 20 };

// After dump/dumps: the spare pickler forgets what it pickled.
static void module_pickler_done(PicklerObject *p) {
    if (val_from_ptr(p) != spare_pickler) {
        if (spare_pickler) {
            return;
        }
        spare_pickler = val_from_ptr(p);
    }
    spare_pickler_busy = 0;
    if (p->memo.allocated > SPARE_MEMO_MAX) {
        memo_free(&p->memo);
    } else {
        memo_clear(&p->memo);
    }
    if (p->out_cap > SPARE_OUT_MAX) {
        free(p->out);
        p->out = NULL;
        p->out_cap = 0;
    }
    clear_buffer(p);
    p->write = p->buffer_callback = 0;
    p->framing = 0;
}

static PicklerObject *module_pickler(Value protocol, Value fix, Value buffer_callback) {
    PicklerObject *p;
    if (spare_pickler && !spare_pickler_busy) {
        p = PK(spare_pickler);
        spare_pickler_busy = 1;
    } else if (!(p = pickler_new_raw(&type_pickler))) {
        return NULL;
    }
    int f = bool_arg(fix, 1);
    if (f < 0 || set_protocol(p, protocol, f) < 0 ||
        set_buffer_callback(p, buffer_callback ? buffer_callback : VAL_NONE) < 0 ||
        (!p->memo.table && memo_init(&p->memo) < 0)) {
        module_pickler_done(p);
        return NULL;
    }
    return p;
}

FN(pickle_dump) {
    static const char *const names[] = {"obj", "file", "protocol", "fix_imports",
                                        "buffer_callback", NULL};
    static const ArgSpec spec = {"dump", 0, names, 2, 3, 0};
    Value a[5] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    PicklerObject *p = module_pickler(a[2], a[3], a[4]);
    if (!p) {
        return 0;
    }
    Value r = VAL_NONE;
    Value w = obj_getattr_opt(a[1], id_write);
    if (!w) {
        if (!err_occurred()) {
            RAISE(val_from_ptr(&exc_TypeError), "file must have a 'write' attribute");
        }
        r = 0;
    } else {
        p->write = w;
        if (dump(p, a[0]) < 0 || flush_to_file(p) < 0) {
            r = 0;
        }
    }
    module_pickler_done(p);
    return r;
}

FN(pickle_dumps) {
    static const char *const names[] = {"obj", "protocol", "fix_imports", "buffer_callback",
                                        NULL};
    static const ArgSpec spec = {"dumps", 0, names, 1, 2, 0};
    Value a[4] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    PicklerObject *p = module_pickler(a[1], a[2], a[3]);
    if (!p) {
        return 0;
    }
    Value r = dump(p, a[0]) < 0 ? 0 : take_output(p);
    module_pickler_done(p);
    return r;
}

static void module_unpickler_done(UnpicklerObject *u) {
    unpickler_release_input(u);
    u->stack_len = 0;
    u->num_marks = 0;
    u->read = u->readline = u->readinto = u->peek = u->buffers = 0;
    if (val_from_ptr(u) != spare_unpickler) {
        if (spare_unpickler) {
            return;
        }
        spare_unpickler = val_from_ptr(u);
    }
    spare_unpickler_busy = 0;
    if (u->memo_size > SPARE_MEMO_MAX) {
        free(u->memo);
        u->memo = NULL;
        u->memo_size = u->memo_len = 0;
    } else {
        memo_clear_u(u);
    }
    if (u->stack_cap > SPARE_MEMO_MAX) {
        free(u->stack);
        u->stack = NULL;
        u->stack_cap = 0;
    }
}

static UnpicklerObject *module_unpickler(Value *a) {
    UnpicklerObject *u;
    if (spare_unpickler && !spare_unpickler_busy) {
        u = UP(spare_unpickler);
        spare_unpickler_busy = 1;
    } else {
        u = (UnpicklerObject *)gc_alloc(&type_unpickler, sizeof(UnpicklerObject));
        if (!u) {
            return NULL;
        }
    }
    int fix = bool_arg(a[0], 1);
    if (fix < 0 || set_encoding(u, a[1], a[2]) < 0 || set_buffers(u, a[3]) < 0) {
        module_unpickler_done(u);
        return NULL;
    }
    u->fix_imports = fix;
    return u;
}

FN(pickle_load) {
    static const char *const names[] = {"file", "fix_imports", "encoding", "errors", "buffers",
                                        NULL};
    static const ArgSpec spec = {"load", 0, names, 1, 1, 0};
    Value a[5] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    UnpicklerObject *u = module_unpickler(a + 1);
    if (!u) {
        return 0;
    }
    Value r = set_input_stream(u, a[0]) < 0 ? 0 : load(u);
    module_unpickler_done(u);
    return r;
}

FN(pickle_loads) {
    static const char *const names[] = {"data", "fix_imports", "encoding", "errors", "buffers",
                                        NULL};
    static const ArgSpec spec = {"loads", 1, names + 1, 1, 1, 0};
    Value a[5] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    UnpicklerObject *u = module_unpickler(a + 1);
    if (!u) {
        return 0;
    }
    Value r = set_input(u, a[0]) < 0 ? 0 : load(u);
    module_unpickler_done(u);
    return r;
}

// ---- PickleBuffer -----------------------------------------------------------------------------

static void picklebuffer_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((PickleBufferObject *)o)->view.obj);
}

// The wrapped object's export is given back by a finalizer, not a free
// function: finalizers run while the objects they may touch are still alive.
static Value picklebuffer_finalize(Value self) {
    PickleBufferObject *pb = (PickleBufferObject *)val_ptr(self);
    if (pb->view.obj) {
        buffer_release(&pb->view);
    }
    return VAL_NONE;
}

static Value picklebuffer_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"", NULL};
    static const ArgSpec spec = {"PickleBuffer", 1, names + 1, 1, 1, 0};
    Value a[1] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Buffer w;
    int k = buffer_get(a[0], &w, BUFFER_STRIDED);
    if (k == 0) {
        return RAISE(val_from_ptr(&exc_TypeError), "a bytes-like object is required, not '%s'",
                     obj_type_name(a[0]));
    }
    if (k < 0) {
        return 0;
    }
    PickleBufferObject *pb =
        (PickleBufferObject *)gc_alloc(type_ptr(type), type_ptr(type)->basic_size);
    if (!pb) {
        buffer_release(&w);
        return 0;
    }
    pb->view = w;
    return val_from_ptr(pb);
}

// A window on a PickleBuffer is a new window on the object it wraps (its
// `obj` is that object, as CPython's memoryview(PickleBuffer(x)).obj is x).
static int picklebuffer_get(Value v, Buffer *view, int flags) {
    PickleBufferObject *pb = (PickleBufferObject *)val_ptr(v);
    if (!pb->view.obj) {
        RAISE(val_from_ptr(&exc_ValueError), "operation forbidden on released PickleBuffer object");
        return -1;
    }
    int k = buffer_get(pb->view.obj, view, flags);
    if (k == 0) {
        RAISE(val_from_ptr(&exc_TypeError), "a bytes-like object is required, not '%s'",
              obj_type_name(pb->view.obj));
        return -1;
    }
    return k < 0 ? -1 : 0;
}

static void picklebuffer_release_export(Value v) {
    (void)v;  // windows are opened on the wrapped object and released there
}

static const BufferExporter picklebuffer_exporter = {
    &type_picklebuffer, picklebuffer_get, picklebuffer_release_export};

FN(picklebuffer_m_raw) {
    if (method_check_args("raw", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    PickleBufferObject *pb = (PickleBufferObject *)val_ptr(self);
    if (!pb->view.obj) {
        return RAISE(val_from_ptr(&exc_ValueError),
                     "operation forbidden on released PickleBuffer object");
    }
    if (pb->view.stride != pb->view.itemsize) {
        return RAISE(val_from_ptr(&exc_BufferError),
                     "cannot extract raw buffer from non-contiguous buffer");
    }
    Value mv = obj_call1(val_from_ptr(&type_memoryview), self);
    if (!mv) {
        return 0;
    }
    if (strcmp(memoryview_obj(mv)->format, "B") != 0 || memoryview_obj(mv)->view.itemsize != 1) {
        Value fmt = str_from_cstr("B");
        Value r = fmt ? obj_call_method(mv, "cast", &fmt, 1) : 0;
        if (!r) {
            return 0;
        }
        obj_call_method(mv, "release", NULL, 0);
        mv = r;
    }
    return mv;
}

FN(picklebuffer_m_release) {
    if (method_check_args("release", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    PickleBufferObject *pb = (PickleBufferObject *)val_ptr(self);
    if (pb->view.obj) {
        buffer_release(&pb->view);
    }
    return VAL_NONE;
}

// ---- type and module tables -------------------------------------------------------------------

static const MethodDef pickler_methods[] = {
    {"dump", pickler_m_dump, METH_DEFAULT,
     "dump($self, obj, /)\n--\n\nWrite a pickled representation of the given object to the open "
     "file."},
    {"clear_memo", pickler_m_clear_memo, METH_DEFAULT,
     "clear_memo($self, /)\n--\n\nClears the pickler's \"memo\"."},
    {"__sizeof__", pickler_m_sizeof, METH_DEFAULT, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static const MemberDef pickler_members[] = {
    {"dispatch_table", MEMBER_VALUE, offsetof(PicklerObject, dispatch_table), NULL},
    {NULL, 0, 0, NULL},
};

static const GetSetDef pickler_getset[] = {
    {"memo", pickler_get_memo, pickler_set_memo, NULL},
    {"persistent_id", pickler_get_persid, pickler_set_persid, NULL},
    {"bin", pickler_get_bin, pickler_set_bin, NULL},
    {"fast", pickler_get_fast, pickler_set_fast, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_pickler = {
    .header = {&type_type},
    .name = "_pickle.Pickler",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(PicklerObject),
    .base = &type_object,
    .trace = pickler_trace,
    .free = pickler_free,
    .new_ = pickler_tp_new,
    .init = pickler_tp_init,
    .methods = pickler_methods,
    .members = pickler_members,
    .getset = pickler_getset,
};

static const MethodDef pmp_methods[] = {
    {"clear", pmp_clear, METH_DEFAULT, "Remove all items from memo."},
    {"copy", pmp_copy, METH_DEFAULT, "Copy the memo to a new object."},
    {"__reduce__", pmp_reduce, METH_DEFAULT, "Implement pickle support."},
    {NULL, NULL, 0, NULL},
};

static Type type_pickler_memoproxy = {
    .header = {&type_type},
    .name = "_pickle.PicklerMemoProxy",
    .basic_size = sizeof(MemoProxyObject),
    .base = &type_object,
    .trace = memoproxy_trace,
    .hash = hash_unhashable,
    .methods = pmp_methods,
};

static const MethodDef unpickler_methods[] = {
    {"load", unpickler_m_load, METH_DEFAULT,
     "load($self, /)\n--\n\nLoad a pickle."},
    {"find_class", unpickler_m_find_class, METH_DEFAULT,
     "find_class($self, module_name, global_name, /)\n--\n\nReturn an object from a specified "
     "module."},
    {"__sizeof__", unpickler_m_sizeof, METH_DEFAULT, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef unpickler_getset[] = {
    {"memo", unpickler_get_memo, unpickler_set_memo, NULL},
    {"persistent_load", unpickler_get_persload, unpickler_set_persload, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_unpickler = {
    .header = {&type_type},
    .name = "_pickle.Unpickler",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(UnpicklerObject),
    .base = &type_object,
    .trace = unpickler_trace,
    .free = unpickler_free,
    .new_ = unpickler_tp_new,
    .init = unpickler_tp_init,
    .methods = unpickler_methods,
    .getset = unpickler_getset,
};

static const MethodDef ump_methods[] = {
    {"clear", ump_clear, METH_DEFAULT, "Remove all items from memo."},
    {"copy", ump_copy, METH_DEFAULT, "Copy the memo to a new object."},
    {"__reduce__", ump_reduce, METH_DEFAULT, "Implement pickling support."},
    {NULL, NULL, 0, NULL},
};

static Type type_unpickler_memoproxy = {
    .header = {&type_type},
    .name = "_pickle.UnpicklerMemoProxy",
    .basic_size = sizeof(MemoProxyObject),
    .base = &type_object,
    .trace = memoproxy_trace,
    .hash = hash_unhashable,
    .methods = ump_methods,
};

static const MethodDef picklebuffer_methods[] = {
    {"raw", picklebuffer_m_raw, METH_DEFAULT,
     "raw($self, /)\n--\n\nReturn a memoryview of the raw memory underlying this buffer.\n"
     "Will raise BufferError is the buffer isn't contiguous."},
    {"release", picklebuffer_m_release, METH_DEFAULT,
     "release($self, /)\n--\n\nRelease the underlying buffer exposed by the PickleBuffer "
     "object."},
    {NULL, NULL, 0, NULL},
};

static Type type_picklebuffer = {
    .header = {&type_type},
    .name = "pickle.PickleBuffer",
    .flags = TYPE_HAS_WEAKREF,
    .basic_size = sizeof(PickleBufferObject),
    .base = &type_object,
    .trace = picklebuffer_trace,
    .finalize = picklebuffer_finalize,
    .new_ = picklebuffer_tp_new,
    .methods = picklebuffer_methods,
};

static const MethodDef pickle_functions[] = {
    {"dump", pickle_dump, METH_DEFAULT,
     "dump($module, /, obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)\n--\n"
     "\nWrite a pickled representation of obj to the open file object file."},
    {"dumps", pickle_dumps, METH_DEFAULT,
     "dumps($module, /, obj, protocol=None, *, fix_imports=True, buffer_callback=None)\n--\n\n"
     "Return the pickled representation of the object as a bytes object."},
    {"load", pickle_load, METH_DEFAULT,
     "load($module, /, file, *, fix_imports=True, encoding='ASCII', errors='strict', "
     "buffers=())\n--\n\nRead and return an object from the pickle data stored in a file."},
    {"loads", pickle_loads, METH_DEFAULT,
     "loads($module, data, /, *, fix_imports=True, encoding='ASCII', errors='strict', "
     "buffers=())\n--\n\nRead and return an object from the given pickle data."},
    {NULL, NULL, 0, NULL},
};

static Value make_exception(const char *name, Value base) {
    Value bases = tuple_from(&base, 1);
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("_pickle")) < 0) {
        return 0;
    }
    return type_new_class(&type_type, str_from_cstr(name), bases, ns);
}

static Value module_attr(const char *module, const char *name, int need_dict) {
    Value m = import_by_name(str_from_cstr(module));
    Value v = m ? obj_getattr_cstr(m, name) : 0;
    if (v && need_dict && !dict_check_exact(v)) {
        return RAISE(val_from_ptr(&exc_RuntimeError), "%s.%s should be a dict, not %s", module,
                     name, obj_type_name(v));
    }
    return v;
}

Value pickle_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    for (size_t i = 0; i < sizeof state_roots / sizeof *state_roots; i++) {
        gc_add_root(state_roots[i]);
    }
    gc_add_root(&id_class);
    if (!(id_class = str_intern_cstr("__class__"))) {
        return 0;
    }
    gc_add_root(&id_dict);
    if (!(id_dict = str_intern_cstr("__dict__"))) {
        return 0;
    }
    gc_add_root(&id_getinitargs);
    if (!(id_getinitargs = str_intern_cstr("__getinitargs__"))) {
        return 0;
    }
    gc_add_root(&id_module);
    if (!(id_module = str_intern_cstr("__module__"))) {
        return 0;
    }
    gc_add_root(&id_name);
    if (!(id_name = str_intern_cstr("__name__"))) {
        return 0;
    }
    gc_add_root(&id_new);
    if (!(id_new = str_intern_cstr("__new__"))) {
        return 0;
    }
    gc_add_root(&id_qualname);
    if (!(id_qualname = str_intern_cstr("__qualname__"))) {
        return 0;
    }
    gc_add_root(&id_reduce);
    if (!(id_reduce = str_intern_cstr("__reduce__"))) {
        return 0;
    }
    gc_add_root(&id_reduce_ex);
    if (!(id_reduce_ex = str_intern_cstr("__reduce_ex__"))) {
        return 0;
    }
    gc_add_root(&id_setstate);
    if (!(id_setstate = str_intern_cstr("__setstate__"))) {
        return 0;
    }
    gc_add_root(&id__codecs);
    if (!(id__codecs = str_intern_cstr("_codecs"))) {
        return 0;
    }
    gc_add_root(&id_add);
    if (!(id_add = str_intern_cstr("add"))) {
        return 0;
    }
    gc_add_root(&id_append);
    if (!(id_append = str_intern_cstr("append"))) {
        return 0;
    }
    gc_add_root(&id_dispatch_table);
    if (!(id_dispatch_table = str_intern_cstr("dispatch_table"))) {
        return 0;
    }
    gc_add_root(&id_extend);
    if (!(id_extend = str_intern_cstr("extend"))) {
        return 0;
    }
    gc_add_root(&id_latin1);
    if (!(id_latin1 = str_intern_cstr("latin1"))) {
        return 0;
    }
    gc_add_root(&id_peek);
    if (!(id_peek = str_intern_cstr("peek"))) {
        return 0;
    }
    gc_add_root(&id_persistent_id);
    if (!(id_persistent_id = str_intern_cstr("persistent_id"))) {
        return 0;
    }
    gc_add_root(&id_persistent_load);
    if (!(id_persistent_load = str_intern_cstr("persistent_load"))) {
        return 0;
    }
    gc_add_root(&id_read);
    if (!(id_read = str_intern_cstr("read"))) {
        return 0;
    }
    gc_add_root(&id_readinto);
    if (!(id_readinto = str_intern_cstr("readinto"))) {
        return 0;
    }
    gc_add_root(&id_readline);
    if (!(id_readline = str_intern_cstr("readline"))) {
        return 0;
    }
    gc_add_root(&id_reducer_override);
    if (!(id_reducer_override = str_intern_cstr("reducer_override"))) {
        return 0;
    }
    gc_add_root(&id_write);
    if (!(id_write = str_intern_cstr("write"))) {
        return 0;
    }
    if (type_ready(&type_pickler) < 0 || type_ready(&type_unpickler) < 0 ||
        type_ready(&type_pickler_memoproxy) < 0 || type_ready(&type_unpickler_memoproxy) < 0 ||
        type_ready(&type_picklebuffer) < 0) {
        return 0;
    }
    buffer_register_exporter(&picklebuffer_exporter);
    PickleError = make_exception("PickleError", val_from_ptr(&exc_Exception));
    PicklingError = PickleError ? make_exception("PicklingError", PickleError) : 0;
    UnpicklingError = PicklingError ? make_exception("UnpicklingError", PickleError) : 0;
    if (!UnpicklingError) {
        return 0;
    }
    if (!(st_dispatch_table = module_attr("copyreg", "dispatch_table", 1)) ||
        !(st_extension_registry = module_attr("copyreg", "_extension_registry", 1)) ||
        !(st_inverted_registry = module_attr("copyreg", "_inverted_registry", 1)) ||
        !(st_extension_cache = module_attr("copyreg", "_extension_cache", 1)) ||
        !(st_name_2to3 = module_attr("_compat_pickle", "NAME_MAPPING", 1)) ||
        !(st_import_2to3 = module_attr("_compat_pickle", "IMPORT_MAPPING", 1)) ||
        !(st_name_3to2 = module_attr("_compat_pickle", "REVERSE_NAME_MAPPING", 1)) ||
        !(st_import_3to2 = module_attr("_compat_pickle", "REVERSE_IMPORT_MAPPING", 1)) ||
        !(st_codecs_encode = module_attr("codecs", "encode", 0)) ||
        !(st_getattr = module_attr("builtins", "getattr", 0)) ||
        !(st_partial = module_attr("functools", "partial", 0))) {
        return 0;
    }
    Value m = module_new_cstr("_pickle");
    if (!m || module_add_functions(m, pickle_functions) < 0 ||
        module_add(m, "Pickler", val_from_ptr(&type_pickler)) < 0 ||
        module_add(m, "Unpickler", val_from_ptr(&type_unpickler)) < 0 ||
        module_add(m, "PickleBuffer", val_from_ptr(&type_picklebuffer)) < 0 ||
        module_add(m, "PickleError", PickleError) < 0 ||
        module_add(m, "PicklingError", PicklingError) < 0 ||
        module_add(m, "UnpicklingError", UnpicklingError) < 0 ||
        module_add(m, "__doc__",
                   str_from_cstr("Optimized C implementation for the Python pickle module.")) <
            0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
