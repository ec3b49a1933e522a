// dict.h - the dict type: compact and insertion-ordered (an index table of
// slots into a dense entries array), with a fast path for str keys and their
// cached hashes. `version` changes on every mutation: the interpreter's
// LOADGLOBAL cache guards on it.
#ifndef KRAIT_DICT_H
#define KRAIT_DICT_H

#include "object.h"

typedef struct DictObject DictObject;  // layout private to dict.c
extern Type type_dict;
extern Type type_dict_keys, type_dict_values, type_dict_items;
extern Type type_dict_keyiterator, type_dict_valueiterator, type_dict_itemiterator;
extern Type type_dict_reversekeyiterator, type_dict_reversevalueiterator,
    type_dict_reverseitemiterator;

static inline int dict_check(Value v) {
    return val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_DICT_SUBCLASS);
}
static inline int dict_check_exact(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_dict;
}

Value dict_new(void);
// An empty dict with room for n items without resizing.
Value dict_new_presized(size_t n);
// The value for key, or 0: with no exception when missing, with one when
// hashing or comparing failed.
Value dict_get(Value d, Value key);
Value dict_get_cstr(Value d, const char *key);
// The same with the key's hash already known.
Value dict_get_hash(Value d, Value key, int64_t hash);
int dict_set(Value d, Value key, Value value);
int dict_set_cstr(Value d, const char *key, Value value);
int dict_set_hash(Value d, Value key, int64_t hash, Value value);
// 1 deleted, 0 missing (no exception), -1 error.
int dict_del(Value d, Value key);
int dict_del_hash(Value d, Value key, int64_t hash);
// 1 present, 0 absent, -1 error.
int dict_contains(Value d, Value key);
int dict_contains_hash(Value d, Value key, int64_t hash);
int64_t dict_len(Value d);
// The fields every dict starts with, public for the inline dict_version
// (the rest of the layout is dict.c's).
typedef struct DictHead {
    Object header;
    size_t used;
    uint64_t version;
} DictHead;
static inline uint64_t dict_version(Value d) {
    return ((const DictHead *)val_ptr(d))->version;
}
// Iteration in insertion order: *pos starts at 0; returns 0 when done.
int dict_next(Value d, size_t *pos, Value *key, Value *value);
// The same, also giving each key's stored hash (hash may be NULL).
int dict_next_hash(Value d, size_t *pos, Value *key, Value *value, int64_t *hash);
Value dict_copy(Value d);
void dict_clear(Value d);
// dict.update(other) for a mapping or an iterable of pairs. 0 or -1.
int dict_update(Value d, Value other);
// Merge a dict (or a mapping with keys()) into d; `override` 0 keeps
// existing keys. 0 or -1.
int dict_merge(Value d, Value other, int override);
Value dict_keys(Value d);     // a list of the keys
Value dict_values(Value d);   // a list
Value dict_items(Value d);    // a list of (key, value) tuples

// Raise KeyError(key) (the key is the exception's single argument, so that
// a tuple key is not unpacked into the args).
Value err_key_error(Value key);

// The slots, for tests and for types reusing them.
Value dict_repr(Value d);
Value dict_richcompare(Value a, Value b, CompareOp op);
Value dict_getitem(Value d, Value key);
int dict_setitem(Value d, Value key, Value value);
Value dict_iter(Value d);
// The view objects d.keys(), d.values(), d.items().
Value dict_view_keys(Value d);
Value dict_view_values(Value d);
Value dict_view_items(Value d);

#endif
