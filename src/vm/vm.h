// vm.h - the interpreter's interface: function, method and cell objects,
// the thread state, and the entry points the runtime calls Python through.
//
// Calling convention (object.h's CallFunc): a vector of positional
// arguments, then the values of keyword arguments named by `kwnames`, a
// tuple of str or 0. A function object's `call` slot is vm_call_function;
// from C, call anything with obj_call (runtime/abstract.h).
//
// Python-to-Python calls made by the interpreter do not come through here:
// the dispatch loop pushes the callee's frame and continues. C code that
// calls back into Python recurses on the C stack; vm_enter_call guards
// the depth (RecursionError, never a segfault).
#ifndef KRAIT_VM_H
#define KRAIT_VM_H

#include "../runtime/object.h"
#include "code.h"

// ---- function objects ------------------------------------------------------

typedef struct FunctionObject {
    Object header;
    Code *code;
    Value globals;           // dict
    Value builtins;          // dict: globals['__builtins__'] at creation, else the builtins module's
    Value name, qualname;    // str
    Value module;            // globals['__name__'] at creation, or None
    Value doc;               // the first constant when it is a docstring, else None
    Value defaults;          // tuple or 0
    Value kwdefaults;        // dict or 0
    Value closure;           // tuple of cells or 0
    Value annotations;       // dict or 0
    Value dict;              // __dict__, or 0 until an attribute is set
    uint32_t gc_stamp;       // bumped by func_changed: see GcStampFunc
} FunctionObject;

// Every store into an existing function's fields above calls this.
static inline void func_changed(FunctionObject *f) {
    f->gc_stamp++;
}

typedef struct CellObject {
    Object header;
    Value value;             // 0 when empty
} CellObject;

// A bound method: calling it calls func(self, *args).
typedef struct MethodObject {
    Object header;
    Value func, self;
} MethodObject;

extern Type type_function, type_cell, type_method;

static inline FunctionObject *func_obj(Value v) { return (FunctionObject *)val_ptr(v); }
static inline int func_check(Value v) { return val_is_ptr(v) && val_ptr(v)->type == &type_function; }

Value function_new(Code *code, Value globals);
Value cell_new(Value contents);  // contents may be 0 (empty)
Value method_new(Value func, Value self);

// ---- generators and coroutines (src/vm/gen.c) ------------------------------

extern Type type_generator, type_coroutine, type_async_generator;

// Resume: send `value` (or throw the pending exception if `throwing`).
// Returns the yielded value with *yielded = 1, the return value with
// *yielded = 0, or 0 with an exception (or 0 without one for a generator
// that is already exhausted and not throwing).
Value gen_send(Value gen, Value value, int throwing, int *yielded);
int gen_check(Value v);  // generator or coroutine

// Traceback objects (frameobject.c).
extern Type type_traceback;

// ---- the thread state ------------------------------------------------------
//
// krait runs OS threads under a global interpreter lock (thread.c has the
// essay). `vm_thread` always holds the state of the thread that holds the
// GIL, at a fixed address, so the hot paths read it as they did with one
// thread; handing the GIL over saves it into the outgoing thread's VmThread
// and loads the incoming thread's. Everything here is per thread.

// The pending exception (runtime/error.c owns its meaning).
typedef struct ErrState {
    Type *type;         // NULL: nothing pending
    Value value;        // the exception object, once built (or set by Python code)
    int has_msg;        // raised by err_format: the object's args are (msg,)
    char msg[512];      // err_format's message, while `value` is 0
    // The name (and object) of a pending AttributeError / NameError whose
    // object is not built yet (err_attribute_context); 0: none.
    Value ctx_name, ctx_obj;
} ErrState;

struct StackChunk;
struct VmThread;

typedef struct ThreadState {
    Frame *frame;            // innermost running Python frame, or NULL
    Value handled;           // the exception being handled (sys.exc_info()), or 0
    // The exception that last left Python code for a C caller: it got its
    // __context__ where it was raised, so a frame it reaches through C code
    // (a with statement's __exit__, a callback) does not chain it again.
    Value propagating;
    int c_depth;             // C-level recursion depth (vm_enter_call)
    int py_depth;            // Python frames on the stack
    int recursion_limit;     // sys.getrecursionlimit()
    ErrState err;            // the pending exception
    struct StackChunk *stack_chunk, *spare_chunk;  // the frame stack (interp.c)
    char *c_stack_limit;     // the lowest address this thread's C stack may reach
    Value context;           // contextvars' current Context, or 0 until first needed
    Value asyncgen_firstiter, asyncgen_finalizer;  // sys.set_asyncgen_hooks, or 0
    int coroutine_origin_depth;                    // sys.set_coroutine_origin_tracking_depth
    struct VmThread *thread; // the thread this state belongs to (thread.c)
    uint64_t serial;         // numbers the threads, never reused (_thread._local's key)
    Value sentinel;          // _thread._set_sentinel's lock: released when the thread ends
    Value locals;            // a list of weakrefs to the _thread._local objects with data here
    // sys.settrace / sys.setprofile (src/vm/trace.c): the functions (0 when
    // unset), and how many hooks are running (no events inside a hook).
    Value tracefunc, profilefunc;
    int hook_depth;
    // A profile function in C (vm_set_profile_hook), called instead of
    // calling profilefunc, which is then its object (what sys.getprofile gives).
    int (*profile_hook)(Value obj, struct Frame *f, const char *event, Value arg);
    // asyncio's running event loop (_asyncio._set_running_loop), or 0, and
    // the pid that set it: a forked child does not see its parent's loop.
    Value running_loop;
    int64_t running_loop_pid;
} ThreadState;

extern ThreadState vm_thread;

// sys.settrace / sys.setprofile: install `fn` (None removes it) for the
// running thread. 0, or -1 with an exception.
int vm_set_trace(Value fn);
int vm_set_profile(Value fn);
// A profile function written in C (the _lsprof profiler): hook(obj, frame,
// event, arg) for each profile event ('call' and 'return' of Python frames,
// 'c_call', 'c_return' and 'c_exception' with the builtin as arg), with no
// frame object made; a hook that fails is removed. fn NULL removes it.
int vm_set_profile_hook(int (*hook)(Value obj, struct Frame *f, const char *event, Value arg),
                        Value obj);

// The function type's call slot.
Value vm_call_function(Value func, const Value *args, size_t nargs, Value kwnames);

// Run a module body, exec() or eval() code: `locals` is the mapping that
// LOADNAME/STORENAME use (the same dict as globals for a module).
Value vm_eval_code(Code *code, Value globals, Value locals);
Value vm_eval_code_closure(Code *code, Value globals, Value locals, Value closure);

// Run a class body (a function whose code takes no arguments) with the
// namespace `ns` as its locals; returns what the body returns (the
// __class__ cell or None). For builtins.__build_class__.
Value vm_run_class_body(Value func, Value ns);

// The innermost Python frame (NULL outside any), for super(), globals(),
// locals(), sys._getframe().
Frame *vm_current_frame(void);

// The Python-visible frame object of f (made on first use; sys._getframe,
// tracebacks).
Value frame_object_for(Frame *f);

// locals() of a frame: its locals mapping in a module or class body, else
// the frame's f_locals dict brought up to date (the same dict each time).
Value vm_frame_locals(Frame *f);

// Guard a C-level recursion (a call into Python from C, repr of nested
// containers...): -1 with RecursionError set ("maximum recursion depth
// exceeded" + `where`) when too deep, else 0; pair with vm_leave_call.
int vm_enter_call(const char *where);
void vm_leave_call(void);

// ---- threads and the GIL (thread.c) ----------------------------------------

// Blocking calls release the GIL between a begin/end pair, so that other
// threads run meanwhile:
//
//     VM_BEGIN_ALLOW_THREADS
//     n = read(fd, buf, len);     // no Value, no heap object, no err_* here
//     VM_END_ALLOW_THREADS
//
// Between them the thread must not touch any Value or heap object (another
// thread may be running the collector), nor the thread state. Pointers into
// a heap object's C buffer stay valid as long as the caller keeps the
// object itself alive (in a variable used after END). With a single thread
// both are almost free.
typedef struct VmThread VmThread;
VmThread *vm_gil_release(void);   // NULL when nothing was released
void vm_gil_acquire(VmThread *t); // takes the GIL back (t == NULL: nothing)
#define VM_BEGIN_ALLOW_THREADS { VmThread *vm_allow_threads_ = vm_gil_release();
#define VM_END_ALLOW_THREADS vm_gil_acquire(vm_allow_threads_); }

// The interpreter's safe point (where signal_tripped is checked): hands the
// GIL to a thread that asked for it, then runs the Python signal handlers
// (main thread only). 0, or -1 with the exception a handler raised.
int vm_eval_breaker(void);

// Whether the running thread is the main thread (signal handlers run only
// there); threads started by _thread are not.
int vm_in_main_thread(void);

// Threads with a thread state (the main thread included): _thread._count() + 1.
extern int vm_nthreads;

// Call fn(ident, state) for every running thread (sys._current_frames):
// stops at and returns the first -1.
int vm_threads_each(int (*fn)(uint64_t ident, ThreadState *ts, void *arg), void *arg);

// sys.setrecursionlimit: the limit of every thread (as CPython's, it is
// the interpreter's).
void vm_set_recursion_limit(int limit);

// The GIL's switch interval in seconds (sys.setswitchinterval).
void vm_set_switch_interval(double seconds);
double vm_get_switch_interval(void);

// Start an OS thread that, holding the GIL with a fresh thread state, runs
// boot(arg) (arg is kept alive meanwhile); the thread ends when boot
// returns (with no exception pending). 0 with the thread's ident in *ident,
// or -1 with RuntimeError "can't start new thread". stack_size 0: default.
int vm_thread_start(void (*boot)(Value arg), Value arg, size_t stack_size, uint64_t *ident);

// At exit (run.c), as CPython's Py_FinalizeEx: before the atexit callbacks,
// threading._shutdown() when threading was imported, which joins the
// non-daemon threads; after them, vm_threads_finalize: the main thread
// keeps the GIL for good (daemon threads block at their next request and
// die with the process).
void vm_threads_shutdown(void);
void vm_threads_finalize(void);

// In the child process after fork(): the forking thread is the only one.
void vm_threads_after_fork_child(void);

// The report of exception `exc` as the default sys.excepthook prints it
// (traceback included), as a str (for _thread._excepthook, which writes it
// to a file object).
Value vm_format_exception(Value exc);

// The builtins dict new frames use when globals has no __builtins__.
extern Value vm_builtins;

#endif
