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

// A new instance of t holding items[0 .. nfields). 0 on MemoryError.
Value structseq_new(Type *t, const Value *items);

#endif
