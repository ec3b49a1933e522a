// dict.c - the dict type, its views and iterators.
//
// The layout is CPython 3.6+'s compact dict. The items live in a dense
// `entries` array, in insertion order, each with its key's hash cached; a
// separate open-addressing `indices` table maps hash slots to entry numbers.
// The index table has 2**log2_size slots of 1, 2, 4 or 8 bytes (the
// narrowest that can number its entries), so a small dict's table is a few
// cache lines. Both live in one malloc'ed DictKeys block, reported by the
// dict's trace function and freed by its free function.
//
// Probing is CPython's exactly: slot = hash & mask, then
//     perturb >>= 5; slot = (slot * 5 + perturb + 1) & mask
// so that every hash bit eventually takes part. A deleted item leaves a
// DKIX_DUMMY in its slot (probe chains stay intact) and a hole (key 0) in the
// entries; holes are squeezed out when the table is rebuilt. New items always
// take a fresh entry at the end (that is what keeps the order), so a table
// fills up after usable = 2/3 * size insertions, deleted or not, and is then
// rebuilt at the size for 3 * used items - CPython's growth rule.
//
// Keys that are exact str take a fast path: their hash is cached in the
// string, and equal hashes are confirmed by comparing bytes, without calling
// anything that could run Python code. Other keys go through key_hash and
// key_equal (abstract.h's obj_hash / obj_richcompare_bool), which can run
// __eq__; if that mutates the dict, the lookup restarts, as in CPython.
//
// Every mutation gives the dict a new `version` from one global counter, so
// a (dict, version) pair seen by a cache can never reappear.
#include "dict.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "exceptions.h"
#include "gc.h"
#include "list.h"
#include "set.h"
#include "../vm/vm.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "type_internal.h"
#include "int.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define DICT_LOG_MINSIZE 3
#define DICT_PERTURB_SHIFT 5

typedef struct DictEntry {
    Value key;       // 0: a deleted entry
    Value value;
    int64_t hash;
} DictEntry;

typedef struct DictKeys {
    uint8_t log2_size;
    uint8_t log2_index_bytes;   // index width: 1 << this bytes
    size_t usable;              // entries that can still be appended
    size_t nentries;            // entries used, deleted ones included
    DictEntry *entries;         // right after the indices, in the same block
    char indices[];
} DictKeys;

struct DictObject {
    Object header;
    size_t used;         // live items
    uint64_t version;
    DictKeys *keys;      // NULL while the dict has never held anything (or was cleared)
};

_Static_assert(offsetof(DictObject, used) == offsetof(DictHead, used) &&
                   offsetof(DictObject, version) == offsetof(DictHead, version),
               "DictHead (dict.h) must be how DictObject starts");

static uint64_t dict_global_version;

static inline DictObject *dict_obj(Value v) { return (DictObject *)val_ptr(v); }

static inline void dict_touch(DictObject *d) {
    d->version = ++dict_global_version;
}

static inline size_t usable_fraction(size_t size) {
    return (size << 1) / 3;
}

// ---- the index table -----------------------------------------------------------------

static inline int64_t keys_get_index(const DictKeys *k, size_t i) {
    switch (k->log2_index_bytes) {
    case 0: return ((const int8_t *)k->indices)[i];
    case 1: return ((const int16_t *)k->indices)[i];
    case 2: return ((const int32_t *)k->indices)[i];
    default: return ((const int64_t *)k->indices)[i];
    }
}

static inline void keys_set_index(DictKeys *k, size_t i, int64_t ix) {
    switch (k->log2_index_bytes) {
    case 0: ((int8_t *)k->indices)[i] = (int8_t)ix; break;
    case 1: ((int16_t *)k->indices)[i] = (int16_t)ix; break;
    case 2: ((int32_t *)k->indices)[i] = (int32_t)ix; break;
    default: ((int64_t *)k->indices)[i] = ix; break;
    }
}

static DictKeys *keys_new(uint8_t log2_size) {
    uint8_t log2_bytes = log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3;
    size_t size = (size_t)1 << log2_size;
    size_t index_bytes = size << log2_bytes;
    index_bytes = (index_bytes + 7) & ~(size_t)7;
    size_t usable = usable_fraction(size);
    DictKeys *k = malloc(sizeof(DictKeys) + index_bytes + usable * sizeof(DictEntry));
    if (!k) {
        err_no_memory();
        return NULL;
    }
    k->log2_size = log2_size;
    k->log2_index_bytes = log2_bytes;
    k->usable = usable;
    k->nentries = 0;
    memset(k->indices, 0xff, index_bytes);  // every slot DKIX_EMPTY
    k->entries = (DictEntry *)(k->indices + index_bytes);
    return k;
}

// The smallest log2 size >= DICT_LOG_MINSIZE whose table has minsize slots.
static uint8_t log2_keysize(size_t minsize) {
    uint8_t log2 = DICT_LOG_MINSIZE;
    while (((size_t)1 << log2) < minsize) {
        log2++;
    }
    return log2;
}

// The size for n items without a resize (CPython's estimate_log2_keysize).
static uint8_t estimate_log2_keysize(size_t n) {
    return log2_keysize((n * 3 + 1) / 2);
}

// The first slot on hash's probe chain holding DKIX_EMPTY.
static size_t keys_find_empty_slot(const DictKeys *k, int64_t hash) {
    size_t mask = ((size_t)1 << k->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (keys_get_index(k, i) >= 0) {
        perturb >>= DICT_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// Rebuild d's table at 2**log2_size slots, squeezing out deleted entries.
static int dict_resize(DictObject *d, uint8_t log2_size) {
    DictKeys *old = d->keys;
    DictKeys *k = keys_new(log2_size);
    if (!k) {
        return -1;
    }
    size_t n = 0;
    if (old) {
        if (old->nentries == d->used) {
            memcpy(k->entries, old->entries, d->used * sizeof(DictEntry));
            n = d->used;
        } else {
            for (size_t i = 0; i < old->nentries; i++) {
                if (old->entries[i].key) {
                    k->entries[n++] = old->entries[i];
                }
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        keys_set_index(k, keys_find_empty_slot(k, k->entries[i].hash), (int64_t)i);
    }
    k->usable -= n;
    k->nentries = n;
    d->keys = k;
    free(old);
    return 0;
}

// ---- hashing and comparing keys -----------------------------------------------------

static inline int is_exact_str(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_str;
}

static inline int bytes_equal(const char *a, const char *b, size_t n);

static inline int str_bytes_equal(Value a, Value b) {
    StrObject *x = str_obj(a), *y = str_obj(b);
    return x->nbytes == y->nbytes && bytes_equal(x->data, y->data, x->nbytes);
}

// The generic path: any hashable key.
static int64_t key_hash(Value key) {
    if (is_exact_str(key)) {
        int64_t h = str_obj(key)->hash;
        return h != -1 ? h : str_hash(key);
    }
    if (val_is_smallint(key)) {
        // int_hash's answer below 2**61 - 1: the value itself, -1 as -2
        int64_t i = val_smallint(key);
        if (i > -((int64_t)1 << 60) && i < ((int64_t)1 << 60)) {
            return i == -1 ? -2 : i;
        }
    }
    return obj_hash(key);
}

static int key_equal(Value a, Value b) {
    return obj_richcompare_bool(a, b, CMP_EQ);
}

// Equal byte strings of n bytes each: short ones (most keys) compared with
// overlapping word loads instead of a call to memcmp.
static inline int bytes_equal(const char *a, const char *b, size_t n) {
    if (n >= 8 && n <= 16) {
        uint64_t a0, b0, a1, b1;
        memcpy(&a0, a, 8);
        memcpy(&b0, b, 8);
        memcpy(&a1, a + n - 8, 8);
        memcpy(&b1, b + n - 8, 8);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    if (n >= 4 && n < 8) {
        uint32_t a0, b0, a1, b1;
        memcpy(&a0, a, 4);
        memcpy(&b0, b, 4);
        memcpy(&a1, a + n - 4, 4);
        memcpy(&b1, b + n - 4, 4);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    if (n < 4) {
        for (size_t i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return 0;
            }
        }
        return 1;
    }
    return memcmp(a, b, n) == 0;
}

// The generic lookup: any key. Find key: its entry number (>= 0) with its
// slot in *slot, DKIX_EMPTY, or DKIX_ERROR with an exception.
static int64_t dict_lookup_generic(DictObject *d, Value key, int64_t hash, size_t *slot) {
restart:;
    DictKeys *k = d->keys;
    if (!k) {
        return DKIX_EMPTY;
    }
    int str_key = is_exact_str(key);
    size_t mask = ((size_t)1 << k->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        int64_t ix = keys_get_index(k, i);
        if (ix >= 0) {
            DictEntry *e = &k->entries[ix];
            Value start = e->key;
            if (start == key) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                if (str_key && is_exact_str(start)) {
                    if (str_bytes_equal(start, key)) {
                        *slot = i;
                        return ix;
                    }
                } else if (!(val_is_smallint(start) && val_is_smallint(key))) {
                    // (distinct small ints are unequal without asking)
                    int cmp = key_equal(start, key);
                    if (cmp < 0) {
                        return DKIX_ERROR;
                    }
                    if (k != d->keys || e->key != start) {
                        goto restart;  // __eq__ changed the dict
                    }
                    if (cmp > 0) {
                        *slot = i;
                        return ix;
                    }
                }
            }
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= DICT_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// An exact str key: nothing on the way can run Python code, so the loop
// calls nothing - until an entry of equal hash is not an exact str, when
// the generic lookup starts over (the entries before it compare the same
// way there, with no side effects).
static int64_t dict_lookup_str(DictObject *d, Value key, int64_t hash, size_t *slot) {
    DictKeys *k = d->keys;
    if (!k) {
        return DKIX_EMPTY;
    }
    StrObject *ks = str_obj(key);
    size_t mask = ((size_t)1 << k->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        int64_t ix = keys_get_index(k, i);
        if (ix >= 0) {
            DictEntry *e = &k->entries[ix];
            Value start = e->key;
            if (start == key) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                if (!is_exact_str(start)) {
                    return dict_lookup_generic(d, key, hash, slot);
                }
                StrObject *x = str_obj(start);
                if (x->nbytes == ks->nbytes && bytes_equal(x->data, ks->data, x->nbytes)) {
                    *slot = i;
                    return ix;
                }
            }
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= DICT_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Find key: its entry number (>= 0) with its slot in *slot, DKIX_EMPTY, or
// DKIX_ERROR with an exception.
static inline int64_t dict_lookup(DictObject *d, Value key, int64_t hash, size_t *slot) {
    if (is_exact_str(key)) {
        return dict_lookup_str(d, key, hash, slot);
    }
    return dict_lookup_generic(d, key, hash, slot);
}

static int dict_insert_new(DictObject *d, Value key, int64_t hash, Value value);

// Insert or replace. 0 or -1.
static int dict_insert(DictObject *d, Value key, int64_t hash, Value value) {
    if (!d->keys) {
        d->keys = keys_new(DICT_LOG_MINSIZE);
        if (!d->keys) {
            return -1;
        }
    }
    size_t slot;
    int64_t ix = dict_lookup(d, key, hash, &slot);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix >= 0) {
        d->keys->entries[ix].value = value;  // the old key stays, as in CPython
        dict_touch(d);
        return 0;
    }
    return dict_insert_new(d, key, hash, value);
}

// Add a key that a lookup just found absent (no __eq__ calls). 0 or -1.
static int dict_insert_new(DictObject *d, Value key, int64_t hash, Value value) {
    if (!d->keys) {
        d->keys = keys_new(DICT_LOG_MINSIZE);
        if (!d->keys) {
            return -1;
        }
    }
    if (d->keys->usable == 0 && dict_resize(d, log2_keysize(d->used * 3)) < 0) {
        return -1;
    }
    DictKeys *k = d->keys;
    keys_set_index(k, keys_find_empty_slot(k, hash), (int64_t)k->nentries);
    DictEntry *e = &k->entries[k->nentries];
    e->key = key;
    e->value = value;
    e->hash = hash;
    k->nentries++;
    k->usable--;
    d->used++;
    dict_touch(d);
    return 0;
}

// Remove entry ix found at slot.
static Value dict_remove_entry(DictObject *d, size_t slot, int64_t ix) {
    DictEntry *e = &d->keys->entries[ix];
    Value old = e->value;
    keys_set_index(d->keys, slot, DKIX_DUMMY);
    e->key = 0;
    e->value = 0;
    d->used--;
    dict_touch(d);
    return old;
}

// ---- the C API -------------------------------------------------------------------------

static void dict_trace(Object *o, GcTracer *t) {
    DictKeys *k = ((DictObject *)o)->keys;
    if (k) {
        for (size_t i = 0; i < k->nentries; i++) {
            if (k->entries[i].key) {
                gc_trace_value(t, k->entries[i].key);
                gc_trace_value(t, k->entries[i].value);
            }
        }
    }
}

// Every change to a dict's entries changes its version.
static uint64_t dict_gc_stamp(const Object *o) {
    return ((const DictObject *)o)->version;
}

static void dict_free(Object *o) {
    free(((DictObject *)o)->keys);
}

static Value dict_alloc(Type *type) {
    DictObject *d = (DictObject *)gc_alloc(type, type->basic_size);
    if (!d) {
        return 0;
    }
    dict_touch(d);
    return val_from_ptr(d);
}

Value dict_new(void) {
    return dict_alloc(&type_dict);
}

Value dict_new_presized(size_t n) {
    Value v = dict_new();
    if (v && n > usable_fraction((size_t)1 << DICT_LOG_MINSIZE)) {
        DictObject *d = dict_obj(v);
        d->keys = keys_new(estimate_log2_keysize(n));
        if (!d->keys) {
            return 0;
        }
    }
    return v;
}

Value dict_get_hash(Value v, Value key, int64_t hash) {
    DictObject *d = dict_obj(v);
    size_t slot;
    int64_t ix = dict_lookup(d, key, hash, &slot);
    if (ix < 0) {
        return 0;
    }
    return d->keys->entries[ix].value;
}

Value dict_get(Value v, Value key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return 0;
    }
    return dict_get_hash(v, key, hash);
}

Value dict_get_cstr(Value v, const char *key) {
    // The key is usually an identifier that is interned: no str to allocate.
    size_t n = strlen(key);
    Value k = str_interned_find(key, n);
    if (!k) {
        k = str_from_utf8(key, n);
    }
    return k ? dict_get(v, k) : 0;
}

int dict_set_hash(Value v, Value key, int64_t hash, Value value) {
    return dict_insert(dict_obj(v), key, hash, value);
}

int dict_set(Value v, Value key, Value value) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return dict_insert(dict_obj(v), key, hash, value);
}

int dict_set_cstr(Value v, const char *key, Value value) {
    Value k = str_intern_cstr(key);
    return k ? dict_set(v, k, value) : -1;
}

int dict_del(Value v, Value key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return dict_del_hash(v, key, hash);
}

int dict_del_hash(Value v, Value key, int64_t hash) {
    DictObject *d = dict_obj(v);
    size_t slot;
    int64_t ix = dict_lookup(d, key, hash, &slot);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix < 0) {
        return 0;
    }
    dict_remove_entry(d, slot, ix);
    return 1;
}

int dict_contains(Value v, Value key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return dict_contains_hash(v, key, hash);
}

int dict_contains_hash(Value v, Value key, int64_t hash) {
    size_t slot;
    int64_t ix = dict_lookup(dict_obj(v), key, hash, &slot);
    return ix == DKIX_ERROR ? -1 : ix >= 0;
}

int64_t dict_len(Value v) {
    return (int64_t)dict_obj(v)->used;
}

int dict_next_hash(Value v, size_t *pos, Value *key, Value *value, int64_t *hash) {
    DictKeys *k = dict_obj(v)->keys;
    if (!k) {
        return 0;
    }
    size_t i = *pos;
    while (i < k->nentries && !k->entries[i].key) {
        i++;
    }
    if (i >= k->nentries) {
        *pos = i;
        return 0;
    }
    *pos = i + 1;
    if (key) {
        *key = k->entries[i].key;
    }
    if (value) {
        *value = k->entries[i].value;
    }
    if (hash) {
        *hash = k->entries[i].hash;
    }
    return 1;
}

int dict_next(Value d, size_t *pos, Value *key, Value *value) {
    return dict_next_hash(d, pos, key, value, NULL);
}

void dict_clear(Value v) {
    DictObject *d = dict_obj(v);
    DictKeys *k = d->keys;
    d->keys = NULL;
    d->used = 0;
    dict_touch(d);
    free(k);
}

Value dict_copy(Value v) {
    DictObject *src = dict_obj(v);
    Value r = dict_new();
    if (!r || !src->keys || src->used == 0) {
        return r;
    }
    DictObject *d = dict_obj(r);
    // As CPython's PyDict_Copy: a subclass that overrides __iter__ (an
    // OrderedDict) is copied through keys() and [], in its own order.
    if (src->keys->nentries == src->used && type_of(v)->iter == type_dict.iter) {
        // No holes: clone the table as it is.
        DictKeys *k = src->keys;
        size_t size = (size_t)1 << k->log2_size;
        size_t index_bytes = ((size << k->log2_index_bytes) + 7) & ~(size_t)7;
        size_t total = sizeof(DictKeys) + index_bytes + usable_fraction(size) * sizeof(DictEntry);
        DictKeys *c = malloc(total);
        if (!c) {
            return err_no_memory();
        }
        memcpy(c, k, total);
        c->entries = (DictEntry *)(c->indices + index_bytes);
        d->keys = c;
        d->used = src->used;
        return r;
    }
    if (dict_merge(r, v, 1) < 0) {
        return 0;
    }
    return r;
}

Value err_key_error(Value key) {
    ExceptionObject *e = (ExceptionObject *)gc_alloc(&exc_KeyError, sizeof(ExceptionObject));
    if (!e) {
        return 0;
    }
    e->args = tuple_from(&key, 1);
    if (!e->args) {
        return 0;
    }
    e->traceback = VAL_NONE;
    e->cause = VAL_NONE;
    e->context = VAL_NONE;
    return err_set_value(val_from_ptr(e));
}

// Merge the dict o (whose entries carry their hashes) into d.
static int dict_merge_dict(DictObject *d, DictObject *o, int override) {
    if (o == d || o->used == 0) {
        return 0;
    }
    if (!d->keys || usable_fraction((size_t)1 << d->keys->log2_size) < o->used) {
        if (dict_resize(d, estimate_log2_keysize(d->used + o->used)) < 0) {
            return -1;
        }
    }
    size_t n = o->keys->nentries;
    for (size_t i = 0; i < n; i++) {
        DictKeys *ok = o->keys;
        if (!ok || i >= ok->nentries) {
            break;
        }
        DictEntry e = ok->entries[i];
        if (!e.key) {
            continue;
        }
        if (!override) {
            size_t slot;
            int64_t ix = dict_lookup(d, e.key, e.hash, &slot);
            if (ix == DKIX_ERROR) {
                return -1;
            }
            if (ix >= 0) {
                continue;
            }
        }
        if (dict_insert(d, e.key, e.hash, e.value) < 0) {
            return -1;
        }
        if (!o->keys || o->keys->nentries != n) {
            err_format(&exc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

int dict_merge(Value v, Value other, int override) {
    DictObject *d = dict_obj(v);
    if (dict_check(other) && type_of(other)->iter == type_dict.iter) {
        return dict_merge_dict(d, dict_obj(other), override);
    }
    // A mapping: for k in other.keys(): d[k] = other[k]
    Value keys = obj_call_method(other, "keys", NULL, 0);
    if (!keys) {
        return -1;
    }
    Value it = obj_iter(keys);
    if (!it) {
        return -1;
    }
    for (;;) {
        Value k = obj_next(it);
        if (!k) {
            return err_occurred() ? -1 : 0;
        }
        if (!override) {
            int r = dict_contains(v, k);
            if (r < 0) {
                return -1;
            }
            if (r) {
                continue;
            }
        }
        Value value = obj_getitem(other, k);
        if (!value || dict_set(v, k, value) < 0) {
            return -1;
        }
    }
}

// dict.update with an iterable of pairs (CPython's PyDict_MergeFromSeq2).
static int dict_merge_pairs(Value v, Value seq) {
    Value it = obj_iter(seq);
    if (!it) {
        return -1;
    }
    for (size_t i = 0;; i++) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? -1 : 0;
        }
        const Value *pair;
        size_t n;
        if (tuple_check(item)) {
            pair = tuple_obj(item)->items;
            n = tuple_obj(item)->len;
        } else if (list_check(item)) {
            pair = list_obj(item)->items;
            n = list_obj(item)->len;
        } else {
            Value l = list_from_iterable(item);
            if (!l) {
                if (err_matches(&exc_TypeError)) {
                    err_format(&exc_TypeError,
                               "cannot convert dictionary update sequence element #%zu to a "
                               "sequence", i);
                }
                return -1;
            }
            pair = list_obj(l)->items;
            n = list_obj(l)->len;
        }
        if (n != 2) {
            err_format(&exc_ValueError,
                       "dictionary update sequence element #%zu has length %zu; 2 is required", i,
                       n);
            return -1;
        }
        Value key = pair[0], value = pair[1];
        if (dict_set(v, key, value) < 0) {
            return -1;
        }
    }
}

int dict_update(Value v, Value other) {
    if (dict_check_exact(other)) {
        return dict_merge_dict(dict_obj(v), dict_obj(other), 1);
    }
    Value keys = obj_getattr_opt(other, str_intern_cstr("keys"));
    if (keys) {
        return dict_merge(v, other, 1);
    }
    if (err_occurred()) {
        return -1;
    }
    return dict_merge_pairs(v, other);
}

static Value dict_list_of(Value v, int what) {
    DictObject *d = dict_obj(v);
    Value l = list_new(d->used);
    if (!l) {
        return 0;
    }
    size_t pos = 0;
    Value key, value;
    while (dict_next(v, &pos, &key, &value)) {
        Value item = what == 0 ? key : what == 1 ? value : tuple_pack2(key, value);
        if (!item || list_append(l, item) < 0) {
            return 0;
        }
    }
    return l;
}

Value dict_keys(Value d) { return dict_list_of(d, 0); }
Value dict_values(Value d) { return dict_list_of(d, 1); }
Value dict_items(Value d) { return dict_list_of(d, 2); }

// ---- object protocol ------------------------------------------------------------------------

Value dict_repr(Value v) {
    DictObject *d = dict_obj(v);
    // The recursion check comes first, as CPython's: an empty dict already
    // being printed is "{...}" (a defaultdict that is its own factory).
    int r = repr_enter(v);
    if (r != 0) {
        return r > 0 ? str_from_cstr("{...}") : 0;
    }
    if (d->used == 0) {
        repr_leave(v);
        return str_from_cstr("{}");
    }
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, '{');
    Value result = 0;
    size_t pos = 0;
    Value key, value;
    int first = 1;
    while (dict_next(v, &pos, &key, &value)) {
        if (!first) {
            sb_put(&sb, ", ", 2);
        }
        first = 0;
        if (repr_append(&sb, key) < 0) {
            goto done;
        }
        sb_put(&sb, ": ", 2);
        if (repr_append(&sb, value) < 0) {
            goto done;
        }
    }
    sb_putc(&sb, '}');
    result = str_from_utf8(sb.data, sb.len);
done:
    repr_leave(v);
    sb_free(&sb);
    return result;
}

// 1 if a and b hold equal items, 0 if not, -1 on error.
static int dict_equal(DictObject *a, DictObject *b) {
    if (a->used != b->used) {
        return 0;
    }
    for (size_t i = 0; a->keys && i < a->keys->nentries; i++) {
        DictEntry e = a->keys->entries[i];
        if (!e.key) {
            continue;
        }
        size_t slot;
        int64_t ix = dict_lookup(b, e.key, e.hash, &slot);
        if (ix == DKIX_ERROR) {
            return -1;
        }
        if (ix < 0) {
            return 0;
        }
        Value bval = b->keys->entries[ix].value;
        int cmp = obj_richcompare_bool(e.value, bval, CMP_EQ);
        if (cmp <= 0) {
            return cmp;
        }
    }
    return 1;
}

Value dict_richcompare(Value a, Value b, CompareOp op) {
    if (!dict_check(a) || !dict_check(b) || (op != CMP_EQ && op != CMP_NE)) {
        return VAL_NOTIMPLEMENTED;
    }
    int r = dict_equal(dict_obj(a), dict_obj(b));
    if (r < 0) {
        return 0;
    }
    return val_bool(op == CMP_EQ ? r : !r);
}

static int64_t dict_len_slot(Value v) {
    return (int64_t)dict_obj(v)->used;
}

Value dict_getitem(Value v, Value key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return 0;
    }
    DictObject *d = dict_obj(v);
    size_t slot;
    int64_t ix = dict_lookup(d, key, hash, &slot);
    if (ix >= 0) {
        return d->keys->entries[ix].value;
    }
    if (ix == DKIX_ERROR) {
        return 0;
    }
    if (!dict_check_exact(v)) {
        // A subclass may define __missing__ (looked up on the type, bound
        // without the instance's __getattribute__, as CPython).
        Value missing = obj_lookup_special(v, str_intern_cstr("__missing__"));
        if (missing) {
            return obj_call(missing, &key, 1, 0);
        }
        if (err_occurred()) {
            return 0;
        }
    }
    return err_key_error(key);
}

int dict_setitem(Value v, Value key, Value value) {
    if (value) {
        return dict_set(v, key, value);
    }
    int r = dict_del(v, key);
    if (r == 0) {
        err_key_error(key);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

static int dict_contains_slot(Value v, Value key) {
    return dict_contains(v, key);
}

static Value dict_or(Value a, Value b) {
    if (!dict_check(a) || !dict_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    Value r = dict_copy(a);
    if (!r || dict_merge_dict(dict_obj(r), dict_obj(b), 1) < 0) {
        return 0;
    }
    return r;
}

static Value dict_ior(Value a, Value b) {
    if (!dict_check(a)) {
        return VAL_NOTIMPLEMENTED;
    }
    if (dict_update(a, b) < 0) {
        return 0;
    }
    return a;
}

// ---- iterators ---------------------------------------------------------------------------------

typedef struct DictIterObject {
    Object header;
    Value dict;       // 0 once exhausted
    size_t pos;       // next entry to look at
    int64_t used;     // the dict's size when the iterator was made (-1: broken)
    size_t remaining;
} DictIterObject;

static void dict_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((DictIterObject *)o)->dict);
}

static Value dict_iter_new(Value d, Type *type) {
    DictIterObject *it = (DictIterObject *)gc_alloc(type, sizeof *it);
    if (!it) {
        return 0;
    }
    it->dict = d;
    it->used = (int64_t)dict_obj(d)->used;
    it->remaining = dict_obj(d)->used;
    return val_from_ptr(it);
}

Value dict_iter(Value d) {
    return dict_iter_new(d, &type_dict_keyiterator);
}

// The next live entry for an iterator, or NULL (with RuntimeError when the
// dict changed).
static DictEntry *dict_iter_advance(DictIterObject *it) {
    if (!it->dict) {
        return NULL;
    }
    DictObject *d = dict_obj(it->dict);
    if (it->used != (int64_t)d->used) {
        err_format(&exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;  // stays broken
        return NULL;
    }
    DictKeys *k = d->keys;
    size_t i = it->pos;
    while (k && i < k->nentries && !k->entries[i].key) {
        i++;
    }
    if (!k || i >= k->nentries) {
        it->dict = 0;
        return NULL;
    }
    if (it->remaining == 0) {
        err_format(&exc_RuntimeError, "dictionary keys changed during iteration");
        it->dict = 0;
        return NULL;
    }
    it->pos = i + 1;
    it->remaining--;
    return &k->entries[i];
}

static Value dict_keyiter_next(Value v) {
    DictEntry *e = dict_iter_advance((DictIterObject *)val_ptr(v));
    return e ? e->key : 0;
}

static Value dict_valueiter_next(Value v) {
    DictEntry *e = dict_iter_advance((DictIterObject *)val_ptr(v));
    return e ? e->value : 0;
}

static Value dict_itemiter_next(Value v) {
    DictEntry *e = dict_iter_advance((DictIterObject *)val_ptr(v));
    return e ? tuple_pack2(e->key, e->value) : 0;
}

// Reverse iteration (reversed(d), reversed(d.keys()) ...): pos counts down
// from the end of the entry table; the size check is the forward one.
static DictEntry *dict_reviter_advance(DictIterObject *it) {
    if (!it->dict) {
        return NULL;
    }
    DictObject *d = dict_obj(it->dict);
    if (it->used != (int64_t)d->used) {
        err_format(&exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;
        return NULL;
    }
    DictKeys *k = d->keys;
    size_t i = k && it->pos <= k->nentries ? it->pos : (k ? k->nentries : 0);
    while (i > 0 && !k->entries[i - 1].key) {
        i--;
    }
    if (i == 0 || it->remaining == 0) {
        it->dict = 0;
        return NULL;
    }
    it->pos = i - 1;
    it->remaining--;
    return &k->entries[i - 1];
}

static Value dict_revkeyiter_next(Value v) {
    DictEntry *e = dict_reviter_advance((DictIterObject *)val_ptr(v));
    return e ? e->key : 0;
}

static Value dict_revvalueiter_next(Value v) {
    DictEntry *e = dict_reviter_advance((DictIterObject *)val_ptr(v));
    return e ? e->value : 0;
}

static Value dict_revitemiter_next(Value v) {
    DictEntry *e = dict_reviter_advance((DictIterObject *)val_ptr(v));
    return e ? tuple_pack2(e->key, e->value) : 0;
}

static Value dict_reviter_new(Value d, Type *type) {
    Value it = dict_iter_new(d, type);
    if (it) {
        DictKeys *k = dict_obj(d)->keys;
        ((DictIterObject *)val_ptr(it))->pos = k ? k->nentries : 0;
    }
    return it;
}

static Value dict_iter_m_length_hint(Value self, const Value *args, size_t nargs,
                                     Value kwnames) {
    if (method_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    DictIterObject *it = (DictIterObject *)val_ptr(self);
    bool valid = it->dict && it->used == (int64_t)dict_obj(it->dict)->used;
    return int_from_i64(valid ? (int64_t)it->remaining : 0);
}

// (iter, (list of what is left,)): how pickle and copy save a dict iterator,
// as CPython, by running a copy of it (the iterator itself does not move).
static Value dict_iter_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Type *type = type_of(self);
    DictIterObject *copy = (DictIterObject *)gc_alloc(type, sizeof(DictIterObject));
    if (!copy) {
        return 0;
    }
    DictIterObject *it = (DictIterObject *)val_ptr(self);
    copy->dict = it->dict;
    copy->pos = it->pos;
    copy->used = it->used;
    copy->remaining = it->remaining;
    Value rest = list_from_iterable(val_from_ptr(copy));
    Value fn = rest && vm_builtins ? dict_get_cstr(vm_builtins, "iter") : 0;
    Value rargs = fn ? tuple_from(&rest, 1) : 0;
    return rargs ? tuple_from((Value[]){fn, rargs}, 2) : 0;
}

static const MethodDef dict_iter_methods[] = {
    {"__length_hint__", dict_iter_m_length_hint, METH_NO_KEYWORDS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", dict_iter_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static Value iter_self(Value v) {
    return v;
}

// ---- views ----------------------------------------------------------------------------------------

typedef struct DictViewObject {
    Object header;
    Value dict;
} DictViewObject;

static inline Value view_dict(Value v) {
    return ((DictViewObject *)val_ptr(v))->dict;
}

static void dict_view_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((DictViewObject *)o)->dict);
}

static Value dict_view_new(Value d, Type *type) {
    DictViewObject *view = (DictViewObject *)gc_alloc(type, sizeof *view);
    if (!view) {
        return 0;
    }
    view->dict = d;
    return val_from_ptr(view);
}

Value dict_view_keys(Value d) { return dict_view_new(d, &type_dict_keys); }
Value dict_view_values(Value d) { return dict_view_new(d, &type_dict_values); }
Value dict_view_items(Value d) { return dict_view_new(d, &type_dict_items); }

static int64_t dict_view_len(Value v) {
    return (int64_t)dict_obj(view_dict(v))->used;
}

static Value dict_keys_iter(Value v) { return dict_iter_new(view_dict(v), &type_dict_keyiterator); }
static Value dict_values_iter(Value v) {
    return dict_iter_new(view_dict(v), &type_dict_valueiterator);
}
static Value dict_items_iter(Value v) {
    return dict_iter_new(view_dict(v), &type_dict_itemiterator);
}

static Value dict_keys_m_reversed(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return dict_reviter_new(view_dict(self), &type_dict_reversekeyiterator);
}

static Value dict_values_m_reversed(Value self, const Value *args, size_t nargs,
                                    Value kwnames) {
    if (method_check_args("__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return dict_reviter_new(view_dict(self), &type_dict_reversevalueiterator);
}

static Value dict_items_m_reversed(Value self, const Value *args, size_t nargs,
                                   Value kwnames) {
    if (method_check_args("__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return dict_reviter_new(view_dict(self), &type_dict_reverseitemiterator);
}

// view.mapping: a read-only proxy of the dict the view is over.
static Value dict_view_get_mapping(Value self) {
    return mappingproxy_new(view_dict(self));
}

static const GetSetDef dict_view_getset[] = {
    {"mapping", dict_view_get_mapping, NULL, "dictionary that this view refers to"},
    {NULL, NULL, NULL, NULL},
};

static int dict_keys_contains(Value v, Value key) {
    return dict_contains(view_dict(v), key);
}

static int dict_items_contains(Value v, Value item) {
    if (!tuple_check(item) || tuple_obj(item)->len != 2) {
        return 0;
    }
    Value key = tuple_obj(item)->items[0], value = tuple_obj(item)->items[1];
    Value found = dict_get(view_dict(v), key);
    if (!found) {
        return err_occurred() ? -1 : 0;
    }
    return obj_richcompare_bool(found, value, CMP_EQ);
}

static Value dict_view_repr(Value v) {
    int r = repr_enter(v);
    if (r != 0) {
        return r > 0 ? str_from_cstr("...") : 0;
    }
    Value result = 0;
    Value l = list_from_iterable(v);
    if (l) {
        StrBuf sb;
        sb_init(&sb);
        sb_puts(&sb, type_of(v)->name);
        sb_putc(&sb, '(');
        if (repr_append(&sb, l) == 0) {
            sb_putc(&sb, ')');
            result = str_from_utf8(sb.data, sb.len);
        }
        sb_free(&sb);
    }
    repr_leave(v);
    return result;
}

static int is_set_view(Value v) {
    return val_is_ptr(v) &&
           (val_ptr(v)->type == &type_dict_keys || val_ptr(v)->type == &type_dict_items);
}

// Whether every item of a is in b.
static int all_contained_in(Value a, Value b) {
    Value it = obj_iter(a);
    if (!it) {
        return -1;
    }
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? -1 : 1;
        }
        int r = obj_contains(b, item);
        if (r <= 0) {
            return r;
        }
    }
}

static Value dict_view_richcompare(Value a, Value b, CompareOp op) {
    if (!set_check_any(b) && !is_set_view(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    int64_t la = obj_len(a), lb = obj_len(b);
    if (la < 0 || lb < 0) {
        return 0;
    }
    int ok = 0;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (la == lb) {
            ok = all_contained_in(a, b);
        }
        if (op == CMP_NE && ok >= 0) {
            ok = !ok;
        }
        break;
    case CMP_LT:
        if (la < lb) {
            ok = all_contained_in(a, b);
        }
        break;
    case CMP_LE:
        if (la <= lb) {
            ok = all_contained_in(a, b);
        }
        break;
    case CMP_GT:
        if (la > lb) {
            ok = all_contained_in(b, a);
        }
        break;
    case CMP_GE:
        if (la >= lb) {
            ok = all_contained_in(b, a);
        }
        break;
    }
    return ok < 0 ? 0 : val_bool(ok);
}

// set(view) - for a keys view of an exact dict, straight from the dict
// (which brings the cached hashes along).
static Value dict_view_to_set(Value v) {
    if (val_is_ptr(v) && val_ptr(v)->type == &type_dict_keys && dict_check_exact(view_dict(v))) {
        return set_new(view_dict(v));
    }
    return set_new(v);
}

static Value dict_view_sub(Value a, Value b) {
    Value r = dict_view_to_set(a);
    if (!r || set_difference_update(r, b) < 0) {
        return 0;
    }
    return r;
}

static Value dict_view_or(Value a, Value b) {
    Value r = dict_view_to_set(a);
    if (!r || set_update(r, b) < 0) {
        return 0;
    }
    return r;
}

static Value dict_view_xor(Value a, Value b) {
    Value r = dict_view_to_set(a);
    if (!r || set_symmetric_difference_update(r, b) < 0) {
        return 0;
    }
    return r;
}

static Value dict_view_and(Value self, Value other) {
    if (!is_set_view(self)) {
        Value t = self;
        self = other;
        other = t;
    }
    int64_t len_self = dict_view_len(self);
    if (set_check_exact(other)) {
        int64_t len_other = obj_len(other);
        if (len_self <= len_other) {
            return set_intersection(other, self);
        }
    }
    if (is_set_view(other) && dict_view_len(other) > len_self) {
        Value t = self;
        self = other;
        other = t;
    }
    Value result = set_new(0);
    Value it = result ? obj_iter(other) : 0;
    if (!it) {
        return 0;
    }
    int keys = val_ptr(self)->type == &type_dict_keys;
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? 0 : result;
        }
        int r = keys ? dict_keys_contains(self, item) : dict_items_contains(self, item);
        if (r < 0 || (r && set_add(result, item) < 0)) {
            return 0;
        }
    }
}

static Value dict_view_isdisjoint(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("isdisjoint", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? 0 : VAL_TRUE;
        }
        int r = obj_contains(self, item);
        if (r < 0) {
            return 0;
        }
        if (r) {
            return VAL_FALSE;
        }
    }
}

#define ISDISJOINT_DEF                                 \
    {"isdisjoint", dict_view_isdisjoint, METH_NO_KEYWORDS, \
     "Return True if the view and the given iterable have a null intersection."}

static const MethodDef dict_keys_methods[] = {
    ISDISJOINT_DEF,
    {"__reversed__", dict_keys_m_reversed, METH_NO_KEYWORDS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static const MethodDef dict_items_methods[] = {
    ISDISJOINT_DEF,
    {"__reversed__", dict_items_m_reversed, METH_NO_KEYWORDS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL},
};

static const MethodDef dict_values_methods[] = {
    {"__reversed__", dict_values_m_reversed, METH_NO_KEYWORDS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

// ---- methods ---------------------------------------------------------------------------------------

static Value dict_m_get(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("dict.get", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    Value r = dict_get(self, args[0]);
    if (r || err_occurred()) {
        return r;
    }
    return nargs > 1 ? args[1] : VAL_NONE;
}

static Value dict_m_setdefault(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("dict.setdefault", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    Value dflt = nargs > 1 ? args[1] : VAL_NONE;
    int64_t hash = key_hash(args[0]);
    if (hash == -1) {
        return 0;
    }
    DictObject *d = dict_obj(self);
    size_t slot;
    int64_t ix = dict_lookup(d, args[0], hash, &slot);
    if (ix == DKIX_ERROR) {
        return 0;
    }
    if (ix >= 0) {
        return d->keys->entries[ix].value;
    }
    // Absent: add it without comparing again (__eq__ runs once, as in CPython).
    if (dict_insert_new(d, args[0], hash, dflt) < 0) {
        return 0;
    }
    return dflt;
}

static Value dict_m_pop(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("dict.pop", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    DictObject *d = dict_obj(self);
    if (d->used == 0) {
        // CPython answers an empty dict without hashing the key.
        return nargs > 1 ? args[1] : err_key_error(args[0]);
    }
    int64_t hash = key_hash(args[0]);
    if (hash == -1) {
        return 0;
    }
    size_t slot;
    int64_t ix = dict_lookup(d, args[0], hash, &slot);
    if (ix == DKIX_ERROR) {
        return 0;
    }
    if (ix < 0) {
        return nargs > 1 ? args[1] : err_key_error(args[0]);
    }
    return dict_remove_entry(d, slot, ix);
}

static Value dict_m_popitem(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("dict.popitem", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    DictObject *d = dict_obj(self);
    if (d->used == 0) {
        return err_format(&exc_KeyError, "popitem(): dictionary is empty");
    }
    DictKeys *k = d->keys;
    size_t i = k->nentries - 1;
    while (!k->entries[i].key) {
        i--;
    }
    DictEntry e = k->entries[i];
    Value item = tuple_pack2(e.key, e.value);
    if (!item) {
        return 0;
    }
    // Find the slot that holds entry i.
    size_t mask = ((size_t)1 << k->log2_size) - 1;
    size_t slot = (size_t)e.hash & mask, perturb = (size_t)e.hash;
    while (keys_get_index(k, slot) != (int64_t)i) {
        perturb >>= DICT_PERTURB_SHIFT;
        slot = (slot * 5 + perturb + 1) & mask;
    }
    dict_remove_entry(d, slot, (int64_t)i);
    k->nentries = i;  // the tail entry can be reused; usable cannot grow (a dummy remains)
    return item;
}

static Value dict_m_keys(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("dict.keys", nargs, kwnames, 0, 0) < 0 ? 0 : dict_view_keys(self);
}

static Value dict_m_values(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("dict.values", nargs, kwnames, 0, 0) < 0 ? 0
                                                                       : dict_view_values(self);
}

static Value dict_m_items(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("dict.items", nargs, kwnames, 0, 0) < 0 ? 0 : dict_view_items(self);
}

static Value dict_m_clear(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("dict.clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    dict_clear(self);
    return VAL_NONE;
}

static Value dict_m_copy(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("dict.copy", nargs, kwnames, 0, 0) < 0 ? 0 : dict_copy(self);
}

// Keyword arguments into d.
static int dict_set_keywords(Value d, const Value *values, Value kwnames) {
    size_t n = kwnames ? tuple_obj(kwnames)->len : 0;
    for (size_t i = 0; i < n; i++) {
        if (dict_set(d, tuple_obj(kwnames)->items[i], values[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static Value dict_m_update(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (nargs > 1) {
        return err_format(&exc_TypeError, "update expected at most 1 argument, got %zu", nargs);
    }
    if ((nargs == 1 && dict_update(self, args[0]) < 0) ||
        dict_set_keywords(self, args + nargs, kwnames) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value dict_m_fromkeys(Value cls, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("dict.fromkeys", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    Value value = nargs > 1 ? args[1] : VAL_NONE;
    int exact = val_ptr(cls) == (Object *)&type_dict;
    Value d = exact ? dict_new() : obj_call0(cls);
    if (!d) {
        return 0;
    }
    // From a dict or a set into a plain dict: the keys' stored hashes are
    // reused (CPython does not call __hash__ again).
    if (exact && (dict_check_exact(args[0]) || set_check_exact(args[0]) ||
                  frozenset_check_exact(args[0]))) {
        size_t pos = 0;
        Value key, v;
        int64_t hash;
        int is_dict = dict_check_exact(args[0]);
        while (is_dict ? dict_next_hash(args[0], &pos, &key, &v, &hash)
                       : set_next(args[0], &pos, &key, &hash)) {
            if (dict_set_hash(d, key, hash, value) < 0) {
                return 0;
            }
        }
        return d;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    for (;;) {
        Value key = obj_next(it);
        if (!key) {
            return err_occurred() ? 0 : d;
        }
        if ((exact ? dict_set(d, key, value) : obj_setitem(d, key, value)) < 0) {
            return 0;
        }
    }
}

static Value dict_m_contains(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("dict.__contains__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int r = dict_contains(self, args[0]);
    return r < 0 ? 0 : val_bool(r);
}

static Value dict_m_reversed(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return dict_reviter_new(self, &type_dict_reversekeyiterator);
}

// dict.__getitem__ is a method in CPython (METH_COEXIST), as list's.
static Value dict_m_getitem(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("dict.__getitem__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return dict_getitem(self, args[0]);
}

static const MethodDef dict_methods[] = {
    {"__getitem__", dict_m_getitem, METH_NO_KEYWORDS, "x.__getitem__(y) <==> x[y]"},
    {"__reversed__", dict_m_reversed, METH_NO_KEYWORDS,
     "__reversed__($self, /)\n--\n\n"
     "Return a reverse iterator over the dict keys."},
    {"get", dict_m_get, METH_NO_KEYWORDS,
     "get($self, key, default=None, /)\n--\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_m_setdefault, METH_NO_KEYWORDS,
     "setdefault($self, key, default=None, /)\n--\n\n"
     "Insert key with a value of default if key is not in the dictionary."},
    {"pop", dict_m_pop, METH_NO_KEYWORDS,
     "pop($self, key, default=<unrepresentable>, /)\n--\n\n"
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", dict_m_popitem, METH_NO_KEYWORDS,
     "popitem($self, /)\n--\n\n"
     "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", dict_m_keys, METH_NO_KEYWORDS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", dict_m_values, METH_NO_KEYWORDS, "D.values() -> an object providing a view on D's values"},
    {"items", dict_m_items, METH_NO_KEYWORDS, "D.items() -> a set-like object providing a view on D's items"},
    {"update", dict_m_update, METH_DEFAULT, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"clear", dict_m_clear, METH_NO_KEYWORDS, "D.clear() -> None.  Remove all items from D."},
    {"copy", dict_m_copy, METH_NO_KEYWORDS, "D.copy() -> a shallow copy of D"},
    {"fromkeys", dict_m_fromkeys, METH_CLASS | METH_NO_KEYWORDS,
     "fromkeys($type, iterable, value=None, /)\n--\n\n"
     "Create a new dictionary with keys from iterable and values set to value."},
    {"__contains__", dict_m_contains, METH_NO_KEYWORDS,
     "__contains__($self, key, /)\n--\n\n"
     "True if the dictionary has the specified key, else False."},
    {NULL, NULL, 0, NULL},
};

// ---- construction ------------------------------------------------------------------------------------

static Value dict_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return dict_alloc((Type *)val_ptr(type));
}

static Value dict_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (nargs > 1) {
        return err_format(&exc_TypeError, "dict expected at most 1 argument, got %zu", nargs);
    }
    if ((nargs == 1 && dict_update(self, args[0]) < 0) ||
        dict_set_keywords(self, args + nargs, kwnames) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// ---- the types -----------------------------------------------------------------------------------------

Type type_dict = {
    .header = {&type_type},
    .name = "dict",
    .flags = TYPE_BASETYPE | TYPE_IMMUTABLE | TYPE_DICT_SUBCLASS | TYPE_MAPPING,
    .basic_size = sizeof(DictObject),
    .base = &type_object,
    .trace = dict_trace,
    .gc_stamp = dict_gc_stamp,
    .free = dict_free,
    .repr = dict_repr,
    .hash = hash_unhashable,
    .richcompare = dict_richcompare,
    .new_ = dict_tp_new,
    .init = dict_tp_init,
    .iter = dict_iter,
    .len = dict_len_slot,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains_slot,
    .binop = {[BINOP_OR] = dict_or},
    .inplace = {[BINOP_OR] = dict_ior},
    .methods = dict_methods,
};

#define DICT_VIEW_TYPE(cname, pyname, iterfn, containsfn, setlike, methodtab)                   \
    Type cname = {                                                                              \
        .header = {&type_type},                                                                 \
        .name = pyname,                                                                         \
        .flags = TYPE_IMMUTABLE,                                                                \
        .basic_size = sizeof(DictViewObject),                                                   \
        .base = &type_object,                                                                   \
        .trace = dict_view_trace,                                                               \
        .repr = dict_view_repr,                                                                 \
        .hash = setlike ? hash_unhashable : NULL,                                               \
        .richcompare = setlike ? dict_view_richcompare : NULL,                                  \
        .iter = iterfn,                                                                         \
        .len = dict_view_len,                                                                   \
        .contains = containsfn,                                                                 \
        .binop = {[BINOP_SUB] = setlike ? dict_view_sub : NULL,                                 \
                  [BINOP_AND] = setlike ? dict_view_and : NULL,                                 \
                  [BINOP_XOR] = setlike ? dict_view_xor : NULL,                                 \
                  [BINOP_OR] = setlike ? dict_view_or : NULL},                                  \
        .methods = methodtab,                                                                   \
        .getset = dict_view_getset,                                                             \
    };

DICT_VIEW_TYPE(type_dict_keys, "dict_keys", dict_keys_iter, dict_keys_contains, 1,
               dict_keys_methods)
DICT_VIEW_TYPE(type_dict_items, "dict_items", dict_items_iter, dict_items_contains, 1,
               dict_items_methods)
DICT_VIEW_TYPE(type_dict_values, "dict_values", dict_values_iter, NULL, 0, dict_values_methods)

#define DICT_ITER_TYPE(cname, pyname, nextfn)                                                   \
    Type cname = {                                                                              \
        .header = {&type_type},                                                                 \
        .name = pyname,                                                                         \
        .flags = TYPE_IMMUTABLE,                                                                \
        .basic_size = sizeof(DictIterObject),                                                   \
        .base = &type_object,                                                                   \
        .trace = dict_iter_trace,                                                               \
        .iter = iter_self,                                                                      \
        .iternext = nextfn,                                                                     \
        .methods = dict_iter_methods,                                                           \
    };

DICT_ITER_TYPE(type_dict_keyiterator, "dict_keyiterator", dict_keyiter_next)
DICT_ITER_TYPE(type_dict_valueiterator, "dict_valueiterator", dict_valueiter_next)
DICT_ITER_TYPE(type_dict_itemiterator, "dict_itemiterator", dict_itemiter_next)
DICT_ITER_TYPE(type_dict_reversekeyiterator, "dict_reversekeyiterator", dict_revkeyiter_next)
DICT_ITER_TYPE(type_dict_reversevalueiterator, "dict_reversevalueiterator",
               dict_revvalueiter_next)
DICT_ITER_TYPE(type_dict_reverseitemiterator, "dict_reverseitemiterator",
               dict_revitemiter_next)
