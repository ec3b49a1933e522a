// str.c - Python's str.
//
// ## Representation
//
// A str holds generalized UTF-8: UTF-8 in which the lone surrogates
// U+D800..U+DFFF (a Python str may hold them) are encoded like any other
// code point, as 3 bytes; a surrogate pair stays two code points, never one.
// Next to the bytes: the length in code points, a NUL after the last byte,
// flags (ASCII, or whether some code point needs 2 or 4 bytes in CPython's
// representation - hashing needs that), and the hash once computed.
//
// Why UTF-8: no conversion at the edges (source code, files, the terminal,
// C strings in messages), compact text, and memcmp/memmem work directly:
//   - UTF-8 (surrogates included) orders byte strings exactly as their code
//     point sequences: a lead byte grows with the code point and with the
//     sequence length, so the first differing byte decides as the first
//     differing code point would, and no encoding is a prefix of another.
//   - UTF-8 is self-synchronizing: a byte-level match of a valid needle in a
//     valid haystack always starts at a character boundary.
//
// ## Indexing: the sparse index (PyPy's approach)
//
// An ASCII str is indexed directly. For other strings, s[i] needs the byte
// offset of code point i. Short strings (<= STR_INDEX_MIN code points) walk
// from the nearer end. Longer ones build, on first use, a StrIndex: the byte
// offset of every 8th code point, packed as one 64-bit word per 32 code
// points (1/4 byte per code point; details at StrIndex). A lookup walks
// forward at most 7 code points from its anchor, eight bytes at a time and
// without a branch per character (str_walk_forward), and remembers where it
// ended, so that s[i] in a loop costs one step. Measured numbers are in
// tests/unit/str_test.sh's report (STR_BENCH=1) and at StrIndex.
//
// The index is malloc'ed memory that its str owns, listed in str_indexed: a
// sweep hook (gc_add_sweep_hook) frees the indexes of the strings each
// collection finds dead. So str has neither a TraceFunc nor a FreeFunc: a
// str is a leaf (TYPE_GC_LEAF) that the collector marks without reading it,
// in lazily swept blocks, and the index needs no write barrier.
//
// ## Sharing
//
// '' and the 256 one-character strings below U+0100 are singletons, made on
// first use. Interned strings (identifiers, attribute names) live in a hash
// set; they are immortal for now. All three are reported to the collector by
// one root provider.
//
// ## Hashing
//
// CPython hashes a str over its own fixed-width representation (hash.h);
// str_hash feeds SipHash with the code points packed 8, 4 or 2 to a word,
// so krait's hash() equals CPython's for every string and seed.
#define _GNU_SOURCE  // memrchr
#include "str.h"
#include "iterators.h"
#include "list.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "abstract.h"
#include "bytes.h"
#include "exceptions.h"
#include "format.h"
#include "float.h"
#include "gc.h"
#include "hash.h"
#include "int.h"
#include "slice.h"
#include "type.h"
#include "unicode.h"

#define STR_LIKELY(x) __builtin_expect(!!(x), 1)
#define STR_UNLIKELY(x) __builtin_expect(!!(x), 0)

#define STR_HI UINT64_C(0x8080808080808080)
#define STR_HEADER_SIZE offsetof(StrObject, data)
// The largest nbytes a str may have: its allocation size must fit ptrdiff_t.
#define STR_MAX_BYTES ((size_t)PTRDIFF_MAX - STR_HEADER_SIZE - 64)

static const char str_hexdigits[] = "0123456789abcdef";

// ---- repr of UTF-8 text ---------------------------------------------------------------

// Append a backslash, `kind` and `ndigits` lowercase hex digits of cp.
static void str_put_hex_escape(StrBuf *out, char kind, uint32_t cp, int ndigits) {
    char esc[10];
    esc[0] = '\\';
    esc[1] = kind;
    for (int i = 0; i < ndigits; i++) {
        esc[2 + i] = str_hexdigits[(cp >> (4 * (ndigits - 1 - i))) & 15];
    }
    sb_put(out, esc, (size_t)ndigits + 2);
}

void str_repr(StrBuf *out, const char *s, size_t len) {
    // Single quotes unless the text has a ' and no ", as CPython chooses.
    char quote = '\'';
    if (memchr(s, '\'', len) && !memchr(s, '"', len)) {
        quote = '"';
    }
    sb_reserve(out, len + 2);
    sb_putc(out, quote);
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            // ASCII: the common case, decided without the Unicode tables.
            if (c == (unsigned char)quote || c == '\\') {
                char esc[2] = {'\\', (char)c};
                sb_put(out, esc, 2);
            } else if (c == '\t') {
                sb_put(out, "\\t", 2);
            } else if (c == '\n') {
                sb_put(out, "\\n", 2);
            } else if (c == '\r') {
                sb_put(out, "\\r", 2);
            } else if (c < ' ' || c == 0x7f) {
                str_put_hex_escape(out, 'x', c, 2);
            } else {
                sb_putc(out, (char)c);
            }
            i++;
            continue;
        }
        uint32_t cp;
        int n = utf8_decode(s + i, len - i, &cp, 1);
        if (n == 0) {
            // Not generalized UTF-8: a caller bug. Show the byte rather than
            // read past it.
            str_put_hex_escape(out, 'x', c, 2);
            i++;
            continue;
        }
        if (uni_is_printable(cp)) {
            sb_put(out, s + i, (size_t)n);
        } else if (cp <= 0xff) {
            str_put_hex_escape(out, 'x', cp, 2);
        } else if (cp <= 0xffff) {
            str_put_hex_escape(out, 'u', cp, 4);
        } else {
            str_put_hex_escape(out, 'U', cp, 8);
        }
        i += (size_t)n;
    }
    sb_putc(out, quote);
}

// ---- UTF-8 word tricks ----------------------------------------------------------------

static inline uint64_t str_load64(const unsigned char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

// Bit 7 of each byte of w set iff that byte is a continuation byte (10xxxxxx).
static inline uint64_t str_cont_mask(uint64_t w) {
    return w & ~(w << 1) & STR_HI;
}

// The number of bytes of w with bit 7 set, for a w with no other bits set:
// one multiply sums the bits into the top byte (a popcount instruction is
// not in the x86-64 baseline).
static inline size_t str_count_hi(uint64_t mask) {
    return (size_t)(((mask >> 7) * UINT64_C(0x0101010101010101)) >> 56);
}

// Length of the sequence a lead byte starts, by its top four bits.
static const unsigned char str_seq_len[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4};

// Decode the code point at p (valid generalized UTF-8); *n gets its length.
static inline uint32_t str_decode(const unsigned char *p, size_t *n) {
    return str_decode_cp(p, n);
}

// Code point count and flags of valid generalized UTF-8.
static void str_scan(const unsigned char *p, size_t n, size_t *len, uint32_t *flags) {
    size_t cont = 0;
    uint64_t any_hi = 0, wide2 = 0, wide4 = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = str_load64(p + i);
        if (STR_LIKELY((w & STR_HI) == 0)) {
            continue;
        }
        any_hi |= w;
        cont += str_count_hi(str_cont_mask(w));
        // A byte >= 0xC4 (11 and some of the next four bits) leads a code
        // point >= 0x100; a byte >= 0xF0 one >= 0x10000.
        wide2 |= w & (w << 1) & ((w << 2) | (w << 3) | (w << 4) | (w << 5));
        wide4 |= w & (w << 1) & (w << 2) & (w << 3);
    }
    for (; i < n; i++) {
        unsigned c = p[i];
        any_hi |= c;
        cont += (c & 0xC0) == 0x80;
        wide2 |= (uint64_t)(c >= 0xC4) << 7;
        wide4 |= (uint64_t)(c >= 0xF0) << 7;
    }
    *len = n - cont;
    uint32_t f = 0;
    if ((any_hi & STR_HI) == 0) {
        f |= STR_ASCII;
    }
    if (wide2 & STR_HI) {
        f |= STR_WIDE2;
    }
    if (wide4 & STR_HI) {
        f |= STR_WIDE2 | STR_WIDE4;
    }
    *flags = f;
}

#define STR_ONES UINT64_C(0x0101010101010101)

// The byte position `r` code points after the character start `pos`, in a
// string of `end` bytes followed by its NUL. Eight bytes at a time: the
// lead (non-continuation) bytes of a word, multiplied by 0x0101..01, give in
// byte k the number of characters starting in bytes 0..k; when the word
// holds the character sought, a SWAR compare and a count of trailing zeros
// find its byte, without a branch per character.
static inline size_t str_walk_forward(const unsigned char *d, size_t end, size_t pos, size_t r) {
    size_t need = r + 1;  // character starts to pass, pos's own included
    while (pos + 8 <= end + 1) {
        uint64_t leads = (~str_cont_mask(str_load64(d + pos)) & STR_HI) >> 7;
        uint64_t prefix = leads * STR_ONES;
        size_t here = (size_t)(prefix >> 56);
        if (here >= need) {
            // need <= 8 here, so no byte of the sum carries into the next.
            uint64_t hit = (prefix + STR_ONES * (0x80 - need)) & STR_HI;
            return pos + ((size_t)__builtin_ctzll(hit) >> 3);
        }
        need -= here;
        pos += 8;
    }
    for (;; pos++) {
        if ((d[pos] & 0xC0) != 0x80 && --need == 0) {
            return pos;
        }
    }
}

// The byte position `r` code points before the character start (or end) `pos`.
static size_t str_walk_backward(const unsigned char *d, size_t pos, size_t r) {
    if (r >= 8) {
        while (pos >= 8) {
            size_t starts =
                8 - str_count_hi(str_cont_mask(str_load64(d + pos - 8)));
            if (starts >= r) {
                break;
            }
            r -= starts;
            pos -= 8;
        }
    }
    // A pos inside a character counts that character once, below.
    while (r > 0) {
        pos--;
        while ((d[pos] & 0xC0) == 0x80) {
            pos--;
        }
        r--;
    }
    return pos;
}

// ---- the sparse index -------------------------------------------------------------------

// Two levels, in the spirit of PyPy's rutf8 index storage: a full byte
// offset for every 32nd code point, and for the code points 8, 16 and 24 of
// each block a one-byte delta from the block's offset (24 code points take
// at most 96 bytes). A block is one 64-bit word - offset in the low 32
// bits, deltas in bits 32..55 - so a lookup touches one word of the index
// (strings of 4 GiB and more use two words per block: the offset, then the
// deltas): 1/4 byte per code point, and a walk of at most 7 code points.
// History, measured on random lookups in a 1 MB string: one anchor per 64
// code points with walks of up to 32 either way, ~33 ns (the walk's length
// and direction mispredicted); anchors every 16 code points, ~24 ns; every
// 8, ~14 ns. The cursor took sequential lookups from ~15 ns to ~4.5 ns.
#define STR_BLOCK_SHIFT 5
#define STR_SUB_SHIFT 3
#define STR_SUB ((size_t)1 << STR_SUB_SHIFT)
#define STR_INDEX_MIN 64  // shorter strings just walk
// Test knobs: tests/unit/str_test.sh builds a second driver with
// -DSTR_TEST_KNOBS, which can give every string the >= 4 GiB index layout
// and run every search without SIMD or through two-way alone.
#ifdef STR_TEST_KNOBS
int str_test_wide_index;  // 1: two words per block for every index
int str_test_find_mode;   // 1: the scalar candidate filter, 2: two-way only
#define STR_INDEX_FORCE_WIDE str_test_wide_index
#else
#define STR_INDEX_FORCE_WIDE 0
#endif

typedef struct StrIndex {
    int wide;              // two words per block
    size_t cursor_cp;      // the last lookup: code point cursor_cp is at byte
    size_t cursor_off;     // cursor_off (s[i] in a loop walks one step)
    uint64_t blocks[];
} StrIndex;

// The strings that own an index. Not roots: str_indexed_sweep drops (and
// frees the index of) each one a collection finds dead.
static struct {
    StrObject **items;
    size_t len, cap;
} str_indexed;

static void str_indexed_sweep(void) {
    size_t kept = 0;
    for (size_t i = 0; i < str_indexed.len; i++) {
        StrObject *s = str_indexed.items[i];
        if (gc_survives((Object *)s)) {
            str_indexed.items[kept++] = s;
        } else {
            free(s->index);
        }
    }
    str_indexed.len = kept;
}

static int str_indexed_add(StrObject *s) {
    if (str_indexed.len == str_indexed.cap) {
        if (str_indexed.cap == 0) {
            gc_add_sweep_hook(str_indexed_sweep);
        }
        size_t cap = str_indexed.cap ? 2 * str_indexed.cap : 64;
        StrObject **a = realloc(str_indexed.items, cap * sizeof *a);
        if (a == NULL) {
            return -1;
        }
        str_indexed.items = a;
        str_indexed.cap = cap;
    }
    str_indexed.items[str_indexed.len++] = s;
    return 0;
}

// The byte offset of code point j * 8 (j * 8 < len).
static inline size_t str_index_anchor(const StrIndex *x, size_t j) {
    size_t block = j >> (STR_BLOCK_SHIFT - STR_SUB_SHIFT);
    unsigned sub = (unsigned)j & 3;
    size_t base;
    uint64_t deltas;
    if (STR_LIKELY(!x->wide)) {
        deltas = x->blocks[block];
        base = (uint32_t)deltas;
    } else {
        base = (size_t)x->blocks[2 * block];
        deltas = x->blocks[2 * block + 1];
    }
    // sub 1..3: the byte at bit 24 + 8 * sub; sub 0: no delta.
    return base + ((deltas >> (24 + 8 * sub)) & 0xff & (0 - (uint64_t)(sub != 0)));
}

// Build s's index; NULL (no exception) if memory is short: callers then walk.
static StrIndex *str_index_build(StrObject *s) {
    size_t nsubs = ((s->len - 1) >> STR_SUB_SHIFT) + 1;
    size_t nblocks = ((s->len - 1) >> STR_BLOCK_SHIFT) + 1;
    int wide = STR_INDEX_FORCE_WIDE || s->nbytes > UINT32_MAX;
    size_t words = wide ? 2 * nblocks : nblocks;
    StrIndex *x = calloc(1, sizeof(StrIndex) + words * 8);
    if (x == NULL) {
        return NULL;
    }
    if (str_indexed_add(s) < 0) {
        free(x);
        return NULL;
    }
    x->wide = wide;
    const unsigned char *d = (const unsigned char *)s->data;
    size_t pos = 0, base = 0;
    for (size_t j = 0; j < nsubs; j++) {
        size_t block = j >> (STR_BLOCK_SHIFT - STR_SUB_SHIFT);
        unsigned sub = (unsigned)j & 3;
        if (sub == 0) {
            base = pos;
            if (wide) {
                x->blocks[2 * block] = pos;
            } else {
                x->blocks[block] = pos;
            }
        } else {
            x->blocks[wide ? 2 * block + 1 : block] |= (uint64_t)(pos - base) << (24 + 8 * sub);
        }
        if (j + 1 < nsubs) {
            pos = str_walk_forward(d, s->nbytes, pos, STR_SUB);
        }
    }
    s->index = x;
    return x;
}

size_t str_offset_of(Value v, size_t i) {
    StrObject *s = str_obj(v);
    if (s->flags & STR_ASCII) {
        return i;
    }
    const unsigned char *d = (const unsigned char *)s->data;
    if (i >= s->len) {
        return s->nbytes;
    }
    StrIndex *x = s->index;
    if (x == NULL && (s->len <= STR_INDEX_MIN || (x = str_index_build(s)) == NULL)) {
        if (i <= s->len / 2) {
            return str_walk_forward(d, s->nbytes, 0, i);
        }
        return str_walk_backward(d, s->nbytes, s->len - i);
    }
    size_t pos, ahead = i - x->cursor_cp;
    if (ahead <= 1) {  // s[i] in a loop
        pos = x->cursor_off + (ahead ? str_seq_len[d[x->cursor_off] >> 4] : 0);
    } else if (ahead < STR_SUB) {  // (unsigned: i > cursor_cp)
        pos = str_walk_forward(d, s->nbytes, x->cursor_off, ahead);
    } else {
        pos = str_walk_forward(d, s->nbytes, str_index_anchor(x, i >> STR_SUB_SHIFT),
                               i & (STR_SUB - 1));
    }
    x->cursor_cp = i;
    x->cursor_off = pos;
    return pos;
}

uint32_t str_getitem_cp(Value v, size_t i) {
    StrObject *s = str_obj(v);
    if (s->flags & STR_ASCII) {
        return (unsigned char)s->data[i];
    }
    size_t n;
    return str_decode((const unsigned char *)s->data + str_offset_of(v, i), &n);
}

// ---- the shared strings and the intern table ------------------------------------------------

static struct {
    int roots_registered;
    Value empty;
    Value chars[256];
    StrObject **table;  // open addressing, linear probing; NULL = free
    size_t cap;         // a power of two, or 0
    size_t count;
    // The table does not keep its strings alive: each is pinned (gc_pin),
    // so a collection neither marks nor sweeps them. These are the
    // exceptions, traced at every collection: interned strings that could
    // not be pinned (large ones).
    StrObject **traced;
    size_t ntraced, captraced;
} str_shared;

static void str_trace_roots(GcTracer *t) {
    gc_trace_value(t, str_shared.empty);
    gc_trace_values(t, str_shared.chars, 256);
    for (size_t i = 0; i < str_shared.ntraced; i++) {
        gc_trace_object(t, (Object *)str_shared.traced[i]);
    }
}

// Trace s (an interned str) at every collection. 0, or -1 (no memory).
static int str_traced_add(StrObject *s) {
    if (str_shared.ntraced == str_shared.captraced) {
        size_t cap = str_shared.captraced ? 2 * str_shared.captraced : 64;
        StrObject **a = realloc(str_shared.traced, cap * sizeof *a);
        if (a == NULL) {
            return -1;
        }
        str_shared.traced = a;
        str_shared.captraced = cap;
    }
    str_shared.traced[str_shared.ntraced++] = s;
    return 0;
}

static void str_register_roots(void) {
    if (!str_shared.roots_registered) {
        str_shared.roots_registered = 1;
        gc_add_root_provider(str_trace_roots);
    }
}

// ---- construction ---------------------------------------------------------------------------

StrObject *str_alloc(size_t nbytes) {
    if (nbytes > STR_MAX_BYTES) {
        return (StrObject *)err_no_memory();
    }
    StrObject *s = (StrObject *)gc_alloc(&type_str, STR_HEADER_SIZE + nbytes + 1);
    if (s == NULL) {
        return NULL;
    }
    s->hash = -1;
    s->nbytes = nbytes;
    s->data[nbytes] = 0;
    return s;
}

// A new str (never a shared one) from bytes whose length and flags are known.
static Value str_new_known(const char *p, size_t nbytes, size_t len, uint32_t flags) {
    StrObject *s = str_alloc(nbytes);
    if (s == NULL) {
        return 0;
    }
    memcpy(s->data, p, nbytes);
    s->len = len;
    s->flags = flags;
    return val_from_ptr(s);
}

Value str_empty(void) {
    if (STR_UNLIKELY(str_shared.empty == 0)) {
        str_register_roots();
        str_shared.empty = str_new_known("", 0, 0, STR_ASCII);
    }
    return str_shared.empty;
}

Value str_char(uint32_t cp) {
    char buf[4];
    int n = utf8_encode(cp, buf);
    if (cp >= 256) {
        return str_new_known(buf, (size_t)n, 1,
                             cp >= 0x10000 ? STR_WIDE2 | STR_WIDE4 : STR_WIDE2);
    }
    Value c = str_shared.chars[cp];
    if (STR_UNLIKELY(c == 0)) {
        str_register_roots();
        c = str_new_known(buf, (size_t)n, 1, cp < 0x80 ? STR_ASCII : 0);
        str_shared.chars[cp] = c;
    }
    return c;
}

// The one-character str of the character at byte pos of s: the shared one
// below U+0100, else a copy of its bytes (no decoding and re-encoding).
static Value str_char_at(const StrObject *s, size_t pos) {
    const unsigned char *p = (const unsigned char *)s->data + pos;
    unsigned c = p[0];
    if (c < 0x80) {
        return str_char(c);
    }
    if (c < 0xC4) {
        return str_char(((c & 0x1Fu) << 6) | (p[1] & 0x3Fu));
    }
    size_t n = str_seq_len[c >> 4];
    return str_new_known((const char *)p, n, 1, n == 4 ? STR_WIDE2 | STR_WIDE4 : STR_WIDE2);
}

Value str_finish(StrObject *s) {
    str_scan((const unsigned char *)s->data, s->nbytes, &s->len, &s->flags);
    if (s->len <= 1) {
        if (s->len == 0) {
            return str_empty();
        }
        size_t n;
        uint32_t cp = str_decode((const unsigned char *)s->data, &n);
        if (cp < 256) {
            return str_char(cp);
        }
    }
    return val_from_ptr(s);
}

Value str_from_utf8(const char *p, size_t nbytes) {
    if (nbytes <= 2) {
        if (nbytes == 0) {
            return str_empty();
        }
        unsigned char c = (unsigned char)p[0];
        if (nbytes == 1) {
            return str_char(c);
        }
        if (c == 0xC2 || c == 0xC3) {
            return str_char(((c & 0x1Fu) << 6) | ((unsigned char)p[1] & 0x3Fu));
        }
    }
    size_t len;
    uint32_t flags;
    str_scan((const unsigned char *)p, nbytes, &len, &flags);
    return str_new_known(p, nbytes, len, flags);
}

Value str_from_cstr(const char *s) {
    return str_from_utf8(s, strlen(s));
}

// An exact str with the text of s (a str subclass instance).
static Value str_exact_copy(Value v);

Value str_exact(Value v) {
    return str_exact_copy(v);
}

size_t str_count_cps(const char *p, size_t n) {
    const unsigned char *d = (const unsigned char *)p;
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        cont += str_count_hi(str_cont_mask(str_load64(d + i)));
    }
    for (; i < n; i++) {
        cont += (d[i] & 0xC0) == 0x80;
    }
    return n - cont;
}

Value str_substr_bytes(Value v, size_t from, size_t to) {
    StrObject *s = str_obj(v);
    if (from == 0 && to == s->nbytes && s->header.type == &type_str) {
        return v;
    }
    if (s->flags & STR_ASCII) {
        size_t n = to - from;
        if (n <= 1) {
            return n == 0 ? str_empty() : str_char((unsigned char)s->data[from]);
        }
        return str_new_known(s->data + from, n, n, STR_ASCII);
    }
    return str_from_utf8(s->data + from, to - from);
}

Value str_from_utf8_known(const char *p, size_t nbytes, size_t len, uint32_t maxcp) {
    if (len <= 1) {
        return str_from_utf8(p, nbytes);
    }
    uint32_t flags = maxcp < 0x80 ? STR_ASCII
                     : maxcp < 0x100 ? 0
                     : maxcp < 0x10000 ? STR_WIDE2 : STR_WIDE2 | STR_WIDE4;
    return str_new_known(p, nbytes, len, flags);
}

Value str_from_strbuf(StrBuf *b) {
    Value r = str_from_utf8(b->data ? b->data : "", b->len);
    sb_free(b);
    return r;
}

static Value str_exact_copy(Value v) {
    StrObject *s = str_obj(v);
    if (s->header.type == &type_str) {
        return v;
    }
    Value c = str_new_known(s->data, s->nbytes, s->len, s->flags & ~(uint32_t)STR_INTERNED);
    if (c != 0) {
        str_obj(c)->hash = s->hash;
    }
    return c;
}

// ---- hashing --------------------------------------------------------------------------------

// CPython's hash of the text p[0..n) with `len` code points and `flags`.
static int64_t str_compute_hash(const unsigned char *p, size_t n, size_t len, uint32_t flags) {
    if (flags & STR_ASCII) {
        return hash_bytes(p, n);
    }
    unsigned width = (flags & STR_WIDE4) ? 32 : (flags & STR_WIDE2) ? 16 : 8;
    HashState h;
    hash_state_init(&h);
    uint64_t word = 0;
    unsigned shift = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        if (p[i] < 0x80) {
            cp = p[i++];
        } else {
            size_t k;
            cp = str_decode(p + i, &k);
            i += k;
        }
        word |= (uint64_t)cp << shift;
        shift += width;
        if (shift == 64) {
            hash_state_word(&h, word);
            word = 0;
            shift = 0;
        }
    }
    return hash_state_finish(&h, word, len * (width / 8));
}

int64_t str_hash(Value v) {
    StrObject *s = str_obj(v);
    if (STR_LIKELY(s->hash != -1)) {
        return s->hash;
    }
    s->hash = str_compute_hash((const unsigned char *)s->data, s->nbytes, s->len, s->flags);
    return s->hash;
}

int64_t str_hash_utf8(const char *p, size_t nbytes) {
    size_t len;
    uint32_t flags;
    str_scan((const unsigned char *)p, nbytes, &len, &flags);
    return str_compute_hash((const unsigned char *)p, nbytes, len, flags);
}

// ---- comparison -------------------------------------------------------------------------

int str_equal(Value a, Value b) {
    if (a == b) {
        return 1;
    }
    StrObject *x = str_obj(a), *y = str_obj(b);
    if (x->nbytes != y->nbytes) {
        return 0;
    }
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) {
        return 0;
    }
    return memcmp(x->data, y->data, x->nbytes) == 0;
}

int str_compare(Value a, Value b) {
    StrObject *x = str_obj(a), *y = str_obj(b);
    size_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
    int c = memcmp(x->data, y->data, n);
    if (c != 0) {
        return c;
    }
    return (x->nbytes > y->nbytes) - (x->nbytes < y->nbytes);
}

// ---- substring search -----------------------------------------------------------------------
//
// One byte: memchr. More: a vectorized filter proposes the positions where
// the needle's first and last bytes both match (on text, few), memcmp checks
// them. When the checks cost more than a few times the haystack (repetitive
// text), the rest of the search goes to Crochemore and Perrin's two-way
// algorithm: linear in the worst case with constant extra space, plus a
// bad-character skip on the window's last byte (Horspool's rule).

// The maximal suffix of x[0..m) for the byte order (or its reverse), as
// two-way's critical factorization needs it: returns the suffix's start
// minus one (may be -1) and its period in *period.
static ptrdiff_t str_max_suffix(const unsigned char *x, size_t m, size_t *period, int reverse) {
    ptrdiff_t ms = -1;  // start of the candidate suffix, minus one
    size_t j = 0, k = 1, p = 1;
    while (j + k < m) {
        unsigned char a = x[j + k], b = x[ms + (ptrdiff_t)k];
        if (reverse ? a > b : a < b) {
            j += k;
            k = 1;
            p = (size_t)((ptrdiff_t)j - ms);
        } else if (a == b) {
            if (k != p) {
                k++;
            } else {
                j += p;
                k = 1;
            }
        } else {
            ms = (ptrdiff_t)j;
            j = (size_t)ms + 1;
            k = p = 1;
        }
    }
    *period = p;
    return ms;
}

static int64_t str_two_way(const unsigned char *y, size_t n, const unsigned char *x, size_t m,
                           size_t from) {
    size_t shift[256];
    for (int c = 0; c < 256; c++) {
        shift[c] = m;
    }
    for (size_t i = 0; i + 1 < m; i++) {
        shift[x[i]] = m - 1 - i;
    }
    shift[x[m - 1]] = 0;

    size_t p1, p2;
    ptrdiff_t s1 = str_max_suffix(x, m, &p1, 0);
    ptrdiff_t s2 = str_max_suffix(x, m, &p2, 1);
    ptrdiff_t ell = s1 > s2 ? s1 : s2;  // the needle is x[0..ell] + x[ell+1..m)
    size_t per = s1 > s2 ? p1 : p2;
    size_t j = from;
    if ((size_t)(ell + 1) + per <= m && memcmp(x, x + per, (size_t)(ell + 1)) == 0) {
        // Periodic needle: after a full match of the right part, the left
        // part's first m - per bytes are known to match at the next shift.
        ptrdiff_t memory = -1;
        while (j + m <= n) {
            size_t sh = shift[y[j + m - 1]];
            if (sh != 0) {
                j += sh;
                memory = -1;
                continue;
            }
            ptrdiff_t i = (ell > memory ? ell : memory) + 1;
            while ((size_t)i < m && x[i] == y[(size_t)i + j]) {
                i++;
            }
            if ((size_t)i >= m) {
                i = ell;
                while (i > memory && x[i] == y[(size_t)i + j]) {
                    i--;
                }
                if (i <= memory) {
                    return (int64_t)j;
                }
                j += per;
                memory = (ptrdiff_t)(m - per) - 1;
            } else {
                j += (size_t)(i - ell);
                memory = -1;
            }
        }
    } else {
        size_t left = (size_t)(ell + 1), right = m - left;
        per = (left > right ? left : right) + 1;
        while (j + m <= n) {
            size_t sh = shift[y[j + m - 1]];
            if (sh != 0) {
                j += sh;
                continue;
            }
            size_t i = (size_t)(ell + 1);
            while (i < m && x[i] == y[i + j]) {
                i++;
            }
            if (i >= m) {
                ptrdiff_t k = ell;
                while (k >= 0 && x[k] == y[(size_t)k + j]) {
                    k--;
                }
                if (k < 0) {
                    return (int64_t)j;
                }
                j += per;
            } else {
                j += i - (size_t)ell;
            }
        }
    }
    return -1;
}

// Candidates for needles of 2+ bytes: positions where both the needle's first
// and last bytes match, 16 positions per step with SSE2 (a word at a time
// without it), each checked with memcmp. Needles whose checks cost too much
// (a repetitive haystack) hand over to two-way, so the worst case stays linear.
static int64_t str_find_filtered(const unsigned char *y, size_t n, const unsigned char *x,
                                 size_t m) {
#ifdef STR_TEST_KNOBS
    if (str_test_find_mode == 2) {
        return str_two_way(y, n, x, m, 0);
    }
#endif
    const unsigned char first = x[0], last = x[m - 1];
    size_t work = 0, budget = 4 * n + 4096;  // bytes of memcmp allowed
    size_t j = 0;
#if defined(__SSE2__)
#ifdef STR_TEST_KNOBS
    if (str_test_find_mode == 1) {
        goto scalar;
    }
#endif
    const __m128i vfirst = _mm_set1_epi8((char)first), vlast = _mm_set1_epi8((char)last);
    for (; j + m - 1 + 16 <= n; j += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(y + j));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(y + j + m - 1));
        unsigned mask = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(a, vfirst), _mm_cmpeq_epi8(b, vlast)));
        while (mask != 0) {
            size_t at = j + (size_t)__builtin_ctz(mask);
            if (memcmp(y + at + 1, x + 1, m - 2) == 0) {
                return (int64_t)at;
            }
            work += m;
            if (work > budget) {
                return str_two_way(y, n, x, m, at + 1);
            }
            mask &= mask - 1;
        }
    }
#endif
#ifdef STR_TEST_KNOBS
scalar:
#endif
    for (; j + m <= n; j++) {
        if (y[j] == first && y[j + m - 1] == last) {
            if (memcmp(y + j + 1, x + 1, m - 2) == 0) {
                return (int64_t)j;
            }
            work += m;
            if (work > budget) {
                return str_two_way(y, n, x, m, j + 1);
            }
        }
    }
    return -1;
}

int64_t str_find_bytes(const char *hay, size_t n, const char *needle, size_t m) {
    if (m == 0) {
        return 0;
    }
    if (m > n) {
        return -1;
    }
    const unsigned char *y = (const unsigned char *)hay, *x = (const unsigned char *)needle;
    if (m == 1) {
        const void *p = memchr(y, x[0], n);
        return p ? (int64_t)((const unsigned char *)p - y) : -1;
    }
    return str_find_filtered(y, n, x, m);
}

int64_t str_rfind_bytes(const char *hay, size_t n, const char *needle, size_t m) {
    if (m == 0) {
        return (int64_t)n;
    }
    if (m > n) {
        return -1;
    }
    const unsigned char *y = (const unsigned char *)hay, *x = (const unsigned char *)needle;
    if (m == 1) {
        const void *p = memrchr(y, x[0], n);
        return p ? (int64_t)((const unsigned char *)p - y) : -1;
    }
    // Backward Horspool: the next window must hold the current window's
    // first byte at a position where the needle has it.
    size_t skip[256];
    for (int c = 0; c < 256; c++) {
        skip[c] = m;
    }
    for (size_t i = m - 1; i > 0; i--) {
        skip[x[i]] = i;
    }
    size_t j = n - m;
    for (;;) {
        if (y[j] == x[0] && memcmp(y + j + 1, x + 1, m - 1) == 0) {
            return (int64_t)j;
        }
        if (j == 0) {
            return -1;
        }
        size_t sh = skip[y[j]];
        if (sh > j) {
            return -1;
        }
        j -= sh;
    }
}

int str_contains(Value hay, Value needle) {
    StrObject *h = str_obj(hay), *x = str_obj(needle);
    return str_find_bytes(h->data, h->nbytes, x->data, x->nbytes) >= 0;
}

// ---- integer arguments ------------------------------------------------------------------------

const char *str_type_name(Value v) {
    if (val_is_smallint(v)) {
        return "int";
    }
    if (val_is_flonum(v)) {
        return "float";
    }
    return val_ptr(v)->type->name;
}

// The value of an int object (bool, big int, or an int subclass instance:
// all but bool use IntObject's layout), clamped.
static void str_int_value(Value v, int64_t *out, int *overflow) {
    *overflow = 0;
    if (val_is_smallint(v)) {
        *out = val_smallint(v);
        return;
    }
    if (v == VAL_TRUE || v == VAL_FALSE) {
        *out = v == VAL_TRUE;
        return;
    }
    IntObject *o = (IntObject *)val_ptr(v);
    int negative = o->size < 0;
    size_t n = (size_t)(negative ? -o->size : o->size);
    while (n > 0 && o->limbs[n - 1] == 0) {
        n--;
    }
    uint64_t mag = n == 0 ? 0 : o->limbs[0];
    if (n > 1 || mag > (uint64_t)INT64_MAX + negative) {
        *overflow = 1;
        *out = negative ? INT64_MIN : INT64_MAX;
        return;
    }
    *out = negative ? (int64_t)(0 - mag) : (int64_t)mag;
}

int str_index_arg(Value v, int64_t *out, int *overflow) {
    if (STR_LIKELY(val_is_smallint(v))) {
        *out = val_smallint(v);
        *overflow = 0;
        return 1;
    }
    if (!val_is_ptr(v)) {
        return 0;
    }
    Type *t = val_ptr(v)->type;
    if (!(t->flags & TYPE_INT_SUBCLASS)) {
        // An int is used as it is (CPython's _PyNumber_Index); anything
        // else needs __index__, which must return an int.
        if (t->index == NULL) {
            return 0;
        }
        v = t->index(v);
        if (v == 0) {
            return -1;
        }
        int is_int = val_is_smallint(v) ||
                     (val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_INT_SUBCLASS));
        if (!is_int) {
            err_format(&exc_TypeError, "__index__ returned non-int (type %s)", str_type_name(v));
            return -1;
        }
    }
    str_int_value(v, out, overflow);
    return 1;
}

// ---- concatenation, repetition, slicing ---------------------------------------------------------

Value str_concat(Value a, Value b) {
    if (!val_is_str(a) || !val_is_str(b)) {
        return err_format(&exc_TypeError, "can only concatenate str (not \"%s\") to str",
                          str_type_name(val_is_str(a) ? b : a));
    }
    StrObject *x = str_obj(a), *y = str_obj(b);
    if (y->nbytes == 0 && x->header.type == &type_str) {
        return a;
    }
    if (x->nbytes == 0 && y->header.type == &type_str) {
        return b;
    }
    StrObject *s = str_alloc(x->nbytes + y->nbytes);
    if (s == NULL) {
        return 0;
    }
    memcpy(s->data, x->data, x->nbytes);
    memcpy(s->data + x->nbytes, y->data, y->nbytes);
    s->len = x->len + y->len;
    s->flags = (x->flags & y->flags & STR_ASCII) |
               ((x->flags | y->flags) & (STR_WIDE2 | STR_WIDE4));
    return val_from_ptr(s);
}

// Fill dst[0..total) with copies of src[0..n) (n > 0, n divides total).
static void str_fill_repeated(char *dst, const char *src, size_t n, size_t total) {
    if (n == 1) {
        memset(dst, src[0], total);
        return;
    }
    memcpy(dst, src, n);
    size_t done = n;
    while (done < total) {
        size_t chunk = done <= total - done ? done : total - done;
        memcpy(dst + done, dst, chunk);
        done += chunk;
    }
}

Value str_repeat(Value v, int64_t n) {
    StrObject *s = str_obj(v);
    if (n <= 0 || s->len == 0) {
        return str_empty();
    }
    if (n == 1 && s->header.type == &type_str) {
        return v;
    }
    if (s->len > (size_t)(INT64_MAX / n)) {
        return err_format(&exc_OverflowError, "repeated string is too long");
    }
    if (s->nbytes > STR_MAX_BYTES / (size_t)n) {
        return err_no_memory();
    }
    StrObject *r = str_alloc(s->nbytes * (size_t)n);
    if (r == NULL) {
        return 0;
    }
    str_fill_repeated(r->data, s->data, s->nbytes, r->nbytes);
    r->len = s->len * (size_t)n;
    r->flags = s->flags & (STR_ASCII | STR_WIDE2 | STR_WIDE4);
    return val_from_ptr(r);
}

// The number of items of range(start, stop, step) (indices from slice.indices).
static size_t str_slice_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0) {
        return start < stop ? (size_t)((stop - start - 1) / step) + 1 : 0;
    }
    return stop < start ? (size_t)((start - stop - 1) / (-step)) + 1 : 0;
}

Value str_slice(Value v, int64_t start, int64_t stop, int64_t step) {
    StrObject *s = str_obj(v);
    size_t n = str_slice_length(start, stop, step);
    if (n == 0) {
        return str_empty();
    }
    if (step == 1) {
        if (n == s->len && s->header.type == &type_str) {
            return v;
        }
        size_t from = str_offset_of(v, (size_t)start);
        size_t to = str_offset_of(v, (size_t)start + n);
        if (s->flags & STR_ASCII) {
            if (n == 1) {
                return str_char((unsigned char)s->data[from]);
            }
            return str_new_known(s->data + from, n, n, STR_ASCII);
        }
        return str_from_utf8(s->data + from, to - from);
    }
    if (s->flags & STR_ASCII) {
        StrObject *r = str_alloc(n);
        if (r == NULL) {
            return 0;
        }
        const char *d = s->data + start;
        for (size_t i = 0; i < n; i++) {
            r->data[i] = d[(int64_t)i * step];
        }
        return str_finish(r);
    }
    // Non-ASCII with a step: the picked characters are distinct characters
    // of s, so they need at most min(4n, s->nbytes) bytes.
    size_t cap = n <= s->nbytes / 4 ? 4 * n : s->nbytes;
    char *buf = malloc(cap);
    if (buf == NULL) {
        return err_no_memory();
    }
    const unsigned char *d = (const unsigned char *)s->data;
    size_t out = 0;
    size_t pos = str_offset_of(v, (size_t)start);
    int jump = step > (int64_t)STR_SUB || -step > (int64_t)STR_SUB;
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            size_t cp_index = (size_t)(start + (int64_t)i * step);
            if (jump) {
                pos = str_offset_of(v, cp_index);
            } else if (step > 0) {
                pos = str_walk_forward(d, s->nbytes, pos, (size_t)step);
            } else {
                pos = str_walk_backward(d, pos, (size_t)-step);
            }
        }
        size_t k = str_seq_len[d[pos] >> 4];
        memcpy(buf + out, d + pos, k);
        out += k;
    }
    Value r = str_from_utf8(buf, out);
    free(buf);
    return r;
}

// ---- interning ----------------------------------------------------------------------------

static int str_table_grow(void) {
    size_t cap = str_shared.cap ? str_shared.cap * 2 : 1024;
    StrObject **table = calloc(cap, sizeof *table);
    if (table == NULL) {
        return -1;
    }
    for (size_t i = 0; i < str_shared.cap; i++) {
        StrObject *s = str_shared.table[i];
        if (s != NULL) {
            size_t j = (size_t)s->hash & (cap - 1);
            while (table[j] != NULL) {
                j = (j + 1) & (cap - 1);
            }
            table[j] = s;
        }
    }
    free(str_shared.table);
    str_shared.table = table;
    str_shared.cap = cap;
    return 0;
}

// The interned str with text p[0..n) and hash h, or NULL; *slot gets the
// free slot where it would go.
static StrObject *str_table_find(const char *p, size_t n, int64_t h, size_t *slot) {
    size_t mask = str_shared.cap - 1;
    size_t j = (size_t)h & mask;
    for (;;) {
        StrObject *s = str_shared.table[j];
        if (s == NULL) {
            *slot = j;
            return NULL;
        }
        if (s->hash == h && s->nbytes == n && memcmp(s->data, p, n) == 0) {
            return s;
        }
        j = (j + 1) & mask;
    }
}

// Make room for one more entry (load factor <= 1/2).
static int str_table_reserve(void) {
    if (2 * (str_shared.count + 1) > str_shared.cap) {
        str_register_roots();
        if (str_table_grow() < 0) {
            err_no_memory();
            return -1;
        }
    }
    return 0;
}

Value str_intern(Value v) {
    StrObject *s = str_obj(v);
    if (s->flags & STR_INTERNED) {
        return v;
    }
    int64_t h = str_hash(v);
    size_t slot;
    if (str_shared.cap > 0) {
        StrObject *found = str_table_find(s->data, s->nbytes, h, &slot);
        if (found != NULL) {
            return val_from_ptr(found);
        }
    }
    // Allocate before choosing the slot: nothing may touch the table between.
    Value e = str_exact_copy(v);
    if (e == 0 || str_table_reserve() < 0) {
        return 0;
    }
    str_table_find(s->data, s->nbytes, h, &slot);
    StrObject *es = str_obj(e);
    if (!gc_pin((Object *)es) && str_traced_add(es) < 0) {
        return err_no_memory();
    }
    es->flags |= STR_INTERNED;
    str_shared.table[slot] = es;
    str_shared.count++;
    return e;
}

Value str_interned_find(const char *p, size_t n) {
    size_t slot;
    StrObject *found = str_shared.cap > 0 ? str_table_find(p, n, str_hash_utf8(p, n), &slot) : 0;
    return found ? val_from_ptr(found) : 0;
}

Value str_intern_utf8(const char *p, size_t n) {
    if (str_shared.cap > 0) {
        size_t slot;
        StrObject *found = str_table_find(p, n, str_hash_utf8(p, n), &slot);
        if (found != NULL) {
            return val_from_ptr(found);
        }
    }
    Value v = str_from_utf8(p, n);
    if (v == 0) {
        return 0;
    }
    return str_intern(v);  // v may be a shared string that is interned already
}

Value str_intern_cstr(const char *s) {
    return str_intern_utf8(s, strlen(s));
}

// ---- str_format_c ---------------------------------------------------------------------------

// Append p[0..n), decoded as UTF-8 with each invalid byte replaced by U+FFFD
// (surrogates included: C strings are real UTF-8).
static void str_put_utf8_lossy(StrBuf *out, const char *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && (unsigned char)p[i] < 0x80) {
            i++;
        }
        sb_put(out, p + start, i - start);
        if (i == n) {
            break;
        }
        uint32_t cp;
        int k = utf8_decode(p + i, n - i, &cp, 0);
        if (k > 0) {
            sb_put(out, p + i, (size_t)k);
            i += (size_t)k;
        } else {
            sb_put(out, "\xEF\xBF\xBD", 3);
            i++;
        }
    }
}

// repr (or, with `as_str`, str) of v appended to out. -1 with an exception.
static int str_put_value(StrBuf *out, Value v, int as_str) {
    if (val_is_smallint(v)) {
        int_repr_i64(out, val_smallint(v));
        return 0;
    }
    if (val_is_flonum(v)) {
        float_repr(out, val_flonum(v));
        return 0;
    }
    Type *t = val_ptr(v)->type;
    if (t->flags & TYPE_STR_SUBCLASS) {
        StrObject *s = str_obj(v);
        if (as_str) {
            sb_put(out, s->data, s->nbytes);
        } else {
            str_repr(out, s->data, s->nbytes);
        }
        return 0;
    }
    if (t->flags & TYPE_BYTES_SUBCLASS) {
        bytes_repr(out, bytes_data(v), bytes_len(v));
        return 0;
    }
    UnaryFunc f = as_str && t->str ? t->str : t->repr;
    if (f == NULL) {
        sb_printf(out, "<%s object at %p>", t->name, (void *)val_ptr(v));
        return 0;
    }
    // Through obj_str/obj_repr: their C-stack guard turns a repr that
    // formats itself (%R of an object whose name is itself) into
    // RecursionError instead of a stack overflow.
    Value r = f == t->str && as_str ? obj_str(v) : obj_repr(v);
    if (r == 0) {
        return -1;
    }
    if (!val_is_str(r)) {
        err_format(&exc_TypeError, "__%s__ returned non-string (type %s)", as_str ? "str" : "repr",
                   str_type_name(r));
        return -1;
    }
    sb_put(out, str_obj(r)->data, str_obj(r)->nbytes);
    return 0;
}

// Cut out[from..] to at most `precision` code points (-1: no limit) and pad
// it to `width` code points (left-justified with `left`).
static void str_fit(StrBuf *out, size_t from, long width, long precision, int left) {
    const unsigned char *d = (const unsigned char *)out->data + from;
    size_t n = out->len - from;
    size_t count = 0, i = 0;
    while (i < n && (precision < 0 || count < (size_t)precision)) {
        i += str_seq_len[d[i] >> 4];
        count++;
    }
    out->len = from + (i < n ? i : n);
    out->data[out->len] = 0;
    if (width > 0 && count < (size_t)width) {
        size_t pad = (size_t)width - count;
        sb_reserve(out, pad);
        char *piece = out->data + from;
        size_t plen = out->len - from;
        if (!left) {
            memmove(piece + pad, piece, plen);
            memset(piece, ' ', pad);
        } else {
            memset(piece + plen, ' ', pad);
        }
        out->len += pad;
        out->data[out->len] = 0;
    }
}

Value str_format_c(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    StrBuf out;
    sb_init(&out);
    sb_reserve(&out, strlen(fmt) + 16);
    const char *f = fmt;
    int failed = 0;
    while (*f && !failed) {
        const char *lit = f;
        while (*f && *f != '%') {
            f++;
        }
        sb_put(&out, lit, (size_t)(f - lit));
        if (*f == 0) {
            break;
        }
        const char *spec = f++;
        if (*f == '%') {
            sb_putc(&out, '%');
            f++;
            continue;
        }
        int left = 0;
        while (*f && strchr("-+ #0", *f)) {
            left |= *f == '-';
            f++;
        }
        long width = 0, precision = -1;
        while (*f >= '0' && *f <= '9') {
            width = width * 10 + (*f++ - '0');
        }
        if (*f == '.') {
            f++;
            precision = 0;
            while (*f >= '0' && *f <= '9') {
                precision = precision * 10 + (*f++ - '0');
            }
        }
        int longs = 0, size_t_arg = 0;
        while (*f == 'l' || *f == 'z') {
            if (*f == 'l') {
                longs++;
            } else {
                size_t_arg = 1;
            }
            f++;
        }
        char conv = *f;
        if (conv == 0) {
            break;
        }
        f++;
        char cspec[32];
        size_t speclen = (size_t)(f - spec);
        size_t from = out.len;
        switch (conv) {
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            if (speclen >= sizeof cspec) {
                speclen = sizeof cspec - 1;
            }
            memcpy(cspec, spec, speclen);
            cspec[speclen] = 0;
            if (size_t_arg) {
                if (conv == 'd' || conv == 'i') {
                    sb_printf(&out, cspec, va_arg(ap, ptrdiff_t));
                } else {
                    sb_printf(&out, cspec, va_arg(ap, size_t));
                }
            } else if (longs >= 2) {
                if (conv == 'd' || conv == 'i') {
                    sb_printf(&out, cspec, va_arg(ap, long long));
                } else {
                    sb_printf(&out, cspec, va_arg(ap, unsigned long long));
                }
            } else if (longs == 1) {
                if (conv == 'd' || conv == 'i') {
                    sb_printf(&out, cspec, va_arg(ap, long));
                } else {
                    sb_printf(&out, cspec, va_arg(ap, unsigned long));
                }
            } else if (conv == 'd' || conv == 'i') {
                sb_printf(&out, cspec, va_arg(ap, int));
            } else {
                sb_printf(&out, cspec, va_arg(ap, unsigned));
            }
            break;
        case 'p':
            sb_printf(&out, "%p", va_arg(ap, void *));
            str_fit(&out, from, width, -1, left);
            break;
        case 'c': {
            int cp = va_arg(ap, int);
            char buf[4];
            if (cp < 0 || cp > 0x10FFFF) {
                cp = 0xFFFD;
            }
            sb_put(&out, buf, (size_t)utf8_encode((uint32_t)cp, buf));
            str_fit(&out, from, width, -1, left);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (s == NULL) {
                s = "(null)";
            }
            size_t n = precision >= 0 ? strnlen(s, (size_t)precision) : strlen(s);
            str_put_utf8_lossy(&out, s, n);
            str_fit(&out, from, width, -1, left);
            break;
        }
        case 'U':  // a str Value (CPython's %U)
        case 'R': case 'S':
            failed = str_put_value(&out, va_arg(ap, Value), conv != 'R') < 0;
            if (!failed) {
                str_fit(&out, from, width, precision, left);
            }
            break;
        case 'T':
            sb_puts(&out, str_type_name(va_arg(ap, Value)));
            str_fit(&out, from, width, precision, left);
            break;
        default:
            // Unknown conversion: copy it as it is, as CPython does.
            sb_put(&out, spec, speclen);
            break;
        }
    }
    va_end(ap);
    Value r = 0;
    if (!failed) {
        r = out.len == 0 ? str_empty() : str_from_utf8(out.data, out.len);
    }
    sb_free(&out);
    return r;
}

// ---- type slots -------------------------------------------------------------------------------

static Value str_slot_repr(Value v) {
    StrObject *s = str_obj(v);
    StrBuf b;
    sb_init(&b);
    str_repr(&b, s->data, s->nbytes);
    Value r = str_from_utf8(b.data, b.len);
    sb_free(&b);
    return r;
}

static Value str_slot_str(Value v) {
    return str_exact_copy(v);
}

static int64_t str_slot_hash(Value v) {
    return str_hash(v);
}

static Value str_slot_richcompare(Value a, Value b, CompareOp op) {
    if (!val_is_str(a) || !val_is_str(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    if (op == CMP_EQ || op == CMP_NE) {
        return val_bool(str_equal(a, b) == (op == CMP_EQ));
    }
    int c = str_compare(a, b);
    switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
    }
}

static int64_t str_slot_len(Value v) {
    return (int64_t)str_obj(v)->len;
}

static Value str_slot_getitem(Value v, Value key) {
    int64_t i;
    int overflow = 0;
    int k = val_is_smallint(key) ? (i = val_smallint(key), 1) : str_index_arg(key, &i, &overflow);
    if (k <= 0) {
        if (k == 0 && slice_check(key)) {
            int64_t start, stop, step, n;
            if (slice_indices(key, (int64_t)str_obj(v)->len, &start, &stop, &step, &n) < 0) {
                return 0;
            }
            return str_slice(v, start, stop, step);
        }
        if (k == 0) {
            err_format(&exc_TypeError, "string indices must be integers, not '%s'",
                       str_type_name(key));
        }
        return 0;
    }
    if (overflow) {
        return err_format(&exc_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    StrObject *s = str_obj(v);
    if (i < 0) {
        i += (int64_t)s->len;
    }
    if (i < 0 || (uint64_t)i >= s->len) {
        return err_format(&exc_IndexError, "string index out of range");
    }
    if (s->flags & STR_ASCII) {
        return str_char((unsigned char)s->data[i]);
    }
    return str_char_at(s, str_offset_of(v, (size_t)i));
}

static int str_slot_contains(Value container, Value item) {
    if (!val_is_str(item)) {
        err_format(&exc_TypeError, "'in <string>' requires string as left operand, not %s",
                   str_type_name(item));
        return -1;
    }
    return str_contains(container, item);
}

// + and * are sequence slots, as in CPython (str has no number slots): the
// other operand's __radd__/__rmul__ gets its turn first, and these are the
// fallback with the final word (abstract.c's sequence_op).
static Value str_seq_concat(Value a, Value b) {
    return str_concat(a, b);
}

// A shared helper for the repeat slots of str and bytes: count (which has
// __index__) as a repeat count.
int str_repeat_count(Value count, int64_t *n) {
    int overflow;
    int k = str_index_arg(count, n, &overflow);
    if (k < 0) {
        return -1;
    }
    if (k == 0) {
        err_format(&exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                   str_type_name(count));
        return -1;
    }
    if (overflow) {
        err_format(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return 0;
}

static Value str_seq_repeat(Value s, Value count) {
    int64_t n;
    if (str_repeat_count(count, &n) < 0) {
        return 0;
    }
    return str_repeat(s, n);
}

// ---- iterators ------------------------------------------------------------------------------

typedef struct StrIterObject {
    Object header;
    Value str;       // 0 once exhausted
    size_t index;    // code points consumed
    size_t offset;   // their bytes
} StrIterObject;

static void str_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((StrIterObject *)o)->str);
}

static Value str_slot_iter(Value v) {
    StrObject *s = str_obj(v);
    Type *t = (s->flags & STR_ASCII) ? &type_str_ascii_iterator : &type_str_iterator;
    StrIterObject *it = (StrIterObject *)gc_alloc(t, sizeof(StrIterObject));
    if (it == NULL) {
        return 0;
    }
    it->str = v;
    return val_from_ptr(it);
}

static Value str_iter_next(Value v) {
    StrIterObject *it = (StrIterObject *)val_ptr(v);
    if (it->str == 0) {
        return 0;
    }
    StrObject *s = str_obj(it->str);
    if (it->offset >= s->nbytes) {
        it->str = 0;
        return 0;
    }
    Value c = str_char_at(s, it->offset);
    it->offset += str_seq_len[(unsigned char)s->data[it->offset] >> 4];
    it->index++;
    return c;
}

static Value str_iter_length_hint(Value self, const Value *args, size_t nargs, Value kwnames) {
    StrIterObject *it = (StrIterObject *)val_ptr(self);
    size_t left = it->str ? str_obj(it->str)->len - it->index : 0;
    return val_from_smallint((int64_t)left);
}

static Value str_iter_self(Value v) {
    return v;
}

static Value str_iter_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    StrIterObject *it = (StrIterObject *)val_ptr(self);
    return seqiter_reduce("iter", it->str, (int64_t)it->index, str_empty());
}

static Value str_iter_setstate(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    StrIterObject *it = (StrIterObject *)val_ptr(self);
    int64_t len = it->str ? (int64_t)str_obj(it->str)->len : 0;
    int64_t i;
    if (seqiter_setstate(args[0], 0, len, &i) < 0) {
        return 0;
    }
    if (it->str) {
        it->index = (size_t)i;
        it->offset = str_offset_of(it->str, (size_t)i);
    }
    return VAL_NONE;
}

static const MethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, METH_NO_KEYWORDS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", str_iter_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", str_iter_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

#define STR_ITER_TYPE(cname, pyname)                 \
    Type cname = {                                   \
        .header = {&type_type},                      \
        .name = pyname,                              \
        .basic_size = sizeof(StrIterObject),         \
        .base = &type_object,                        \
        .trace = str_iter_trace,                     \
        .iter = str_iter_self,                       \
        .iternext = str_iter_next,                   \
        .methods = str_iter_methods,                 \
    };
STR_ITER_TYPE(type_str_iterator, "str_iterator")
STR_ITER_TYPE(type_str_ascii_iterator, "str_ascii_iterator")
#undef STR_ITER_TYPE

// ---- the type -----------------------------------------------------------------------------

extern const MethodDef str_methods[];  // str_methods.c
Value str_tp_new(Value type, const Value *args, size_t nargs, Value kwnames);  // str_methods.c

Type type_str = {
    .header = {&type_type},
    .name = "str",
    .flags = TYPE_BASETYPE | TYPE_STR_SUBCLASS,
    .basic_size = STR_HEADER_SIZE,
    .item_size = 1,
    .base = &type_object,
    .repr = str_slot_repr,
    .str = str_slot_str,
    .hash = str_slot_hash,
    .richcompare = str_slot_richcompare,
    .iter = str_slot_iter,
    .len = str_slot_len,
    .getitem = str_slot_getitem,
    .contains = str_slot_contains,
    .seq_concat = str_seq_concat,
    .seq_repeat = str_seq_repeat,
    .binop = {[BINOP_MOD] = str_mod},
    .new_ = str_tp_new,
    .methods = str_methods,
};
