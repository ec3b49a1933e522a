// dict.h - the dict type: compact and insertion-ordered (an index table of
// slots into a dense entries array), with a fast path for str keys and their
// cached hashes. `version` changes on every mutation: the interpreter's
// LOADGLOBAL cache guards on it.
#ifndef KRAIT_DICT_H
#define KRAIT_DICT_H

#include "object.h"

typedef struct DictObject DictObject;  // layout private to dict.c
extern Type type_dict;

Value dict_new(void);
// The value for key, or 0: with no exception when missing, with one when
// hashing or comparing failed.
Value dict_get(Value d, Value key);
Value dict_get_cstr(Value d, const char *key);
int dict_set(Value d, Value key, Value value);
int dict_set_cstr(Value d, const char *key, Value value);
// 1 deleted, 0 missing (no exception), -1 error.
int dict_del(Value d, Value key);
int64_t dict_len(Value d);
uint64_t dict_version(Value d);
// Iteration in insertion order: *pos starts at 0; returns 0 when done.
int dict_next(Value d, size_t *pos, Value *key, Value *value);

#endif
