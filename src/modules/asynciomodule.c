// asynciomodule.c - the `_asyncio` module: the C Future and Task that
// asyncio/futures.py and asyncio/tasks.py take in place of their pure
// classes, the per-thread running loop, and the task registry
// (_register_task, _enter_task... with _all_tasks and _current_tasks).
//
// Why in C: every await of a pending future goes Task step -> coroutine
// send -> FutureIter -> yield the future -> Task adds its wakeup callback,
// and every completion goes back through the loop into the wakeup. The
// pure classes do each of those in Python with attribute lookups on the
// way; here the step sends into a native coroutine directly (gen_send),
// the await of a Future is a C iterator, and a done-callback is one slot
// (callback0) before a list is ever made.
//
// The rules the code keeps, as CPython's _asynciomodule.c does:
// - A Future whose __init__ has not run has no loop (`loop` is 0): most
//   methods then raise "Future object is not initialized.".
// - Callbacks: the first one sits in callback0/context0, the rest in a list
//   of (callback, context) tuples; scheduling them clears both.
// - A Task's step runs between _enter_task and _leave_task, and is
//   scheduled with loop.call_soon(<TaskStepMethWrapper>, context=<the task's
//   context>): the loop's Handle runs it inside that context, so the
//   coroutine sees its task's context variables.
// - Only exact Futures and Tasks (not subclasses) get the direct paths;
//   anything else is reached through its Python attributes, so a subclass
//   that overrides a method is honoured.
// - The Python helpers (repr, get_stack, the event loop policy, the
//   exception classes) come from the asyncio package, imported on first use
//   rather than at import: asyncio/futures.py imports this module while the
//   package is half imported.
//
// Finalization (`__del__`): a Future must report an exception nobody
// retrieved, a Task that is destroyed while pending. Instances register
// with the collector only when that can happen (set_exception, Task
// __init__), not at every allocation (TYPE_FINALIZER_OPT_IN).
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/finalize.h"
#include "../runtime/gc.h"
#include "../runtime/genericalias.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/import.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum { FUT_PENDING, FUT_CANCELLED, FUT_FINISHED };

typedef struct FutureObject {
    Object header;
    Value loop;            // 0 until __init__
    Value callback0, context0;  // the first done-callback and its context, or 0
    Value callbacks;       // the others: a list of (callback, context), or 0
    Value exception;       // set_exception's exception, or 0
    Value exception_tb;    // its __traceback__ when it was set
    Value result;          // set_result's value, or 0
    Value source_tb;       // traceback.extract_stack() in debug mode, or 0
    Value cancel_msg;      // cancel()'s msg, or 0
    Value cancelled_exc;   // the CancelledError a Task's coroutine raised, or 0
    Value dict;            // instance attributes
    uint8_t state;
    uint8_t log_tb;        // an exception is set and nobody retrieved it
    uint8_t blocking;      // _asyncio_future_blocking
    uint8_t finalizer_registered;
} FutureObject;

typedef struct TaskObject {
    FutureObject fut;
    Value fut_waiter;      // the future the coroutine awaits, or 0
    Value coro;
    Value name;
    Value context;
    int must_cancel;
    int log_destroy_pending;
    int64_t num_cancels_requested;
} TaskObject;

// The callable a Task schedules for its next step: calling it runs
// task.__step(arg) (arg 0: send None).
typedef struct StepWrapperObject {
    Object header;
    Value task;
    Value arg;
} StepWrapperObject;

typedef struct FutureIterObject {
    Object header;
    Value future;          // 0 once the result was delivered or the iterator closed
} FutureIterObject;

static Type type_future, type_task, type_future_iter, type_step_wrapper;

// ---- module state ------------------------------------------------------------------------------

// Filled by asyncio_helpers() from the asyncio package on first use.
static Value get_event_loop_policy_fn;   // asyncio.events.get_event_loop_policy
static Value future_repr_fn;             // asyncio.base_futures._future_repr
static Value task_repr_fn;               // asyncio.base_tasks._task_repr
static Value task_get_stack_fn, task_print_stack_fn;  // base_tasks._task_get_stack / _print_stack
static Value iscoroutine_fn;             // asyncio.coroutines.iscoroutine
static Value extract_stack_fn;           // traceback.extract_stack
static Value invalid_state_error;        // asyncio.exceptions.InvalidStateError
static Value cancelled_error;            // asyncio.exceptions.CancelledError
static int helpers_ready;

static Value copy_context_fn;   // _contextvars.copy_context
static Value all_tasks;         // _all_tasks: a weakref.WeakSet
static Value current_tasks;     // _current_tasks: {loop: task}
static Value iscoroutine_types; // {type: True} for the types iscoroutine() accepted
static Value context_kwnames;   // ("context",)
static Value str_call_soon, str_add_done_callback, str_cancel, str_asyncio_future_blocking;
static Value str_get_debug, str_add;
static Value state_names[3];  // _state: "PENDING", "CANCELLED", "FINISHED"
static uint64_t task_name_counter;

static FutureObject *fut_obj(Value v) { return (FutureObject *)val_ptr(v); }
static TaskObject *task_obj(Value v) { return (TaskObject *)val_ptr(v); }

static int future_or_task_exact(Value v) {
    return val_is_ptr(v) && (type_of(v) == &type_future || type_of(v) == &type_task);
}

static Value import_attr(const char *module, const char *name) {
    Value fromlist = tuple_from((Value[]){str_intern_cstr(name)}, 1);
    Value m = fromlist ? import_module_level(str_from_cstr(module), 0, fromlist, 0) : 0;
    return m ? obj_getattr_cstr(m, name) : 0;
}

// Import what the classes take from the asyncio package. 0, or -1.
static int asyncio_helpers(void) {
    if (helpers_ready) {
        return 0;
    }
    static const struct {
        Value *slot;
        const char *module, *name;
    } wanted[] = {
        {&get_event_loop_policy_fn, "asyncio.events", "get_event_loop_policy"},
        {&future_repr_fn, "asyncio.base_futures", "_future_repr"},
        {&task_repr_fn, "asyncio.base_tasks", "_task_repr"},
        {&task_get_stack_fn, "asyncio.base_tasks", "_task_get_stack"},
        {&task_print_stack_fn, "asyncio.base_tasks", "_task_print_stack"},
        {&iscoroutine_fn, "asyncio.coroutines", "iscoroutine"},
        {&extract_stack_fn, "traceback", "extract_stack"},
        {&invalid_state_error, "asyncio.exceptions", "InvalidStateError"},
        {&cancelled_error, "asyncio.exceptions", "CancelledError"},
    };
    for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
        Value v = import_attr(wanted[i].module, wanted[i].name);
        if (!v) {
            return -1;
        }
        *wanted[i].slot = v;
    }
    helpers_ready = 1;
    return 0;
}

static Value raise_invalid_state(const char *msg) {
    if (asyncio_helpers() < 0) {
        return 0;
    }
    Value e = obj_call1(invalid_state_error, str_from_cstr(msg));
    return e ? err_set_value(e) : 0;
}

// obj.name(*args, **kw) without a bound-method object when the method is a
// plain function of obj's class (loop.call_soon, fut.add_done_callback).
static Value call_method_kw(Value obj, Value name, const Value *args, size_t nargs,
                            Value kwnames) {
    Type *t = type_of(obj);
    if (t->getattr == object_generic_getattr) {
        Value f = type_lookup(t, name);
        if (f && func_check(f) && !object_instance_attr(obj, name)) {
            Value argv[8];
            size_t n = nargs + args_nkw(kwnames);
            if (n < 8) {
                argv[0] = obj;
                for (size_t i = 0; i < n; i++) {
                    argv[i + 1] = args[i];
                }
                return obj_call(f, argv, nargs + 1, kwnames);
            }
        }
    }
    Value m = obj_getattr(obj, name);
    return m ? obj_call(m, args, nargs, kwnames) : 0;
}

// loop.call_soon(func[, arg], context=ctx) (ctx 0: no context argument).
static int call_soon(Value loop, Value func, Value arg, Value ctx) {
    Value argv[3];
    size_t n = 0;
    argv[n++] = func;
    if (arg) {
        argv[n++] = arg;
    }
    if (ctx) {
        argv[n] = ctx;
    }
    Value h = call_method_kw(loop, str_call_soon, argv, n, ctx ? context_kwnames : 0);
    return h ? 0 : -1;
}

// ---- the running loop --------------------------------------------------------------------------
//
// One per thread, in the thread state, with the pid that set it: a child
// process made by fork() does not see its parent's running loop. The pid
// is kept here (and renewed in a forked child) rather than asked of the
// kernel on every lookup.

static int64_t process_id;

static void renew_process_id(void) { process_id = (int64_t)getpid(); }

static Value running_loop(void) {
    Value loop = vm_thread.running_loop;
    if (!loop || loop == VAL_NONE || vm_thread.running_loop_pid != process_id) {
        return 0;
    }
    return loop;
}

static Value get_event_loop(void) {
    Value loop = running_loop();
    if (loop) {
        return loop;
    }
    if (asyncio_helpers() < 0) {
        return 0;
    }
    Value policy = obj_call0(get_event_loop_policy_fn);
    return policy ? obj_call_method(policy, "get_event_loop", NULL, 0) : 0;
}

// ---- Future ------------------------------------------------------------------------------------

static int future_ensure_alive(FutureObject *f) {
    if (!f->loop) {
        err_format(&exc_RuntimeError, "Future object is not initialized.");
        return -1;
    }
    return 0;
}

// Register f with the collector for its __del__ once it has something to
// report (a class with __del__ in its MRO registers every instance itself).
static int future_want_finalizer(FutureObject *f) {
    if (f->finalizer_registered || (f->header.type->flags & TYPE_HAS_FINALIZER)) {
        return 0;
    }
    f->finalizer_registered = 1;
    return gc_register_finalizer(&f->header);
}

static int future_schedule_callbacks(FutureObject *f) {
    Value self = val_from_ptr(f);
    if (f->callback0) {
        Value cb = f->callback0, ctx = f->context0;
        f->callback0 = f->context0 = 0;
        if (call_soon(f->loop, cb, self, ctx) < 0) {
            f->callbacks = 0;
            return -1;
        }
    }
    Value list = f->callbacks;
    f->callbacks = 0;
    if (!list) {
        return 0;
    }
    for (size_t i = 0; i < list_obj(list)->len; i++) {
        TupleObject *pair = tuple_obj(list_obj(list)->items[i]);
        if (call_soon(f->loop, pair->items[0], self, pair->items[1]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int future_init(FutureObject *f, Value loop) {
    f->loop = f->callback0 = f->context0 = f->callbacks = 0;
    f->result = f->exception = f->exception_tb = f->source_tb = 0;
    f->cancel_msg = f->cancelled_exc = 0;
    f->state = FUT_PENDING;
    f->log_tb = 0;
    f->blocking = 0;
    if (loop == VAL_NONE) {
        loop = get_event_loop();
        if (!loop) {
            return -1;
        }
    }
    f->loop = loop;
    Value debug = call_method_kw(loop, str_get_debug, NULL, 0, 0);
    int on = debug ? obj_truthy(debug) : -1;
    if (on < 0) {
        return -1;
    }
    if (on) {
        if (asyncio_helpers() < 0) {
            return -1;
        }
        Value tb = obj_call0(extract_stack_fn);
        if (!tb) {
            return -1;
        }
        f->source_tb = tb;
    }
    return 0;
}

static Value future_set_result(FutureObject *f, Value result) {
    if (future_ensure_alive(f) < 0) {
        return 0;
    }
    if (f->state != FUT_PENDING) {
        return raise_invalid_state("invalid state");
    }
    f->result = result;
    f->state = FUT_FINISHED;
    return future_schedule_callbacks(f) < 0 ? 0 : VAL_NONE;
}

static int exc_instance_check(Value v) {
    return val_is_ptr(v) && (type_of(v)->flags & TYPE_EXC_SUBCLASS);
}
static int exc_class_check(Value v) {
    return type_check(v) && (type_ptr(v)->flags & TYPE_EXC_SUBCLASS);
}

static Value future_set_exception(FutureObject *f, Value exc) {
    if (future_ensure_alive(f) < 0) {
        return 0;
    }
    if (f->state != FUT_PENDING) {
        return raise_invalid_state("invalid state");
    }
    if (exc_class_check(exc)) {
        exc = obj_call0(exc);
        if (!exc) {
            return 0;
        }
        if (f->state != FUT_PENDING) {
            return raise_invalid_state("invalid state");
        }
    }
    if (!exc_instance_check(exc)) {
        return err_format(&exc_TypeError, "invalid exception object");
    }
    if (type_of(exc) == &exc_StopIteration) {
        return err_format(&exc_TypeError, "StopIteration interacts badly with generators and "
                                          "cannot be raised into a Future");
    }
    Value tb = ((ExceptionObject *)val_ptr(exc))->traceback;
    f->exception = exc;
    f->exception_tb = tb ? tb : VAL_NONE;
    f->state = FUT_FINISHED;
    if (future_schedule_callbacks(f) < 0) {
        return 0;
    }
    f->log_tb = 1;
    return future_want_finalizer(f) < 0 ? 0 : VAL_NONE;
}

// The CancelledError to raise for a cancelled future: the one its Task's
// coroutine raised (handed over once), else a new one with cancel()'s msg.
static Value future_cancelled_error(FutureObject *f) {
    if (f->cancelled_exc) {
        Value e = f->cancelled_exc;
        f->cancelled_exc = 0;
        return e;
    }
    if (asyncio_helpers() < 0) {
        return 0;
    }
    if (!f->cancel_msg || f->cancel_msg == VAL_NONE) {
        return obj_call0(cancelled_error);
    }
    return obj_call1(cancelled_error, f->cancel_msg);
}

static Value raise_cancelled(FutureObject *f) {
    Value e = future_cancelled_error(f);
    return e ? err_set_value(e) : 0;
}

// The outcome of a done future: 0 with *out its result, 1 with *out its
// exception (its traceback restored), -1 with an exception raised
// (cancelled, or not done).
static int future_get_result(FutureObject *f, Value *out) {
    if (f->state == FUT_CANCELLED) {
        raise_cancelled(f);
        return -1;
    }
    if (f->state != FUT_FINISHED) {
        raise_invalid_state("Result is not set.");
        return -1;
    }
    f->log_tb = 0;
    if (f->exception) {
        ((ExceptionObject *)val_ptr(f->exception))->traceback = f->exception_tb;
        *out = f->exception;
        return 1;
    }
    *out = f->result;
    return 0;
}

static Value future_result(FutureObject *f) {
    if (!f->loop) {
        return raise_invalid_state("Future object is not initialized.");
    }
    Value r;
    int kind = future_get_result(f, &r);
    if (kind < 0) {
        return 0;
    }
    return kind ? err_set_value(r) : r;
}

static Value future_add_done_callback(FutureObject *f, Value fn, Value ctx) {
    if (!f->loop) {
        return err_format(&exc_RuntimeError, "uninitialized Future object");
    }
    if (f->state != FUT_PENDING) {
        return call_soon(f->loop, fn, val_from_ptr(f), ctx) < 0 ? 0 : VAL_NONE;
    }
    if (!f->callback0 && !f->callbacks) {
        f->callback0 = fn;
        f->context0 = ctx;
        return VAL_NONE;
    }
    Value pair = tuple_pack2(fn, ctx);
    if (!pair) {
        return 0;
    }
    if (!f->callbacks) {
        Value list = list_new(1);
        if (!list) {
            return 0;
        }
        f->callbacks = list;
    }
    return list_append(f->callbacks, pair) < 0 ? 0 : VAL_NONE;
}

static Value future_cancel(FutureObject *f, Value msg) {
    f->log_tb = 0;
    if (f->state != FUT_PENDING) {
        return VAL_FALSE;
    }
    f->state = FUT_CANCELLED;
    f->cancel_msg = msg;
    return future_schedule_callbacks(f) < 0 ? 0 : VAL_TRUE;
}

static Value future_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    Type *t = type_ptr(type);
    Object *o = gc_alloc(t, t->basic_size);
    return o ? val_from_ptr(o) : 0;
}

static Value future_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"loop", NULL};
    static const ArgSpec spec = {"Future", 0, names, 0, 0, 0};
    Value a[1] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return future_init(fut_obj(self), a[0] ? a[0] : VAL_NONE) < 0 ? 0 : VAL_NONE;
}

static void future_trace_fields(FutureObject *f, GcTracer *t) {
    gc_trace_value(t, f->loop);
    gc_trace_value(t, f->callback0);
    gc_trace_value(t, f->context0);
    gc_trace_value(t, f->callbacks);
    gc_trace_value(t, f->exception);
    gc_trace_value(t, f->exception_tb);
    gc_trace_value(t, f->result);
    gc_trace_value(t, f->source_tb);
    gc_trace_value(t, f->cancel_msg);
    gc_trace_value(t, f->cancelled_exc);
    gc_trace_value(t, f->dict);
}

static void future_trace(Object *o, GcTracer *t) { future_trace_fields((FutureObject *)o, t); }

static Value future_repr(Value self) {
    if (asyncio_helpers() < 0) {
        return 0;
    }
    return obj_call1(future_repr_fn, self);
}

// loop.call_exception_handler(context); an error is reported as unraisable.
static void report_to_loop(Value loop, Value context) {
    Value handler = obj_getattr_cstr(loop, "call_exception_handler");
    if (!handler || !obj_call1(handler, context)) {
        err_write_unraisable(handler ? handler : loop);
    }
}

static const char *type_short_name(Type *t) {
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

// __del__: an exception set and never retrieved goes to the loop's
// exception handler.
static Value future_finalize(Value self) {
    FutureObject *f = fut_obj(self);
    if (!f->log_tb || !f->loop) {
        return VAL_NONE;
    }
    f->log_tb = 0;
    Value saved = err_fetch();
    Value context = dict_new();
    Value msg = context ? str_format_c("%s exception was never retrieved",
                                       type_short_name(type_of(self))) : 0;
    if (!msg || dict_set_cstr(context, "message", msg) < 0 ||
        dict_set_cstr(context, "exception", f->exception) < 0 ||
        dict_set_cstr(context, "future", self) < 0 ||
        (f->source_tb && dict_set_cstr(context, "source_traceback", f->source_tb) < 0)) {
        err_write_unraisable(self);
    } else {
        report_to_loop(f->loop, context);
    }
    if (saved) {
        err_set_value(saved);
    }
    return VAL_NONE;
}

// finalize.c's exit check: a Future or Task (not a subclass, which may
// have a __del__ of its own) whose __del__ would report nothing.
static int future_exit_idle(const Object *o) {
    if (o->type == &type_future) {
        return !((const FutureObject *)o)->log_tb;
    }
    if (o->type == &type_task) {
        const TaskObject *t = (const TaskObject *)o;
        return !t->fut.log_tb && !(t->fut.loop && t->fut.state == FUT_PENDING &&
                                   t->log_destroy_pending);
    }
    return 0;
}

static Value future_iter_new(Value fut);

static Value future_tp_iter(Value self) {
    return future_iter_new(self);
}

FN(future_m_await) {
    if (method_check_args("Future.__await__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return future_iter_new(self);
}

FN(future_m_result) {
    if (method_check_args("Future.result", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return future_result(fut_obj(self));
}

FN(future_m_exception) {
    if (method_check_args("Future.exception", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    FutureObject *f = fut_obj(self);
    if (!f->loop) {
        return raise_invalid_state("Future object is not initialized.");
    }
    if (f->state == FUT_CANCELLED) {
        return raise_cancelled(f);
    }
    if (f->state != FUT_FINISHED) {
        return raise_invalid_state("Exception is not set.");
    }
    f->log_tb = 0;
    return f->exception ? f->exception : VAL_NONE;
}

FN(future_m_set_result) {
    if (method_check_args("Future.set_result", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return future_set_result(fut_obj(self), args[0]);
}

FN(future_m_set_exception) {
    if (method_check_args("Future.set_exception", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return future_set_exception(fut_obj(self), args[0]);
}

static Value copy_context(void) { return obj_call0(copy_context_fn); }

FN(future_m_add_done_callback) {
    static const char *const names[] = {"context", NULL};
    static const ArgSpec spec = {"add_done_callback", 1, names, 1, 1, 0};
    Value a[2] = {0, 0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value ctx = a[1] && a[1] != VAL_NONE ? a[1] : copy_context();
    return ctx ? future_add_done_callback(fut_obj(self), a[0], ctx) : 0;
}

FN(future_m_remove_done_callback) {
    if (method_check_args("Future.remove_done_callback", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    FutureObject *f = fut_obj(self);
    if (future_ensure_alive(f) < 0) {
        return 0;
    }
    Value fn = args[0];
    int64_t removed = 0;
    if (f->callback0) {
        int eq = obj_richcompare_bool(f->callback0, fn, CMP_EQ);
        if (eq < 0) {
            return 0;
        }
        if (eq) {
            f->callback0 = f->context0 = 0;
            removed++;
        }
    }
    Value list = f->callbacks;
    if (!list) {
        return int_from_i64(removed);
    }
    Value kept = list_new(0);
    if (!kept) {
        return 0;
    }
    // The comparisons may run Python code that changes the list: index it afresh.
    for (size_t i = 0; i < list_obj(list)->len; i++) {
        Value pair = list_obj(list)->items[i];
        int eq = obj_richcompare_bool(tuple_obj(pair)->items[0], fn, CMP_EQ);
        if (eq < 0) {
            return 0;
        }
        if (!eq && list_append(kept, pair) < 0) {
            return 0;
        }
    }
    size_t before = list_obj(list)->len, after = list_obj(kept)->len;
    if (after == 0) {
        f->callbacks = 0;
    } else if (after != before) {
        ListObject *l = list_obj(list);
        memcpy(l->items, list_obj(kept)->items, after * sizeof(Value));
        l->len = after;
    }
    return int_from_i64(removed + (int64_t)(before - after));
}

FN(future_m_cancel) {
    static const char *const names[] = {"msg", NULL};
    static const ArgSpec spec = {"cancel", 0, names, 0, 1, 0};
    Value a[1] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || future_ensure_alive(fut_obj(self)) < 0) {
        return 0;
    }
    return future_cancel(fut_obj(self), a[0] ? a[0] : VAL_NONE);
}

FN(future_m_cancelled) {
    if (method_check_args("Future.cancelled", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    FutureObject *f = fut_obj(self);
    return val_bool(f->loop && f->state == FUT_CANCELLED);
}

FN(future_m_done) {
    if (method_check_args("Future.done", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    FutureObject *f = fut_obj(self);
    return val_bool(f->loop && f->state != FUT_PENDING);
}

FN(future_m_get_loop) {
    if (method_check_args("Future.get_loop", nargs, kwnames, 0, 0) < 0 ||
        future_ensure_alive(fut_obj(self)) < 0) {
        return 0;
    }
    return fut_obj(self)->loop;
}

FN(future_m_make_cancelled_error) {
    if (method_check_args("Future._make_cancelled_error", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return future_cancelled_error(fut_obj(self));
}

FN(future_m_class_getitem) {
    if (method_check_args("Future.__class_getitem__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return generic_alias_new(self, args[0]);
}

static Value opt(Value v) { return v ? v : VAL_NONE; }

static Value future_get_state(Value self) {
    FutureObject *f = fut_obj(self);
    if (future_ensure_alive(f) < 0) {
        return 0;
    }
    return state_names[f->state];
}

static Value future_get_blocking(Value self) {
    FutureObject *f = fut_obj(self);
    return val_bool(f->loop && f->blocking);
}

static int future_set_blocking(Value self, Value v) {
    if (future_ensure_alive(fut_obj(self)) < 0) {
        return -1;
    }
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int b = obj_truthy(v);
    if (b < 0) {
        return -1;
    }
    fut_obj(self)->blocking = (uint8_t)b;
    return 0;
}

static Value future_get_log_traceback(Value self) {
    FutureObject *f = fut_obj(self);
    if (future_ensure_alive(f) < 0) {
        return 0;
    }
    return val_bool(f->log_tb);
}

static int future_set_log_traceback(Value self, Value v) {
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int b = obj_truthy(v);
    if (b < 0) {
        return -1;
    }
    if (b) {
        err_format(&exc_ValueError, "_log_traceback can only be set to False");
        return -1;
    }
    fut_obj(self)->log_tb = 0;
    return 0;
}

static Value future_get_loop_attr(Value self) { return opt(fut_obj(self)->loop); }

static Value future_get_callbacks(Value self) {
    FutureObject *f = fut_obj(self);
    if (future_ensure_alive(f) < 0) {
        return 0;
    }
    if (!f->callback0) {
        if (!f->callbacks || list_obj(f->callbacks)->len == 0) {
            return VAL_NONE;
        }
        return f->callbacks;
    }
    size_t n = f->callbacks ? list_obj(f->callbacks)->len : 0;
    Value list = list_new(n + 1);
    Value first = list ? tuple_pack2(f->callback0, f->context0) : 0;
    if (!first || list_append(list, first) < 0) {
        return 0;
    }
    for (size_t i = 0; f->callbacks && i < list_obj(f->callbacks)->len; i++) {
        if (list_append(list, list_obj(f->callbacks)->items[i]) < 0) {
            return 0;
        }
    }
    return list;
}

static Value future_get_result_attr(Value self) {
    FutureObject *f = fut_obj(self);
    return future_ensure_alive(f) < 0 ? 0 : opt(f->result);
}

static Value future_get_exception_attr(Value self) {
    FutureObject *f = fut_obj(self);
    return future_ensure_alive(f) < 0 ? 0 : opt(f->exception);
}

static Value future_get_source_traceback(Value self) { return opt(fut_obj(self)->source_tb); }

static Value future_get_cancel_message(Value self) { return opt(fut_obj(self)->cancel_msg); }

static int future_set_cancel_message(Value self, Value v) {
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    fut_obj(self)->cancel_msg = v;
    return 0;
}

static const GetSetDef future_getset[] = {
    {"_state", future_get_state, NULL, NULL},
    {"_asyncio_future_blocking", future_get_blocking, future_set_blocking, NULL},
    {"_log_traceback", future_get_log_traceback, future_set_log_traceback, NULL},
    {"_loop", future_get_loop_attr, NULL, NULL},
    {"_callbacks", future_get_callbacks, NULL, NULL},
    {"_result", future_get_result_attr, NULL, NULL},
    {"_exception", future_get_exception_attr, NULL, NULL},
    {"_source_traceback", future_get_source_traceback, NULL, NULL},
    {"_cancel_message", future_get_cancel_message, future_set_cancel_message, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef future_methods[] = {
    {"result", future_m_result, METH_DEFAULT,
     "Return the result this future represents."},
    {"exception", future_m_exception, METH_DEFAULT,
     "Return the exception that was set on this future."},
    {"set_result", future_m_set_result, METH_DEFAULT,
     "Mark the future done and set its result."},
    {"set_exception", future_m_set_exception, METH_DEFAULT,
     "Mark the future done and set an exception."},
    {"add_done_callback", future_m_add_done_callback, METH_DEFAULT,
     "Add a callback to be run when the future becomes done."},
    {"remove_done_callback", future_m_remove_done_callback, METH_DEFAULT,
     "Remove all instances of a callback from the \"call when done\" list."},
    {"cancel", future_m_cancel, METH_DEFAULT,
     "Cancel the future and schedule callbacks."},
    {"cancelled", future_m_cancelled, METH_DEFAULT,
     "Return True if the future was cancelled."},
    {"done", future_m_done, METH_DEFAULT, "Return True if the future is done."},
    {"get_loop", future_m_get_loop, METH_DEFAULT,
     "Return the event loop the Future is bound to."},
    {"_make_cancelled_error", future_m_make_cancelled_error, METH_DEFAULT,
     "Create the CancelledError to raise if the Future is cancelled."},
    {"__await__", future_m_await, METH_DEFAULT,
     "Return an iterator to be used in await expression."},
    {"__class_getitem__", future_m_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static Type type_future = {
    .header = {&type_type},
    .name = "_asyncio.Future",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_FINALIZER_OPT_IN,
    .basic_size = sizeof(FutureObject),
    .base = &type_object,
    .text_signature = "(*, loop=None)",
    .trace = future_trace,
    .finalize = future_finalize,
    .repr = future_repr,
    .new_ = future_tp_new,
    .init = future_tp_init,
    .iter = future_tp_iter,
    .methods = future_methods,
    .getset = future_getset,
    .dict_offset = offsetof(FutureObject, dict),
};

// ---- FutureIter: what `await future` iterates ----------------------------------------------------

static Value future_iter_new(Value fut) {
    if (future_ensure_alive(fut_obj(fut)) < 0) {
        return 0;
    }
    FutureIterObject *it = (FutureIterObject *)gc_alloc(&type_future_iter, sizeof *it);
    if (!it) {
        return 0;
    }
    it->future = fut;
    return val_from_ptr(it);
}

static void future_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((FutureIterObject *)o)->future);
}

// Pending: yield the future itself once (the Task then waits for it);
// done: stop with its result (or raise its exception).
static Value future_iter_next(Value self) {
    FutureIterObject *it = (FutureIterObject *)val_ptr(self);
    Value fut = it->future;
    if (!fut) {
        return 0;
    }
    FutureObject *f = fut_obj(fut);
    if (f->state == FUT_PENDING) {
        if (!f->blocking) {
            f->blocking = 1;
            return fut;
        }
        return err_format(&exc_RuntimeError, "await wasn't used with future");
    }
    it->future = 0;
    Value r = future_result(f);
    if (!r || r == VAL_NONE) {
        return 0;
    }
    Value stop = obj_call1(val_from_ptr(&exc_StopIteration), r);
    return stop ? err_set_value(stop) : 0;
}

// The method forms raise StopIteration when the iterator ends.
static Value future_iter_step(Value self) {
    Value r = future_iter_next(self);
    if (!r && !err_occurred()) {
        return err_set_value(val_from_ptr(&exc_StopIteration));
    }
    return r;
}

FN(future_iter_m_send) {
    if (method_check_args("FutureIter.send", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    // The value sent is ignored: a Task resumes its coroutine with None.
    return future_iter_step(self);
}

// throw(type[, value[, traceback]]): raise it here, as a generator's throw
// would, and end the iteration.
FN(future_iter_m_throw) {
    if (args_no_keywords("throw", kwnames) < 0 || args_check_positional("throw", nargs, 1, 3) < 0) {
        return 0;
    }
    Value type = args[0];
    Value val = nargs > 1 && args[1] != VAL_NONE ? args[1] : 0;
    Value tb = nargs > 2 && args[2] != VAL_NONE ? args[2] : 0;
    if (tb && type_of(tb) != &type_traceback) {
        return err_format(&exc_TypeError, "throw() third argument must be a traceback");
    }
    Value exc;
    if (exc_class_check(type)) {
        if (val && exc_instance_check(val) && type_is_subtype(type_of(val), type_ptr(type))) {
            exc = val;
        } else if (!val) {
            exc = obj_call0(type);
        } else if (tuple_check(val)) {
            exc = obj_call(type, tuple_obj(val)->items, tuple_obj(val)->len, 0);
        } else {
            exc = obj_call1(type, val);
        }
        if (!exc) {
            return 0;
        }
        if (!exc_instance_check(exc)) {
            return err_format(&exc_TypeError,
                              "calling %s should have returned an instance of BaseException, "
                              "not %s", type_ptr(type)->name, obj_type_name(exc));
        }
    } else if (exc_instance_check(type)) {
        if (val) {
            return err_format(&exc_TypeError, "instance exception may not have a separate value");
        }
        exc = type;
    } else {
        return err_format(&exc_TypeError, "exceptions must be classes deriving BaseException or "
                                          "instances of such a class");
    }
    if (tb) {
        ((ExceptionObject *)val_ptr(exc))->traceback = tb;
    }
    ((FutureIterObject *)val_ptr(self))->future = 0;
    return err_set_value(exc);
}

FN(future_iter_m_close) {
    if (method_check_args("FutureIter.close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ((FutureIterObject *)val_ptr(self))->future = 0;
    return VAL_NONE;
}

static Value future_iter_iter(Value self) { return self; }

static const MethodDef future_iter_methods[] = {
    {"send", future_iter_m_send, METH_DEFAULT, NULL},
    {"throw", future_iter_m_throw, METH_DEFAULT, NULL},
    {"close", future_iter_m_close, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static Type type_future_iter = {
    .header = {&type_type},
    .name = "_asyncio.FutureIter",
    .basic_size = sizeof(FutureIterObject),
    .base = &type_object,
    .trace = future_iter_trace,
    .iter = future_iter_iter,
    .iternext = future_iter_next,
    .methods = future_iter_methods,
};

// ---- the task registry -------------------------------------------------------------------------

static int enter_task(Value loop, Value task) {
    int64_t h = obj_hash(loop);
    if (h == -1 && err_occurred()) {
        return -1;
    }
    Value cur = dict_get_hash(current_tasks, loop, h);
    if (cur) {
        Value msg = str_format_c("Cannot enter into task %R while another task %R is being "
                                 "executed.", task, cur);
        Value e = msg ? obj_call1(val_from_ptr(&exc_RuntimeError), msg) : 0;
        return e ? (err_set_value(e), -1) : -1;
    }
    if (err_occurred()) {
        return -1;
    }
    return dict_set_hash(current_tasks, loop, h, task);
}

static int leave_task(Value loop, Value task) {
    int64_t h = obj_hash(loop);
    if (h == -1 && err_occurred()) {
        return -1;
    }
    Value cur = dict_get_hash(current_tasks, loop, h);
    if (cur != task) {
        if (err_occurred()) {
            return -1;
        }
        Value msg = str_format_c("Leaving task %R does not match the current task %R.", task,
                                 opt(cur));
        Value e = msg ? obj_call1(val_from_ptr(&exc_RuntimeError), msg) : 0;
        return e ? (err_set_value(e), -1) : -1;
    }
    return dict_del_hash(current_tasks, loop, h);
}

static int register_task(Value task) {
    return call_method_kw(all_tasks, str_add, &task, 1, 0) ? 0 : -1;
}

// ---- Task --------------------------------------------------------------------------------------

static Value task_step(Value task, Value exc);
static Value task_wakeup(Value task, const Value *args, size_t nargs, Value kwnames);
static const MethodDef wakeup_def;

// Is `coro` something a Task can run: a native coroutine, or what
// asyncio.coroutines.iscoroutine accepts (its type then remembered).
static int is_coroutine(Value coro) {
    if (type_of(coro) == &type_coroutine) {
        return 1;
    }
    Value typ = val_from_ptr(type_of(coro));
    if (dict_get(iscoroutine_types, typ)) {
        return 1;
    }
    if (err_occurred() || asyncio_helpers() < 0) {
        return -1;
    }
    Value r = obj_call1(iscoroutine_fn, coro);
    int yes = r ? obj_truthy(r) : -1;
    if (yes > 0 && dict_len(iscoroutine_types) < 100 &&
        dict_set(iscoroutine_types, typ, VAL_TRUE) < 0) {
        return -1;
    }
    return yes;
}

static Value step_wrapper_new(Value task, Value arg) {
    StepWrapperObject *w = (StepWrapperObject *)gc_alloc(&type_step_wrapper, sizeof *w);
    if (!w) {
        return 0;
    }
    w->task = task;
    w->arg = arg;
    return val_from_ptr(w);
}

static int task_call_step_soon(Value task, Value arg) {
    Value w = step_wrapper_new(task, arg);
    return w ? call_soon(fut_obj(task)->loop, w, 0, task_obj(task)->context) : -1;
}

// Schedule a step that throws exc_type(message) into the coroutine.
static Value task_error_soon(Value task, Value message) {
    Value e = message ? obj_call1(val_from_ptr(&exc_RuntimeError), message) : 0;
    return e && task_call_step_soon(task, e) == 0 ? VAL_NONE : 0;
}

static Value task_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"coro", "loop", "name", "context", NULL};
    static const ArgSpec spec = {"Task", 0, names, 1, 1, 0};
    Value a[4] = {0, 0, 0, 0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    TaskObject *t = task_obj(self);
    if (future_init(&t->fut, a[1] ? a[1] : VAL_NONE) < 0) {
        return 0;
    }
    int ok = is_coroutine(a[0]);
    if (ok < 0) {
        return 0;
    }
    if (!ok) {
        t->log_destroy_pending = 0;
        Value msg = str_format_c("a coroutine was expected, got %R", a[0]);
        Value e = msg ? obj_call1(val_from_ptr(&exc_TypeError), msg) : 0;
        return e ? err_set_value(e) : 0;
    }
    Value ctx = a[3] && a[3] != VAL_NONE ? a[3] : copy_context();
    if (!ctx) {
        return 0;
    }
    t->context = ctx;
    t->fut_waiter = 0;
    t->must_cancel = 0;
    t->log_destroy_pending = 1;
    t->num_cancels_requested = 0;
    t->coro = a[0];
    Value name = a[2] ? a[2] : VAL_NONE;
    if (name == VAL_NONE) {
        name = str_format_c("Task-%llu", (unsigned long long)++task_name_counter);
    } else if (type_of(name) != &type_str) {
        name = obj_str(name);
    }
    if (!name) {
        return 0;
    }
    t->name = name;
    if (future_want_finalizer(&t->fut) < 0 || task_call_step_soon(self, 0) < 0 ||
        register_task(self) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static void task_trace(Object *o, GcTracer *t) {
    TaskObject *task = (TaskObject *)o;
    future_trace_fields(&task->fut, t);
    gc_trace_value(t, task->fut_waiter);
    gc_trace_value(t, task->coro);
    gc_trace_value(t, task->name);
    gc_trace_value(t, task->context);
}

static Value task_repr(Value self) {
    if (asyncio_helpers() < 0) {
        return 0;
    }
    return obj_call1(task_repr_fn, self);
}

// __del__: a task destroyed while pending is reported, then the Future's
// unretrieved exception, if any.
static Value task_finalize(Value self) {
    TaskObject *t = task_obj(self);
    if (t->fut.loop && t->fut.state == FUT_PENDING && t->log_destroy_pending) {
        Value saved = err_fetch();
        Value context = dict_new();
        if (!context ||
            dict_set_cstr(context, "message", str_from_cstr("Task was destroyed but it is pending!")) < 0 ||
            dict_set_cstr(context, "task", self) < 0 ||
            (t->fut.source_tb && dict_set_cstr(context, "source_traceback", t->fut.source_tb) < 0)) {
            err_write_unraisable(self);
        } else {
            report_to_loop(t->fut.loop, context);
        }
        if (saved) {
            err_set_value(saved);
        }
    }
    return future_finalize(self);
}

// Send None (exc 0) or throw exc into the coroutine. Returns what it
// yielded with *yielded = 1, its return value with *yielded = 0, or 0 with
// its exception.
static Value task_resume(Value coro, Value exc, int *yielded) {
    *yielded = 0;
    if (!exc && gen_check(coro)) {
        Value r = gen_send(coro, VAL_NONE, 0, yielded);
        if (!r && !err_occurred()) {
            r = VAL_NONE;  // an exhausted generator
        }
        return r;
    }
    Value r;
    if (exc) {
        r = obj_call_method(coro, "throw", &exc, 1);
    } else {
        Value none = VAL_NONE;
        r = obj_call_method(coro, "send", &none, 1);
    }
    if (r) {
        *yielded = 1;
        return r;
    }
    if (err_matches(&exc_StopIteration)) {
        Value e = err_fetch();
        return obj_getattr_cstr(e, "value");
    }
    return 0;
}

// Wait for `result` (what the coroutine yielded): it must be a future
// that is blocking, of the task's loop, and not the task itself.
static Value task_step_yielded(Value task, Value result) {
    TaskObject *t = task_obj(task);
    if (result == task) {
        return task_error_soon(task, str_format_c("Task cannot await on itself: %R", task));
    }
    if (future_or_task_exact(result)) {
        FutureObject *f = fut_obj(result);
        if (f->loop != t->fut.loop) {
            goto different_loop;
        }
        if (!f->blocking) {
            goto yield_instead_of_yield_from;
        }
        f->blocking = 0;
        Value wakeup = builtin_function_new(&wakeup_def, task, 0);
        if (!wakeup || !future_add_done_callback(f, wakeup, t->context)) {
            return 0;
        }
        t->fut_waiter = result;
        if (t->must_cancel) {
            Value r = future_ensure_alive(f) < 0 ? 0 : call_method_kw(result, str_cancel, &t->fut.cancel_msg, 1, 0);
            int yes = r ? obj_truthy(r) : -1;
            if (yes < 0) {
                return 0;
            }
            if (yes) {
                t->must_cancel = 0;
            }
        }
        return VAL_NONE;
    }
    if (result == VAL_NONE) {
        // a bare yield gives up one loop iteration
        return task_call_step_soon(task, 0) < 0 ? 0 : VAL_NONE;
    }
    Value blocking = obj_getattr_opt(result, str_asyncio_future_blocking);
    if (!blocking && err_occurred()) {
        return 0;
    }
    if (blocking && blocking != VAL_NONE) {
        int yes = obj_truthy(blocking);
        if (yes < 0) {
            return 0;
        }
        Value loop = obj_getattr_opt(result, str_intern_cstr("get_loop"));
        if (loop) {
            loop = obj_call0(loop);
        } else if (!err_occurred()) {
            loop = obj_getattr_cstr(result, "_loop");
        }
        if (!loop) {
            return 0;
        }
        if (loop != t->fut.loop) {
            goto different_loop;
        }
        if (!yes) {
            goto yield_instead_of_yield_from;
        }
        if (obj_setattr(result, str_asyncio_future_blocking, VAL_FALSE) < 0) {
            return 0;
        }
        Value wakeup = builtin_function_new(&wakeup_def, task, 0);
        Value argv[2] = {wakeup, t->context};
        if (!wakeup || !call_method_kw(result, str_add_done_callback, argv, 1, context_kwnames)) {
            return 0;
        }
        t->fut_waiter = result;
        if (t->must_cancel) {
            Value r = call_method_kw(result, str_cancel, &t->fut.cancel_msg, 1, 0);
            int c = r ? obj_truthy(r) : -1;
            if (c < 0) {
                return 0;
            }
            if (c) {
                t->must_cancel = 0;
            }
        }
        return VAL_NONE;
    }
    if (type_of(result) == &type_generator) {
        return task_error_soon(task, str_format_c("yield was used instead of yield from for "
                                                  "generator in task %R with %R", task, result));
    }
    return task_error_soon(task, str_format_c("Task got bad yield: %R", result));
different_loop:
    return task_error_soon(task, str_format_c("Task %R got Future %R attached to a different loop",
                                              task, result));
yield_instead_of_yield_from:
    return task_error_soon(task, str_format_c("yield was used instead of yield from in task %R "
                                              "with %R", task, result));
}

static Value task_step_impl(Value task, Value exc) {
    TaskObject *t = task_obj(task);
    if (t->fut.state != FUT_PENDING) {
        if (asyncio_helpers() < 0) {
            return 0;
        }
        Value msg = str_format_c("_step(): already done: %R %R", task, opt(exc));
        Value e = msg ? obj_call1(invalid_state_error, msg) : 0;
        return e ? err_set_value(e) : 0;
    }
    if (t->must_cancel) {
        if (exc) {
            if (asyncio_helpers() < 0) {
                return 0;
            }
            int is = obj_isinstance(exc, cancelled_error);
            if (is < 0) {
                return 0;
            }
            if (!is) {
                exc = 0;
            }
        }
        if (!exc) {
            exc = future_cancelled_error(&t->fut);
            if (!exc) {
                return 0;
            }
        }
        t->must_cancel = 0;
    }
    t->fut_waiter = 0;
    Value coro = t->coro;
    if (!coro) {
        return err_format(&exc_RuntimeError, "uninitialized Task object");
    }
    int yielded;
    Value result = task_resume(coro, exc, &yielded);
    if (result && yielded) {
        return task_step_yielded(task, result);
    }
    if (result) {
        if (t->must_cancel) {
            // cancelled right before the coroutine returned
            t->must_cancel = 0;
            return future_cancel(&t->fut, opt(t->fut.cancel_msg));
        }
        return future_set_result(&t->fut, result);
    }
    // (the exception is taken before the helpers are imported: the first
    // import runs Python code, which must not see or clear it)
    Value e = err_fetch();
    if (asyncio_helpers() < 0) {
        return 0;
    }
    int cancelled = obj_isinstance(e, cancelled_error);
    if (cancelled < 0) {
        return 0;
    }
    if (cancelled) {
        t->fut.cancelled_exc = e;
        return future_cancel(&t->fut, VAL_NONE);
    }
    if (!future_set_exception(&t->fut, e)) {
        return 0;
    }
    if (type_is_subtype(type_of(e), &exc_KeyboardInterrupt) ||
        type_is_subtype(type_of(e), &exc_SystemExit)) {
        return err_set_value(e);
    }
    return VAL_NONE;
}

// One step of the task: between _enter_task and _leave_task, as
// tasks.py's __step.
static Value task_step(Value task, Value exc) {
    Value loop = fut_obj(task)->loop;
    if (!loop) {
        return err_format(&exc_RuntimeError, "Future object is not initialized.");
    }
    if (enter_task(loop, task) < 0) {
        return 0;
    }
    Value r = task_step_impl(task, exc);
    if (!r) {
        Value e = err_fetch();
        if (leave_task(loop, task) < 0) {
            err_clear();
        }
        return err_set_value(e);
    }
    return leave_task(loop, task) < 0 ? 0 : r;
}

// The done-callback of the future a task waits for: step with its outcome.
static Value task_wakeup(Value task, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("task_wakeup", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value fut = args[0];
    if (future_or_task_exact(fut)) {
        Value r;
        int kind = future_get_result(fut_obj(fut), &r);
        if (kind == 0) {
            return task_step(task, 0);
        }
        if (kind == 1) {
            return task_step(task, r);
        }
    } else {
        Value r = obj_call_method(fut, "result", NULL, 0);
        if (r) {
            return task_step(task, 0);
        }
    }
    Value e = err_fetch();
    return task_step(task, e);
}

static const MethodDef wakeup_def = {"task_wakeup", task_wakeup, METH_DEFAULT, NULL};

static TaskObject *task_of(Value self) { return task_obj(self); }

FN(task_m_get_coro) {
    if (method_check_args("Task.get_coro", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return opt(task_of(self)->coro);
}

FN(task_m_get_name) {
    if (method_check_args("Task.get_name", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return opt(task_of(self)->name);
}

FN(task_m_set_name) {
    if (method_check_args("Task.set_name", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value name = type_of(args[0]) == &type_str ? args[0] : obj_str(args[0]);
    if (!name) {
        return 0;
    }
    task_of(self)->name = name;
    return VAL_NONE;
}

FN(task_m_set_result) {
    if (method_check_args("Task.set_result", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return err_format(&exc_RuntimeError, "Task does not support set_result operation");
}

FN(task_m_set_exception) {
    if (method_check_args("Task.set_exception", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return err_format(&exc_RuntimeError, "Task does not support set_exception operation");
}

FN(task_m_cancel) {
    static const char *const names[] = {"msg", NULL};
    static const ArgSpec spec = {"cancel", 0, names, 0, 1, 0};
    Value a[1] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value msg = a[0] ? a[0] : VAL_NONE;
    TaskObject *t = task_of(self);
    t->fut.log_tb = 0;
    if (t->fut.state != FUT_PENDING) {
        return VAL_FALSE;
    }
    t->num_cancels_requested++;
    if (t->fut_waiter) {
        Value r = call_method_kw(t->fut_waiter, str_cancel, &msg, 1, 0);
        int yes = r ? obj_truthy(r) : -1;
        if (yes < 0) {
            return 0;
        }
        if (yes) {
            return VAL_TRUE;
        }
    }
    t->must_cancel = 1;
    t->fut.cancel_msg = msg;
    return VAL_TRUE;
}

FN(task_m_cancelling) {
    if (method_check_args("Task.cancelling", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(task_of(self)->num_cancels_requested);
}

FN(task_m_uncancel) {
    if (method_check_args("Task.uncancel", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    TaskObject *t = task_of(self);
    if (t->num_cancels_requested > 0) {
        t->num_cancels_requested--;
    }
    return int_from_i64(t->num_cancels_requested);
}

FN(task_m_get_stack) {
    static const char *const names[] = {"limit", NULL};
    static const ArgSpec spec = {"get_stack", 0, names, 0, 0, 0};
    Value a[1] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || asyncio_helpers() < 0) {
        return 0;
    }
    return obj_call2(task_get_stack_fn, self, opt(a[0]));
}

FN(task_m_print_stack) {
    static const char *const names[] = {"limit", "file", NULL};
    static const ArgSpec spec = {"print_stack", 0, names, 0, 0, 0};
    Value a[2] = {0, 0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || asyncio_helpers() < 0) {
        return 0;
    }
    Value argv[3] = {self, opt(a[0]), opt(a[1])};
    return obj_call(task_print_stack_fn, argv, 3, 0);
}

static Value task_get_log_destroy_pending(Value self) {
    return val_bool(task_of(self)->log_destroy_pending);
}

static int task_set_log_destroy_pending(Value self, Value v) {
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int b = obj_truthy(v);
    if (b < 0) {
        return -1;
    }
    task_of(self)->log_destroy_pending = b;
    return 0;
}

static Value task_get_must_cancel(Value self) { return val_bool(task_of(self)->must_cancel); }
static Value task_get_coro_attr(Value self) { return opt(task_of(self)->coro); }
static Value task_get_fut_waiter(Value self) { return opt(task_of(self)->fut_waiter); }

static const GetSetDef task_getset[] = {
    {"_log_destroy_pending", task_get_log_destroy_pending, task_set_log_destroy_pending, NULL},
    {"_must_cancel", task_get_must_cancel, NULL, NULL},
    {"_coro", task_get_coro_attr, NULL, NULL},
    {"_fut_waiter", task_get_fut_waiter, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef task_methods[] = {
    {"set_result", task_m_set_result, METH_DEFAULT, NULL},
    {"set_exception", task_m_set_exception, METH_DEFAULT,
     NULL},
    {"get_stack", task_m_get_stack, METH_DEFAULT,
     "Return the list of stack frames for this task's coroutine."},
    {"print_stack", task_m_print_stack, METH_DEFAULT,
     "Print the stack or traceback for this task's coroutine."},
    {"cancel", task_m_cancel, METH_DEFAULT,
     "Request that this task cancel itself."},
    {"cancelling", task_m_cancelling, METH_DEFAULT,
     "Return the count of the task's cancellation requests."},
    {"uncancel", task_m_uncancel, METH_DEFAULT,
     "Decrement the task's count of cancellation requests."},
    {"get_coro", task_m_get_coro, METH_DEFAULT, NULL},
    {"get_name", task_m_get_name, METH_DEFAULT, NULL},
    {"set_name", task_m_set_name, METH_DEFAULT, NULL},
    {"__class_getitem__", future_m_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static Type type_task = {
    .header = {&type_type},
    .name = "_asyncio.Task",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_FINALIZER_OPT_IN,
    .basic_size = sizeof(TaskObject),
    .base = &type_future,
    .text_signature = "(coro, *, loop=None, name=None, context=None)",
    .trace = task_trace,
    .finalize = task_finalize,
    .repr = task_repr,
    .new_ = future_tp_new,
    .init = task_tp_init,
    .methods = task_methods,
    .getset = task_getset,
};

// ---- TaskStepMethWrapper -----------------------------------------------------------------------

static void step_wrapper_trace(Object *o, GcTracer *t) {
    StepWrapperObject *w = (StepWrapperObject *)o;
    gc_trace_value(t, w->task);
    gc_trace_value(t, w->arg);
}

static Value step_wrapper_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (args_nkw(kwnames)) {
        return err_format(&exc_TypeError, "function takes no keyword arguments");
    }
    if (nargs) {
        return err_format(&exc_TypeError, "function takes no positional arguments");
    }
    StepWrapperObject *w = (StepWrapperObject *)val_ptr(self);
    return task_step(w->task, w->arg);
}

static Value step_wrapper_get_self(Value self) { return ((StepWrapperObject *)val_ptr(self))->task; }

static const GetSetDef step_wrapper_getset[] = {
    {"__self__", step_wrapper_get_self, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_step_wrapper = {
    .header = {&type_type},
    .name = "TaskStepMethWrapper",
    .basic_size = sizeof(StepWrapperObject),
    .base = &type_object,
    .trace = step_wrapper_trace,
    .call = step_wrapper_call,
    .getset = step_wrapper_getset,
};

// ---- module functions --------------------------------------------------------------------------

FN(asyncio_get_event_loop) {
    (void)self, (void)args;
    if (method_check_args("_asyncio.get_event_loop", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return get_event_loop();
}

FN(asyncio__get_event_loop) {
    (void)self;
    static const char *const names[] = {"stacklevel", NULL};
    static const ArgSpec spec = {"_get_event_loop", 0, names, 0, 1, 0};
    Value a[1] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (a[0]) {
        int64_t level;
        if (obj_as_int64(a[0], &level) < 0) {
            return 0;
        }
    }
    return get_event_loop();
}

FN(asyncio_get_running_loop) {
    (void)self, (void)args;
    if (method_check_args("_asyncio.get_running_loop", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value loop = running_loop();
    return loop ? loop : err_format(&exc_RuntimeError, "no running event loop");
}

FN(asyncio__get_running_loop) {
    (void)self, (void)args;
    if (method_check_args("_asyncio._get_running_loop", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return opt(running_loop());
}

FN(asyncio__set_running_loop) {
    (void)self;
    if (method_check_args("_asyncio._set_running_loop", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    vm_thread.running_loop = args[0];
    vm_thread.running_loop_pid = process_id;
    return VAL_NONE;
}

FN(asyncio__register_task) {
    (void)self;
    static const char *const names[] = {"task", NULL};
    static const ArgSpec spec = {"_register_task", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || register_task(a[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(asyncio__unregister_task) {
    (void)self;
    static const char *const names[] = {"task", NULL};
    static const ArgSpec spec = {"_unregister_task", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 ||
        !obj_call_method(all_tasks, "discard", a, 1)) {
        return 0;
    }
    return VAL_NONE;
}

FN(asyncio__enter_task) {
    (void)self;
    static const char *const names[] = {"loop", "task", NULL};
    static const ArgSpec spec = {"_enter_task", 0, names, 2, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || enter_task(a[0], a[1]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(asyncio__leave_task) {
    (void)self;
    static const char *const names[] = {"loop", "task", NULL};
    static const ArgSpec spec = {"_leave_task", 0, names, 2, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || leave_task(a[0], a[1]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static const MethodDef asyncio_functions[] = {
    {"get_event_loop", asyncio_get_event_loop, METH_DEFAULT, "Return an asyncio event loop."},
    {"_get_event_loop", asyncio__get_event_loop, METH_DEFAULT, NULL},
    {"get_running_loop", asyncio_get_running_loop, METH_DEFAULT, "Return the running event loop.  Raise a RuntimeError if there is none."},
    {"_get_running_loop", asyncio__get_running_loop, METH_DEFAULT, "Return the running event loop or None."},
    {"_set_running_loop", asyncio__set_running_loop, METH_DEFAULT, "Set the running event loop."},
    {"_register_task", asyncio__register_task, METH_DEFAULT, "Register a new task in asyncio as executed by loop."},
    {"_unregister_task", asyncio__unregister_task, METH_DEFAULT, "Unregister a task."},
    {"_enter_task", asyncio__enter_task, METH_DEFAULT, "Enter into task execution or resume suspended task."},
    {"_leave_task", asyncio__leave_task, METH_DEFAULT, "Leave task execution or suspend a task."},
    {NULL, NULL, 0, NULL},
};

Value asyncio_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    static Value *const roots[] = {
        &get_event_loop_policy_fn, &future_repr_fn, &task_repr_fn, &task_get_stack_fn,
        &task_print_stack_fn, &iscoroutine_fn, &extract_stack_fn, &invalid_state_error,
        &cancelled_error, &copy_context_fn, &all_tasks, &current_tasks, &iscoroutine_types,
        &context_kwnames, &str_call_soon, &str_add_done_callback, &str_cancel,
        &str_asyncio_future_blocking, &str_get_debug, &str_add, &state_names[0], &state_names[1],
        &state_names[2],
    };
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        gc_add_root(roots[i]);
    }
    finalize_add_exit_idle_check(future_exit_idle);
    renew_process_id();
    pthread_atfork(NULL, NULL, renew_process_id);
    if (type_ready(&type_future) < 0 || type_ready(&type_task) < 0 ||
        type_ready(&type_future_iter) < 0 || type_ready(&type_step_wrapper) < 0) {
        return 0;
    }
    str_call_soon = str_intern_cstr("call_soon");
    str_add_done_callback = str_intern_cstr("add_done_callback");
    str_cancel = str_intern_cstr("cancel");
    str_asyncio_future_blocking = str_intern_cstr("_asyncio_future_blocking");
    str_get_debug = str_intern_cstr("get_debug");
    str_add = str_intern_cstr("add");
    state_names[FUT_PENDING] = str_intern_cstr("PENDING");
    state_names[FUT_CANCELLED] = str_intern_cstr("CANCELLED");
    state_names[FUT_FINISHED] = str_intern_cstr("FINISHED");
    context_kwnames = tuple_from((Value[]){str_intern_cstr("context")}, 1);
    copy_context_fn = import_attr("_contextvars", "copy_context");
    Value weakset = copy_context_fn ? import_attr("weakref", "WeakSet") : 0;
    all_tasks = weakset ? obj_call0(weakset) : 0;
    current_tasks = all_tasks ? dict_new() : 0;
    iscoroutine_types = current_tasks ? dict_new() : 0;
    Value m = iscoroutine_types && context_kwnames ? module_new_cstr("_asyncio") : 0;
    if (!m || module_add(m, "Future", val_from_ptr(&type_future)) < 0 ||
        module_add(m, "Task", val_from_ptr(&type_task)) < 0 ||
        module_add(m, "_all_tasks", all_tasks) < 0 ||
        module_add(m, "_current_tasks", current_tasks) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Accelerator module for asyncio")) < 0) {
        return 0;
    }
    if (module_add_functions(m, asyncio_functions) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
