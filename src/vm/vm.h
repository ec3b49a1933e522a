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
} FunctionObject;

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

// ---- the thread state ------------------------------------------------------

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
    // sys.settrace / sys.setprofile (src/vm/trace.c): the functions (0 when
    // unset), and how many hooks are running (no events inside a hook).
    Value tracefunc, profilefunc;
    int hook_depth;
    // A profile function in C (vm_set_profile_hook), called instead of
    // calling profilefunc, which is then its object (what sys.getprofile gives).
    int (*profile_hook)(Value obj, struct Frame *f, const char *event, Value arg);
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

// The builtins dict new frames use when globals has no __builtins__.
extern Value vm_builtins;

#endif
