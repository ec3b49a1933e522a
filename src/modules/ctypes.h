// ctypes.h - what the files of the `_ctypes` module share (ctypesmodule.c,
// ctypes_cdata.c, ctypes_struct.c, ctypes_func.c).
//
// The model is CPython's. Every ctypes type (c_int, a Structure subclass,
// c_int * 4, POINTER(c_int), a CFUNCTYPE prototype) is a class whose
// metaclass is one of six C metatypes (PyCSimpleType, PyCStructType,
// UnionType, PyCArrayType, PyCPointerType, PyCFuncPtrType). A class made by
// one of them is a CTypeObject: a HeapType followed by the type's storage
// information (CPython keeps it in a dict subclass, the "StgDict"): size,
// alignment, the libffi type, the simple type code, the item type of arrays
// and pointers, the argument and result types of function prototypes. The
// static base classes (_SimpleCData, Structure, Array...) have none:
// `sizeof(Structure)` is "this type has no size", as in CPython.
//
// An instance (CDataObject) owns or borrows a block of C memory:
//   - owned (needsfree): in the object's inline buffer when it fits, else
//     malloc'ed and freed by the type's free slot;
//   - borrowed from another ctypes object (a structure's field, an array's
//     item): `base` is that object, which keeps the memory alive;
//   - foreign (from_address, a pointer's contents): nobody keeps it alive.
// C memory is not scanned by the collector, so whatever the C memory points
// into (a bytes object a c_char_p field was set from, the array a pointer
// points to, the object of a py_object) is kept in `objects` of the root
// object (the one with no base), in a dict keyed by the path of the field,
// as CPython's KeepRef does: `_objects` shows it.
#ifndef KRAIT_CTYPES_H
#define KRAIT_CTYPES_H

#include <ffi.h>
#include <stddef.h>
#include <stdint.h>

#include "../runtime/object.h"
#include "../runtime/type.h"

// ---- the simple type codes ---------------------------------------------------------

// A getter reads a Python value from C memory; a setter writes one and
// returns what must be kept alive for the memory to stay valid (None when
// nothing), or 0 with an exception. `size` is the field's size.
typedef Value (*CGetFunc)(const char *ptr, size_t size);
typedef Value (*CSetFunc)(char *ptr, Value value, size_t size);

typedef struct FieldDesc {
    char code;
    size_t size, align;
    ffi_type *ffi;
    CGetFunc get;
    CSetFunc set;
    int is_signed;   // integer codes: signed; -1 for codes that are no integers
    int swappable;   // has a byte-swapped twin (__ctype_be__ on this machine)
    const char *pep3118;  // buffer format without the byte-order prefix
} FieldDesc;

// The descriptor of a simple type code, or NULL.
const FieldDesc *ctypes_field_desc(char code);

// ---- per-type storage information ---------------------------------------------------

enum CTypeFlags {
    CT_HASPOINTER = 1 << 0,   // the memory may hold pointers (keeps _objects)
    CT_FINAL = 1 << 1,        // _fields_ was set or the type was used: fixed
    CT_HASUNION = 1 << 2,
    CT_HASBITFIELD = 1 << 3,
    CT_SWAPPED = 1 << 4,      // a simple type with the other byte order
};

enum CTypeKind { CK_NONE, CK_SIMPLE, CK_STRUCT, CK_UNION, CK_ARRAY, CK_POINTER, CK_FUNCPTR };

// The function flags of CFuncPtr prototypes (_flags_), as CPython's.
enum { FUNCFLAG_CDECL = 1, FUNCFLAG_HRESULT = 2, FUNCFLAG_PYTHONAPI = 4,
       FUNCFLAG_USE_ERRNO = 8, FUNCFLAG_USE_LASTERROR = 16 };

typedef struct CTypeInfo {
    int kind;               // CTypeKind; CK_NONE: no storage info (not initialized)
    int flags;              // CTypeFlags
    size_t size, align;
    int64_t length;         // arrays: items; structures: fields
    const FieldDesc *fd;    // simple types (and the code of c_char/c_wchar arrays)
    ffi_type ffi;           // the libffi type (structures: elements below)
    ffi_type **ffi_elements;  // malloc'ed, structures and arrays passed by value
    char *format;           // malloc'ed PEP 3118 format
    Value proto;            // simple: _type_ str; array: item type; pointer: target type
    Value fields;           // structures: the _fields_ as given (a tuple/list), else 0
    // function prototypes
    Value argtypes;         // tuple of types, or 0
    Value converters;       // tuple of their from_param callables, or 0
    Value restype;          // type, callable, None or 0
    Value checker;          // restype._check_retval_, or 0
    int funcflags;
} CTypeInfo;

typedef struct CTypeObject {
    HeapType heap;
    CTypeInfo info;
} CTypeObject;

extern Type ctypes_simple_meta, ctypes_struct_meta, ctypes_union_meta, ctypes_array_meta,
    ctypes_pointer_meta, ctypes_funcptr_meta;

// The storage info of type t, or NULL when t is no initialized ctypes type.
CTypeInfo *ctypes_type_info(Type *t);
// Of a value that is a type (or an instance: its type), or NULL.
CTypeInfo *ctypes_info_of(Value v);
// The trace and free slots every metatype uses.
void ctypes_meta_trace(Object *o, GcTracer *t);
void ctypes_meta_free(Object *o);
// Subclasses of a ctypes class inherit a copy of the base's info. 0 or -1.
int ctypes_info_copy(CTypeInfo *dst, const CTypeInfo *src);

// ---- instances -------------------------------------------------------------------------

#define CDATA_INLINE 16

typedef struct CDataObject {
    Object header;
    char *ptr;              // the memory
    int needsfree;          // the object owns ptr (inline or malloc'ed)
    int malloced;           // ptr was malloc'ed
    Value base;             // the object whose memory this is part of, or 0
    size_t size;
    int64_t length;         // items (arrays), fields (structures), else 0
    int64_t index;          // position in base (the key of _objects)
    Value objects;          // kept alive: 0, None, a dict, or one object
    union {
        char c[CDATA_INLINE];
        long double ld;
        int64_t i;
        void *p;
    } inline_buf;
} CDataObject;

// Function pointers add the call information to their memory (the address).
typedef struct CFuncPtrObject {
    CDataObject cdata;
    void *closure;          // ffi_closure* of a callback, else NULL
    void *thunk;            // malloc'ed callback info (cif, arg types), else NULL
    Value callable;         // the Python callable of a callback
    Value argtypes, converters, restype, checker, errcheck;  // per instance (0: the type's)
    Value paramflags;
    Value name;             // __name__ (set by CDLL.__getitem__)
} CFuncPtrObject;

extern Type ctypes_cdata_base, ctypes_simple_base, ctypes_struct_base, ctypes_union_base,
    ctypes_array_base, ctypes_pointer_base, ctypes_funcptr_base, ctypes_carg_type,
    ctypes_cfield_type;
extern Value ctypes_argument_error;     // ctypes.ArgumentError
extern Value ctypes_pointer_type_cache; // _pointer_type_cache (a dict)

static inline CDataObject *cdata(Value v) { return (CDataObject *)val_ptr(v); }
int ctypes_cdata_check(Value v);
int ctypes_is_instance_of_type(Value v, Type *t);

// A new instance of ctype t owning fresh zeroed memory of the type's size.
Value ctypes_cdata_new(Type *t);
// An instance of t over memory at `ptr` that belongs to `base` (or to
// nobody when base is 0), at `index` in base.
Value ctypes_cdata_from_base(Type *t, Value base, int64_t index, char *ptr);
// Keep `keep` alive with target's memory at `index` (CPython's KeepRef).
int ctypes_keep_ref(Value target, int64_t index, Value keep);
// The root object's _objects, made on demand.
Value ctypes_objects_container(Value v);
// Read a value of ctype t from ptr (the getter, or an instance borrowing
// the memory of base for structures, arrays, pointers and subclasses of
// simple types).
Value ctypes_get_item(Type *t, Value base, int64_t index, char *ptr, size_t size);
// Write value into a field of ctype t at ptr; keeps what must stay alive in
// base's _objects. 0 or -1.
int ctypes_set_item(Value base, Type *t, int64_t index, char *ptr, size_t size, Value value);
// The object to keep for `value` written at ptr (CPython's _PyCData_set),
// or 0 on error.
Value ctypes_set_value(Value base, Type *t, char *ptr, size_t size, Value value);

// Allocate owned memory for an instance (inline or malloc'ed). 0 or -1.
int ctypes_cdata_alloc(CDataObject *o, size_t size);

// The array type `item * length` (cached), and POINTER(t).
Value ctypes_array_type(Value item, int64_t length);
Value ctypes_pointer_type(Value target);
// pointer(obj)
Value ctypes_pointer_to(Value obj);

// ---- call arguments (CPython's PyCArgObject) ---------------------------------------------

typedef struct CArgObject {
    Object header;
    char tag;               // a FieldDesc code, 'P' for byref, 'V' for structures by value
    ffi_type *ffi;
    union {
        char c;
        int8_t b;
        int16_t h;
        int32_t i;
        int64_t q;
        long l;
        float f;
        double d;
        long double g;
        void *p;
    } value;
    char *ptr;              // the argument's bytes (value, or a structure's memory)
    size_t size;
    Value obj;              // kept alive during the call
} CArgObject;

Value ctypes_carg_new(void);
static inline int ctypes_carg_check(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &ctypes_carg_type;
}

// ---- shared helpers -------------------------------------------------------------------------

// PyLong_AsUnsignedLongLongMask: the low 64 bits of v.__index__(). 0 or -1.
int ctypes_int_mask(Value v, uint64_t *out);
// The class name of a value's type.
const char *ctypes_type_name(Value v);
// byref(obj, offset): a CArg pointing into obj's memory (ctypesmodule.c).
Value ctypes_byref(Value obj, int64_t offset);
// Lay out a structure or union class from its _fields_, putting a CField
// on the class for each field (ctypes_struct.c). 0 or -1.
int ctypes_struct_set_fields(Value type, Value fields, int is_union);
// Ready each file's types (called by ctypes_module_init). 0 or -1.
int ctypes_cdata_init(void);
int ctypes_struct_init(void);
int ctypes_func_init(void);
// ctypes' private errno, swapped with the real one around calls of
// functions made with use_errno (get_errno/set_errno).
extern __thread int ctypes_errno_value;
// call_function(address, args): default conversions, an int result.
Value ctypes_call_function(void *proc, Value argtuple, int flags);
// The _unpickle function that __reduce__ names.
Value ctypes_unpickle_function(void);
// The method tables of the metatypes that every kind shares.
Value ctypes_meta_from_address(Value self, const Value *args, size_t nargs, Value kwnames);
Value ctypes_meta_from_buffer(Value self, const Value *args, size_t nargs, Value kwnames);
Value ctypes_meta_from_buffer_copy(Value self, const Value *args, size_t nargs, Value kwnames);
Value ctypes_meta_in_dll(Value self, const Value *args, size_t nargs, Value kwnames);
Value ctypes_meta_repeat(Value type, Value count);
// The generic from_param of structures, arrays, function pointers.
Value ctypes_meta_from_param_generic(Value self, const Value *args, size_t nargs, Value kwnames);
Value ctypes_pointer_from_param(Value self, const Value *args, size_t nargs, Value kwnames);
// A new class of metatype `meta` named `name` with bases and ns.
Value ctypes_new_class(Type *meta, const char *name, Value base, Value ns);
// The PEP 3118 format of a simple code, with the byte order prefix (malloc'ed).
char *ctypes_simple_format(const FieldDesc *fd, int swapped);
// Read/write an unsigned integer of `size` bytes (1, 2, 4, 8) in native order.
uint64_t ctypes_read_uint(const char *p, size_t size);
void ctypes_write_uint(char *p, size_t size, uint64_t v);

#endif
