// pickle.h - what the three files of the `_pickle` module share:
// picklemodule.c (the module, its state, the lookup of dotted names, the
// memo proxies' common part, PickleBuffer), pickler.c (Pickler, dump,
// dumps) and unpickler.c (Unpickler, load, loads). picklemodule.c's opening
// comment describes the design.
#ifndef KRAIT_PICKLE_H
#define KRAIT_PICKLE_H

#include <stddef.h>

#include "../runtime/abstract.h"
#include "../runtime/buffer.h"
#include "../runtime/object.h"
#include "../runtime/str.h"

enum { HIGHEST_PROTOCOL = 5, DEFAULT_PROTOCOL = 4 };

// The opcodes (pickletools.py documents them).
enum {
    PK_MARK = '(', PK_STOP = '.', PK_POP = '0', PK_POP_MARK = '1', PK_DUP = '2',
    PK_FLOAT = 'F', PK_INT = 'I', PK_BININT = 'J', PK_BININT1 = 'K', PK_LONG = 'L',
    PK_BININT2 = 'M', PK_NONE = 'N', PK_PERSID = 'P', PK_BINPERSID = 'Q', PK_REDUCE = 'R',
    PK_STRING = 'S', PK_BINSTRING = 'T', PK_SHORT_BINSTRING = 'U', PK_UNICODE = 'V',
    PK_BINUNICODE = 'X', PK_APPEND = 'a', PK_BUILD = 'b', PK_GLOBAL = 'c', PK_DICT = 'd',
    PK_EMPTY_DICT = '}', PK_APPENDS = 'e', PK_GET = 'g', PK_BINGET = 'h', PK_INST = 'i',
    PK_LONG_BINGET = 'j', PK_LIST = 'l', PK_EMPTY_LIST = ']', PK_OBJ = 'o', PK_PUT = 'p',
    PK_BINPUT = 'q', PK_LONG_BINPUT = 'r', PK_SETITEM = 's', PK_TUPLE = 't',
    PK_EMPTY_TUPLE = ')', PK_SETITEMS = 'u', PK_BINFLOAT = 'G',
    // protocol 2
    PK_PROTO = 0x80, PK_NEWOBJ = 0x81, PK_EXT1 = 0x82, PK_EXT2 = 0x83, PK_EXT4 = 0x84,
    PK_TUPLE1 = 0x85, PK_TUPLE2 = 0x86, PK_TUPLE3 = 0x87, PK_NEWTRUE = 0x88,
    PK_NEWFALSE = 0x89, PK_LONG1 = 0x8a, PK_LONG4 = 0x8b,
    // protocol 3
    PK_BINBYTES = 'B', PK_SHORT_BINBYTES = 'C',
    // protocol 4
    PK_SHORT_BINUNICODE = 0x8c, PK_BINUNICODE8 = 0x8d, PK_BINBYTES8 = 0x8e,
    PK_EMPTY_SET = 0x8f, PK_ADDITEMS = 0x90, PK_FROZENSET = 0x91, PK_NEWOBJ_EX = 0x92,
    PK_STACK_GLOBAL = 0x93, PK_MEMOIZE = 0x94, PK_FRAME = 0x95,
    // protocol 5
    PK_BYTEARRAY8 = 0x96, PK_NEXT_BUFFER = 0x97, PK_READONLY_BUFFER = 0x98,
};

enum {
    BATCHSIZE = 1000,         // items per APPENDS / SETITEMS / ADDITEMS
    FAST_NESTING_LIMIT = 50,  // "fast" mode starts checking for cycles this deep
    WRITE_BUF_SIZE = 4096,
    FRAME_SIZE_MIN = 4,
    FRAME_SIZE_TARGET = 64 * 1024,
    FRAME_HEADER_SIZE = 9,
};

// ---- module state (picklemodule.c) -------------------------------------------------------------

extern Value pickle_PickleError, pickle_PicklingError, pickle_UnpicklingError;
extern Value pickle_dispatch_table;        // copyreg.dispatch_table
extern Value pickle_extension_registry;    // copyreg._extension_registry
extern Value pickle_inverted_registry;     // copyreg._inverted_registry
extern Value pickle_extension_cache;       // copyreg._extension_cache
extern Value pickle_name_2to3, pickle_import_2to3;   // _compat_pickle.NAME_MAPPING, IMPORT_MAPPING
extern Value pickle_name_3to2, pickle_import_3to2;   // and their REVERSE_ forms
extern Value pickle_codecs_encode, pickle_getattr, pickle_partial;

// Interned attribute names.
extern Value pickle_id_class, pickle_id_dict, pickle_id_getinitargs, pickle_id_module,
    pickle_id_name, pickle_id_new, pickle_id_qualname, pickle_id_reduce, pickle_id_reduce_ex,
    pickle_id_setstate, pickle_id__codecs, pickle_id_add, pickle_id_append,
    pickle_id_dispatch_table, pickle_id_extend, pickle_id_latin1, pickle_id_peek,
    pickle_id_persistent_id, pickle_id_persistent_load, pickle_id_read, pickle_id_readinto,
    pickle_id_readline, pickle_id_reducer_override, pickle_id_write;

extern Type type_pickler, type_unpickler, type_pickler_memoproxy, type_unpickler_memoproxy,
    type_picklebuffer;

// Raise the exception class `cls` (a Value) with the str `msg` (0: the
// formatting failed and its exception is pending). Returns 0.
Value pickle_raise_msg(Value cls, Value msg);
#define RAISE(cls, ...) pickle_raise_msg((cls), str_format_c(__VA_ARGS__))

// PyImport_Import: import `name` (a str) and return sys.modules[name].
Value pickle_import(Value name);

static inline int callable_check(Value v) {
    return type_of(v)->call != NULL;
}

// An optional bool argument (fix_imports): its truth, or dflt when absent.
static inline int bool_arg(Value v, int dflt) {
    return v ? obj_truthy(v) : dflt;
}

// ---- dotted names (picklemodule.c) -------------------------------------------------------------

// name.split('.') as a list, refusing '<locals>' parts (AttributeError
// "Can't pickle local object/attribute ...").
Value pickle_get_dotted_path(Value obj, Value name);
// getattr along the dotted path; 0 (an AttributeError cleared, any other
// error pending) when a step is missing. *parent gets the last container.
Value pickle_get_deep_attribute(Value obj, Value names, Value *parent);
// Unpickler.find_class's lookup of `name` in a module (dotted with
// protocol 4 and later): AttributeError "Can't get attribute ...".
Value pickle_getattribute(Value obj, Value name, int allow_qualname);
// The module a global lives in: its __module__, else a search of sys.modules.
Value pickle_whichmodule(Value global, Value dotted_path);

// ---- shared object parts (picklemodule.c) ------------------------------------------------------

// pickle.PickleBuffer.
typedef struct PickleBufferObject {
    Object header;
    Buffer view;       // view.obj == 0 once released
} PickleBufferObject;

// PicklerMemoProxy and UnpicklerMemoProxy.
typedef struct MemoProxyObject {
    Object header;
    Value owner;   // the Pickler or Unpickler
} MemoProxyObject;

void pickle_memoproxy_trace(Object *o, GcTracer *t);
Value pickle_memoproxy_new(Type *t, Value owner);

// The setter of persistent_id / persistent_load.
int pickle_set_callable_attr(Value *slot, Value v, const char *what);

// ---- the two halves ----------------------------------------------------------------------------

// Ready the types of pickler.c / unpickler.c and register their roots. 0 or -1.
int pickle_pickler_ready(void);
int pickle_unpickler_ready(void);

Value pickle_dump(Value self, const Value *args, size_t nargs, Value kwnames);
Value pickle_dumps(Value self, const Value *args, size_t nargs, Value kwnames);
Value pickle_load(Value self, const Value *args, size_t nargs, Value kwnames);
Value pickle_loads(Value self, const Value *args, size_t nargs, Value kwnames);

#endif
