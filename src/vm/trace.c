// trace.c - sys.settrace and sys.setprofile.
//
// The events, their order and arguments are CPython 3.11's:
//   profile function: 'call' and 'return' for Python frames (a generator
//     reports 'call' at each resume and 'return' at each yield), 'c_call'
//     then 'c_return' or 'c_exception' around calls of builtin functions
//     and method descriptors;
//   trace function: 'call' to the global trace function, whose result
//     becomes the frame's local trace function (frame.f_trace); then, to
//     that local function, 'line' (a new line, or a jump backwards),
//     'opcode' (with f_trace_opcodes), 'exception' (raised in or
//     propagating into the frame) and 'return'. A local function's result
//     replaces it unless None.
// No events while a hook runs. A hook that raises is removed (and a
// frame's local trace function with it), and its exception propagates from
// where the event happened.
//
// A trace function may assign frame.f_lineno during a 'line' event (or the
// 'return' event of a yield): vm/jump.c checks and makes the jump, which
// moves f->pc; the interpreter's hook then goes on there instead of running
// the instruction it reported.
//
// The instructions are krait's, not CPython's, so the line events of a
// construct can differ from CPython's where the two compilers lay code out
// differently (and 'opcode' events count krait's instructions).
#include <stdbool.h>

#include "../runtime/abstract.h"
#include "../runtime/exceptions.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/type_internal.h"
#include "interp_internal.h"

int vm_hooks_on;

// The kind of the event a hook is handling (CPython's tstate->tracing_what,
// which f_lineno's setter consults); outside any hook it reads as 'call',
// as CPython's (which restores it after each call of a hook).
static const char *last_event = "call";

// During a 'call' event f_lineno is the line the frame starts or resumes
// at: its code's first line (the def), or the yield it stopped at.
static Frame *call_event_frame;
static int call_event_line;

// During the 'return' event of a yield, the frame yielding (a jump from
// there is allowed, and takes effect when the generator resumes).
static Frame *yield_event_frame;

static Value event_name(const char *name) {
    return str_intern_cstr(name);
}

// Mark every frame running now as called: turning a hook on must not report
// 'call' for frames that started before.
static void mark_running_frames(void) {
    for (Frame *f = vm_thread.frame; f; f = f->back) {
        f->flags |= FRAME_TRACE_CALLED;
    }
}

// How many threads have a hook: the dispatch hook stays installed while any
// has (the others pass through it to their instructions).
static int hooked_threads;

static bool thread_hooked(void) {
    return vm_thread.tracefunc != 0 || vm_thread.profilefunc != 0;
}

// Frames whose instructions the hook checks for locals a jump left unbound
// (FRAME_JUMP_GUARD): the hook stays installed while there are any.
static int guarded_frames;

// After the running thread's hooks changed (`was`: whether it had one).
static void hooks_update(bool was) {
    bool now = thread_hooked();
    if (now && !was) {
        mark_running_frames();
        hooked_threads++;
    } else if (!now && was) {
        hooked_threads--;
    }
    int on = hooked_threads > 0 || guarded_frames > 0;
    if (on != vm_hooks_on) {
        vm_hooks_on = on;
        vm_hooks_changed();
    }
}

int vm_set_trace(Value fn) {
    bool was = thread_hooked();
    vm_thread.tracefunc = fn == VAL_NONE ? 0 : fn;
    hooks_update(was);
    return 0;
}

int vm_set_profile(Value fn) {
    bool was = thread_hooked();
    vm_thread.profilefunc = fn == VAL_NONE ? 0 : fn;
    vm_thread.profile_hook = NULL;
    hooks_update(was);
    return 0;
}

int vm_set_profile_hook(int (*hook)(Value obj, Frame *f, const char *event, Value arg),
                        Value obj) {
    bool was = thread_hooked();
    vm_thread.profilefunc = hook ? obj : 0;
    vm_thread.profile_hook = hook;
    hooks_update(was);
    return 0;
}

void vm_trace_thread_exit(void) {
    if (thread_hooked()) {
        bool was = true;
        vm_thread.tracefunc = vm_thread.profilefunc = 0;
        vm_thread.profile_hook = NULL;
        hooks_update(was);
    }
}

// fn(frame, event, arg) with the hooks off; the result, or 0.
static Value call_hook(Value fn, Frame *f, const char *event, Value arg) {
    Value fo = frame_object_for(f);
    if (!fo) {
        return 0;
    }
    Value args[3] = {fo, event_name(event), arg ? arg : VAL_NONE};
    const char *outer = last_event;
    last_event = event;
    vm_thread.hook_depth++;
    Value r = obj_call(fn, args, 3, 0);
    vm_thread.hook_depth--;
    last_event = outer;
    return r;
}

static int profile_event(Frame *f, const char *event, Value arg) {
    Value fn = vm_thread.profilefunc;
    if (!fn) {
        return 0;
    }
    if (vm_thread.profile_hook) {
        const char *outer = last_event;
        last_event = event;
        vm_thread.hook_depth++;
        int r = vm_thread.profile_hook(fn, f, event, arg);
        vm_thread.hook_depth--;
        last_event = outer;
        if (r < 0) {
            vm_set_profile(VAL_NONE);
        }
        return r;
    }
    if (!call_hook(fn, f, event, arg)) {
        vm_set_profile(VAL_NONE);
        return -1;
    }
    return 0;
}

// An event for the local trace function (or, for 'call', the global one).
static int trace_event(Frame *f, const char *event, Value arg, bool is_call) {
    Value fn = is_call ? vm_thread.tracefunc : frame_trace_func(f);
    if (!fn) {
        return 0;
    }
    Value r = call_hook(fn, f, event, arg);
    if (!r) {
        vm_set_trace(VAL_NONE);
        frame_set_trace_func(f, 0);
        return -1;
    }
    if (r != VAL_NONE) {
        frame_set_trace_func(f, r);
    }
    return 0;
}

static bool hooks_idle(void) {
    return vm_thread.hook_depth > 0 || (!vm_thread.tracefunc && !vm_thread.profilefunc);
}

// The line a resumed generator reports its 'call' at: that of the yield it
// stopped at (f->pc is on it when an exception is thrown in, or after it).
static int resume_line(Frame *f) {
    const Instr *at = f->pc;
    Opcode op = (Opcode)opcode_generic[instr_op(*at)];
    if (op != OP_YIELD && op != OP_YIELDFROM && at - f->code->instrs > CACHE_YIELD &&
        instr_op(at[-1 - CACHE_YIELD]) == OP_YIELD) {
        at -= 1 + CACHE_YIELD;
    }
    int32_t line = code_line_at(f->code, (uint32_t)(at - f->code->instrs));
    if (line == -2) {
        err_clear();
    }
    return line >= 0 ? line : f->code->firstlineno;
}

// The 'call' event of f (a pending exception, thrown into a generator,
// waits while the hooks run).
static int trace_call(Frame *f) {
    f->flags |= FRAME_TRACE_CALLED;
    Frame *outer = call_event_frame;
    int outer_line = call_event_line;
    call_event_frame = f;
    if (f->pc != f->code->instrs) {
        call_event_line = resume_line(f);  // (a generator keeps its last line)
    } else {
        call_event_line = f->code->firstlineno;
        frame_trace_reset(f);
    }
    Value pending = err_fetch();
    int r = trace_event(f, "call", 0, true);
    if (r == 0) {
        r = profile_event(f, "call", 0);
    }
    call_event_frame = outer;
    call_event_line = outer_line;
    if (r == 0 && pending) {
        err_set_value(pending);
    }
    return r;
}

int vm_trace_instr(Frame *f) {
    if (hooks_idle()) {
        return 0;
    }
    if (!(f->flags & FRAME_TRACE_CALLED) && trace_call(f) < 0) {
        return -1;
    }
    if (!vm_thread.tracefunc || !frame_trace_func(f)) {
        return 0;
    }
    bool opcodes;
    int line = frame_trace_new_line(f, &opcodes);
    if (line < 0) {
        return -1;
    }
    if (line && trace_event(f, "line", 0, false) < 0) {
        return -1;
    }
    if (opcodes && frame_trace_func(f) && trace_event(f, "opcode", 0, false) < 0) {
        return -1;
    }
    return 0;
}

void vm_trace_guard_frame(Frame *f) {
    if (!(f->flags & FRAME_JUMP_GUARD)) {
        f->flags |= FRAME_JUMP_GUARD;
        guarded_frames++;
        bool hooked = thread_hooked();
        hooks_update(hooked);
    }
}

int vm_trace_leave(Frame *f, Value retval, bool suspending) {
    if ((f->flags & FRAME_JUMP_GUARD) && !suspending) {
        f->flags &= ~FRAME_JUMP_GUARD;
        guarded_frames--;
        bool hooked = thread_hooked();
        hooks_update(hooked);
    }
    if (hooks_idle() || !(f->flags & FRAME_TRACE_CALLED)) {
        return 0;
    }
    if (suspending) {
        f->flags &= ~FRAME_TRACE_CALLED;  // its resumption reports 'call' again
    }
    // the exception leaving the frame waits while the hooks run
    Value pending = retval ? 0 : err_fetch();
    int r = 0;
    if (vm_thread.tracefunc && frame_trace_func(f)) {
        Frame *outer = yield_event_frame;
        yield_event_frame = suspending ? f : NULL;
        r = trace_event(f, "return", retval, false);
        yield_event_frame = outer;
    }
    if (r == 0) {
        r = profile_event(f, "return", retval);
    }
    if (pending) {
        if (r < 0) {
            return -1;  // the hook's exception replaces it
        }
        err_set_value(pending);
    }
    return r;
}

int vm_trace_exception(Frame *f, Value exc) {
    if (hooks_idle() || !vm_thread.tracefunc || !frame_trace_func(f)) {
        return 0;
    }
    // the exception waits while the hook runs; one the hook raises replaces it
    Value pending = err_fetch();
    Value tb = obj_getattr_cstr(exc, "__traceback__");
    if (!tb) {
        return -1;
    }
    Value info[3] = {val_from_ptr(type_of(exc)), exc, tb};
    Value arg = tuple_from(info, 3);
    if (!arg || trace_event(f, "exception", arg, false) < 0) {
        return -1;
    }
    if (pending) {
        err_set_value(pending);
    }
    return 0;
}

int vm_trace_c_enter(Value callee, Value self, Value *fn) {
    if (hooks_idle() || !vm_thread.profilefunc) {
        return 0;
    }
    *fn = callee;
    if (type_of(callee) == &type_method_descriptor && self) {
        // reported as the bound builtin method, as CPython does
        *fn = type_of(callee)->descr_get(callee, self, val_from_ptr(type_of(self)));
        if (!*fn) {
            return -1;
        }
    } else if (type_of(callee) != &type_builtin_method || self) {
        return 0;
    }
    return profile_event(vm_thread.frame, "c_call", *fn) < 0 ? -1 : 1;
}

int vm_trace_c_exit(Value fn, Value result) {
    if (result) {
        return profile_event(vm_thread.frame, "c_return", fn);
    }
    Value pending = err_fetch();
    if (profile_event(vm_thread.frame, "c_exception", fn) < 0) {
        return -1;
    }
    err_set_value(pending);
    return -1;
}

int vm_trace_throw(Frame *f) {
    if (hooks_idle() || (f->flags & FRAME_TRACE_CALLED)) {
        return 0;
    }
    return trace_call(f);
}

int vm_trace_call_line(Frame *f) {
    return f && f == call_event_frame ? call_event_line : -1;
}

const char *vm_trace_last_event(void) {
    return last_event;
}

bool vm_trace_yielding(Frame *f) {
    return f && f == yield_event_frame;
}
