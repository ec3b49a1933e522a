// list.h - the list type.
#ifndef KRAIT_LIST_H
#define KRAIT_LIST_H

#include "object.h"

typedef struct ListObject {
    Object header;
    size_t len, cap;
    Value *items;      // malloc'ed; traced by the list, freed by its FreeFunc
} ListObject;

extern Type type_list;
static inline ListObject *list_obj(Value v) { return (ListObject *)val_ptr(v); }
Value list_new(size_t cap);
Value list_from(const Value *items, size_t n);
int list_append(Value list, Value item);

#endif
