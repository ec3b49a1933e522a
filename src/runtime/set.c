// set.c - set and frozenset.
//
// The iteration order of a set is its hash table's slot order, and programs
// print sets, so krait's table must be CPython 3.11's slot for slot:
//  - a table of 2**k entries (key, hash), 8 of them inside the object;
//  - probing starts at hash & mask and looks at up to LINEAR_PROBES more
//    adjacent entries (when they do not wrap around) before jumping with
//    perturb >>= 5; i = (i * 5 + 1 + perturb) & mask;
//  - a deleted key leaves a dummy (hash -1); an insertion that does not
//    find its key takes the LAST dummy it passed on the probe chain (not the
//    first), else the empty slot that ended the chain;
//  - the table is rebuilt when fill (active + dummies) reaches 3/5 of the
//    mask, to the smallest power of two above 4 * used (2 * used above
//    50000 items), re-inserting in slot order;
//  - copies, unions, intersections... iterate whichever operand CPython
//    iterates, and a copy of a table without dummies is a slot-for-slot copy.
// Differential tests compare printed sets built by random operation
// sequences with CPython's (tests/unit/containers_test.sh).
//
// frozenset's hash is CPython's too (a mix of the entries' hashes that does
// not depend on the order).
#include "set.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "int.h"
#include "iterators.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define SET_PERTURB_SHIFT 5

typedef struct SetEntry {
    Value key;      // 0: never used; SET_DUMMY: deleted
    int64_t hash;   // -1 for a dummy
} SetEntry;

struct SetObject {
    Object header;
    size_t fill;        // active + dummy entries
    size_t used;        // active entries
    size_t mask;        // table size - 1
    SetEntry *table;    // smalltable or malloc'ed
    int64_t hash;       // frozenset: -1 until computed
    size_t finger;      // where pop() looks next
    SetEntry smalltable[SET_MINSIZE];
};

// The dummy key: a static object's address, never a heap object.
static Object set_dummy_object = {&type_object};
#define SET_DUMMY val_from_ptr(&set_dummy_object)

static inline SetObject *set_obj(Value v) { return (SetObject *)val_ptr(v); }

int set_check_any(Value v) {
    if (!val_is_ptr(v)) {
        return 0;
    }
    Type *t = val_ptr(v)->type;
    return t == &type_set || t == &type_frozenset || type_is_subtype(t, &type_set) ||
           type_is_subtype(t, &type_frozenset);
}

static int is_frozenset_any(Value v) {
    Type *t = type_of(v);
    return t == &type_frozenset || type_is_subtype(t, &type_frozenset);
}

static inline int is_exact_str(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_str;
}

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

// ---- the table -------------------------------------------------------------------------

// The entry holding key, or the empty entry ending its chain (key 0); NULL
// on error.
static SetEntry *set_lookkey(SetObject *so, Value key, int64_t hash) {
    size_t perturb = (size_t)hash;
    size_t mask = so->mask;
    size_t i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == 0) {
                return entry;
            }
            if (entry->hash == hash) {
                Value start = entry->key;
                if (start == key) {
                    return entry;
                }
                if (is_exact_str(start) && is_exact_str(key)) {
                    StrObject *x = str_obj(start), *y = str_obj(key);
                    if (x->nbytes == y->nbytes && memcmp(x->data, y->data, x->nbytes) == 0) {
                        return entry;
                    }
                } else {
                    SetEntry *table = so->table;
                    int cmp = key_equal(start, key);
                    if (cmp < 0) {
                        return NULL;
                    }
                    if (table != so->table || entry->key != start) {
                        return set_lookkey(so, key, hash);  // __eq__ changed the set
                    }
                    if (cmp > 0) {
                        return entry;
                    }
                    mask = so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Insert a key known to be absent into a table without dummies.
static void set_insert_clean(SetEntry *table, size_t mask, Value key, int64_t hash) {
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &table[i];
        if (entry->key == 0) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == 0) {
                    goto found;
                }
            }
        }
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

// Rebuild the table with more than minused slots.
static int set_table_resize(SetObject *so, size_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= minused) {
        newsize <<= 1;
    }
    SetEntry *oldtable = so->table;
    size_t oldmask = so->mask;
    int old_malloced = oldtable != so->smalltable;
    SetEntry small_copy[SET_MINSIZE];
    SetEntry *newtable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) {
                return 0;  // no dummies: nothing to do
            }
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        if (newsize > SIZE_MAX / sizeof(SetEntry) ||
            !(newtable = malloc(newsize * sizeof(SetEntry)))) {
            err_no_memory();
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(SetEntry));
    so->mask = newsize - 1;
    so->table = newtable;
    if (so->fill == so->used) {
        for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++) {
            if (e->key != 0) {
                set_insert_clean(newtable, so->mask, e->key, e->hash);
            }
        }
    } else {
        so->fill = so->used;
        for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++) {
            if (e->key != 0 && e->key != SET_DUMMY) {
                set_insert_clean(newtable, so->mask, e->key, e->hash);
            }
        }
    }
    if (old_malloced) {
        free(oldtable);
    }
    return 0;
}

static int set_add_entry(SetObject *so, Value key, int64_t hash) {
restart:;
    size_t mask = so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    SetEntry *freeslot = NULL;
    SetEntry *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == 0) {
                goto found_unused;
            }
            if (entry->hash == hash) {
                Value start = entry->key;
                if (start == key) {
                    return 0;
                }
                if (is_exact_str(start) && is_exact_str(key)) {
                    StrObject *x = str_obj(start), *y = str_obj(key);
                    if (x->nbytes == y->nbytes && memcmp(x->data, y->data, x->nbytes) == 0) {
                        return 0;
                    }
                } else {
                    SetEntry *table = so->table;
                    int cmp = key_equal(start, key);
                    if (cmp > 0) {
                        return 0;
                    }
                    if (cmp < 0) {
                        return -1;
                    }
                    if (table != so->table || entry->key != start) {
                        goto restart;
                    }
                    mask = so->mask;
                }
            } else if (entry->hash == -1) {
                freeslot = entry;  // the last dummy on the chain, as in CPython
            }
            entry++;
        } while (probes--);
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if (so->fill * 5 < mask * 3) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

// 1 found and removed, 0 absent, -1 error.
static int set_discard_entry(SetObject *so, Value key, int64_t hash) {
    SetEntry *entry = set_lookkey(so, key, hash);
    if (!entry) {
        return -1;
    }
    if (entry->key == 0) {
        return 0;
    }
    entry->key = SET_DUMMY;
    entry->hash = -1;
    so->used--;
    return 1;
}

static int set_contains_entry(SetObject *so, Value key, int64_t hash) {
    SetEntry *entry = set_lookkey(so, key, hash);
    if (!entry) {
        return -1;
    }
    return entry->key != 0;
}

static int set_add_key(SetObject *so, Value key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_add_entry(so, key, hash);
}

static int set_contains_key(SetObject *so, Value key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_contains_entry(so, key, hash);
}

static int set_discard_key(SetObject *so, Value key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_discard_entry(so, key, hash);
}

// The next active entry at or after *pos.
static SetEntry *set_next_entry(SetObject *so, size_t *pos) {
    size_t i = *pos;
    while (i <= so->mask && (so->table[i].key == 0 || so->table[i].key == SET_DUMMY)) {
        i++;
    }
    *pos = i + 1;
    return i > so->mask ? NULL : &so->table[i];
}

static void set_reset(SetObject *so) {
    SetEntry *table = so->table;
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->fill = so->used = 0;
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->hash = -1;
    if (table != so->smalltable) {
        free(table);
    }
}

// ---- building ---------------------------------------------------------------------------

static void set_trace(Object *o, GcTracer *t) {
    SetObject *so = (SetObject *)o;
    for (size_t i = 0; i <= so->mask; i++) {
        Value k = so->table[i].key;
        if (k != 0 && k != SET_DUMMY) {
            gc_trace_value(t, k);
        }
    }
}

static void set_free(Object *o) {
    SetObject *so = (SetObject *)o;
    if (so->table != so->smalltable) {
        free(so->table);
    }
}

static SetObject *set_alloc(Type *type) {
    SetObject *so = (SetObject *)gc_alloc(type, type->basic_size);
    if (so) {
        so->table = so->smalltable;
        so->mask = SET_MINSIZE - 1;
        so->hash = -1;
    }
    return so;
}

// Add every key of the set other (CPython's set_merge).
static int set_merge(SetObject *so, SetObject *other) {
    if (other == so || other->used == 0) {
        return 0;
    }
    // Presize: at most one resize for the whole merge.
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) < 0) {
            return -1;
        }
    }
    SetEntry *src = other->table;
    // An empty table of the same size and no dummies to drop: copy slots.
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (size_t i = 0; i <= other->mask; i++) {
            if (src[i].key != 0) {
                so->table[i] = src[i];
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (size_t i = 0; i <= other->mask; i++) {
            if (src[i].key != 0 && src[i].key != SET_DUMMY) {
                set_insert_clean(so->table, so->mask, src[i].key, src[i].hash);
            }
        }
        return 0;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        SetEntry e = other->table[i];
        if (e.key != 0 && e.key != SET_DUMMY && set_add_entry(so, e.key, e.hash) < 0) {
            return -1;
        }
    }
    return 0;
}

static int set_update_internal(SetObject *so, Value other) {
    if (set_check_any(other)) {
        return set_merge(so, set_obj(other));
    }
    if (dict_check_exact(other)) {
        int64_t n = dict_len(other);
        if ((so->fill + (size_t)n) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + (size_t)n) * 2) < 0) {
                return -1;
            }
        }
        size_t pos = 0;
        Value key;
        int64_t hash;
        while (dict_next_hash(other, &pos, &key, NULL, &hash)) {
            if (set_add_entry(so, key, hash) < 0) {
                return -1;
            }
        }
        return 0;
    }
    Value it = obj_iter(other);
    if (!it) {
        return -1;
    }
    for (;;) {
        Value key = obj_next(it);
        if (!key) {
            return err_occurred() ? -1 : 0;
        }
        if (set_add_key(so, key) < 0) {
            return -1;
        }
    }
}

static Value make_new_set(Type *type, Value iterable) {
    SetObject *so = set_alloc(type);
    if (!so) {
        return 0;
    }
    if (iterable && set_update_internal(so, iterable) < 0) {
        return 0;
    }
    return val_from_ptr(so);
}

// A new set or frozenset (whichever `like`'s type derives from).
static Value make_new_set_basetype(Value like, Value iterable) {
    return make_new_set(is_frozenset_any(like) ? &type_frozenset : &type_set, iterable);
}

Value set_new(Value iterable) {
    return make_new_set(&type_set, iterable);
}

Value frozenset_new(Value iterable) {
    if (iterable && frozenset_check_exact(iterable)) {
        return iterable;
    }
    return make_new_set(&type_frozenset, iterable);
}

int set_add(Value s, Value key) {
    return set_add_key(set_obj(s), key);
}

// Retry a lookup of an unhashable set as a frozenset (`{1} in {frozenset({1})}`).
static int set_key_as_frozenset(Value key, Value *out) {
    if (!set_check_any(key) || !err_matches(&exc_TypeError)) {
        return 0;
    }
    err_clear();
    *out = make_new_set(&type_frozenset, key);
    return *out ? 1 : -1;
}

int set_discard(Value s, Value key) {
    int r = set_discard_key(set_obj(s), key);
    if (r < 0) {
        Value tmp;
        int c = set_key_as_frozenset(key, &tmp);
        if (c > 0) {
            r = set_discard_key(set_obj(s), tmp);
        }
    }
    return r;
}

int set_contains(Value s, Value key) {
    int r = set_contains_key(set_obj(s), key);
    if (r < 0) {
        Value tmp;
        int c = set_key_as_frozenset(key, &tmp);
        if (c > 0) {
            r = set_contains_key(set_obj(s), tmp);
        }
    }
    return r;
}

int64_t set_len(Value s) {
    return (int64_t)set_obj(s)->used;
}

int set_next(Value s, size_t *pos, Value *key, int64_t *hash) {
    SetEntry *e = set_next_entry(set_obj(s), pos);
    if (!e) {
        return 0;
    }
    if (key) {
        *key = e->key;
    }
    if (hash) {
        *hash = e->hash;
    }
    return 1;
}

void set_clear(Value s) {
    set_reset(set_obj(s));
}

Value set_copy(Value s) {
    if (frozenset_check_exact(s)) {
        return s;
    }
    return make_new_set_basetype(s, s);
}

int set_update(Value s, Value iterable) {
    return set_update_internal(set_obj(s), iterable);
}

// ---- set algebra ------------------------------------------------------------------------

Value set_intersection(Value s, Value other) {
    if (s == other) {
        return make_new_set_basetype(s, s);
    }
    Value result = make_new_set_basetype(s, 0);
    if (!result) {
        return 0;
    }
    SetObject *r = set_obj(result);
    if (set_check_any(other)) {
        SetObject *big = set_obj(s), *small = set_obj(other);
        if (small->used > big->used) {
            SetObject *t = big;
            big = small;
            small = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while ((e = set_next_entry(small, &pos))) {
            Value key = e->key;
            int64_t hash = e->hash;
            int rv = set_contains_entry(big, key, hash);
            if (rv < 0 || (rv && set_add_entry(r, key, hash) < 0)) {
                return 0;
            }
        }
        return result;
    }
    Value it = obj_iter(other);
    if (!it) {
        return 0;
    }
    for (;;) {
        Value key = obj_next(it);
        if (!key) {
            return err_occurred() ? 0 : result;
        }
        int64_t hash = key_hash(key);
        if (hash == -1) {
            return 0;
        }
        int rv = set_contains_entry(set_obj(s), key, hash);
        if (rv < 0 || (rv && set_add_entry(r, key, hash) < 0)) {
            return 0;
        }
    }
}

// Swap the contents of two sets (intersection_update builds the result
// aside, then takes its table).
static void set_swap_bodies(SetObject *a, SetObject *b) {
    size_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    SetEntry *u = a->table == a->smalltable ? b->smalltable : a->table;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        SetEntry tab[SET_MINSIZE];
        memcpy(tab, a->smalltable, sizeof tab);
        memcpy(a->smalltable, b->smalltable, sizeof tab);
        memcpy(b->smalltable, tab, sizeof tab);
    }
    if (is_frozenset_any(val_from_ptr(a)) && is_frozenset_any(val_from_ptr(b))) {
        int64_t h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

int set_intersection_update(Value s, Value other) {
    Value tmp = set_intersection(s, other);
    if (!tmp) {
        return -1;
    }
    set_swap_bodies(set_obj(s), set_obj(tmp));
    return 0;
}

int set_difference_update(Value s, Value other) {
    SetObject *so = set_obj(s);
    if (s == other) {
        set_reset(so);
        return 0;
    }
    if (set_check_any(other)) {
        // Much bigger other: iterate the (smaller) intersection instead.
        if ((set_obj(other)->used >> 3) > so->used) {
            other = set_intersection(s, other);
            if (!other) {
                return -1;
            }
        }
        SetObject *o = set_obj(other);
        size_t pos = 0;
        SetEntry *e;
        while ((e = set_next_entry(o, &pos))) {
            if (set_discard_entry(so, e->key, e->hash) < 0) {
                return -1;
            }
        }
    } else {
        Value it = obj_iter(other);
        if (!it) {
            return -1;
        }
        for (;;) {
            Value key = obj_next(it);
            if (!key) {
                if (err_occurred()) {
                    return -1;
                }
                break;
            }
            if (set_discard_key(so, key) < 0) {
                return -1;
            }
        }
    }
    // More than a quarter dummies: rebuild.
    if (so->fill - so->used <= so->mask / 4) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

Value set_difference(Value s, Value other) {
    SetObject *so = set_obj(s);
    size_t other_size;
    if (set_check_any(other)) {
        other_size = set_obj(other)->used;
    } else if (dict_check_exact(other)) {
        other_size = (size_t)dict_len(other);
    } else {
        goto copy_and_difference;  // (iterates other even for an empty set: TypeError)
    }
    if (so->used == 0) {
        return make_new_set_basetype(s, s);
    }
    if ((so->used >> 2) > other_size) {
        goto copy_and_difference;
    }
    Value result = make_new_set_basetype(s, 0);
    if (!result) {
        return 0;
    }
    size_t pos = 0;
    SetEntry *e;
    while ((e = set_next_entry(so, &pos))) {
        Value key = e->key;
        int64_t hash = e->hash;
        int rv;
        if (dict_check_exact(other)) {
            rv = dict_get_hash(other, key, hash) != 0;
            if (!rv && err_occurred()) {
                rv = -1;
            }
        } else {
            rv = set_contains_entry(set_obj(other), key, hash);
        }
        if (rv < 0 || (!rv && set_add_entry(set_obj(result), key, hash) < 0)) {
            return 0;
        }
    }
    return result;
copy_and_difference:;
    Value r = make_new_set_basetype(s, s);
    if (!r || set_difference_update(r, other) < 0) {
        return 0;
    }
    return r;
}

int set_symmetric_difference_update(Value s, Value other) {
    SetObject *so = set_obj(s);
    if (s == other) {
        set_reset(so);
        return 0;
    }
    if (dict_check_exact(other)) {
        size_t pos = 0;
        Value key;
        int64_t hash;
        while (dict_next_hash(other, &pos, &key, NULL, &hash)) {
            int rv = set_discard_entry(so, key, hash);
            if (rv < 0 || (rv == 0 && set_add_entry(so, key, hash) < 0)) {
                return -1;
            }
        }
        return 0;
    }
    Value otherset = other;
    if (!set_check_any(other)) {
        otherset = make_new_set_basetype(s, other);
        if (!otherset) {
            return -1;
        }
    }
    SetObject *o = set_obj(otherset);
    size_t pos = 0;
    SetEntry *e;
    while ((e = set_next_entry(o, &pos))) {
        Value key = e->key;
        int64_t hash = e->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv < 0 || (rv == 0 && set_add_entry(so, key, hash) < 0)) {
            return -1;
        }
    }
    return 0;
}

Value set_symmetric_difference(Value s, Value other) {
    Value r = make_new_set_basetype(s, other);
    if (!r || set_symmetric_difference_update(r, s) < 0) {
        return 0;
    }
    return r;
}

// 1 if every key of a is in b (both sets).
static int set_issubset_sets(SetObject *a, SetObject *b) {
    if (a->used > b->used) {
        return 0;
    }
    size_t pos = 0;
    SetEntry *e;
    while ((e = set_next_entry(a, &pos))) {
        int rv = set_contains_entry(b, e->key, e->hash);
        if (rv <= 0) {
            return rv;
        }
    }
    return 1;
}

// ---- slots ------------------------------------------------------------------------------

Value set_repr(Value v) {
    SetObject *so = set_obj(v);
    const char *name = type_of(v)->name;
    int r = repr_enter(v);
    if (r != 0) {
        return r > 0 ? str_format_c("%s(...)", name) : 0;
    }
    Value result = 0;
    if (so->used == 0) {
        result = str_format_c("%s()", name);
        goto done;
    }
    Value keys = list_from_iterable(v);
    if (!keys) {
        goto done;
    }
    StrBuf sb;
    sb_init(&sb);
    int exact = set_check_exact(v);
    if (!exact) {
        sb_puts(&sb, name);
        sb_putc(&sb, '(');
    }
    size_t start = sb.len;
    if (repr_append(&sb, keys) == 0) {
        // The list's repr with its brackets turned into braces.
        sb.data[start] = '{';
        sb.data[sb.len - 1] = '}';
        if (!exact) {
            sb_putc(&sb, ')');
        }
        result = str_from_utf8(sb.data, sb.len);
    }
    sb_free(&sb);
done:
    repr_leave(v);
    return result;
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ UINT64_C(89869747)) ^ (h << 16)) * UINT64_C(3644798167);
}

int64_t frozenset_hash(Value v) {
    SetObject *so = set_obj(v);
    if (so->hash != -1) {
        return so->hash;
    }
    // XOR of the shuffled hashes of the active entries. (CPython XORs over
    // every slot and then cancels the empty and dummy ones: the same value.)
    uint64_t hash = 0;
    for (size_t i = 0; i <= so->mask; i++) {
        SetEntry *e = &so->table[i];
        if (e->key != 0 && e->key != SET_DUMMY) {
            hash ^= shuffle_bits((uint64_t)e->hash);
        }
    }
    hash ^= ((uint64_t)so->used + 1) * UINT64_C(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * UINT64_C(69069) + UINT64_C(907133923);
    if (hash == UINT64_MAX) {
        hash = 590923713;
    }
    so->hash = (int64_t)hash;
    return so->hash;
}

Value set_richcompare(Value a, Value b, CompareOp op) {
    if (!set_check_any(a) || !set_check_any(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    SetObject *v = set_obj(a), *w = set_obj(b);
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (v->used != w->used) {
            r = 0;
        } else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash) {
            r = 0;
        } else {
            r = set_issubset_sets(v, w);
        }
        if (r < 0) {
            return 0;
        }
        return val_bool(op == CMP_EQ ? r : !r);
    case CMP_LE:
        r = set_issubset_sets(v, w);
        break;
    case CMP_GE:
        r = set_issubset_sets(w, v);
        break;
    case CMP_LT:
        r = v->used < w->used ? set_issubset_sets(v, w) : 0;
        break;
    case CMP_GT:
        r = v->used > w->used ? set_issubset_sets(w, v) : 0;
        break;
    default:
        return VAL_NOTIMPLEMENTED;
    }
    return r < 0 ? 0 : val_bool(r);
}

static int64_t set_len_slot(Value v) {
    return (int64_t)set_obj(v)->used;
}

static int set_contains_slot(Value v, Value key) {
    return set_contains(v, key);
}

Value set_binop_or(Value a, Value b) {
    if (!set_check_any(a) || !set_check_any(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    Value r = make_new_set_basetype(a, a);
    if (!r) {
        return 0;
    }
    if (a == b) {
        return r;
    }
    return set_update_internal(set_obj(r), b) < 0 ? 0 : r;
}

Value set_binop_and(Value a, Value b) {
    if (!set_check_any(a) || !set_check_any(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    return set_intersection(a, b);
}

Value set_binop_sub(Value a, Value b) {
    if (!set_check_any(a) || !set_check_any(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    return set_difference(a, b);
}

Value set_binop_xor(Value a, Value b) {
    if (!set_check_any(a) || !set_check_any(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    return set_symmetric_difference(a, b);
}

static Value set_inplace_or(Value a, Value b) {
    if (!set_check_any(a) || !set_check_any(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    return set_update_internal(set_obj(a), b) < 0 ? 0 : a;
}

static Value set_inplace_and(Value a, Value b) {
    if (!set_check_any(a) || !set_check_any(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    return set_intersection_update(a, b) < 0 ? 0 : a;
}

static Value set_inplace_sub(Value a, Value b) {
    if (!set_check_any(a) || !set_check_any(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    return set_difference_update(a, b) < 0 ? 0 : a;
}

static Value set_inplace_xor(Value a, Value b) {
    if (!set_check_any(a) || !set_check_any(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    return set_symmetric_difference_update(a, b) < 0 ? 0 : a;
}

Value set_pop(Value v) {
    SetObject *so = set_obj(v);
    if (so->used == 0) {
        return err_format(&exc_KeyError, "pop from an empty set");
    }
    SetEntry *entry = so->table + (so->finger & so->mask);
    SetEntry *limit = so->table + so->mask;
    while (entry->key == 0 || entry->key == SET_DUMMY) {
        entry++;
        if (entry > limit) {
            entry = so->table;
        }
    }
    Value key = entry->key;
    entry->key = SET_DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = (size_t)(entry - so->table) + 1;
    return key;
}

// ---- the iterator ------------------------------------------------------------------------

typedef struct SetIterObject {
    Object header;
    Value set;        // 0 once exhausted
    size_t pos;
    int64_t used;     // the set's size at creation (-1: broken)
    size_t remaining;
} SetIterObject;

static void set_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((SetIterObject *)o)->set);
}

Value set_iter(Value v) {
    SetIterObject *it = (SetIterObject *)gc_alloc(&type_set_iterator, sizeof *it);
    if (!it) {
        return 0;
    }
    it->set = v;
    it->used = (int64_t)set_obj(v)->used;
    it->remaining = set_obj(v)->used;
    return val_from_ptr(it);
}

static Value set_iter_next(Value v) {
    SetIterObject *it = (SetIterObject *)val_ptr(v);
    if (!it->set) {
        return 0;
    }
    SetObject *so = set_obj(it->set);
    if (it->used != (int64_t)so->used) {
        err_format(&exc_RuntimeError, "Set changed size during iteration");
        it->used = -1;
        return 0;
    }
    SetEntry *e = set_next_entry(so, &it->pos);
    if (!e) {
        it->set = 0;
        return 0;
    }
    it->remaining--;
    return e->key;
}

static Value set_iter_m_length_hint(Value self, const Value *args, size_t nargs,
                                    Value kwnames) {
    if (method_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SetIterObject *it = (SetIterObject *)val_ptr(self);
    bool valid = it->set && it->used == (int64_t)set_obj(it->set)->used;
    return int_from_i64(valid ? (int64_t)it->remaining : 0);
}

// (iter, (list of what is left,)): the items a copy of the iterator would
// give, the iterator itself untouched.
static Value set_iter_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SetIterObject *it = (SetIterObject *)val_ptr(self);
    Value rest = list_new(0);
    if (!rest) {
        return 0;
    }
    if (it->set && it->used != (int64_t)set_obj(it->set)->used) {
        return err_format(&exc_RuntimeError, "Set changed size during iteration");
    }
    if (it->set) {
        size_t pos = it->pos;
        SetEntry *e;
        while ((e = set_next_entry(set_obj(it->set), &pos)) != NULL) {
            if (list_append(rest, e->key) < 0) {
                return 0;
            }
        }
    }
    return seqiter_reduce("iter", 0, 0, rest);  // (iter, (rest,))
}

static const MethodDef set_iter_methods[] = {
    {"__length_hint__", set_iter_m_length_hint, METH_NO_KEYWORDS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", set_iter_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static Value iter_self(Value v) {
    return v;
}

// ---- methods ------------------------------------------------------------------------------

static Value set_m_add(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("set.add", nargs, kwnames, 1, 1) < 0 || set_add(self, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value set_m_discard(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("set.discard", nargs, kwnames, 1, 1) < 0 ||
        set_discard(self, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value set_m_remove(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("set.remove", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int r = set_discard(self, args[0]);
    if (r < 0) {
        return 0;
    }
    return r ? VAL_NONE : err_key_error(args[0]);
}

static Value set_m_pop(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("set.pop", nargs, kwnames, 0, 0) < 0 ? 0 : set_pop(self);
}

static Value set_m_clear(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("set.clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    set_clear(self);
    return VAL_NONE;
}

static Value set_m_copy(Value self, const Value *args, size_t nargs, Value kwnames) {
    const char *name = is_frozenset_any(self) ? "frozenset.copy" : "set.copy";
    return method_check_args(name, nargs, kwnames, 0, 0) < 0 ? 0 : set_copy(self);
}

static Value set_m_union(Value self, const Value *args, size_t nargs, Value kwnames) {
    const char *name = is_frozenset_any(self) ? "frozenset.union" : "set.union";
    if (method_check_args(name, nargs, kwnames, 0, SIZE_MAX) < 0) {
        return 0;
    }
    Value r = make_new_set_basetype(self, self);
    for (size_t i = 0; r && i < nargs; i++) {
        if (args[i] != self && set_update_internal(set_obj(r), args[i]) < 0) {
            return 0;
        }
    }
    return r;
}

static Value set_m_intersection(Value self, const Value *args, size_t nargs, Value kwnames) {
    const char *name = is_frozenset_any(self) ? "frozenset.intersection" : "set.intersection";
    if (method_check_args(name, nargs, kwnames, 0, SIZE_MAX) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return make_new_set_basetype(self, self);
    }
    Value r = self;
    for (size_t i = 0; r && i < nargs; i++) {
        r = set_intersection(r, args[i]);
    }
    return r;
}

static Value set_m_difference(Value self, const Value *args, size_t nargs, Value kwnames) {
    const char *name = is_frozenset_any(self) ? "frozenset.difference" : "set.difference";
    if (method_check_args(name, nargs, kwnames, 0, SIZE_MAX) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return make_new_set_basetype(self, self);
    }
    Value r = set_difference(self, args[0]);
    for (size_t i = 1; r && i < nargs; i++) {
        if (set_difference_update(r, args[i]) < 0) {
            return 0;
        }
    }
    return r;
}

static Value set_m_symmetric_difference(Value self, const Value *args, size_t nargs,
                                        Value kwnames) {
    const char *name = is_frozenset_any(self) ? "frozenset.symmetric_difference"
                                              : "set.symmetric_difference";
    if (method_check_args(name, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return set_symmetric_difference(self, args[0]);
}

static Value set_m_update(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("set.update", nargs, kwnames, 0, SIZE_MAX) < 0) {
        return 0;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (set_update_internal(set_obj(self), args[i]) < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

static Value set_m_intersection_update(Value self, const Value *args, size_t nargs,
                                       Value kwnames) {
    if (method_check_args("set.intersection_update", nargs, kwnames, 0, SIZE_MAX) < 0) {
        return 0;
    }
    Value tmp = set_m_intersection(self, args, nargs, 0);
    if (!tmp) {
        return 0;
    }
    if (tmp != self) {
        set_swap_bodies(set_obj(self), set_obj(tmp));
    }
    return VAL_NONE;
}

static Value set_m_difference_update(Value self, const Value *args, size_t nargs,
                                     Value kwnames) {
    if (method_check_args("set.difference_update", nargs, kwnames, 0, SIZE_MAX) < 0) {
        return 0;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (set_difference_update(self, args[i]) < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

static Value set_m_symmetric_difference_update(Value self, const Value *args, size_t nargs,
                                               Value kwnames) {
    if (method_check_args("set.symmetric_difference_update", nargs, kwnames, 1, 1) < 0 ||
        set_symmetric_difference_update(self, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value set_m_issubset(Value self, const Value *args, size_t nargs, Value kwnames) {
    const char *name = is_frozenset_any(self) ? "frozenset.issubset" : "set.issubset";
    if (method_check_args(name, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value other = args[0];
    if (!set_check_any(other)) {
        other = set_new(other);
        if (!other) {
            return 0;
        }
    }
    int r = set_issubset_sets(set_obj(self), set_obj(other));
    return r < 0 ? 0 : val_bool(r);
}

static Value set_m_issuperset(Value self, const Value *args, size_t nargs, Value kwnames) {
    const char *name = is_frozenset_any(self) ? "frozenset.issuperset" : "set.issuperset";
    if (method_check_args(name, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value other = args[0];
    if (set_check_any(other)) {
        int r = set_issubset_sets(set_obj(other), set_obj(self));
        return r < 0 ? 0 : val_bool(r);
    }
    Value it = obj_iter(other);
    if (!it) {
        return 0;
    }
    for (;;) {
        Value key = obj_next(it);
        if (!key) {
            return err_occurred() ? 0 : VAL_TRUE;
        }
        int r = set_contains_key(set_obj(self), key);
        if (r < 0) {
            return 0;
        }
        if (!r) {
            return VAL_FALSE;
        }
    }
}

static Value set_m_isdisjoint(Value self, const Value *args, size_t nargs, Value kwnames) {
    const char *name = is_frozenset_any(self) ? "frozenset.isdisjoint" : "set.isdisjoint";
    if (method_check_args(name, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value other = args[0];
    if (other == self) {
        return val_bool(set_obj(self)->used == 0);
    }
    if (set_check_any(other)) {
        SetObject *a = set_obj(self), *b = set_obj(other);
        if (b->used > a->used) {
            SetObject *t = a;
            a = b;
            b = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while ((e = set_next_entry(b, &pos))) {
            int r = set_contains_entry(a, e->key, e->hash);
            if (r < 0) {
                return 0;
            }
            if (r) {
                return VAL_FALSE;
            }
        }
        return VAL_TRUE;
    }
    Value it = obj_iter(other);
    if (!it) {
        return 0;
    }
    for (;;) {
        Value key = obj_next(it);
        if (!key) {
            return err_occurred() ? 0 : VAL_TRUE;
        }
        int r = set_contains_key(set_obj(self), key);
        if (r < 0) {
            return 0;
        }
        if (r) {
            return VAL_FALSE;
        }
    }
}

static Value set_m_contains(Value self, const Value *args, size_t nargs, Value kwnames) {
    const char *name = type_is_subtype(type_of(self), &type_frozenset) ? "frozenset.__contains__"
                                                                        : "set.__contains__";
    if (method_check_args(name, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int r = set_contains(self, args[0]);
    return r < 0 ? 0 : val_bool(r);
}

#define SET_COMMON_METHODS                                                                        \
    {"copy", set_m_copy, METH_NO_KEYWORDS, "Return a shallow copy of a set."},                    \
    {"union", set_m_union, METH_NO_KEYWORDS, "Return the union of sets as a new set."},           \
    {"intersection", set_m_intersection, METH_NO_KEYWORDS,                                        \
     "Return the intersection of two sets as a new set."},                                        \
    {"difference", set_m_difference, METH_NO_KEYWORDS,                                            \
     "Return the difference of two or more sets as a new set."},                                  \
    {"symmetric_difference", set_m_symmetric_difference, METH_NO_KEYWORDS,                        \
     "Return the symmetric difference of two sets as a new set."},                                \
    {"issubset", set_m_issubset, METH_NO_KEYWORDS, "Report whether another set contains this set."}, \
    {"issuperset", set_m_issuperset, METH_NO_KEYWORDS,                                            \
     "Report whether this set contains another set."},                                            \
    {"isdisjoint", set_m_isdisjoint, METH_NO_KEYWORDS,                                            \
     "Return True if two sets have a null intersection."},                                        \
    {"__contains__", set_m_contains, METH_NO_KEYWORDS, "x.__contains__(y) <==> y in x."},    \
    {"__reduce__", set_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},

// (type(self), (list(self),), self.__getstate__()): how copy and pickle
// rebuild a set or frozenset (and a subclass with its attributes).
static Value set_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value keys = list_from_iterable(self);
    Value cargs = keys ? tuple_from(&keys, 1) : 0;
    Value state = cargs ? obj_call_method(self, "__getstate__", NULL, 0) : 0;
    if (!state) {
        return 0;
    }
    return tuple_from((Value[]){val_from_ptr(type_of(self)), cargs, state}, 3);
}

static const MethodDef set_methods[] = {
    SET_COMMON_METHODS
    {"add", set_m_add, METH_NO_KEYWORDS, "Add an element to a set."},
    {"discard", set_m_discard, METH_NO_KEYWORDS, "Remove an element from a set if it is a member."},
    {"remove", set_m_remove, METH_NO_KEYWORDS, "Remove an element from a set; it must be a member."},
    {"pop", set_m_pop, METH_NO_KEYWORDS, "Remove and return an arbitrary set element."},
    {"clear", set_m_clear, METH_NO_KEYWORDS, "Remove all elements from this set."},
    {"update", set_m_update, METH_NO_KEYWORDS, "Update a set with the union of itself and others."},
    {"intersection_update", set_m_intersection_update, METH_NO_KEYWORDS,
     "Update a set with the intersection of itself and another."},
    {"difference_update", set_m_difference_update, METH_NO_KEYWORDS,
     "Remove all elements of another set from this set."},
    {"symmetric_difference_update", set_m_symmetric_difference_update, METH_NO_KEYWORDS,
     "Update a set with the symmetric difference of itself and another."},
    {NULL, NULL, 0, NULL},
};

static const MethodDef frozenset_methods[] = {
    SET_COMMON_METHODS
    {NULL, NULL, 0, NULL},
};

// ---- construction -------------------------------------------------------------------------

static Value set_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    // As CPython: keywords are an error unless a subclass has its own __init__.
    if (kwnames && tuple_obj(kwnames)->len > 0 && t != &type_set && t->init == type_set.init) {
        return err_format(&exc_TypeError, "set() takes no keyword arguments");
    }
    SetObject *so = set_alloc(t);
    return so ? val_from_ptr(so) : 0;
}

static Value set_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len > 0) {
        return err_format(&exc_TypeError, "set() takes no keyword arguments");
    }
    if (nargs > 1) {
        return err_format(&exc_TypeError, "set expected at most 1 argument, got %zu", nargs);
    }
    SetObject *so = set_obj(self);
    if (so->fill) {
        set_reset(so);
    }
    if (nargs == 1 && set_update_internal(so, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value frozenset_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    // As CPython: keywords are an error unless a subclass has its own __init__.
    if (kwnames && tuple_obj(kwnames)->len > 0 &&
        (t == &type_frozenset || t->init == type_frozenset.init)) {
        return err_format(&exc_TypeError, "frozenset() takes no keyword arguments");
    }
    if (nargs > 1) {
        return err_format(&exc_TypeError, "frozenset expected at most 1 argument, got %zu",
                          nargs);
    }
    if (t == &type_frozenset && nargs == 1 && frozenset_check_exact(args[0])) {
        return args[0];
    }
    return make_new_set(t, nargs ? args[0] : 0);
}

// ---- the types -------------------------------------------------------------------------------

#define SET_BINOPS                                                                               \
    .binop = {[BINOP_OR] = set_binop_or, [BINOP_AND] = set_binop_and,                             \
              [BINOP_SUB] = set_binop_sub, [BINOP_XOR] = set_binop_xor}

Type type_set = {
    .header = {&type_type},
    .name = "set",
    .flags = TYPE_BASETYPE | TYPE_IMMUTABLE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(SetObject),
    .base = &type_object,
    .trace = set_trace,
    .free = set_free,
    .repr = set_repr,
    .hash = hash_unhashable,
    .richcompare = set_richcompare,
    .new_ = set_tp_new,
    .init = set_tp_init,
    .iter = set_iter,
    .len = set_len_slot,
    .contains = set_contains_slot,
    SET_BINOPS,
    .inplace = {[BINOP_OR] = set_inplace_or, [BINOP_AND] = set_inplace_and,
                [BINOP_SUB] = set_inplace_sub, [BINOP_XOR] = set_inplace_xor},
    .methods = set_methods,
};

Type type_frozenset = {
    .header = {&type_type},
    .name = "frozenset",
    .flags = TYPE_BASETYPE | TYPE_IMMUTABLE | TYPE_HAS_WEAKREF | TYPE_GC_IMMUTABLE,
    .basic_size = sizeof(SetObject),
    .base = &type_object,
    .trace = set_trace,
    .free = set_free,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .new_ = frozenset_tp_new,
    .iter = set_iter,
    .len = set_len_slot,
    .contains = set_contains_slot,
    SET_BINOPS,
    .methods = frozenset_methods,
};

Type type_set_iterator = {
    .header = {&type_type},
    .name = "set_iterator",
    .flags = TYPE_IMMUTABLE,
    .basic_size = sizeof(SetIterObject),
    .base = &type_object,
    .trace = set_iter_trace,
    .iter = iter_self,
    .iternext = set_iter_next,
    .methods = set_iter_methods,
};
