// thread.c - threads, the global interpreter lock, and the guard against
// C-level recursion.
//
// ## Threads under a GIL
//
// krait runs real OS threads (pthreads), but only one of them runs Python
// code or touches the heap at a time: the one that holds the global
// interpreter lock. The others wait for the GIL, or run a blocking call
// (a read, a lock wait, a sleep) between VM_BEGIN_ALLOW_THREADS and
// VM_END_ALLOW_THREADS, where they must not touch any Value.
//
// The running thread's state. `vm_thread` is a global at a fixed address
// that always holds the state of the GIL holder, so the interpreter's hot
// paths read it as they did with one thread (no thread-local access, no
// extra indirection). Each thread has a VmThread record; handing the GIL
// over saves vm_thread into the outgoing thread's record ("parks" it) and
// the incoming thread loads its own record into vm_thread before it does
// anything else. Everything that is per execution lives in ThreadState:
// the frame stack, the pending and handled exceptions, the C stack's
// limit, the current contextvars Context, the asyncgen hooks.
//
// Switching. A thread that wants the GIL waits on a condition variable for
// the switch interval (5 ms by default, sys.setswitchinterval); when the
// GIL did not change hands meanwhile it sets `gil_drop_request` and
// `signal_tripped`, the flag the interpreter already tests at every loop
// header for signals. The holder sees it there (vm_eval_breaker), drops
// the GIL and then waits until some other thread has taken it before it
// queues again, so that it cannot retake the GIL at once (CPython's forced
// switching). With one thread nobody waits: the loop header costs what it
// cost before, and VM_BEGIN/END_ALLOW_THREADS only test vm_nthreads.
//
// The collector. Only the GIL holder allocates or collects. Its roots are
// every thread's state: the running thread's through vm_thread (interp.c)
// and each parked thread's saved copy through this file's root provider,
// which also scans, conservatively, the parked thread's C stack from where
// it stood when it let go of the GIL up to its stack base, and the
// callee-saved registers it held then (spilled into its record by
// gil_spill_registers: a caller's Value kept in such a register across a
// blocking call would otherwise be invisible, since the blocking call's
// own frames lie below the recorded stack pointer and may reuse it).
//
// Thread lifetime. _thread.start_new_thread (threadmodule.c) calls
// vm_thread_start: a record with a fresh state is linked into the list
// (so its start-up values are roots from the first moment), and the new
// OS thread takes the GIL, runs the boot function, frees its frame stack,
// unlinks its record and drops the GIL for good. At exit (run.c) the main
// thread keeps the GIL: daemon threads that still run block forever at
// their next GIL request and die with the process.
#define _GNU_SOURCE  // pthread_getattr_np
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include "../modules/modules.h"
#include "../runtime/abstract.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/format.h"
#include "../runtime/gc.h"
#include "../runtime/list.h"
#include "interp_internal.h"

ThreadState vm_thread = {.recursion_limit = 1000};

// ---- the thread records ------------------------------------------------------------------

// The callee-saved registers of the platform, spilled into a record when
// its thread parks (see the essay). Other platforms take the whole context.
#if defined(__x86_64__)
enum { NREGS = 6 };
#define SPILL_REGISTERS(r)                                                                     \
    __asm__ volatile("movq %%rbx, %0\n\tmovq %%rbp, %1\n\tmovq %%r12, %2\n\t"                \
                     "movq %%r13, %3\n\tmovq %%r14, %4\n\tmovq %%r15, %5"                      \
                     : "=m"((r)[0]), "=m"((r)[1]), "=m"((r)[2]), "=m"((r)[3]), "=m"((r)[4]), \
                       "=m"((r)[5]))
#elif defined(__aarch64__)
enum { NREGS = 11 };
#define SPILL_REGISTERS(r)                                                                     \
    __asm__ volatile("str x19, %0\n\tstr x20, %1\n\tstr x21, %2\n\tstr x22, %3\n\t"          \
                     "str x23, %4\n\tstr x24, %5\n\tstr x25, %6\n\tstr x26, %7\n\t"            \
                     "str x27, %8\n\tstr x28, %9\n\tstr x29, %10"                              \
                     : "=m"((r)[0]), "=m"((r)[1]), "=m"((r)[2]), "=m"((r)[3]), "=m"((r)[4]), \
                       "=m"((r)[5]), "=m"((r)[6]), "=m"((r)[7]), "=m"((r)[8]), "=m"((r)[9]), \
                       "=m"((r)[10]))
#else
#include <ucontext.h>
enum { NREGS = (sizeof(ucontext_t) + sizeof(uintptr_t) - 1) / sizeof(uintptr_t) };
#define SPILL_REGISTERS(r) getcontext((ucontext_t *)(void *)(r))
#endif

struct VmThread {
    ThreadState state;         // the thread's state while it is parked
    uintptr_t regs[NREGS];     // its callee-saved registers when it parked
    uintptr_t sp;              // its stack pointer then (0: not started yet)...
    uintptr_t stack_base;      // ...up to here: the scanned range of its C stack
    int parked;                // not running: `state` is current, vm_thread is not
    pthread_t pthread;
    void (*boot)(Value arg);   // what a new thread runs, with `boot_arg` (a root)
    Value boot_arg;
    VmThread *prev, *next;     // every thread with a state, the main one first
};

static VmThread main_record;
static VmThread *main_thread = &main_record;  // after fork: the forking thread's record
static VmThread *threads = &main_record;
static pthread_t main_pthread;
static uint64_t next_serial = 1;
int vm_nthreads = 1;

// ---- the GIL ----------------------------------------------------------------------------

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;       // signalled when the GIL is released
    pthread_cond_t switched;   // broadcast when a thread took it (forced switching)
    int locked;
    int waiters;               // threads in gil_take
    uint64_t switches;         // how many times it was taken
    int64_t interval_ns;
    int finalizing;            // the main thread is exiting and keeps the GIL
} gil = {
    .mutex = PTHREAD_MUTEX_INITIALIZER,
    .locked = 1,               // the main thread holds it from the start
    .interval_ns = 5000000,
};

// Set by a thread that waited a whole switch interval in vain; read at the
// loop headers' safe point (with signal_tripped).
static volatile int gil_drop_request;

static void gil_init_conds(void) {
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&gil.cond, &attr);
    pthread_cond_init(&gil.switched, &attr);
    pthread_condattr_destroy(&attr);
}

static void gil_take(void) {
    pthread_mutex_lock(&gil.mutex);
    gil.waiters++;
    while (gil.locked) {
        uint64_t seen = gil.switches;
        struct timespec deadline;
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        int64_t ns = deadline.tv_nsec + gil.interval_ns;
        deadline.tv_sec += ns / 1000000000;
        deadline.tv_nsec = ns % 1000000000;
        int r = pthread_cond_timedwait(&gil.cond, &gil.mutex, &deadline);
        if (r == ETIMEDOUT && gil.locked && gil.switches == seen && !gil.finalizing) {
            gil_drop_request = 1;
            signal_tripped = 1;
        }
    }
    gil.waiters--;
    gil.locked = 1;
    gil.switches++;
    gil_drop_request = 0;
    pthread_cond_broadcast(&gil.switched);
    pthread_mutex_unlock(&gil.mutex);
}

// Release the GIL; `forced`: it was asked for, so wait until another thread
// has taken it before returning (and queueing again).
static void gil_drop(int forced) {
    pthread_mutex_lock(&gil.mutex);
    gil.locked = 0;
    pthread_cond_signal(&gil.cond);
    if (forced && gil.waiters > 0) {
        uint64_t taken = gil.switches;
        while (gil.switches == taken) {
            pthread_cond_wait(&gil.switched, &gil.mutex);
        }
    }
    pthread_mutex_unlock(&gil.mutex);
}

// Save the running state into t (which must be the running thread's
// record) with the registers and stack pointer the collector will scan.
static void park(VmThread *t, const uintptr_t *regs, void *sp) {
    memcpy(t->regs, regs, sizeof t->regs);
    t->sp = (uintptr_t)sp;
    t->state = vm_thread;
    t->parked = 1;
}

static void unpark(VmThread *t) {
    vm_thread = t->state;
    t->parked = 0;
    gc_set_stack_base((void *)t->stack_base);
    if (t == main_thread && signals_pending) {
        signal_tripped = 1;  // a signal another thread saw: its handler runs here
    }
}

__attribute__((noinline)) VmThread *vm_gil_release(void) {
    uintptr_t regs[NREGS];
    SPILL_REGISTERS(regs);  // first: nothing may have changed them yet
    if (vm_nthreads == 1 || gil.finalizing) {
        return NULL;
    }
    VmThread *t = vm_thread.thread;
    park(t, regs, __builtin_frame_address(0));
    gil_drop(0);
    return t;
}

void vm_gil_acquire(VmThread *t) {
    if (t) {
        int saved = errno;  // callers read the blocking call's errno after END
        gil_take();
        unpark(t);
        errno = saved;
    }
}

// Hand the GIL to the thread that asked for it, and queue for it again.
__attribute__((noinline)) static void gil_yield(void) {
    uintptr_t regs[NREGS];
    SPILL_REGISTERS(regs);
    if (vm_nthreads == 1 || gil.finalizing) {
        gil_drop_request = 0;
        return;
    }
    VmThread *t = vm_thread.thread;
    park(t, regs, __builtin_frame_address(0));
    gil_drop(1);
    gil_take();
    unpark(t);
}

int vm_eval_breaker(void) {
    signal_tripped = 0;  // re-set by whatever still needs attention
    if (gil_drop_request) {
        gil_yield();
    }
    return signal_check_pending();
}

int vm_in_main_thread(void) {
    return vm_thread.thread == main_thread;
}

int vm_threads_each(int (*fn)(uint64_t ident, ThreadState *ts, void *arg), void *arg) {
    for (VmThread *r = threads; r; r = r->next) {
        ThreadState *ts = r->parked ? &r->state : &vm_thread;
        if (r->parked && !r->sp) {
            continue;  // not started yet
        }
        if (fn((uint64_t)r->pthread, ts, arg) < 0) {
            return -1;
        }
    }
    return 0;
}

void vm_set_recursion_limit(int limit) {
    vm_thread.recursion_limit = limit;
    for (VmThread *r = threads; r; r = r->next) {
        r->state.recursion_limit = limit;  // the running thread's is reloaded from vm_thread
    }
}

void vm_set_switch_interval(double seconds) {
    double ns = seconds * 1e9;
    gil.interval_ns = ns < 1000 ? 1000 : ns > 1e12 ? (int64_t)1e12 : (int64_t)ns;
}

double vm_get_switch_interval(void) {
    return (double)gil.interval_ns / 1e9;
}

// ---- the collector's view of the parked threads ---------------------------------------------

static void threads_trace_roots(GcTracer *t) {
    for (VmThread *r = threads; r; r = r->next) {
        gc_trace_value(t, r->boot_arg);
        if (!r->parked) {
            continue;  // the running thread: vm_thread and the collector's own stack scan
        }
        vm_trace_thread_state(t, &r->state);
        if (r->sp) {
            gc_scan_conservative(t, r->regs, r->regs + NREGS);
            // Up to past the word at the base, as gc_init's scan.
            gc_scan_conservative(t, (void *)r->sp, (void *)(r->stack_base + 2 * sizeof(uintptr_t)));
        }
    }
}

// ---- the C stack's limit ------------------------------------------------------------------

// The lowest address a stack of `size` bytes below `base` may grow to before
// we refuse to recurse: a margin for the C code between two checks.
static char *stack_limit_for(char *base, size_t size) {
    size_t margin = size / 8 > (256u << 10) ? (256u << 10) : size / 8;
    return base - size + margin + (128u << 10);
}

void vm_init_stack_limit(void *stack_base) {
    struct rlimit rl;
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        size = rl.rlim_cur;
    }
    if (size > (64u << 20)) {
        size = 64u << 20;
    }
    vm_thread.c_stack_limit = stack_limit_for(stack_base, size);
}

int vm_enter_call(const char *where) {
    char here;
    if (++vm_thread.c_depth > vm_thread.recursion_limit + 50 ||
        (vm_thread.c_stack_limit && &here < vm_thread.c_stack_limit)) {
        vm_thread.c_depth--;
        err_format(&exc_RecursionError, "maximum recursion depth exceeded%s", where ? where : "");
        return -1;
    }
    return 0;
}

void vm_leave_call(void) { vm_thread.c_depth--; }

// ---- starting and ending threads ------------------------------------------------------------

void vm_threads_init(void *stack_base) {
    gil_init_conds();
    main_pthread = pthread_self();
    main_record.stack_base = (uintptr_t)stack_base;
    main_record.pthread = main_pthread;
    vm_thread.thread = &main_record;
    vm_thread.serial = next_serial++;
    gc_add_root_provider(threads_trace_roots);
}

static void thread_unlink(VmThread *r) {
    if (r->prev) {
        r->prev->next = r->next;
    } else {
        threads = r->next;
    }
    if (r->next) {
        r->next->prev = r->prev;
    }
    vm_nthreads--;
}

// The body of the new thread, below its stack base (thread_main).
__attribute__((noinline)) static void thread_body(VmThread *r) {
    gil_take();
    unpark(r);
    r->boot(r->boot_arg);
    r->boot_arg = 0;
    err_clear();
    vm_trace_thread_exit();  // its sys.settrace/setprofile hooks stop counting
    vm_free_frame_stack(&vm_thread);
    repr_stack_free();
    format_scratch_free();
    // As CPython: the count goes down before the sentinel (threading's
    // join) is released, and nothing after this runs Python code.
    thread_unlink(r);
    if (vm_thread.sentinel) {
        thread_release_sentinel(vm_thread.sentinel);
    }
    gil_drop(0);
    free(r);
}

static void *thread_main(void *arg) {
    VmThread *r = arg;
    char base;
    r->stack_base = (uintptr_t)&base;
    pthread_attr_t attr;
    void *lo;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &lo, &size) == 0) {
            r->state.c_stack_limit = stack_limit_for((char *)lo + size, size);
        }
        pthread_attr_destroy(&attr);
    }
    thread_body(r);
    __asm__ volatile("" ::: "memory");  // keep `base` in this frame
    return NULL;
}

int vm_thread_start(void (*boot)(Value arg), Value arg, size_t stack_size, uint64_t *ident) {
    VmThread *r = calloc(1, sizeof *r);
    if (!r) {
        err_no_memory();
        return -1;
    }
    r->state.recursion_limit = vm_thread.recursion_limit;
    r->state.thread = r;
    r->state.serial = next_serial++;
    r->parked = 1;
    r->boot = boot;
    r->boot_arg = arg;
    r->next = threads->next;
    r->prev = threads;
    if (threads->next) {
        threads->next->prev = r;
    }
    threads->next = r;
    vm_nthreads++;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (stack_size) {
        pthread_attr_setstacksize(&attr, stack_size);
    }
    int e = pthread_create(&r->pthread, &attr, thread_main, r);
    pthread_attr_destroy(&attr);
    if (e != 0) {
        thread_unlink(r);
        free(r);
        err_format(&exc_RuntimeError, "can't start new thread");
        return -1;
    }
    *ident = (uint64_t)r->pthread;
    return 0;
}

void vm_threads_shutdown(void) {
    Value modules = sys_get_object("modules");
    Value threading = modules && dict_check(modules) ? dict_get_cstr(modules, "threading") : 0;
    if (threading) {
        if (!obj_call_method(threading, "_shutdown", NULL, 0)) {
            err_write_unraisable(threading);
        }
    }
    err_clear();
}

void vm_threads_finalize(void) {
    gil.finalizing = 1;
}

// In the child of fork(): only the forking thread exists, and it becomes
// the main thread (as in CPython). The other records are dropped, not
// freed: they may be in any state.
void vm_threads_after_fork_child(void) {
    VmThread *me = vm_thread.thread;
    pthread_mutex_init(&gil.mutex, NULL);
    gil_init_conds();
    gil.locked = 1;
    gil.waiters = 0;
    gil_drop_request = 0;
    main_pthread = pthread_self();
    me->pthread = main_pthread;
    me->prev = me->next = NULL;
    me->parked = 0;
    main_thread = me;
    threads = me;
    vm_nthreads = 1;
}
