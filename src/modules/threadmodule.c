// threadmodule.c - the `_thread` module: starting threads, locks, thread
// identity and thread-local data, for threading.py and everything above it.
//
// Threads are real OS threads under the GIL (vm/thread.c has the essay).
// This file owns what Python sees:
//  - a lock is a POSIX semaphore (as CPython's): acquire tries it without
//    waiting first, and only then releases the GIL while it waits (with
//    its timeout). A signal interrupts the wait in the main thread: its
//    Python handler runs, and an exception it raises (KeyboardInterrupt)
//    comes out of acquire; otherwise the wait goes on.
//  - an RLock is a semaphore plus its owner's ident and a count.
//  - _local keeps a dict per thread, keyed by the thread's serial number;
//    an attribute access first makes the running thread's dict the
//    object's __dict__. A thread remembers (by weak reference) the locals
//    it has data in, and drops that data when it ends.
#define _GNU_SOURCE  // sem_clockwait
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/structseq.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/weakref.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// CPython's PY_TIMEOUT_MAX in seconds: LLONG_MAX microseconds... as the
// float threading.TIMEOUT_MAX shows (9223372036.0).
#define THREAD_TIMEOUT_MAX 9223372036.0

static uint64_t thread_ident(void) {
    return (uint64_t)pthread_self();
}

// ---- acquire(blocking=True, timeout=-1) ----------------------------------------------------

// The seconds of a timeout argument (CPython's _PyTime_FromSecondsObject
// with its messages).
static int timeout_arg(Value v, double *out) {
    if (float_check(v)) {
        double d = float_value(v);
        if (isnan(d)) {
            err_format(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        if (fabs(d) * 1e9 >= 9.2233720368547758e18) {
            err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *out = d;
        return 0;
    }
    Value i = obj_index(v);
    int64_t n;
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, &n) < 0 || n > INT64_MAX / 1000000000 || n < -(INT64_MAX / 1000000000)) {
        err_clear();
        err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *out = (double)n;
    return 0;
}

// Parse acquire's arguments: *blocking and *timeout in seconds (-1:
// forever). 0 or -1.
static int acquire_args(const Value *args, size_t nargs, Value kwnames, int *blocking,
                        double *timeout) {
    static const char *const names[] = {"blocking", "timeout", NULL};
    static const ArgSpec spec = {"acquire", 0, names, 0, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return -1;
    }
    *blocking = 1;
    *timeout = -1;
    if (a[0]) {
        int b = obj_truthy(a[0]);
        if (b < 0) {
            return -1;
        }
        *blocking = b;
    }
    if (a[1] && timeout_arg(a[1], timeout) < 0) {
        return -1;
    }
    if (!*blocking && *timeout != -1) {
        err_format(&exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (*timeout < 0 && *timeout != -1) {
        err_format(&exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (!*blocking) {
        *timeout = 0;
    } else if (*timeout > THREAD_TIMEOUT_MAX) {
        err_format(&exc_OverflowError, "timeout value is too large");
        return -1;
    }
    return 0;
}

// Acquire semaphore `sem` waiting at most `timeout` seconds (-1: forever,
// 0: not at all), the GIL released while it waits. 1: acquired, 0: timed
// out, -1: a signal handler raised (in the main thread).
int thread_acquire_timed(sem_t *sem, double timeout) {
    if (sem_trywait(sem) == 0) {
        return 1;
    }
    if (timeout == 0) {
        return 0;
    }
    struct timespec deadline;
    if (timeout > 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        double whole = floor(timeout);
        long ns = deadline.tv_nsec + (long)((timeout - whole) * 1e9);
        deadline.tv_sec += (time_t)whole + ns / 1000000000;
        deadline.tv_nsec = ns % 1000000000;
    }
    for (;;) {
        int r, e;
        VM_BEGIN_ALLOW_THREADS
        r = timeout < 0 ? sem_wait(sem) : sem_clockwait(sem, CLOCK_MONOTONIC, &deadline);
        e = errno;
        VM_END_ALLOW_THREADS
        if (r == 0) {
            return 1;
        }
        if (e == ETIMEDOUT) {
            return 0;
        }
        if (e == EINTR && signal_check_pending() < 0) {
            return -1;
        }
    }
}

// ---- lock -----------------------------------------------------------------------------------

// sem_destroy does nothing on Linux: the type needs no FreeFunc.
typedef struct LockObject {
    Object header;
    sem_t sem;  // 1: unlocked, 0: locked
} LockObject;

static Type type_lock;

static LockObject *lock_of(Value v) {
    return (LockObject *)val_ptr(v);
}

static Value lock_new_object(void) {
    LockObject *l = (LockObject *)gc_alloc(&type_lock, sizeof(LockObject));
    if (!l) {
        return 0;
    }
    sem_init(&l->sem, 0, 1);
    return val_from_ptr(l);
}

static Value lock_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '_thread.lock' instances");
}

FN(lock_acquire) {
    int blocking;
    double timeout;
    if (acquire_args(args, nargs, kwnames, &blocking, &timeout) < 0) {
        return 0;
    }
    int r = thread_acquire_timed(&lock_of(self)->sem, timeout);
    gc_keep_alive(self);
    return r < 0 ? 0 : val_bool(r);
}

static int lock_is_locked(LockObject *l) {
    int v;
    sem_getvalue(&l->sem, &v);
    return v <= 0;
}

static Value lock_do_release(Value self) {
    LockObject *l = lock_of(self);
    if (!lock_is_locked(l)) {
        return err_format(&exc_RuntimeError, "release unlocked lock");
    }
    sem_post(&l->sem);
    return VAL_NONE;
}

void thread_release_sentinel(Value lock) {
    LockObject *l = lock_of(lock);
    if (lock_is_locked(l)) {
        sem_post(&l->sem);
    }
}

FN(lock_release) {
    if (method_check_args("lock.release", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return lock_do_release(self);
}

// __exit__(*args): release, whatever the arguments.
FN(lock_exit) {
    return lock_do_release(self);
}

FN(lock_locked) {
    if (method_check_args("lock.locked", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_bool(lock_is_locked(lock_of(self)));
}

FN(lock_at_fork_reinit) {
    if (method_check_args("lock._at_fork_reinit", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    sem_init(&lock_of(self)->sem, 0, 1);
    return VAL_NONE;
}

static Value lock_repr(Value self) {
    return str_format_c("<%s %s object at %p>", lock_is_locked(lock_of(self)) ? "locked" : "unlocked",
                        type_of(self)->name, (void *)val_ptr(self));
}

static const MethodDef lock_methods[] = {
    {"acquire_lock", lock_acquire, METH_DEFAULT, "Lock the lock."},
    {"acquire", lock_acquire, METH_DEFAULT, "Lock the lock."},
    {"release_lock", lock_release, METH_DEFAULT, "Release the lock."},
    {"release", lock_release, METH_DEFAULT, "Release the lock."},
    {"locked_lock", lock_locked, METH_DEFAULT, "Test whether the lock is currently locked."},
    {"locked", lock_locked, METH_DEFAULT, "Test whether the lock is currently locked."},
    {"__enter__", lock_acquire, METH_DEFAULT, "Lock the lock."},
    {"__exit__", lock_exit, METH_DEFAULT, "Release the lock."},
    {"_at_fork_reinit", lock_at_fork_reinit, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static Type type_lock = {
    .header = {&type_type},
    .name = "_thread.lock",
    .flags = TYPE_HAS_WEAKREF,
    .basic_size = sizeof(LockObject),
    .base = &type_object,
    .new_ = lock_tp_new,
    .repr = lock_repr,
    .methods = lock_methods,
};

// ---- RLock -----------------------------------------------------------------------------------

typedef struct RLockObject {
    Object header;
    uint64_t owner;   // thread ident, 0 when free
    uint64_t count;
    sem_t sem;        // held (0) while count > 0
} RLockObject;

static RLockObject *rlock_of(Value v) {
    return (RLockObject *)val_ptr(v);
}

static Value rlock_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    RLockObject *r = (RLockObject *)gc_alloc(t, t->basic_size);
    if (!r) {
        return 0;
    }
    sem_init(&r->sem, 0, 1);
    return val_from_ptr(r);
}

// Wait for the semaphore, the GIL released, whatever signals arrive (for
// _acquire_restore, which CPython does not let a signal interrupt).
static void acquire_uninterruptible(sem_t *sem) {
    if (sem_trywait(sem) == 0) {
        return;
    }
    VM_BEGIN_ALLOW_THREADS
    while (sem_wait(sem) != 0) {
    }
    VM_END_ALLOW_THREADS
}

FN(rlock_acquire) {
    int blocking;
    double timeout;
    if (acquire_args(args, nargs, kwnames, &blocking, &timeout) < 0) {
        return 0;
    }
    RLockObject *r = rlock_of(self);
    uint64_t me = thread_ident();
    if (r->count > 0 && r->owner == me) {
        if (r->count == UINT64_MAX) {
            return err_format(&exc_OverflowError, "Internal lock count overflowed");
        }
        r->count++;
        return VAL_TRUE;
    }
    int got = thread_acquire_timed(&r->sem, timeout);
    if (got <= 0) {
        return got < 0 ? 0 : VAL_FALSE;
    }
    r->owner = me;
    r->count = 1;
    return VAL_TRUE;
}

static Value rlock_do_release(Value self) {
    RLockObject *r = rlock_of(self);
    if (r->count == 0 || r->owner != thread_ident()) {
        return err_format(&exc_RuntimeError, "cannot release un-acquired lock");
    }
    if (--r->count == 0) {
        r->owner = 0;
        sem_post(&r->sem);
    }
    return VAL_NONE;
}

FN(rlock_release) {
    if (method_check_args("RLock.release", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return rlock_do_release(self);
}

FN(rlock_exit) {
    return rlock_do_release(self);
}

// _acquire_restore((count, owner)): for threading.Condition.
FN(rlock_acquire_restore) {
    if (args_no_keywords("_acquire_restore", kwnames) < 0) {
        return 0;
    }
    if (nargs != 1) {
        return err_format(&exc_TypeError, "_acquire_restore() takes exactly 1 argument (%zu given)",
                          nargs);
    }
    Value state = args[0];
    if (!tuple_check(state)) {
        return err_format(&exc_TypeError,
                          "_acquire_restore() argument 1 must be 2-item sequence, not %s",
                          obj_type_name(state));
    }
    if (tuple_obj(state)->len != 2) {
        return err_format(&exc_TypeError,
                          "_acquire_restore() argument 1 must be sequence of length 2, not %zu",
                          (size_t)tuple_obj(state)->len);
    }
    int64_t count, owner;
    if (obj_as_int64(tuple_obj(state)->items[0], &count) < 0 ||
        obj_as_int64(tuple_obj(state)->items[1], &owner) < 0) {
        return 0;
    }
    RLockObject *r = rlock_of(self);
    acquire_uninterruptible(&r->sem);
    r->owner = (uint64_t)owner;
    r->count = (uint64_t)count;
    return VAL_NONE;
}

// _release_save() -> (count, owner), releasing completely.
FN(rlock_release_save) {
    if (method_check_args("RLock._release_save", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    RLockObject *r = rlock_of(self);
    if (r->count == 0) {
        return err_format(&exc_RuntimeError, "cannot release un-acquired lock");
    }
    Value count = int_from_u64(r->count);
    Value owner = count ? int_from_u64(r->owner) : 0;
    if (!owner) {
        return 0;
    }
    r->count = 0;
    r->owner = 0;
    sem_post(&r->sem);
    return tuple_pack2(count, owner);
}

FN(rlock_is_owned) {
    if (method_check_args("RLock._is_owned", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    RLockObject *r = rlock_of(self);
    return val_bool(r->count > 0 && r->owner == thread_ident());
}

FN(rlock_at_fork_reinit) {
    if (method_check_args("RLock._at_fork_reinit", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    rlock_of(self)->count = 0;
    rlock_of(self)->owner = 0;
    sem_init(&rlock_of(self)->sem, 0, 1);
    return VAL_NONE;
}

// tp_name: "_thread.RLock", or a subclass's bare name.
static Value rlock_repr(Value self) {
    RLockObject *r = rlock_of(self);
    return str_format_c("<%s %s object owner=%llu count=%llu at %p>",
                        r->count ? "locked" : "unlocked", type_of(self)->name,
                        (unsigned long long)r->owner, (unsigned long long)r->count,
                        (void *)val_ptr(self));
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, METH_DEFAULT, "Lock the lock."},
    {"release", rlock_release, METH_DEFAULT, "Release the lock."},
    {"_is_owned", rlock_is_owned, METH_DEFAULT, "For internal use by `threading.Condition`."},
    {"_acquire_restore", rlock_acquire_restore, METH_DEFAULT,
     "For internal use by `threading.Condition`."},
    {"_release_save", rlock_release_save, METH_DEFAULT,
     "For internal use by `threading.Condition`."},
    {"_at_fork_reinit", rlock_at_fork_reinit, METH_DEFAULT, NULL},
    {"__enter__", rlock_acquire, METH_DEFAULT, "Lock the lock."},
    {"__exit__", rlock_exit, METH_DEFAULT, "Release the lock."},
    {NULL, NULL, 0, NULL},
};

static Type type_rlock = {
    .header = {&type_type},
    .name = "_thread.RLock",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(RLockObject),
    .base = &type_object,
    .new_ = rlock_tp_new,
    .repr = rlock_repr,
    .methods = rlock_methods,
};

// ---- _local ------------------------------------------------------------------------------------

typedef struct LocalObject {
    Object header;
    Value dict;          // the dict of thread `serial`: what attribute access uses
    uint64_t serial;     // 0: none selected
    Value dicts;         // thread serial (int) -> that thread's dict
    Value init_args;     // a subclass's constructor arguments, for __init__ in
    Value init_kwnames;  // other threads: positional then keyword values; or 0
} LocalObject;

static Type type_local;

static LocalObject *local_of(Value v) {
    return (LocalObject *)val_ptr(v);
}

static void local_trace(Object *o, GcTracer *t) {
    LocalObject *l = (LocalObject *)o;
    gc_trace_value(t, l->dict);
    gc_trace_value(t, l->dicts);
    gc_trace_value(t, l->init_args);
    gc_trace_value(t, l->init_kwnames);
}

static int local_has_init(Type *t) {
    Value init = type_lookup(t, str_intern_cstr("__init__"));
    return init != type_lookup(&type_object, str_intern_cstr("__init__"));
}

// Give the running thread a fresh dict in l and remember l in the thread.
static Value local_new_dict(Value self) {
    LocalObject *l = local_of(self);
    Value d = dict_new();
    Value key = d ? int_from_u64(vm_thread.serial) : 0;
    if (!key || dict_set(l->dicts, key, d) < 0) {
        return 0;
    }
    if (!vm_thread.locals && !(vm_thread.locals = list_new(0))) {
        return 0;
    }
    Value ref = weakref_new_ref(self, 0);
    if (!ref || list_append(vm_thread.locals, ref) < 0) {
        return 0;
    }
    return d;
}

// Make the running thread's dict l's __dict__, creating it (and running a
// subclass's __init__ in it) on this thread's first access.
static int local_select(Value self) {
    LocalObject *l = local_of(self);
    if (l->serial == vm_thread.serial && l->dict) {
        return 0;
    }
    Value key = int_from_u64(vm_thread.serial);
    Value d = key ? dict_get(l->dicts, key) : 0;
    if (d) {
        l->dict = d;
        l->serial = vm_thread.serial;
        return 0;
    }
    if (err_occurred() || !(d = local_new_dict(self))) {
        return -1;
    }
    l->dict = d;
    l->serial = vm_thread.serial;
    if (local_has_init(type_of(self))) {
        Value init = obj_getattr_cstr(self, "__init__");
        size_t n = l->init_args ? tuple_obj(l->init_args)->len : 0;
        size_t nkw = l->init_kwnames ? tuple_obj(l->init_kwnames)->len : 0;
        Value r = init ? obj_call(init, n ? tuple_obj(l->init_args)->items : NULL, n - nkw,
                                  l->init_kwnames)
                       : 0;
        gc_keep_alive(l->init_args);
        if (!r) {
            return -1;
        }
    }
    return 0;
}

// Arguments are for a subclass's __init__: refused when there is none.
static Value local_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    size_t nkw = args_nkw(kwnames);
    if ((nargs || nkw) && !local_has_init(t)) {
        return err_format(&exc_TypeError, "Initialization arguments are not supported");
    }
    LocalObject *l = (LocalObject *)gc_alloc(t, t->basic_size);
    if (!l) {
        return 0;
    }
    Value self = val_from_ptr(l);
    if (!(l->dicts = dict_new())) {
        return 0;
    }
    if (nargs || nkw) {
        if (!(l->init_args = tuple_from(args, nargs + nkw))) {
            return 0;
        }
        l->init_kwnames = nkw ? kwnames : 0;
    }
    Value d = local_new_dict(self);
    if (!d) {
        return 0;
    }
    l->dict = d;
    l->serial = vm_thread.serial;
    return self;
}

static Value local_getattr(Value self, Value name) {
    return local_select(self) < 0 ? 0 : object_generic_getattr(self, name);
}

static int local_setattr(Value self, Value name, Value value) {
    return local_select(self) < 0 ? -1 : object_generic_setattr(self, name, value);
}

static Value local_get_dict(Value self) {
    return local_select(self) < 0 ? 0 : local_of(self)->dict;
}

// When a thread ends: drop its dicts from every _local it used.
static void local_thread_exit(void) {
    Value refs = vm_thread.locals;
    if (!refs) {
        return;
    }
    Value key = int_from_u64(vm_thread.serial);
    for (size_t i = 0; key && i < list_obj(refs)->len; i++) {
        Value self = weakref_referent(list_obj(refs)->items[i]);
        if (self == VAL_NONE || !self) {
            continue;
        }
        LocalObject *l = local_of(self);
        if (l->serial == vm_thread.serial) {
            l->dict = 0;
            l->serial = 0;
        }
        if (dict_del(l->dicts, key) < 0) {
            err_clear();
        }
    }
    vm_thread.locals = 0;
}

static const GetSetDef local_getset[] = {
    {"__dict__", local_get_dict, NULL, "Local-data dictionary"},
    {NULL, NULL, NULL, NULL},
};

static Type type_local = {
    .header = {&type_type},
    .name = "_thread._local",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(LocalObject),
    .base = &type_object,
    .trace = local_trace,
    .new_ = local_tp_new,
    .getattr = local_getattr,
    .setattr = local_setattr,
    .getset = local_getset,
    .dict_offset = offsetof(LocalObject, dict),
};

// ---- _ExceptHookArgs and _excepthook ------------------------------------------------------

static Type type_excepthook_args;
static const char *const excepthook_args_fields[] = {"exc_type", "exc_value", "exc_traceback",
                                                     "thread"};

// _excepthook(args): threading.excepthook's default. SystemExit is
// silent; anything else prints "Exception in thread NAME:" and the
// traceback on sys.stderr.
FN(thread_excepthook) {
    if (method_check_args("_thread._excepthook", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value a = args[0];
    if (type_of(a) != &type_excepthook_args) {
        return err_format(&exc_TypeError, "_thread.excepthook argument type must be ExceptHookArgs");
    }
    Value *items = tuple_obj(a)->items;
    Value exc_type = items[0], exc_value = items[1], thread = items[3];
    if (exc_type == val_from_ptr(&exc_SystemExit)) {
        return VAL_NONE;
    }
    Value name = 0;
    if (thread != VAL_NONE) {
        name = obj_getattr_cstr(thread, "name");
        if (!name) {
            err_clear();
        }
    }
    if (!name) {
        name = int_from_u64(thread_ident());
        if (!name) {
            return 0;
        }
    }
    // sys.stderr, or the thread's own (threading saves it) when that is None.
    Value err = sys_get_object("stderr");
    if (!err || err == VAL_NONE) {
        if (thread == VAL_NONE) {
            return VAL_NONE;
        }
        if (!(err = obj_getattr_cstr(thread, "_stderr"))) {
            return 0;
        }
        if (err == VAL_NONE) {
            return VAL_NONE;
        }
    }
    Value head = str_format_c("Exception in thread %S:\n", name);
    if (!head || !obj_call_method(err, "write", &head, 1)) {
        return 0;
    }
    if (exc_value != VAL_NONE) {
        Value text = vm_format_exception(exc_value);
        if (!text || !obj_call_method(err, "write", &text, 1)) {
            return 0;
        }
    }
    if (!obj_call_method(err, "flush", 0, 0)) {
        err_clear();
    }
    return VAL_NONE;
}

// ---- module functions ----------------------------------------------------------------------

FN(thread_allocate_lock) {
    if (method_check_args("_thread.allocate_lock", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return lock_new_object();
}

// A lock that the running thread releases, if it is held, when the
// thread ends (at the very end: threading.Thread.join waits for it).
FN(thread_set_sentinel) {
    if (method_check_args("_thread._set_sentinel", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value lock = lock_new_object();
    if (!lock) {
        return 0;
    }
    if (vm_thread.sentinel) {
        thread_release_sentinel(vm_thread.sentinel);  // as CPython: a second call replaces it
    }
    vm_thread.sentinel = lock;
    return lock;
}

FN(thread_get_ident) {
    if (method_check_args("_thread.get_ident", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_u64(thread_ident());
}

FN(thread_get_native_id) {
    if (method_check_args("_thread.get_native_id", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64((int64_t)syscall(SYS_gettid));
}

FN(thread_count) {
    if (method_check_args("_thread._count", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_from_smallint(vm_nthreads - 1);
}

FN(thread_exit) {
    if (method_check_args("_thread.exit", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return err_set_value(val_from_ptr(&exc_SystemExit));
}

// The stack size for new threads (0: the system's default).
static int64_t thread_stack_size;

FN(thread_stack_size_fn) {
    if (args_no_keywords("stack_size", kwnames) < 0) {
        return 0;
    }
    if (nargs > 1) {
        return err_format(&exc_TypeError, "stack_size() takes at most 1 argument (%zu given)",
                          nargs);
    }
    // As CPython: no argument means 0, which resets the size too.
    int64_t old = thread_stack_size;
    int64_t size = 0;
    if (nargs == 1) {
        if (obj_as_index(args[0], &size, 0) < 0) {
            return 0;
        }
        if (size < 0) {
            return err_format(&exc_ValueError, "size must be 0 or a positive value");
        }
        if (size != 0 && size < 32768) {
            return err_format(&exc_ValueError, "size not valid: %lld bytes", (long long)size);
        }
    }
    thread_stack_size = size;
    return int_from_i64(old);
}

// What a new thread runs (vm_thread_start): func(*args, **kwargs) from
// start_new_thread's (func, args, kwargs-or-None). An exception other than
// SystemExit is reported as CPython does ("Exception ignored in thread
// started by: <func>"; threading's threads report theirs themselves).
static void thread_boot(Value boot) {
    Value *items = tuple_obj(boot)->items;
    Value r = obj_call_tuple_dict(items[0], items[1], items[2] == VAL_NONE ? 0 : items[2]);
    if (!r) {
        if (err_matches(&exc_SystemExit)) {
            err_clear();
        } else {
            Value exc = err_fetch();
            sys_write_unraisable(exc, "Exception ignored in thread started by", items[0]);
        }
    }
    local_thread_exit();
    err_clear();
}

FN(thread_start_new_thread) {
    if (args_no_keywords("start_new_thread", kwnames) < 0 ||
        args_check_positional("start_new_thread", nargs, 2, 3) < 0) {
        return 0;
    }
    if (!type_of(args[0])->call) {
        return err_format(&exc_TypeError, "first arg must be callable");
    }
    if (!tuple_check(args[1])) {
        return err_format(&exc_TypeError, "2nd arg must be a tuple");
    }
    if (nargs == 3 && !dict_check(args[2])) {
        return err_format(&exc_TypeError, "optional 3rd arg must be a dictionary");
    }
    Value kwargs = nargs == 3 ? args[2] : VAL_NONE;
    Value parts[3] = {args[0], args[1], kwargs};
    Value boot = tuple_from(parts, 3);
    uint64_t ident;
    if (!boot || vm_thread_start(thread_boot, boot, (size_t)thread_stack_size, &ident) < 0) {
        return 0;
    }
    return int_from_u64(ident);
}

// interrupt_main(signum=SIGINT): as if the signal arrived; its Python
// handler runs in the main thread at its next safe point.
FN(thread_interrupt_main) {
    static const char *const names[] = {"signum", NULL};
    static const ArgSpec spec = {"interrupt_main", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t signum = SIGINT;
    if (a[0] && obj_as_index(a[0], &signum, 0) < 0) {
        return 0;
    }
    if (signum < 1 || signum >= 65) {
        return err_format(&exc_ValueError, "signal number out of range");
    }
    signal_simulate((int)signum);
    // In the main thread the handler runs now, as CPython's check right
    // after a call into C.
    if (vm_in_main_thread() && signal_check_pending() < 0) {
        return 0;
    }
    return VAL_NONE;
}

static const MethodDef thread_functions[] = {
    {"allocate_lock", thread_allocate_lock, METH_DEFAULT, "Create a new lock object."},
    {"allocate", thread_allocate_lock, METH_DEFAULT, "An obsolete synonym of allocate_lock()."},
    {"start_new_thread", thread_start_new_thread, METH_DEFAULT, "Start a new thread."},
    {"start_new", thread_start_new_thread, METH_DEFAULT,
     "An obsolete synonym of start_new_thread()."},
    {"exit", thread_exit, METH_DEFAULT, "Raise SystemExit to exit the thread."},
    {"exit_thread", thread_exit, METH_DEFAULT, "An obsolete synonym of exit()."},
    {"get_ident", thread_get_ident, METH_DEFAULT, "Return the current thread's identifier."},
    {"get_native_id", thread_get_native_id, METH_DEFAULT,
     "Return the native integral Thread ID of the current thread."},
    {"_count", thread_count, METH_DEFAULT, "Return the number of alive threads started here."},
    {"stack_size", thread_stack_size_fn, METH_DEFAULT,
     "Return (and optionally set) the thread stack size."},
    {"_set_sentinel", thread_set_sentinel, METH_DEFAULT,
     "Return a lock released when the thread state is deleted."},
    {"interrupt_main", thread_interrupt_main, METH_DEFAULT,
     "Simulate the arrival of the given signal in the main thread."},
    {"_excepthook", thread_excepthook, METH_DEFAULT, "Handle uncaught Thread.run() exception."},

    {NULL, NULL, 0, NULL},
};

Value thread_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_lock) < 0 || type_ready(&type_rlock) < 0 ||
        type_ready(&type_local) < 0) {
        return 0;
    }
    if (!type_excepthook_args.name &&
        structseq_init_type(&type_excepthook_args, "_thread._ExceptHookArgs",
                            excepthook_args_fields, 4, 1) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_thread");
    if (!m || module_add_functions(m, thread_functions) < 0 ||
        module_add(m, "LockType", val_from_ptr(&type_lock)) < 0 ||
        module_add(m, "RLock", val_from_ptr(&type_rlock)) < 0 ||
        module_add(m, "_local", val_from_ptr(&type_local)) < 0 ||
        module_add(m, "_ExceptHookArgs", val_from_ptr(&type_excepthook_args)) < 0 ||
        module_add(m, "error", val_from_ptr(&exc_RuntimeError)) < 0 ||
        module_add(m, "TIMEOUT_MAX", float_from_double(THREAD_TIMEOUT_MAX)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("This module provides primitive operations to "
                                               "write multi-threaded programs.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
