// error.c - the pending exception (DESIGN.md section 5: a failing C function
// returns 0 or -1 and leaves its exception here).
//
// STATUS: exception types and objects arrive with the VM (issue 3). Until
// then only what the collector needs exists: err_no_memory() records a
// MemoryError as a C-level flag. err_format, err_set_value, err_matches and
// err_fetch are declared in object.h and deliberately not defined yet, so
// that any use fails at link time instead of silently doing nothing.
#include "object.h"

static int pending_no_memory;

Value err_no_memory(void) {
    pending_no_memory = 1;
    return 0;
}

int err_occurred(void) {
    return pending_no_memory;
}

void err_clear(void) {
    pending_no_memory = 0;
}
