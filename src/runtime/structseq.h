// structseq.h - struct sequences: tuple subclasses whose items also have
// names (sys.version_info, sys.flags, os.stat_result, time.struct_time).
//
// An instance is laid out as a tuple (so every tuple operation works on it);
// the type exposes item i as a read-only member named fields[i], and its
// repr names them: sys.version_info(major=3, minor=11, ...).
#ifndef KRAIT_STRUCTSEQ_H
#define KRAIT_STRUCTSEQ_H

#include <stddef.h>

#include "object.h"

// Fill and ready the static type `t` (zero-initialized storage) as the
// struct sequence `name` ("sys.version_info") with `nfields` fields.
// `constructible`: whether t(sequence) builds instances (os.stat_result) or
// raises "cannot create 'sys.flags' instances". 0, or -1 with an exception.
int structseq_init_type(Type *t, const char *name, const char *const *fields, size_t nfields,
                        int constructible);

// The same with fields that only have names (os.stat_result's st_atime_ns):
// the first `nvisible` fields are the tuple's items, the others attributes
// only. A NULL entry of `fields` is an unnamed field (reachable by index
// only). Missing items of t(sequence) are None.
int structseq_init_type_ex(Type *t, const char *name, const char *const *fields, size_t nfields,
                           size_t nvisible, int constructible);

// A new instance of t holding items[0 .. nfields) (all of its fields). 0 on MemoryError.
Value structseq_new(Type *t, const Value *items);

#endif
