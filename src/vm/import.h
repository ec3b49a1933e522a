// import.h - the import system's C interface (src/vm/import.c).
#ifndef KRAIT_IMPORT_H
#define KRAIT_IMPORT_H

#include "../runtime/object.h"

// sys.modules and sys.path: the sys module exposes these very objects.
extern Value vm_modules;
extern Value vm_sys_path;

void import_init(void);

// builtins.__import__(name, globals, locals, fromlist, level).
Value import_module_level(Value name, Value globals, Value fromlist, int level);

// Compile the file at `path` and run it in module's namespace. 0 or -1.
int import_exec_file(Value module, const char *path);

// A builtin module written in C, created on first import (and put into
// sys.modules), or 0 without an exception if there is none by that name
// (src/modules/modules.c).
Value modules_load_builtin(Value name);

Value sys_modules_dict(void);

#endif
