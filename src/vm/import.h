// import.h - the import system's C interface (src/vm/import.c).
#ifndef KRAIT_IMPORT_H
#define KRAIT_IMPORT_H

#include <stddef.h>

#include "../runtime/object.h"

// builtins.__import__(name, globals, locals, fromlist, level).
Value import_module_level(Value name, Value globals, Value fromlist, int level);

// Start importlib (see import.c): the code cache's sys.pycache_prefix, the
// bootstrap modules, sys.meta_path and sys.path_hooks. After sys_init and
// sys.path; 0 or -1.
int import_install(int ignore_environment);

// A frozen module (frozen.c): the marshalled code of a standard-library
// module compiled into the binary. The table ends with a NULL name.
typedef struct FrozenModule {
    const char *name;             // the module name it is found under
    const unsigned char *code;    // marshal data of its code object
    size_t size;
    int is_package;
    const char *origname;         // the module whose source it is (name, or an alias's target)
} FrozenModule;

extern const FrozenModule frozen_modules[];
// The frozen module `name`, or NULL.
const FrozenModule *frozen_find(const char *name);

// __main__.__loader__ as CPython sets it: BuiltinImporter (script NULL:
// -c, stdin), or SourceFileLoader('__main__', script). 0 with an exception.
Value import_main_loader(const char *script);

// Raise the ImportError of `from module import name` when module has no
// such attribute nor submodule (CPython's import_from messages). Returns 0.
Value import_name_error(Value module, Value name);

// sys.modules, or 0 with RuntimeError if sys lost it.
Value sys_modules_dict(void);

#endif
