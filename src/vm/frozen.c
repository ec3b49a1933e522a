// frozen.c - the frozen modules: standard-library modules compiled into the
// binary at build time (DESIGN.md section 7), as CPython freezes them.
//
// The build compiles a first krait without them (KRAIT_NO_FROZEN), runs
// tools/freeze_modules.py with it to marshal the code of the modules
// CPython 3.11 freezes (importlib's bootstrap, zipimport, and what site
// and -m import: os, site, codecs, io, abc, stat, posixpath, runpy...), then
// builds krait with that table. import.c starts importlib from it, and
// _imp's frozen functions serve it to importlib's FrozenImporter, so these
// modules load without touching the file system, and their specs,
// __file__ and traceback entries ("<frozen os>") are CPython's.
#include <string.h>

#include "import.h"

#ifdef KRAIT_NO_FROZEN
const FrozenModule frozen_modules[] = {
    {NULL, NULL, 0, 0, NULL},
};
#else
#include "frozen_modules.h"
#endif

const FrozenModule *frozen_find(const char *name) {
    for (const FrozenModule *f = frozen_modules; f->name; f++) {
        if (strcmp(f->name, name) == 0) {
            return f;
        }
    }
    return NULL;
}
