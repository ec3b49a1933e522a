// runtime.c - starting the runtime (see runtime.h).
#include "runtime.h"

#include "dict.h"
#include "exceptions.h"
#include "excgroup.h"
#include "float.h"
#include "gc.h"
#include "hash.h"
#include "int.h"
#include "list.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "type_internal.h"
#include "complex.h"
#include "bytes.h"
#include "bytearray.h"
#include "memoryview.h"
#include "range.h"
#include "slice.h"
#include "weakref.h"
#include "../vm/interp_internal.h"
#include "../vm/vm.h"
#include "module.h"
#include "iterators.h"
#include "namespace.h"

extern Type type_coroutine_wrapper, type_async_gen_asend, type_async_gen_athrow,
    type_async_gen_wrapped_value;
extern Type type_none, type_notimplemented, type_ellipsis, type_seqiter,
    type_method_descriptor, type_builtin_method, type_getset_descriptor, type_member_descriptor,
    type_code,  // src/vm/code.c
    type_wrapper_descriptor, type_method_wrapper, type_mappingproxy, type_property,
    type_staticmethod, type_classmethod, type_super, type_shape, type_attr_array,
    type_classmethod_descriptor;

// Every static type, bases before subclasses (type_ready readies a base
// first anyway; the order only keeps versions predictable).
static Type *const builtin_types[] = {
    &type_object, &type_type, &type_none, &type_notimplemented, &type_ellipsis,
    &type_int, &type_bool, &type_float, &type_complex,
    &type_str, &type_str_iterator, &type_str_ascii_iterator, &type_bytes, &type_bytes_iterator,
    &type_bytearray, &type_bytearray_iterator, &type_memoryview, &type_memoryview_iterator,
    &type_tuple, &type_tuple_iterator, &type_list, &type_list_iterator,
    &type_list_reverseiterator, &type_dict, &type_dict_keys, &type_dict_values, &type_dict_items,
    &type_dict_keyiterator, &type_dict_valueiterator, &type_dict_itemiterator,
    &type_dict_reversekeyiterator, &type_dict_reversevalueiterator, &type_dict_reverseitemiterator,
    &type_set, &type_frozenset, &type_set_iterator, &type_seqiter,
    &type_method_descriptor, &type_builtin_method, &type_getset_descriptor,
    &type_member_descriptor, &type_wrapper_descriptor, &type_method_wrapper, &type_mappingproxy,
    &type_property, &type_staticmethod, &type_classmethod, &type_super, &type_shape,
    &type_attr_array, &type_classmethod_descriptor, &type_generic_alias, &type_union,
    &type_slice, &type_range, &type_range_iterator, &type_longrange_iterator, &type_weakref,
    &type_weakproxy, &type_weakcallableproxy,
    &type_code, &type_module, &type_enumerate, &type_zip, &type_map,
    &type_filter, &type_reversed, &type_callable_iterator, &type_namespace,
    &type_generic_alias, &type_union, &type_generic_alias_iterator,
    // the interpreter's types (src/vm/)
    &type_function, &type_method, &type_cell, &type_generator, &type_coroutine,
    &type_coroutine_wrapper, &type_async_generator, &type_async_gen_asend,
    &type_async_gen_athrow, &type_async_gen_wrapped_value, &type_frame, &type_traceback,
};

static Type *const exception_types[] = {
#define EXC_ENTRY_(name, base) &exc_##name,
    EXCEPTION_TYPES(EXC_ENTRY_)
#undef EXC_ENTRY_
};

int runtime_init(void *stack_base, const char *hashseed, const char **error) {
    gc_init(stack_base);
    vm_init(stack_base);
    if (hash_init(hashseed, error) < 0) {
        return -1;
    }
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++) {
        if (type_ready(builtin_types[i]) < 0) {
            *error = "cannot initialize the builtin types";
            return -1;
        }
    }
    for (size_t i = 0; i < sizeof exception_types / sizeof exception_types[0]; i++) {
        if (type_ready(exception_types[i]) < 0) {
            *error = "cannot initialize the exception types";
            return -1;
        }
    }
    if (memoryview_ready() < 0) {
        *error = "cannot initialize the builtin types";
        return -1;
    }
    if (excgroup_ready() < 0) {
        *error = "cannot initialize the exception types";
        return -1;
    }
    // list[int] and friends (PEP 585).
    static Type *const generic_types[] = {
        &type_list, &type_tuple, &type_dict, &type_set, &type_frozenset, &exc_BaseExceptionGroup,
        &type_enumerate, &type_weakref, &type_mappingproxy, &type_async_generator,
    };
    if (generic_alias_install(generic_types, sizeof generic_types / sizeof generic_types[0]) < 0) {
        *error = "cannot initialize the builtin types";
        return -1;
    }
    return 0;
}
