// import.h - the import system's C interface (src/vm/import.c).
#ifndef KRAIT_IMPORT_H
#define KRAIT_IMPORT_H

#include "../runtime/object.h"

// builtins.__import__(name, globals, locals, fromlist, level).
Value import_module_level(Value name, Value globals, Value fromlist, int level);

// Compile the file at `path` and run it in module's namespace. 0 or -1.
int import_exec_file(Value module, const char *path);

// sys.modules, or 0 with RuntimeError if sys lost it.
Value sys_modules_dict(void);

#endif
