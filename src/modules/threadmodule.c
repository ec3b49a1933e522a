// threadmodule.c - the `_thread` module: locks, thread identity and
// thread-local data, for threading.py, functools (RLock), reprlib
// (get_ident) and importlib.
//
// krait runs one OS thread: its collector scans one C stack and its VM
// keeps one thread state, so a second thread would corrupt both.
// start_new_thread therefore checks its arguments as CPython does and then
// raises NotImplementedError. Everything else is real for that one thread:
//  - a lock is a flag. Acquiring a held lock can only succeed if another
//    thread releases it, so with a timeout it waits out the timeout and
//    returns False (what CPython does when no one releases it); waiting
//    forever would be a deadlock, which raises RuntimeError instead of
//    hanging.
//  - an RLock counts its owner's acquisitions; the owner is always this
//    thread.
//  - _local is an object with a __dict__: with one thread, its data is the
//    data of that thread.
#include <errno.h>
#include <math.h>
#include <pthread.h>
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

// Wait for a held lock that no other thread can release: 1 never comes.
// Returns 0 (not acquired) after the timeout, -1 when it would wait forever.
static int wait_for_release(double timeout, const char *what) {
    if (timeout < 0) {
        err_format(&exc_RuntimeError,
                   "%s would wait forever: krait runs one thread, so no other thread can "
                   "release it",
                   what);
        return -1;
    }
    if (timeout > 0) {
        struct timespec ts = {(time_t)timeout, (long)((timeout - floor(timeout)) * 1e9)};
        while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
        }
    }
    return 0;
}

// ---- lock -----------------------------------------------------------------------------------

typedef struct LockObject {
    Object header;
    int locked;
} LockObject;

static Type type_lock;

static LockObject *lock_of(Value v) {
    return (LockObject *)val_ptr(v);
}

static Value lock_new_object(void) {
    LockObject *l = (LockObject *)gc_alloc(&type_lock, sizeof(LockObject));
    return l ? val_from_ptr(l) : 0;
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
    LockObject *l = lock_of(self);
    if (!l->locked) {
        l->locked = 1;
        return VAL_TRUE;
    }
    return wait_for_release(timeout, "acquiring a held lock") < 0 ? 0 : VAL_FALSE;
}

static Value lock_do_release(Value self) {
    LockObject *l = lock_of(self);
    if (!l->locked) {
        return err_format(&exc_RuntimeError, "release unlocked lock");
    }
    l->locked = 0;
    return VAL_NONE;
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
    return val_bool(lock_of(self)->locked);
}

FN(lock_at_fork_reinit) {
    if (method_check_args("lock._at_fork_reinit", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    lock_of(self)->locked = 0;
    return VAL_NONE;
}

static Value lock_repr(Value self) {
    return str_format_c("<%s %s object at %p>", lock_of(self)->locked ? "locked" : "unlocked",
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
} RLockObject;

static RLockObject *rlock_of(Value v) {
    return (RLockObject *)val_ptr(v);
}

static Value rlock_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    RLockObject *r = (RLockObject *)gc_alloc(t, t->basic_size);
    return r ? val_from_ptr(r) : 0;
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
    if (r->count == 0) {
        r->owner = me;
        r->count = 1;
        return VAL_TRUE;
    }
    return wait_for_release(timeout, "acquiring an RLock another thread holds") < 0 ? 0
                                                                                   : VAL_FALSE;
}

static Value rlock_do_release(Value self) {
    RLockObject *r = rlock_of(self);
    if (r->count == 0 || r->owner != thread_ident()) {
        return err_format(&exc_RuntimeError, "cannot release un-acquired lock");
    }
    if (--r->count == 0) {
        r->owner = 0;
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
    if (r->count != 0 && r->owner != thread_ident()) {
        if (wait_for_release(-1, "acquiring an RLock another thread holds") < 0) {
            return 0;
        }
    }
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
    Value dict;
} LocalObject;

static Type type_local;

static void local_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((LocalObject *)o)->dict);
}

// Arguments are for a subclass's __init__: refused when there is none.
static Value local_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    if (nargs || args_nkw(kwnames)) {
        Value init = type_lookup(t, str_intern_cstr("__init__"));
        Value base_init = type_lookup(&type_object, str_intern_cstr("__init__"));
        if (init == base_init) {
            return err_format(&exc_TypeError, "Initialization arguments are not supported");
        }
    }
    LocalObject *l = (LocalObject *)gc_alloc(t, t->basic_size);
    if (!l) {
        return 0;
    }
    Value self = val_from_ptr(l);
    l->dict = dict_new();
    return l->dict ? self : 0;
}

static const GetSetDef local_getset[] = {
    {"__dict__", object_get_dict, NULL, "Local-data dictionary"},
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
    Value err = sys_get_object("stderr");
    if (!err || err == VAL_NONE) {
        return VAL_NONE;
    }
    Value head = str_format_c("Exception in thread %S:\n", name);
    if (!head || !obj_call_method(err, "write", &head, 1) || !obj_call_method(err, "flush", 0, 0)) {
        return 0;
    }
    if (exc_value != VAL_NONE && sys_print_exception) {
        sys_print_exception(exc_value);
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

FN(thread_set_sentinel) {
    if (method_check_args("_thread._set_sentinel", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return lock_new_object();
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
    return val_from_smallint(0);
}

FN(thread_exit) {
    if (method_check_args("_thread.exit", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return err_set_value(val_from_ptr(&exc_SystemExit));
}

// The stack size for new threads: remembered (and validated) though no
// thread is ever started with it.
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
    return err_format(&exc_NotImplementedError,
                      "_thread.start_new_thread: krait runs a single thread");
}

// interrupt_main(signum=SIGINT): as if the signal arrived. Only SIGINT
// with its default handler is simulated: it raises KeyboardInterrupt.
FN(thread_interrupt_main) {
    static const char *const names[] = {"signum", NULL};
    static const ArgSpec spec = {"interrupt_main", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t signum = 2;
    if (a[0] && obj_as_index(a[0], &signum, 0) < 0) {
        return 0;
    }
    if (signum < 1 || signum >= 65) {
        return err_format(&exc_ValueError, "signal number out of range");
    }
    if (signum != 2) {
        return err_format(&exc_NotImplementedError,
                          "_thread.interrupt_main: only SIGINT is simulated");
    }
    return err_set_value(val_from_ptr(&exc_KeyboardInterrupt));
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
