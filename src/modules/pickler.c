// pickler.c - the `_pickle` module's Pickler: pickle.Pickler, dump and
// dumps (with the memo proxy PicklerMemoProxy). picklemodule.c's opening
// comment describes the design; pickle.h what the files share.
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
#include "pickle.h"


#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- the pickler's memo ------------------------------------------------------------------------

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

// ---- the Pickler object ------------------------------------------------------------------------

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
static inline int write_bytes(PicklerObject *p, const unsigned char *header, size_t hlen,
                       const char *data, size_t n, Value payload) {
    if (n < FRAME_SIZE_TARGET) {
        return pk_write(p, header, hlen) < 0 || pk_write(p, data, n) < 0 ? -1 : 0;
    }
    int bypass = 1;
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
        RAISE(pickle_PicklingError, "memo id too large for LONG_BINGET");
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
        RAISE(pickle_PicklingError, "memo id too large for LONG_BINPUT");
        return -1;
    }
    return pk_write(p, buf, n);
}

// ---- saving ------------------------------------------------------------------------------------

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
            Value a = u ? tuple_pack2(u, pickle_id_latin1) : 0;
            rv = a ? tuple_pack2(pickle_codecs_encode, a) : 0;
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


static int save_picklebuffer(PicklerObject *p, Value obj) {
    if (p->proto < 5) {
        RAISE(pickle_PicklingError, "PickleBuffer can only pickled with protocol >= 5");
        return -1;
    }
    PickleBufferObject *pb = (PickleBufferObject *)val_ptr(obj);
    if (!pb->view.obj) {
        RAISE(val_from_ptr(&exc_ValueError), "operation forbidden on released PickleBuffer object");
        return -1;
    }
    if (pb->view.stride != pb->view.itemsize) {
        RAISE(pickle_PicklingError,
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
    Value item = dict_get(pickle_name_3to2, key);
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
    item = dict_get(pickle_import_3to2, *module_name);
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

// A name for GLOBAL: ASCII (UTF-8 with protocol 3), else pickle_PicklingError.
static int write_global_name(PicklerObject *p, Value name, const char *what) {
    StrObject *s = str_obj(name);
    if (p->proto != 3 && !(s->flags & STR_ASCII)) {
        RAISE(pickle_PicklingError, "can't pickle %s identifier '%S' using pickle protocol %d",
              what, name, p->proto);
        return -1;
    }
    if (p->proto == 3) {
        // UTF-8: lone surrogates cannot be encoded
        Value enc = codec_encode(name, "utf-8", NULL);
        if (!enc) {
            if (err_matches(&exc_UnicodeEncodeError)) {
                err_clear();
                RAISE(pickle_PicklingError,
                      "can't pickle %s identifier '%S' using pickle protocol %d", what, name,
                      p->proto);
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
        global_name = obj_getattr_opt(obj, pickle_id_qualname);
        if (!global_name) {
            if (err_occurred()) {
                return -1;
            }
            global_name = obj_getattr(obj, pickle_id_name);
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
    Value dotted_path = pickle_get_dotted_path(0, global_name);
    if (!dotted_path) {
        return -1;
    }
    Value module_name = pickle_whichmodule(obj, dotted_path);
    if (!module_name) {
        return -1;
    }
    Value module = pickle_import(module_name);
    if (!module) {
        RAISE(pickle_PicklingError, "Can't pickle %R: import of module %R failed", obj,
              module_name);
        return -1;
    }
    ListObject *dl = list_obj(dotted_path);
    Value lastname = dl->items[dl->len - 1];
    Value parent = 0;
    Value cls = pickle_get_deep_attribute(module, dotted_path, &parent);
    if (!cls) {
        RAISE(pickle_PicklingError, "Can't pickle %R: attribute lookup %S on %S failed", obj,
              global_name, module_name);
        return -1;
    }
    if (cls != obj) {
        RAISE(pickle_PicklingError, "Can't pickle %R: it's not the same object as %S.%S", obj,
              module_name, global_name);
        return -1;
    }
    if (p->proto >= 2) {
        Value key = tuple_pack2(module_name, global_name);
        if (!key) {
            return -1;
        }
        Value code_obj = dict_get(pickle_extension_registry, key);
        if (code_obj) {
            if (!int_check(code_obj)) {
                RAISE(pickle_PicklingError, "Can't pickle %R: extension code %R isn't an integer",
                      obj, code_obj);
                return -1;
            }
            int64_t code;
            if (int_to_i64(code_obj, &code) < 0) {
                return -1;
            }
            if (code <= 0 || code > 0x7fffffffL) {
                RAISE(pickle_PicklingError, "Can't pickle %R: extension code %lld is out of range",
                      obj, (long long)code);
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
        Value rv = a ? tuple_pack2(pickle_getattr, a) : 0;
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
        RAISE(pickle_PicklingError, "persistent IDs in protocol 0 must be ASCII strings");
        return -1;
    }
    if (pk_write1(p, PK_PERSID) < 0 || pk_write(p, str_obj(s)->data, str_obj(s)->nbytes) < 0 ||
        pk_write1(p, '\n') < 0) {
        return -1;
    }
    return 1;
}

static Value get_class(Value obj) {
    Value cls = obj_getattr_opt(obj, pickle_id_class);
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
        RAISE(pickle_PicklingError,
              "tuple returned by __reduce__ must contain 2 through 6 elements");
        return -1;
    }
    Value callable = t->items[0], argtup = t->items[1];
    Value state = size > 2 ? t->items[2] : VAL_NONE;
    Value listitems = size > 3 ? t->items[3] : VAL_NONE;
    Value dictitems = size > 4 ? t->items[4] : VAL_NONE;
    Value state_setter = size > 5 ? t->items[5] : VAL_NONE;
    if (!callable_check(callable)) {
        RAISE(pickle_PicklingError,
              "first item of the tuple returned by __reduce__ must be callable");
        return -1;
    }
    if (!tuple_check(argtup)) {
        RAISE(pickle_PicklingError,
              "second item of the tuple returned by __reduce__ must be a tuple");
        return -1;
    }
    if (state == VAL_NONE) {
        state = 0;
    }
    if (listitems == VAL_NONE) {
        listitems = 0;
    } else if (!iter_check(listitems)) {
        RAISE(pickle_PicklingError,
              "fourth element of the tuple returned by __reduce__ must be an iterator, not %s",
              obj_type_name(listitems));
        return -1;
    }
    if (dictitems == VAL_NONE) {
        dictitems = 0;
    } else if (!iter_check(dictitems)) {
        RAISE(pickle_PicklingError,
              "fifth element of the tuple returned by __reduce__ must be an iterator, not %s",
              obj_type_name(dictitems));
        return -1;
    }
    if (state_setter == VAL_NONE) {
        state_setter = 0;
    } else if (!callable_check(state_setter)) {
        RAISE(pickle_PicklingError,
              "sixth element of the tuple returned by __reduce__ must be a function, not %s",
              obj_type_name(state_setter));
        return -1;
    }
    int use_newobj = 0, use_newobj_ex = 0;
    if (p->proto >= 2) {
        Value name = obj_getattr_opt(callable, pickle_id_name);
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
            RAISE(pickle_PicklingError,
                  "length of the NEWOBJ_EX argument tuple must be exactly 3, not %zu", at->len);
            return -1;
        }
        Value cls = at->items[0], cargs = at->items[1], kwargs = at->items[2];
        if (!type_check(cls)) {
            RAISE(pickle_PicklingError,
                  "first item from NEWOBJ_EX argument tuple must be a class, not %s",
                  obj_type_name(cls));
            return -1;
        }
        if (!tuple_check(cargs)) {
            RAISE(pickle_PicklingError,
                  "second item from NEWOBJ_EX argument tuple must be a tuple, not %s",
                  obj_type_name(cargs));
            return -1;
        }
        if (!dict_check(kwargs)) {
            RAISE(pickle_PicklingError,
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
            Value cls_new = newargs ? obj_getattr(cls, pickle_id_new) : 0;
            if (!cls_new) {
                return -1;
            }
            tuple_obj(newargs)->items[0] = cls_new;
            tuple_obj(newargs)->items[1] = cls;
            for (size_t i = 0; i < na; i++) {
                tuple_obj(newargs)->items[i + 2] = tuple_obj(cargs)->items[i];
            }
            Value partial = obj_call_tuple_dict(pickle_partial, newargs, kwargs);
            Value empty = partial ? tuple_new(0) : 0;
            if (!empty || save(p, partial, 0) < 0 || save(p, empty, 0) < 0 ||
                pk_write1(p, PK_REDUCE) < 0) {
                return -1;
            }
        }
    } else if (use_newobj) {
        if (at->len < 1) {
            RAISE(pickle_PicklingError, "__newobj__ arglist is empty");
            return -1;
        }
        Value cls = at->items[0];
        if (!type_check(cls)) {
            RAISE(pickle_PicklingError, "args[0] from __newobj__ args is not a type");
            return -1;
        }
        if (obj) {
            Value oc = get_class(obj);
            if (!oc) {
                return -1;
            }
            if (oc != cls) {
                RAISE(pickle_PicklingError, "args[0] from __newobj__ args has the wrong class");
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
        reduce_func = dict_get(pickle_dispatch_table, val_from_ptr(type));
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
        reduce_func = obj_getattr_opt(obj, pickle_id_reduce_ex);
        if (!reduce_func && err_occurred()) {
            goto error;
        }
        if (reduce_func) {
            reduce_value = obj_call1(reduce_func, val_from_smallint(p->proto));
        } else {
            reduce_func = obj_getattr_opt(obj, pickle_id_reduce);
            if (!reduce_func && err_occurred()) {
                goto error;
            }
            if (reduce_func) {
                reduce_value = obj_call0(reduce_func);
            } else {
                RAISE(pickle_PicklingError, "can't pickle '%s' object: %R", type->name, obj);
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
        RAISE(pickle_PicklingError, "__reduce__ must return a string or tuple");
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
        ro = obj_getattr_opt(val_from_ptr(p), pickle_id_reducer_override);
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
    Value w = obj_getattr_opt(a[0], pickle_id_write);
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
    Value pf = obj_getattr_opt(self, pickle_id_persistent_id);
    if (!pf && err_occurred()) {
        return 0;
    }
    p->pers_func = pf;
    if (!p->dispatch_table) {
        Value dt = obj_getattr_opt(self, pickle_id_dispatch_table);
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
        return RAISE(pickle_PicklingError, "Pickler.__init__() was not called by %s.__init__()",
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

static Value pickler_get_memo(Value self) {
    return pickle_memoproxy_new(&type_pickler_memoproxy, self);
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


static int pickler_set_persid(Value self, Value v) {
    return pickle_set_callable_attr(&PK(self)->pers_func, v, "persistent_id");
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

// ---- dump and dumps ----------------------------------------------------------------------------

// A pickler that is not a Python-visible object's __init__: dump/dumps.
// dump/dumps and load/loads reuse one Pickler and one Unpickler (their memo
// tables, output buffer and stack stay allocated between calls) unless a
// call is already using it (a __reduce__ that pickles, a find_class that
// unpickles): then they get a fresh one.
static Value spare_pickler;
static int spare_pickler_busy;

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

Value pickle_dump(Value self, const Value *args, size_t nargs, Value kwnames) {
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
    Value w = obj_getattr_opt(a[1], pickle_id_write);
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

Value pickle_dumps(Value self, const Value *args, size_t nargs, Value kwnames) {
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

// ---- types -------------------------------------------------------------------------------------

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

Type type_pickler = {
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

Type type_pickler_memoproxy = {
    .header = {&type_type},
    .name = "_pickle.PicklerMemoProxy",
    .basic_size = sizeof(MemoProxyObject),
    .base = &type_object,
    .trace = pickle_memoproxy_trace,
    .hash = hash_unhashable,
    .methods = pmp_methods,
};


int pickle_pickler_ready(void) {
    gc_add_root(&spare_pickler);
    return type_ready(&type_pickler) < 0 || type_ready(&type_pickler_memoproxy) < 0 ? -1 : 0;
}
