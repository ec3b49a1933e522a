// thread.c - the thread state and the guard against C-level recursion.
//
// Kept apart from the interpreter so that runtime code which only needs the
// recursion guard (obj_repr, comparisons) does not pull the whole VM into
// small test programs.
#include <sys/resource.h>

#include "../runtime/exceptions.h"
#include "interp_internal.h"

ThreadState vm_thread = {.recursion_limit = 1000};

// The lowest address the C stack may grow to before we refuse to recurse.
static char *c_stack_limit;

void vm_init_stack_limit(void *stack_base) {
    struct rlimit rl;
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        size = rl.rlim_cur;
    }
    if (size > (64u << 20)) {
        size = 64u << 20;
    }
    size_t margin = size / 8 > (256u << 10) ? (256u << 10) : size / 8;
    c_stack_limit = (char *)stack_base - size + margin + (128u << 10);
}

int vm_enter_call(const char *where) {
    char here;
    if (++vm_thread.c_depth > vm_thread.recursion_limit + 50 ||
        (c_stack_limit && &here < c_stack_limit)) {
        vm_thread.c_depth--;
        err_format(&exc_RecursionError, "maximum recursion depth exceeded%s", where ? where : "");
        return -1;
    }
    return 0;
}

void vm_leave_call(void) { vm_thread.c_depth--; }
