// interp_internal.h - what the interpreter's files share (interp.c, gen.c,
// frameobject.c); not for the rest of the runtime, which uses vm.h.
#ifndef KRAIT_INTERP_INTERNAL_H
#define KRAIT_INTERP_INTERNAL_H

#include <stdbool.h>

#include "vm.h"

// Register the VM's roots with the collector and find the C stack's limit.
void vm_init(void *stack_base);
void vm_init_stack_limit(void *stack_base);  // thread.c
void vm_threads_init(void *stack_base);      // thread.c: the main thread and the GIL
// A thread state's share of the roots (its frames, exceptions...) and the
// freeing of its frame stack when its thread ends (interp.c).
void vm_trace_thread_state(GcTracer *t, ThreadState *ts);
void vm_free_frame_stack(ThreadState *ts);

// Frame flags.
enum {
    FRAME_ENTRY = 1 << 0,      // returning from it returns from run_frame to C
    FRAME_GEN = 1 << 1,        // lives inside a generator object, not on the VM stack
    FRAME_YIELDED = 1 << 2,    // run_frame returned because the frame yielded
    FRAME_HAS_SENT = 1 << 3,   // YIELDFROM: `sent` holds the value to pass on
    FRAME_STARTED = 1 << 4,    // a generator frame that has run
    FRAME_RESUME_AT_PC = 1 << 5, // resume at pc itself (not after a YIELD)
    FRAME_CLASS_BODY = 1 << 6,
    // The __init__ of a `cls(...)` the interpreter runs inline: `sent` holds
    // the new instance, which RETURN makes the call's result (after checking
    // that __init__ returned None).
    FRAME_INIT = 1 << 7,
    // The frame has reported its 'call' event to the trace and profile
    // functions (since it started, or since it resumed: a generator).
    FRAME_TRACE_CALLED = 1 << 8,
    // A jump (frame.f_lineno set) left a fast local unbound where the code
    // reads it without CHECKBOUND: the interpreter's hook checks each
    // instruction's reads until the frame leaves (jump.c, trace.c).
    FRAME_JUMP_GUARD = 1 << 9,
    // The bits from here up count the except handlers the frame is inside
    // (PUSHEXCINFO .. POPEXCEPT): a generator that yields inside one keeps
    // its exception across the yield, even when it is the caller's too.
    FRAME_HANDLER_ONE = 1 << 16,
};

// Allocate a frame for `code` on the VM stack, slots zeroed, linked as the
// innermost frame (so the collector sees it while it is being filled).
Frame *frame_push(Code *code, Value func, Value globals, Value builtins, Value locals);
// Unlink and free the innermost frame (it must be `f`).
void frame_pop(Frame *f);

// Link a generator's own frame as the innermost one / unlink it.
int frame_link(Frame *f);
void frame_unlink(Frame *f);

// Bind call arguments into f's slots following func's signature, with
// CPython's TypeErrors; `self` (if not 0) is an extra first positional.
// Also fills the cell and free-variable slots. 0 or -1.
int vm_bind_args(Frame *f, FunctionObject *func, Value self, const Value *args, size_t npos,
                 Value kwnames);

// ---- sys.settrace and sys.setprofile (trace.c) --------------------------------------
// While a trace or profile function is set, every entry of the
// interpreter's dispatch table leads through a hook (vm_hooks_changed
// patches it), which reports the events of the instruction about to run;
// where events leave a frame (return, yield, an exception passing
// through), the interpreter asks vm_hooks_on. With no hook set the loop
// runs as if tracing did not exist.
extern int vm_hooks_on;
void vm_hooks_changed(void);  // interp.c: install or remove the dispatch hook
// A thread ends (or a fork child drops it): its hooks no longer count.
void vm_trace_thread_exit(void);
// Before the instruction at f->pc: the 'call' event of a frame that has
// not reported one since it started or resumed, then 'line' and 'opcode'.
int vm_trace_instr(Frame *f);
// f is left: returning `retval`, yielding it (`suspending`: a generator's
// frame that will resume), or (retval 0) by an exception.
int vm_trace_leave(Frame *f, Value retval, bool suspending);
// exc is raised in f, or propagates into it ('exception', trace only).
int vm_trace_exception(Frame *f, Value exc);
// A call from the running frame under a profile function: when the callee
// is a builtin function, or a method descriptor with its `self`,
// vm_trace_c_enter reports 'c_call' (with the bound builtin for a
// descriptor, in *fn) and returns 1; the caller makes the call and passes
// its result (0 with an exception) to vm_trace_c_exit, for 'c_return' or
// 'c_exception' (-1 when the result is 0 or a hook failed). 0: no builtin
// (the instruction runs as usual); -1 on error.
int vm_trace_c_enter(Value callee, Value self, Value *fn);
int vm_trace_c_exit(Value fn, Value result);
// An exception is thrown into a resumed generator: its 'call' event now.
int vm_trace_throw(Frame *f);
// During f's 'call' event, the line it reports (else -1).
int vm_trace_call_line(Frame *f);
// The kind of the last event reported to a hook ("line", "call"...; "call"
// before any), which decides whether f_lineno may be set.
const char *vm_trace_last_event(void);
// Whether f is reporting the 'return' event of a yield (it is suspending).
bool vm_trace_yielding(Frame *f);
// jump.c: assigning f_lineno (the checks of the event and of f_trace done):
// where f may go on at line `lineno` (an int) from where it is, *new_pc, and
// what it leaves (iterators, with exits, except blocks) popped; `suspended`
// when f is at a yield. 0, or -1 with CPython's ValueError.
int vm_frame_jump(Frame *f, Value lineno, bool suspended, uint32_t *new_pc);
// The UnboundLocalError CPython raises when an instruction of f (at pc)
// reads a fast local a jump left unbound: -1 with it set, else 0.
int vm_jump_guard_check(Frame *f, const Instr *pc);
// Keep the interpreter's hook on while f runs (FRAME_JUMP_GUARD), until it
// returns or an exception leaves it (trace.c).
void vm_trace_guard_frame(Frame *f);
// frameobject.c: a jump made while a generator's frame was yielding takes
// effect when it resumes: the pc to resume at (-1: none), cleared.
int32_t frame_take_resume_jump(Frame *f);
// frameobject.c: the trace state a frame object keeps.
Value frame_trace_func(Frame *f);             // the local trace function, or 0
void frame_set_trace_func(Frame *f, Value fn);  // (needs the frame object)
int frame_trace_new_line(Frame *f, bool *opcodes);  // 1: a line event is due; -1 error
void frame_trace_reset(Frame *f);             // the frame starts: no line seen yet

// Run f (already linked and bound) until it returns or yields. `throwing`:
// an exception is pending and is raised at f->pc (generator throw()).
// vm_init calls it once with VM_RUN_INIT (and no frame) to set up.
Value vm_run_frame(Frame *f, int throwing);
enum { VM_RUN_INIT = 2 };
// vm_run_frame(f, VM_RUN_THROW_NO_CHAIN): throw the pending exception into a
// generator that handles none of its own: CPython's _PyErr_ChainStackItem
// then leaves its __context__ alone (the caller's handled exception is not
// the generator's).
enum { VM_RUN_THROW_NO_CHAIN = 3 };

// The yielded value of a frame that stopped with FRAME_YIELDED.
// (Kept in f->sent.)

// Generators: the object built when a generator function is called. The
// frame is bound, not started.
Value gen_new(FunctionObject *func, Value self, const Value *args, size_t npos, Value kwnames);
// gen_send and gen_check: see vm.h.
Value gen_of_frame(Frame *f);  // the generator object a FRAME_GEN frame lives in
int gen_is_running(Value gen);
Value gen_close(Value self);
// frame.clear() of a suspended generator's frame: CPython's _PyGen_Finalize
// (a coroutine never started warns "never awaited", any other is closed),
// errors reported as unraisable.
void gen_finalize_for_clear(Value self);
uint32_t gen_code_flags(Value gen);
// What a suspended generator or coroutine is delegating to (yield from,
// await): CPython's _PyGen_yf. 0 when none.
Value gen_delegate(Value gen);
// A generator that a `yield from f(...)` call made (CALL X bit 1): nothing
// but that yield from holds it, until gi_yieldfrom hands it out.
void gen_mark_owned(Value gen);
// Give an owned generator's memory back once the yield from has run it to
// its end, if nobody was handed it; true if it was freed (gc_free_dead).
bool gen_free_unseen(Value gen);
// The value of an async generator's `yield v` (ASYNCGENWRAP).
Value gen_async_wrap(Value v);

// Frame objects and tracebacks (frameobject.c).
extern Type type_frame, type_traceback;
// A frame that finishes hands its state to its Python-visible frame object.
void frame_object_detach(Frame *f);
// Prepend a traceback entry for f at instruction pc_index to exc.
void traceback_add(Value exc, Frame *f, uint32_t pc_index);
// Whether exc's newest traceback entry is frame f's (it was raised in f or
// came out of a call f made, and no other frame raised it since).
int traceback_head_is(Value exc, Frame *f);
// Drop importlib's own entries from exc's traceback, as CPython's import
// does before an import error reaches the program: every run of entries of
// the bootstrap modules when `always` (an ImportError), else each run that
// ends in _bootstrap._call_with_frames_removed (the module's own code and
// what it raised stay).
void traceback_remove_importlib_frames(Value exc, int always);
// Print exc with its traceback and chain as CPython does (to stderr).
void vm_print_exception(Value exc);

// The line of the instruction f is executing.
int frame_lineno(Frame *f);

#endif
