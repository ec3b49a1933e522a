// unicode.c - the Unicode character database and UTF-8 helpers.
//
// The tables (gen/unicode.h) are generated from python3.11's unicodedata by
// tools/gen_unicode.py; see that file for their layout. NFKC follows the
// Unicode algorithm: full compatibility decomposition (Hangul syllables
// algorithmically), canonical ordering by combining class, then canonical
// composition of unblocked pairs. Pure-ASCII input is returned as is.
#include "unicode.h"

#include <stdlib.h>
#include <string.h>

// The generated tables are $(BUILD)/gen/unicode.h (tools/gen_unicode.py). Its
// name clashes with this folder's unicode.h, so it is found through the -I
// path with angle brackets, and refuses to be included anywhere else.
#define KRAIT_UNICODE_TABLES
#include <unicode.h>

static inline const UniRecord *uni_record(uint32_t cp) {
    if (cp >= 0x110000) {
        cp = 0xFFFF;  // a noncharacter: category Cn, no properties
    }
    unsigned block = UNI_INDEX1[cp >> UNI_SHIFT];
    return &UNI_RECORDS[UNI_INDEX2[(block << UNI_SHIFT) + (cp & ((1u << UNI_SHIFT) - 1))]];
}

const char *uni_category(uint32_t cp) {
    return UNI_CATEGORY_NAMES[uni_record(cp)->category];
}

int uni_is_printable(uint32_t cp) {
    return uni_record(cp)->printable;
}

// ASCII identifiers (class __slots__, str.isidentifier) are checked without
// the tables: start-up then reads no page of them. In ASCII the table's
// XID_Start is the letters and '_' (as CPython's), XID_Continue adds the digits.
static inline int ascii_letter(uint32_t cp) {
    return (cp | 0x20) - 'a' < 26;
}

int uni_is_xid_start(uint32_t cp) {
    if (cp < 0x80) {
        return ascii_letter(cp) || cp == '_';
    }
    return uni_record(cp)->xid_start;
}

int uni_is_xid_continue(uint32_t cp) {
    if (cp < 0x80) {
        return ascii_letter(cp) || cp - '0' < 10 || cp == '_';
    }
    return uni_record(cp)->xid_continue;
}

// ---------------------------------------------------------------------------
// UTF-8

int utf8_decode(const char *s, size_t n, uint32_t *cp, int allow_surrogates) {
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) {
        return 0;
    }
    unsigned c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2) {
        return 0;
    }
    if (c < 0xE0) {
        if (n < 2 || (u[1] & 0xC0) != 0x80) {
            return 0;
        }
        *cp = ((c & 0x1F) << 6) | (u[1] & 0x3F);
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80) {
            return 0;
        }
        if (c == 0xE0 && u[1] < 0xA0) {
            return 0;  // overlong
        }
        if (c == 0xED && u[1] >= 0xA0 && !allow_surrogates) {
            return 0;
        }
        *cp = ((c & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80 ||
            (u[3] & 0xC0) != 0x80) {
            return 0;
        }
        if ((c == 0xF0 && u[1] < 0x90) || (c == 0xF4 && u[1] >= 0x90)) {
            return 0;
        }
        *cp = ((c & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
              ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
        return 4;
    }
    return 0;
}

int utf8_encode(uint32_t cp, char *buf) {
    unsigned char *b = (unsigned char *)buf;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | (cp >> 6));
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (cp >> 12));
        b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | (cp >> 18));
    b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_count(const char *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        // Count every byte that is not a continuation byte.
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return count;
}

// ---------------------------------------------------------------------------
// NFKC

enum {
    HANGUL_S = 0xAC00, HANGUL_L = 0x1100, HANGUL_V = 0x1161, HANGUL_T = 0x11A7,
    HANGUL_LCOUNT = 19, HANGUL_VCOUNT = 21, HANGUL_TCOUNT = 28,
    HANGUL_NCOUNT = HANGUL_VCOUNT * HANGUL_TCOUNT,
    HANGUL_SCOUNT = HANGUL_LCOUNT * HANGUL_NCOUNT,
};

typedef struct CpBuf {
    uint32_t *v;
    size_t len, cap;
    uint32_t small[64];
} CpBuf;

static void cp_push(CpBuf *b, uint32_t cp) {
    if (b->len == b->cap) {
        size_t cap = b->cap * 2;
        uint32_t *v;
        if (b->v == b->small) {
            v = malloc(cap * sizeof *v);
            if (v) {
                memcpy(v, b->small, b->len * sizeof *v);
            }
        } else {
            v = realloc(b->v, cap * sizeof *v);
        }
        if (!v) {
            abort();  // out of memory while normalizing an identifier
        }
        b->v = v;
        b->cap = cap;
    }
    b->v[b->len++] = cp;
}

static const UniDecomp *find_decomp(uint32_t cp) {
    size_t lo = 0, hi = sizeof UNI_DECOMP / sizeof UNI_DECOMP[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (UNI_DECOMP[mid].cp < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < sizeof UNI_DECOMP / sizeof UNI_DECOMP[0] && UNI_DECOMP[lo].cp == cp) {
        return &UNI_DECOMP[lo];
    }
    return NULL;
}

static uint32_t find_composite(uint32_t a, uint32_t b) {
    size_t lo = 0, hi = sizeof UNI_COMPOSE / sizeof UNI_COMPOSE[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const UniCompose *e = &UNI_COMPOSE[mid];
        if (e->first < a || (e->first == a && e->second < b)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < sizeof UNI_COMPOSE / sizeof UNI_COMPOSE[0] && UNI_COMPOSE[lo].first == a &&
        UNI_COMPOSE[lo].second == b) {
        return UNI_COMPOSE[lo].composite;
    }
    return 0;
}

static inline unsigned ccc(uint32_t cp) {
    return uni_record(cp)->combining;
}

void uni_nfkc(StrBuf *out, const char *s, size_t len) {
    size_t i;
    for (i = 0; i < len && (unsigned char)s[i] < 0x80; i++) {
    }
    if (i == len) {
        sb_put(out, s, len);
        return;
    }
    CpBuf b = {.v = NULL, .len = 0, .cap = 64};
    b.v = b.small;
    // 1. Full compatibility decomposition.
    for (i = 0; i < len;) {
        uint32_t cp;
        int k = utf8_decode(s + i, len - i, &cp, 1);
        if (k == 0) {
            cp = 0xFFFD;  // callers pass valid UTF-8; be safe anyway
            k = 1;
        }
        i += (size_t)k;
        if (cp >= HANGUL_S && cp < HANGUL_S + HANGUL_SCOUNT) {
            uint32_t si = cp - HANGUL_S;
            cp_push(&b, HANGUL_L + si / HANGUL_NCOUNT);
            cp_push(&b, HANGUL_V + (si % HANGUL_NCOUNT) / HANGUL_TCOUNT);
            if (si % HANGUL_TCOUNT) {
                cp_push(&b, HANGUL_T + si % HANGUL_TCOUNT);
            }
            continue;
        }
        const UniDecomp *d = cp >= 0xA0 ? find_decomp(cp) : NULL;
        if (d) {
            for (unsigned j = 0; j < d->len; j++) {
                cp_push(&b, UNI_DECOMP_POOL[d->offset + j]);
            }
        } else {
            cp_push(&b, cp);
        }
    }
    // 2. Canonical ordering: stable insertion sort of each run of non-starters.
    for (size_t j = 1; j < b.len; j++) {
        unsigned cj = ccc(b.v[j]);
        if (cj == 0) {
            continue;
        }
        size_t k = j;
        uint32_t x = b.v[j];
        while (k > 0 && ccc(b.v[k - 1]) > cj) {
            b.v[k] = b.v[k - 1];
            k--;
        }
        b.v[k] = x;
    }
    // 3. Canonical composition.
    size_t starter = (size_t)-1;  // index of the last starter in the output
    unsigned last_ccc = 0;
    size_t o = 0;
    for (size_t j = 0; j < b.len; j++) {
        uint32_t cp = b.v[j];
        unsigned c = ccc(cp);
        if (starter != (size_t)-1) {
            uint32_t st = b.v[starter];
            // Unblocked: nothing between, or everything between has a lower
            // (non-zero) class than cp.
            int unblocked = (o == starter + 1) || (last_ccc != 0 && last_ccc < c);
            if (unblocked) {
                uint32_t comp = 0;
                if (st >= HANGUL_L && st < HANGUL_L + HANGUL_LCOUNT && cp >= HANGUL_V &&
                    cp < HANGUL_V + HANGUL_VCOUNT && o == starter + 1) {
                    comp = HANGUL_S +
                           ((st - HANGUL_L) * HANGUL_VCOUNT + (cp - HANGUL_V)) * HANGUL_TCOUNT;
                } else if (st >= HANGUL_S && st < HANGUL_S + HANGUL_SCOUNT &&
                           (st - HANGUL_S) % HANGUL_TCOUNT == 0 && cp > HANGUL_T &&
                           cp < HANGUL_T + HANGUL_TCOUNT && o == starter + 1) {
                    comp = st + (cp - HANGUL_T);
                } else {
                    comp = find_composite(st, cp);
                }
                if (comp) {
                    b.v[starter] = comp;
                    continue;
                }
            }
        }
        if (c == 0) {
            starter = o;
            last_ccc = 0;
        } else {
            last_ccc = c;
        }
        b.v[o++] = cp;
    }
    sb_reserve(out, o * 4);
    for (size_t j = 0; j < o; j++) {
        char tmp[4];
        sb_put(out, tmp, (size_t)utf8_encode(b.v[j], tmp));
    }
    if (b.v != b.small) {
        free(b.v);
    }
}
