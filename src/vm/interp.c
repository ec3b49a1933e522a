// interp.c - the dispatch loop: frames, calls, exceptions.
//
// One C function, vm_run_frame, runs bytecode. Its state is the current
// frame `f`, its slots `R` ("registers"), its constants `K` and `pc`, the
// instruction being executed. Handlers are reached by computed goto (one
// indirect jump per instruction, DESIGN.md section 7).
//
// Calls between Python functions stay in the loop: CALL pushes the callee's
// frame on the VM stack, saves the caller's pc (pointing at the CALL) and
// continues in the callee; RETURN pops it and stores the result into the
// CALL's destination slot A of the caller. Only calls made by C code (a
// dunder called by a slot function, a sort key, obj_call) enter
// vm_run_frame recursively; such an entry frame carries FRAME_ENTRY, and
// returning from it returns from the C function.
//
// Exceptions unwind through the code's exception table (zero-cost): the
// faulting instruction's index selects the handler. Without one, the frame
// is popped and the exception arrives in the caller at its CALL, which gets
// its traceback entry there.
//
// The VM stack is a list of malloc'ed chunks holding frames back to back;
// the collector reads every frame precisely through the root provider.
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/finalize.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/shape.h"
#include "../runtime/bytes.h"
#include "../runtime/float.h"
#include "../runtime/format.h"
#include "../runtime/range.h"
#include "../runtime/set.h"
#include "../runtime/slice.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/type_internal.h"
#include "../modules/modules.h"
#include "import.h"
#include "interp_internal.h"
#include "specialize.h"

extern Type type_method_descriptor;

Value vm_builtins;

// ---- the VM stack ---------------------------------------------------------------------

typedef struct StackChunk {
    struct StackChunk *prev;
    char *top, *limit;
    char data[];
} StackChunk;

enum { CHUNK_SIZE = 256 * 1024 };
void vm_free_frame_stack(ThreadState *ts) {
    for (StackChunk *c = ts->stack_chunk; c;) {
        StackChunk *prev = c->prev;
        free(c);
        c = prev;
    }
    free(ts->spare_chunk);
    ts->stack_chunk = ts->spare_chunk = NULL;
}

// Each thread has its own frame stack: these are the running thread's.
#define stack_chunk (vm_thread.stack_chunk)
#define spare_chunk (vm_thread.spare_chunk)

static StackChunk *chunk_new(size_t need, StackChunk *prev) {
    size_t size = need + sizeof(StackChunk) > CHUNK_SIZE ? need + sizeof(StackChunk) : CHUNK_SIZE;
    StackChunk *c = malloc(size);
    if (!c) {
        return NULL;
    }
    c->prev = prev;
    c->top = c->data;
    c->limit = (char *)c + size;
    return c;
}

// How many of f's slots hold live values: the compiler records, for every
// instruction, the temporaries in use there (code_live_slots); the others
// hold stale values that CPython's reference counting would have freed
// already. Not tracing them is what lets `del x; gc.collect()` free x
// although an expression left it in a temporary; frame_trace_one then also
// zeroes them, so that no later trace of the frame (at another instruction)
// finds what this collection freed. The compiler writes a temporary before
// it reads it, so zeroing a dead one is invisible. (Precise at every pc: a
// return value computed before a `with` exit call or a `finally` copy runs
// lives in a temporary above that call's arguments.)
static uint32_t frame_live_slots(const Frame *f) {
    const Code *co = f->code;
    if (!f->pc || f->pc < co->instrs || f->pc >= co->instrs + co->ninstrs) {
        return f->nslots;
    }
    uint32_t live = code_live_slots(co, (uint32_t)(f->pc - co->instrs));
    return live < f->nslots ? live : f->nslots;
}

static void frame_trace_one(GcTracer *t, Frame *f) {
    gc_trace_object(t, (Object *)f->code);
    gc_trace_value(t, f->func);
    gc_trace_value(t, f->globals);
    gc_trace_value(t, f->builtins);
    gc_trace_value(t, f->locals);
    gc_trace_value(t, f->frame_object);
    gc_trace_value(t, f->sent);
    uint32_t live = frame_live_slots(f);
    gc_trace_values(t, f->slots, live);
    for (uint32_t k = live; k < f->nslots; k++) {
        f->slots[k] = 0;
    }
}

// What a thread state holds: the running thread's (vm_thread) and, from
// thread.c's root provider, each parked thread's saved copy.
void vm_trace_thread_state(GcTracer *t, ThreadState *ts) {
    for (Frame *f = ts->frame; f; f = f->back) {
        frame_trace_one(t, f);
    }
    gc_trace_value(t, ts->handled);
    gc_trace_value(t, ts->propagating);
    gc_trace_value(t, ts->err.value);
    gc_trace_value(t, ts->err.ctx_name);
    gc_trace_value(t, ts->err.ctx_obj);
    gc_trace_value(t, ts->context);
    gc_trace_value(t, ts->asyncgen_firstiter);
    gc_trace_value(t, ts->asyncgen_finalizer);
    gc_trace_value(t, ts->sentinel);
    gc_trace_value(t, ts->locals);
    gc_trace_value(t, ts->tracefunc);
    gc_trace_value(t, ts->profilefunc);
    gc_trace_value(t, ts->running_loop);
}

static void vm_trace_roots(GcTracer *t) {
    vm_trace_thread_state(t, &vm_thread);
    gc_trace_value(t, vm_builtins);
}

void vm_trace_frame(GcTracer *t, Frame *f) { frame_trace_one(t, f); }

// Most frames have a few slots: an inline loop beats a call to memset. (The
// empty asm hides the loop's pattern from gcc, which would turn it into
// that call.)
static inline __attribute__((always_inline)) void zero_slots(Value *p, size_t n) {
    for (size_t k = 0; k < n; k++) {
        p[k] = 0;
        __asm__("" : "+r"(k));
    }
}

static inline void frame_init(Frame *f, Code *code, Value func, Value globals, Value builtins,
                              Value locals) {
    f->code = code;
    f->back = NULL;
    f->pc = code->instrs;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = locals;
    f->frame_object = 0;
    f->sent = 0;
    f->flags = 0;
    f->nslots = code->nslots;
    zero_slots(f->slots, code->nslots);
}

static int depth_check(void) {
    if (vm_thread.py_depth >= vm_thread.recursion_limit) {
        err_format(&exc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

static inline __attribute__((always_inline)) Frame *frame_push_inline(Code *code, Value func,
                                                                      Value globals,
                                                                      Value builtins,
                                                                      Value locals) {
    if (__builtin_expect(vm_thread.py_depth >= vm_thread.recursion_limit, 0)) {
        depth_check();
        return NULL;
    }
    size_t size = sizeof(Frame) + code->nslots * sizeof(Value);
    StackChunk *c = stack_chunk;
    if (!c || c->top + size > c->limit) {
        if (spare_chunk && spare_chunk->data + size <= spare_chunk->limit) {
            c = spare_chunk;
            spare_chunk = NULL;
            c->prev = stack_chunk;
            c->top = c->data;
        } else {
            c = chunk_new(size, stack_chunk);
            if (!c) {
                err_no_memory();
                return NULL;
            }
        }
        stack_chunk = c;
    }
    Frame *f = (Frame *)c->top;
    c->top += size;
    frame_init(f, code, func, globals, builtins, locals);
    f->back = vm_thread.frame;
    vm_thread.frame = f;
    vm_thread.py_depth++;
    return f;
}

Frame *frame_push(Code *code, Value func, Value globals, Value builtins, Value locals) {
    return frame_push_inline(code, func, globals, builtins, locals);
}

// Code.call_argc (code.h), computed on the first call.
static uint16_t code_call_argc(Code *co) {
    if (co->call_argc == CODE_CALL_UNKNOWN) {
        int simple = co->kwonlyargcount == 0 && co->ncells == 0 &&
                     !(co->flags & (CODE_VARARGS | CODE_VARKEYWORDS | CODE_GENERATOR |
                                    CODE_COROUTINE | CODE_ASYNC_GENERATOR)) &&
                     co->argcount < CODE_CALL_GENERAL - 1;
        co->call_argc = simple ? (uint16_t)(co->argcount + 1) : CODE_CALL_GENERAL;
    }
    return co->call_argc;
}

void frame_pop(Frame *f) {
    if (f->frame_object) {
        frame_object_detach(f);
    }
    vm_thread.frame = f->back;
    vm_thread.py_depth--;
    StackChunk *c = stack_chunk;
    c->top = (char *)f;
    if (c->top == c->data && c->prev) {
        stack_chunk = c->prev;
        if (spare_chunk) {
            free(spare_chunk);
        }
        spare_chunk = c;
    }
}

int frame_link(Frame *f) {
    if (depth_check() < 0) {
        return -1;
    }
    f->back = vm_thread.frame;
    vm_thread.frame = f;
    vm_thread.py_depth++;
    return 0;
}

void frame_unlink(Frame *f) {
    vm_thread.frame = f->back;
    f->back = NULL;
    vm_thread.py_depth--;
}

Frame *vm_current_frame(void) { return vm_thread.frame; }

void vm_init(void *stack_base) {
    gc_add_root_provider(vm_trace_roots);
    err_print_exception_hook = vm_print_exception;  // for "Exception ignored in: ..."
    vm_init_stack_limit(stack_base);
    vm_threads_init(stack_base);
    vm_run_frame(NULL, VM_RUN_INIT);
}

// ---- argument binding -----------------------------------------------------------------

static const char *qualname_of(FunctionObject *fn) { return str_obj(fn->qualname)->data; }

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'"
static void format_names(StrBuf *sb, Value *names, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (i) {
            sb_puts(sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        }
        sb_printf(sb, "'%s'", str_obj(names[i])->data);
    }
}

static int missing_arguments(FunctionObject *fn, Frame *f, size_t start, size_t end,
                             const char *kind) {
    Code *co = fn->code;
    Value names[256];
    size_t n = 0;
    for (size_t i = start; i < end && n < 256; i++) {
        if (!f->slots[i]) {
            names[n++] = tuple_obj(co->varnames)->items[i];
        }
    }
    StrBuf sb;
    sb_init(&sb);
    format_names(&sb, names, n);
    err_format(&exc_TypeError, "%s() missing %zu required %s argument%s: %s", qualname_of(fn), n,
               kind, n == 1 ? "" : "s", sb.data ? sb.data : "");
    sb_free(&sb);
    return -1;
}

static int too_many_positional(FunctionObject *fn, Frame *f, size_t given) {
    Code *co = fn->code;
    size_t kwonly_given = 0;
    for (size_t i = co->argcount; i < (size_t)co->argcount + co->kwonlyargcount; i++) {
        kwonly_given += f->slots[i] != 0;
    }
    size_t defcount = fn->defaults ? tuple_obj(fn->defaults)->len : 0;
    char sig[64], kwsig[128];
    int plural;
    if (defcount) {
        plural = 1;
        snprintf(sig, sizeof sig, "from %zu to %u", co->argcount - defcount, co->argcount);
    } else {
        plural = co->argcount != 1;
        snprintf(sig, sizeof sig, "%u", co->argcount);
    }
    kwsig[0] = 0;
    if (kwonly_given) {
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    }
    err_format(&exc_TypeError, "%s() takes %s positional argument%s but %zu%s %s given",
               qualname_of(fn), sig, plural ? "s" : "", given, kwsig,
               given == 1 && !kwonly_given ? "was" : "were");
    return -1;
}

static int positional_only_passed_as_keyword(FunctionObject *fn, Value kwnames) {
    Code *co = fn->code;
    Value names[256];
    size_t n = 0;
    size_t nkw = tuple_obj(kwnames)->len;
    for (size_t k = 0; k < nkw && n < 256; k++) {
        Value kw = tuple_obj(kwnames)->items[k];
        for (size_t i = 0; i < co->posonlyargcount; i++) {
            if (str_equal(tuple_obj(co->varnames)->items[i], kw)) {
                names[n++] = kw;
                break;
            }
        }
    }
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        sb_printf(&sb, "%s%s", i ? ", " : "", str_obj(names[i])->data);
    }
    err_format(&exc_TypeError,
               "%s() got some positional-only arguments passed as keyword arguments: '%s'",
               qualname_of(fn), sb.data ? sb.data : "");
    sb_free(&sb);
    return -1;
}

int vm_bind_args(Frame *f, FunctionObject *fn, Value self, const Value *args, size_t npos,
                 Value kwnames) {
    Code *co = fn->code;
    // The common case: exactly the positional parameters, nothing else to set up.
    if (!kwnames && co->kwonlyargcount == 0 && co->ncells == 0 && co->nfrees == 0 &&
        !(co->flags & (CODE_VARARGS | CODE_VARKEYWORDS)) &&
        npos + (self != 0) == co->argcount) {
        Value *S = f->slots;
        if (self) {
            *S++ = self;
        }
        if (npos > 0) {  // args may be NULL when empty (class bodies, obj_call0)
            memcpy(S, args, npos * sizeof(Value));
        }
        return 0;
    }
    Value *S = f->slots;
    size_t argcount = co->argcount, kwonly = co->kwonlyargcount;
    size_t total = npos + (self != 0);
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    Value kwdict = 0;
    size_t varargs_slot = argcount + kwonly;
    if (co->flags & CODE_VARKEYWORDS) {
        kwdict = dict_new();
        if (!kwdict) {
            return -1;
        }
        S[varargs_slot + ((co->flags & CODE_VARARGS) != 0)] = kwdict;
    }
    // positional arguments
    size_t n = total < argcount ? total : argcount;
    size_t i = 0;
    if (self && n) {
        S[0] = self;
        i = 1;
    }
    for (; i < n; i++) {
        S[i] = args[i - (self != 0)];
    }
    if (co->flags & CODE_VARARGS) {
        size_t extra = total > argcount ? total - argcount : 0;
        Value t = tuple_new(extra);
        if (!t) {
            return -1;
        }
        for (size_t j = 0; j < extra; j++) {
            size_t src = argcount + j;  // index among all positionals, self included
            tuple_obj(t)->items[j] = (self && src == 0) ? self : args[src - (self != 0)];
        }
        S[varargs_slot] = t;
    }
    // keyword arguments
    TupleObject *varnames = tuple_obj(co->varnames);
    for (size_t k = 0; k < nkw; k++) {
        Value name = tuple_obj(kwnames)->items[k];
        Value value = args[npos + k];
        size_t j, end = argcount + kwonly;
        for (j = co->posonlyargcount; j < end; j++) {
            if (varnames->items[j] == name) {
                break;
            }
        }
        if (j == end) {
            for (j = co->posonlyargcount; j < end; j++) {
                if (str_equal(varnames->items[j], name)) {
                    break;
                }
            }
        }
        if (j == end) {
            if (kwdict) {
                if (dict_set(kwdict, name, value) < 0) {
                    return -1;
                }
                continue;
            }
            for (size_t p = 0; p < co->posonlyargcount; p++) {
                if (str_equal(varnames->items[p], name)) {
                    return positional_only_passed_as_keyword(fn, kwnames);
                }
            }
            err_format(&exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                       qualname_of(fn), str_obj(name)->data);
            return -1;
        }
        if (S[j]) {
            err_format(&exc_TypeError, "%s() got multiple values for argument '%s'",
                       qualname_of(fn), str_obj(name)->data);
            return -1;
        }
        S[j] = value;
    }
    if (total > argcount && !(co->flags & CODE_VARARGS)) {
        return too_many_positional(fn, f, total);
    }
    // defaults
    if (total < argcount) {
        size_t defcount = fn->defaults ? tuple_obj(fn->defaults)->len : 0;
        size_t m = argcount - defcount;
        for (size_t j = total; j < m; j++) {
            if (!S[j]) {
                return missing_arguments(fn, f, total, m, "positional");
            }
        }
        for (size_t j = total > m ? total - m : 0; j < defcount; j++) {
            if (!S[m + j]) {
                S[m + j] = tuple_obj(fn->defaults)->items[j];
            }
        }
    }
    if (kwonly) {
        int missing = 0;
        for (size_t j = argcount; j < argcount + kwonly; j++) {
            if (S[j]) {
                continue;
            }
            Value d = fn->kwdefaults ? dict_get(fn->kwdefaults, varnames->items[j]) : 0;
            if (d) {
                S[j] = d;
            } else {
                missing = 1;
            }
        }
        if (missing) {
            return missing_arguments(fn, f, argcount, argcount + kwonly, "keyword-only");
        }
    }
    // cells and free variables
    // A captured parameter starts its cell with the argument's value.
    Value *cells = S + co->nlocals;
    size_t nparams = argcount + kwonly + ((co->flags & CODE_VARARGS) != 0) +
                     ((co->flags & CODE_VARKEYWORDS) != 0);
    TupleObject *cellnames = tuple_obj(co->cellvars);
    for (size_t j = 0; j < co->ncells; j++) {
        Value init = 0;
        Value cname = cellnames->items[j];
        for (size_t p = 0; p < nparams; p++) {
            if (varnames->items[p] == cname || str_equal(varnames->items[p], cname)) {
                init = S[p];
                break;
            }
        }
        cells[j] = cell_new(init);
        if (!cells[j]) {
            return -1;
        }
    }
    if (co->nfrees) {
        TupleObject *closure = tuple_obj(fn->closure);
        memcpy(cells + co->ncells, closure->items, co->nfrees * sizeof(Value));
    }
    return 0;
}

// ---- calling from C -------------------------------------------------------------------

static Value call_function(FunctionObject *fn, Value self, const Value *args, size_t npos,
                           Value kwnames) {
    Code *co = fn->code;
    if (co->flags & (CODE_GENERATOR | CODE_COROUTINE | CODE_ASYNC_GENERATOR)) {
        return gen_new(fn, self, args, npos, kwnames);
    }
    if (vm_enter_call(NULL) < 0) {
        return 0;
    }
    Frame *f = frame_push(co, val_from_ptr(fn), fn->globals, fn->builtins, 0);
    Value r = 0;
    if (f) {
        if (vm_bind_args(f, fn, self, args, npos, kwnames) < 0) {
            frame_pop(f);
        } else {
            f->flags |= FRAME_ENTRY;
            r = vm_run_frame(f, 0);
        }
    }
    vm_leave_call();
    return r;
}

Value vm_call_function(Value func, const Value *args, size_t nargs, Value kwnames) {
    return call_function(func_obj(func), 0, args, nargs, kwnames);
}

// exec(code, globals, locals, closure=...): closure, when not 0, is a tuple
// of code->nfrees cells (the caller checked) for the code's free variables.
// Inlined into both entry points: no extra C frame under the module's code
// (the collector scans the C stack conservatively).
static inline __attribute__((always_inline)) Value eval_code(Code *code, Value globals,
                                                             Value locals, Value closure) {
    Value builtins = dict_get_cstr(globals, "__builtins__");
    if (!builtins) {
        if (err_occurred()) {
            return 0;
        }
        if (dict_set_cstr(globals, "__builtins__", vm_builtins) < 0) {
            return 0;
        }
        builtins = vm_builtins;
    }
    if (module_check(builtins)) {  // anything else serves as a mapping
        builtins = obj_getattr_cstr(builtins, "__dict__");
        if (!builtins) {
            return 0;
        }
    }
    if (vm_enter_call(NULL) < 0) {
        return 0;
    }
    Frame *f = frame_push(code, 0, globals, builtins, locals);
    Value r = 0;
    if (f) {
        f->flags |= FRAME_ENTRY;
        Value *cells = f->slots + code->nlocals;
        int ok = 1;
        for (size_t j = 0; j < code->ncells; j++) {
            if (!(cells[j] = cell_new(0))) {
                ok = 0;
            }
        }
        if (closure && code->nfrees) {
            memcpy(cells + code->ncells, tuple_obj(closure)->items, code->nfrees * sizeof(Value));
        }
        if (ok) {
            r = vm_run_frame(f, 0);
        } else {
            frame_pop(f);
        }
    }
    vm_leave_call();
    return r;
}

Value vm_eval_code(Code *code, Value globals, Value locals) {
    return eval_code(code, globals, locals, 0);
}

Value vm_eval_code_closure(Code *code, Value globals, Value locals, Value closure) {
    return eval_code(code, globals, locals, closure);
}

Value vm_run_class_body(Value func, Value ns) {
    FunctionObject *fn = func_obj(func);
    if (vm_enter_call(NULL) < 0) {
        return 0;
    }
    Frame *f = frame_push(fn->code, func, fn->globals, fn->builtins, ns);
    Value r = 0;
    if (f) {
        if (vm_bind_args(f, fn, 0, NULL, 0, 0) < 0) {
            frame_pop(f);
        } else {
            f->flags |= FRAME_ENTRY | FRAME_CLASS_BODY;
            r = vm_run_frame(f, 0);
        }
    }
    vm_leave_call();
    return r;
}

// Calls with a tuple and a dict (CALLEX, and C code with *args/**kwargs).
Value obj_call_tuple_dict(Value f, Value args, Value kwargs) {
    TupleObject *t = tuple_obj(args);
    size_t nkw = kwargs ? (size_t)dict_len(kwargs) : 0;
    if (!nkw) {
        return obj_call(f, t->items, t->len, 0);
    }
    Value kwnames = tuple_new(nkw);
    Value *v = malloc((t->len + nkw) * sizeof(Value));
    if (!kwnames || !v) {
        free(v);
        return err_no_memory();
    }
    memcpy(v, t->items, t->len * sizeof(Value));
    size_t pos = 0, k = 0;
    Value key, value;
    while (dict_next(kwargs, &pos, &key, &value)) {
        if (!val_is_str(key)) {
            free(v);
            return err_format(&exc_TypeError, "keywords must be strings");
        }
        tuple_obj(kwnames)->items[k] = key;
        v[t->len + k] = value;
        k++;
    }
    Value r = obj_call(f, v, t->len, kwnames);
    free(v);
    return r;
}

// ---- helpers of the handlers ----------------------------------------------------------

static Value name_error(Value name) {
    err_format(&exc_NameError, "name '%s' is not defined", str_obj(name)->data);
    err_name_context(name);  // for "Did you mean"
    return 0;
}

// LOADGLOBAL reads a dict subclass of globals through its __getitem__
// (by_item), LOADNAME as a plain dict, as CPython; builtins other than an
// exact dict always go through __getitem__.
static Value load_global(Frame *f, Value name, int by_item) {
    Value v;
    if (by_item && !dict_check_exact(f->globals)) {
        v = obj_getitem(f->globals, name);
        if (v) {
            return v;
        }
        if (!err_matches(&exc_KeyError)) {
            return 0;
        }
        err_clear();
    } else {
        v = dict_get(f->globals, name);
        if (v) {
            return v;
        }
        if (err_occurred()) {
            return 0;
        }
    }
    v = dict_check_exact(f->builtins) ? dict_get(f->builtins, name)
                                      : obj_getitem(f->builtins, name);
    if (v) {
        return v;
    }
    if (err_occurred() && !err_matches(&exc_KeyError)) {
        return 0;
    }
    err_clear();
    return name_error(name);
}

// A name of the frame's builtins (an exact dict, or any mapping through its
// __getitem__): the value, or 0 with no exception when missing, or 0 with an
// exception.
static Value builtins_lookup(Frame *f, const char *name) {
    if (dict_check_exact(f->builtins)) {
        return dict_get_cstr(f->builtins, name);
    }
    Value v = obj_getitem(f->builtins, str_intern_cstr(name));
    if (!v && err_matches(&exc_KeyError)) {
        err_clear();
    }
    return v;
}

// Look `name` up in a locals mapping: the value, or 0 with no exception when
// missing, or 0 with an exception.
static Value mapping_lookup(Value mapping, Value name) {
    if (dict_check_exact(mapping)) {
        return dict_get(mapping, name);
    }
    Value v = obj_getitem(mapping, name);
    if (!v && err_matches(&exc_KeyError)) {
        err_clear();
    }
    return v;
}

static Value load_name(Frame *f, Value name) {
    if (!f->locals) {
        return err_format(&exc_SystemError, "no locals when loading '%s'", str_obj(name)->data);
    }
    Value v = mapping_lookup(f->locals, name);
    if (v || err_occurred()) {
        return v;
    }
    return load_global(f, name, 0);
}

static int store_name(Frame *f, Value name, Value v) {
    if (!f->locals) {
        err_format(&exc_SystemError, "no locals found when storing '%s'", str_obj(name)->data);
        return -1;
    }
    if (dict_check_exact(f->locals)) {
        return dict_set(f->locals, name, v);
    }
    return obj_setitem(f->locals, name, v);
}

static int delete_name(Frame *f, Value name) {
    if (dict_check_exact(f->locals)) {
        int r = dict_del(f->locals, name);
        if (r == 0) {
            name_error(name);
        }
        return r > 0 ? 0 : -1;
    }
    int r = obj_setitem(f->locals, name, 0);
    if (r < 0 && err_matches(&exc_KeyError)) {
        err_clear();
        name_error(name);
    }
    return r;
}

static Value exc_context_get(Value exc) { return ((ExceptionObject *)val_ptr(exc))->context; }

// CPython's _PyErr_SetObject chaining: the exception being handled becomes
// the new exception's __context__, cutting any cycle it would create.
static void chain_context(Value exc) {
    Value handled = vm_thread.handled;
    if (!handled || handled == VAL_NONE || handled == exc) {
        return;
    }
    ExceptionObject *e = (ExceptionObject *)val_ptr(exc);
    // Break a cycle: if exc is in handled's context chain, cut it there.
    Value o = handled;
    for (int steps = 0; steps < 10000; steps++) {
        Value ctx = exc_context_get(o);
        if (!ctx || ctx == VAL_NONE) {
            break;
        }
        if (ctx == exc) {
            ((ExceptionObject *)val_ptr(o))->context = VAL_NONE;
            break;
        }
        o = ctx;
    }
    e->context = handled;
}

static int is_exception_class(Value v) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), &type_type) &&
           type_is_subtype((Type *)val_ptr(v), &exc_BaseException);
}

static int exc_check_value(Value v) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), &exc_BaseException);
}

// Turn the operand of `raise` into an exception instance; 0 with TypeError.
static Value make_exception(Value v) {
    if (is_exception_class(v)) {
        Value e = obj_call0(v);
        if (e && !exc_check_value(e)) {
            return err_format(&exc_TypeError,
                              "calling %s should have returned an instance of BaseException, "
                              "not %s",
                              ((Type *)val_ptr(v))->name, obj_type_name(e));
        }
        return e;
    }
    if (exc_check_value(v)) {
        return v;
    }
    return err_format(&exc_TypeError, "exceptions must derive from BaseException");
}

// Does a `for` loop step v in place, without an iterator object (GetIterMode)?
// An exact list or tuple, or a range whose bounds are small ints (so that
// every item is one, and start + k * step cannot overflow).
static inline bool steps_in_place(Value v) {
    if (!val_is_ptr(v)) {
        return false;
    }
    Type *t = val_ptr(v)->type;
    if (t == &type_list || t == &type_tuple) {
        return true;
    }
    if (t == &type_range) {
        RangeObject *r = (RangeObject *)val_ptr(v);
        return val_is_smallint(r->start) && val_is_smallint(r->stop) &&
               val_is_smallint(r->step) && val_is_smallint(r->length);
    }
    return false;
}

static int do_raise(Value exc, Value cause, int with_cause) {
    Value e = make_exception(exc);
    if (!e) {
        return -1;
    }
    if (with_cause) {
        Value c;
        if (cause == VAL_NONE) {
            c = VAL_NONE;
        } else if (is_exception_class(cause)) {
            c = obj_call0(cause);
            if (!c) {
                return -1;
            }
        } else if (exc_check_value(cause)) {
            c = cause;
        } else {
            err_format(&exc_TypeError, "exception causes must derive from BaseException");
            return -1;
        }
        ExceptionObject *eo = (ExceptionObject *)val_ptr(e);
        eo->cause = c;
        eo->suppress_context = 1;
    }
    err_set_value(e);
    return 0;
}

// The iterator that awaiting v runs (CPython's _PyCoro_GetAwaitableIter): a
// coroutine or a types.coroutine generator itself, else what its __await__
// returns, which must be an iterator and not a coroutine.
static Value awaitable_iter(Value v) {
    if (type_of(v) == &type_coroutine ||
        (gen_check(v) && (gen_code_flags(v) & CODE_ITERABLE_COROUTINE))) {
        return v;
    }
    if (!type_lookup(type_of(v), str_intern_cstr("__await__"))) {
        return err_format(&exc_TypeError, "object %s can't be used in 'await' expression",
                          obj_type_name(v));
    }
    Value it = obj_call_method(v, "__await__", NULL, 0);
    if (!it) {
        return 0;
    }
    if (type_of(it) == &type_coroutine ||
        (gen_check(it) && (gen_code_flags(it) & CODE_ITERABLE_COROUTINE))) {
        return err_format(&exc_TypeError, "__await__() returned a coroutine");
    }
    if (!type_of(it)->iternext) {
        return err_format(&exc_TypeError, "__await__() returned non-iterator of type '%s'",
                          obj_type_name(it));
    }
    return it;
}

static int check_except_class(Value c) {
    if (tuple_check(c)) {
        TupleObject *t = tuple_obj(c);
        for (size_t i = 0; i < t->len; i++) {
            if (check_except_class(t->items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (!is_exception_class(c)) {
        err_format(&exc_TypeError,
                   "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return 0;
}

static int exception_matches(Value exc, Value cls) {
    if (tuple_check(cls)) {
        TupleObject *t = tuple_obj(cls);
        for (size_t i = 0; i < t->len; i++) {
            if (exception_matches(exc, t->items[i])) {
                return 1;
            }
        }
        return 0;
    }
    return type_is_subtype(type_of(exc), (Type *)val_ptr(cls));
}

static Value unpack_error_count(size_t got, size_t want, int at_least) {
    if (got < want) {
        if (at_least) {
            return err_format(&exc_ValueError,
                              "not enough values to unpack (expected at least %zu, got %zu)",
                              want, got);
        }
        return err_format(&exc_ValueError, "not enough values to unpack (expected %zu, got %zu)",
                          want, got);
    }
    return err_format(&exc_ValueError, "too many values to unpack (expected %zu)", want);
}

// UNPACK: exactly n items of `seq` into dst.
static int unpack_sequence(Value seq, Value *dst, size_t n) {
    if (tuple_check_exact(seq) || list_check_exact(seq)) {
        size_t len = tuple_check_exact(seq) ? tuple_obj(seq)->len : list_obj(seq)->len;
        const Value *items = tuple_check_exact(seq) ? tuple_obj(seq)->items : list_obj(seq)->items;
        if (len != n) {
            unpack_error_count(len, n, 0);
            return -1;
        }
        memcpy(dst, items, n * sizeof(Value));
        return 0;
    }
    Value it = obj_iter(seq);
    if (!it) {
        if (err_matches(&exc_TypeError) && !type_of(seq)->iter && !type_of(seq)->getitem) {
            err_clear();
            err_format(&exc_TypeError, "cannot unpack non-iterable %s object",
                       obj_type_name(seq));
        }
        return -1;
    }
    Value tmp[n ? n : 1];
    size_t i;
    for (i = 0; i < n; i++) {
        Value v = obj_next(it);
        if (!v) {
            if (err_occurred()) {
                return -1;
            }
            unpack_error_count(i, n, 0);
            return -1;
        }
        tmp[i] = v;
    }
    Value extra = obj_next(it);
    if (extra) {
        unpack_error_count(n + 1, n, 0);
        return -1;
    }
    if (err_occurred()) {
        return -1;
    }
    memcpy(dst, tmp, n * sizeof(Value));
    return 0;
}

// UNPACKEX: `before` items, a list of the middle, `after` items.
static int unpack_ex(Value seq, Value *dst, size_t before, size_t after) {
    if (tuple_check_exact(seq) || list_check_exact(seq)) {
        // Nothing can run while the items are copied: no iterator needed.
        size_t len = tuple_check_exact(seq) ? tuple_obj(seq)->len : list_obj(seq)->len;
        if (len < before + after) {
            unpack_error_count(len, before + after, 1);
            return -1;
        }
        Value rest = list_new(len - before - after);
        if (!rest) {
            return -1;
        }
        // (re-read after the allocation: a list's array may have moved)
        const Value *items = tuple_check_exact(seq) ? tuple_obj(seq)->items : list_obj(seq)->items;
        size_t middle = len - before - after;
        for (size_t k = 0; k < middle; k++) {
            list_obj(rest)->items[k] = items[before + k];
        }
        list_obj(rest)->len = middle;
        for (size_t k = 0; k < before; k++) {
            dst[k] = items[k];
        }
        for (size_t k = 0; k < after; k++) {
            dst[before + 1 + k] = items[len - after + k];
        }
        dst[before] = rest;
        return 0;
    }
    Value it = obj_iter(seq);
    if (!it) {
        if (err_matches(&exc_TypeError) && !type_of(seq)->iter && !type_of(seq)->getitem) {
            err_clear();
            err_format(&exc_TypeError, "cannot unpack non-iterable %s object",
                       obj_type_name(seq));
        }
        return -1;
    }
    Value tmp[before ? before : 1];
    for (size_t i = 0; i < before; i++) {
        Value v = obj_next(it);
        if (!v) {
            if (!err_occurred()) {
                unpack_error_count(i, before + after, 1);
            }
            return -1;
        }
        tmp[i] = v;
    }
    Value rest = list_from_iterable(it);
    if (!rest) {
        return -1;
    }
    ListObject *l = list_obj(rest);
    if (l->len < after) {
        unpack_error_count(before + l->len, before + after, 1);
        return -1;
    }
    memcpy(dst, tmp, before * sizeof(Value));
    for (size_t i = 0; i < after; i++) {
        dst[before + 1 + i] = l->items[l->len - after + i];
    }
    l->len -= after;
    dst[before] = rest;
    return 0;
}

static Value build_string(const Value *parts, size_t n) {
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += str_obj(parts[i])->nbytes;
    }
    StrObject *s = str_alloc(total);
    if (!s) {
        return 0;
    }
    char *p = s->data;
    for (size_t i = 0; i < n; i++) {
        memcpy(p, str_obj(parts[i])->data, str_obj(parts[i])->nbytes);
        p += str_obj(parts[i])->nbytes;
    }
    return str_finish(s);
}

// ascii(): repr with non-ASCII characters escaped.
static Value interp_ascii(Value v) {
    Value r = obj_repr(v);
    if (!r) {
        return 0;
    }
    size_t n = str_len(r);
    StrBuf sb;
    sb_init(&sb);
    for (size_t k = 0; k < n; k++) {
        uint32_t cp = str_getitem_cp(r, k);
        if (cp < 0x80) {
            sb_putc(&sb, (char)cp);
        } else if (cp < 0x100) {
            sb_printf(&sb, "\\x%02x", cp);
        } else if (cp < 0x10000) {
            sb_printf(&sb, "\\u%04x", cp);
        } else {
            sb_printf(&sb, "\\U%08x", cp);
        }
    }
    Value out = str_from_utf8(sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return out;
}

static Value format_value(Value v, int conv, Value spec) {
    switch (conv) {
    case 1: v = obj_str(v); break;
    case 2: v = obj_repr(v); break;
    case 3: v = interp_ascii(v); break;
    default: break;
    }
    if (!v) {
        return 0;
    }
    // The format mini-language (runtime/format.c): builtin types directly,
    // others through their __format__.
    return obj_format(v, spec);
}

// How CPython names a callable in call errors: "mod.qualname()" (no module
// for builtins), or "T object" for something without a __qualname__.
static Value function_str(Value func) {
    Value q = obj_getattr_cstr(func, "__qualname__");
    if (!q || !val_is_str(q)) {
        err_clear();
        return str_format_c("%s object", obj_type_name(func));
    }
    Value m = obj_getattr_cstr(func, "__module__");
    if (m && val_is_str(m) && strcmp(str_obj(m)->data, "builtins") != 0) {
        return str_format_c("%s.%s()", str_obj(m)->data, str_obj(q)->data);
    }
    err_clear();
    return str_format_c("%s()", str_obj(q)->data);
}

static int dict_merge_for_call(Value dst, Value src, Value func) {
    if (dict_check(src)) {
        size_t pos = 0;
        Value k, v;
        while (dict_next(src, &pos, &k, &v)) {
            if (!val_is_str(k)) {
                err_format(&exc_TypeError, "keywords must be strings");
                return -1;
            }
            if (dict_contains(dst, k)) {
                Value fname = function_str(func);
                if (fname) {
                    err_format(&exc_TypeError, "%s got multiple values for keyword argument '%s'",
                               str_obj(fname)->data, str_obj(k)->data);
                }
                return -1;
            }
            if (dict_set(dst, k, v) < 0) {
                return -1;
            }
        }
        return 0;
    }
    Value keys = obj_getattr_cstr(src, "keys");
    if (!keys) {
        err_clear();
        Value fname = function_str(func);
        if (fname) {
            err_format(&exc_TypeError, "%s argument after ** must be a mapping, not %s",
                       str_obj(fname)->data, obj_type_name(src));
        }
        return -1;
    }
    Value tmp = dict_new();
    if (!tmp || dict_merge(tmp, src, 1) < 0) {
        return -1;
    }
    return dict_merge_for_call(dst, tmp, func);
}

// The builtin types whose class pattern matches the subject itself:
// `case int(x)` (CPython's _Py_TPFLAGS_MATCH_SELF).
static int match_self_type(Type *t) {
    static Type *const self_types[] = {&type_bool, &type_bytes, &type_dict, &type_float,
                                       &type_frozenset, &type_int, &type_list, &type_set,
                                       &type_str, &type_tuple};
    extern Type type_bytearray __attribute__((weak));
    for (Type *b = t; b; b = b->base) {
        for (size_t k = 0; k < sizeof self_types / sizeof self_types[0]; k++) {
            if (b == self_types[k]) {
                return 1;
            }
        }
        if (&type_bytearray && b == &type_bytearray) {
            return 1;
        }
    }
    return 0;
}

// case cls(p0, p1, name=p2): the tuple of the attributes the sub-patterns
// match against, or None when the subject does not match the class.
static Value match_class(Value subject, Value cls, size_t nargs, Value kwnames) {
    if (!val_is_ptr(cls) || !type_is_subtype(type_of(cls), &type_type)) {
        return err_format(&exc_TypeError, "called match pattern must be a type");
    }
    Type *t = (Type *)val_ptr(cls);
    int inst = obj_isinstance(subject, cls);
    if (inst <= 0) {
        return inst < 0 ? 0 : VAL_NONE;
    }
    size_t nkw = tuple_obj(kwnames)->len;
    Value out = tuple_new(nargs + nkw);
    if (!out) {
        return 0;
    }
    Value names[nargs + nkw + 1];
    size_t nnames = 0;
    Value match_args = 0;
    int match_self = 0;
    if (nargs) {
        match_args = obj_getattr_cstr(cls, "__match_args__");
        if (!match_args) {
            if (!err_matches(&exc_AttributeError)) {
                return 0;
            }
            err_clear();
            match_self = match_self_type(t);
        } else if (!tuple_check_exact(match_args)) {
            return err_format(&exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                              t->name, obj_type_name(match_args));
        }
        size_t allowed = match_args ? tuple_obj(match_args)->len : (size_t)match_self;
        if (nargs > allowed) {
            return err_format(&exc_TypeError, "%s() accepts %zu positional sub-pattern%s (%zu given)",
                              t->name, allowed, allowed == 1 ? "" : "s", nargs);
        }
    }
    for (size_t k = 0; k < nargs + nkw; k++) {
        Value attr;
        if (k < nargs && match_self) {
            attr = subject;
        } else {
            Value name = k < nargs ? tuple_obj(match_args)->items[k]
                                   : tuple_obj(kwnames)->items[k - nargs];
            if (!val_is_str(name)) {
                return err_format(&exc_TypeError, "__match_args__ elements must be strings (got %s)",
                                  obj_type_name(name));
            }
            for (size_t j = 0; j < nnames; j++) {
                if (str_equal(names[j], name)) {
                    Value r = obj_repr(name);
                    return r ? err_format(&exc_TypeError,
                                          "%s() got multiple sub-patterns for attribute %s",
                                          t->name, str_obj(r)->data)
                             : 0;
                }
            }
            names[nnames++] = name;
            attr = obj_getattr(subject, name);
            if (!attr) {
                if (err_matches(&exc_AttributeError)) {
                    err_clear();
                    return VAL_NONE;
                }
                return 0;
            }
        }
        tuple_obj(out)->items[k] = attr;
    }
    return out;
}

// ---- arithmetic fast paths ------------------------------------------------------------

// The double of an exact float (a flonum or a boxed float, not a subclass).
static inline __attribute__((always_inline)) int exact_float(Value v, double *out) {
    if (val_is_flonum(v)) {
        *out = val_flonum(v);
        return 1;
    }
    if (val_is_ptr(v) && val_ptr(v)->type == &type_float) {
        *out = ((FloatObject *)val_ptr(v))->value;
        return 1;
    }
    return 0;
}

// Both operands as doubles when one is an exact float and the other one an
// exact float or a small int (which Python converts, correctly rounded, as
// C's conversion does).
static inline __attribute__((always_inline)) int float_operands(Value a, Value b, double *x,
                                                                double *y) {
    if (val_is_smallint(a)) {
        *x = (double)val_smallint(a);
        return exact_float(b, y);
    }
    if (!exact_float(a, x)) {
        return 0;
    }
    if (val_is_smallint(b)) {
        *y = (double)val_smallint(b);
        return 1;
    }
    return exact_float(b, y);
}

#define EXACT_DOUBLE_INT (INT64_C(1) << 53)  // ints up to this convert exactly

// Operands of a comparison as doubles: exact floats, or a small int that
// converts exactly (Python compares int and float exactly, so a bigger int
// goes to the generic code).
static inline __attribute__((always_inline)) int compare_float_operands(Value a, Value b,
                                                                        double *x, double *y) {
    if (val_is_smallint(a)) {
        int64_t i = val_smallint(a);
        *x = (double)i;
        return i <= EXACT_DOUBLE_INT && i >= -EXACT_DOUBLE_INT && exact_float(b, y);
    }
    if (!exact_float(a, x)) {
        return 0;
    }
    if (val_is_smallint(b)) {
        int64_t i = val_smallint(b);
        *y = (double)i;
        return i <= EXACT_DOUBLE_INT && i >= -EXACT_DOUBLE_INT;
    }
    return exact_float(b, y);
}

// a op b for small ints and exact floats, with Python's results: 1 with
// *out set, or 0 when the generic code must decide (another type, an
// overflow, a division by zero, an operator not handled here).
static inline __attribute__((always_inline)) int arith_fast(unsigned op, Value a, Value b,
                                                            Value *out) {
    if (val_is_smallint(a) && val_is_smallint(b)) {
        int64_t x = val_smallint(a), y = val_smallint(b), r;
        switch (op) {
        case BINOP_ADD: r = x + y; break;
        case BINOP_SUB: r = x - y; break;
        case BINOP_MUL:
            if (__builtin_mul_overflow(x, y, &r)) {
                return 0;
            }
            break;
        case BINOP_FLOORDIV:
            if (y == 0) {
                return 0;
            }
            r = x / y;
            if (x % y != 0 && (x < 0) != (y < 0)) {
                r--;
            }
            break;
        case BINOP_MOD:
            if (y == 0) {
                return 0;
            }
            r = x % y;
            if (r != 0 && (r < 0) != (y < 0)) {
                r += y;
            }
            break;
        case BINOP_TRUEDIV:
            if (y == 0 || x > EXACT_DOUBLE_INT || x < -EXACT_DOUBLE_INT || y > EXACT_DOUBLE_INT ||
                y < -EXACT_DOUBLE_INT) {
                return 0;
            }
            *out = float_from_double((double)x / (double)y);
            if (!*out) {
                err_clear();  // the generic code will report it
                return 0;
            }
            return 1;
        case BINOP_AND: r = x & y; break;
        case BINOP_OR: r = x | y; break;
        case BINOP_XOR: r = x ^ y; break;
        case BINOP_LSHIFT:
            if (y < 0 || y > 62) {
                return 0;
            }
            r = (int64_t)((uint64_t)x << y);
            if (r >> y != x) {
                return 0;
            }
            break;
        case BINOP_RSHIFT:
            if (y < 0) {
                return 0;
            }
            r = x >> (y > 63 ? 63 : y);
            break;
        default:
            return 0;
        }
        if (!smallint_fits(r)) {
            return 0;
        }
        *out = val_from_smallint(r);
        return 1;
    }
    double x, y, r;
    if (op > BINOP_TRUEDIV || !float_operands(a, b, &x, &y)) {
        return 0;
    }
    switch (op) {
    case BINOP_ADD: r = x + y; break;
    case BINOP_SUB: r = x - y; break;
    case BINOP_MUL: r = x * y; break;
    case BINOP_TRUEDIV:
        if (y == 0.0) {
            return 0;
        }
        r = x / y;
        break;
    default:
        return 0;
    }
    *out = float_from_double(r);
    if (!*out) {
        err_clear();
        return 0;
    }
    return 1;
}

// ---- the attribute cache on the generic paths --------------------------------------------
//
// Out of line on purpose: the object and the pointers into it live in these
// functions' frames, which later calls overwrite, and not in spill slots of
// vm_run_frame's long-lived frame, where the conservative stack scan would
// keep finding them after the object became garbage.

// R[a] = R[b].name from the attribute cache (specialize.h): 1 done, 0 not.
static __attribute__((noinline)) int attr_cache_get(Value *R, unsigned a_, unsigned b_,
                                                    Value name) {
    Value o = R[b_];
    Type *t = type_of(o);
    InstanceAttrs *a = spec_attrs(t, o);
    AttrEntry *e = attr_cache_lookup(o, t, a, name, ATTR_GET);
    if (!e) {
        return 0;
    }
    switch (e->kind) {
    case ATTR_SLOT:
        R[a_] = *instance_slot(a, e->slot);
        return 1;
    case ATTR_VALUE:
        R[a_] = e->value;
        return 1;
    case ATTR_MEMBER: {
        Value v = *(Value *)((char *)val_ptr(o) + e->slot);
        if (v) {
            R[a_] = v;
            return 1;
        }
        return 0;
    }
    default:
        return 0;
    }
}

// R[a].name = R[b] through the attribute cache: 1 done, 0 not, -1 error.
static __attribute__((noinline)) int attr_cache_set(Value *R, unsigned a_, unsigned b_,
                                                    Value name) {
    Value o = R[a_];
    Type *t = type_of(o);
    InstanceAttrs *a = spec_attrs(t, o);
    // may allocate a shape: o and the value stay in their registers
    AttrEntry *e = attr_cache_lookup(o, t, a, name, ATTR_SET);
    if (!e) {
        return 0;
    }
    switch (e->kind) {
    case ATTR_SLOT:
        *instance_slot(a, e->slot) = R[b_];
        return 1;
    case ATTR_MEMBER:
        *(Value *)((char *)val_ptr(o) + e->slot) = R[b_];
        return 1;
    case ATTR_ADD: {
        uint32_t k = e->slot;
        Shape *next = (Shape *)val_ptr(e->value);
        if (k >= INSTANCE_INLINE_ATTRS && instance_reserve_slot(a, k) < 0) {
            return -1;
        }
        *instance_slot(a, k) = R[b_];
        a->shape = next;
        return 1;
    }
    default:
        return 0;
    }
}

// LOADMETHOD through the attribute cache: 1 done (R[a], R[a + 1] set), 0 not.
static __attribute__((noinline)) int attr_cache_method(Value *R, unsigned a_, unsigned b_,
                                                       Value name) {
    Value o = R[b_];
    Type *t = type_of(o);
    AttrEntry *e = attr_cache_lookup(o, t, spec_attrs(t, o), name, ATTR_METHOD);
    if (!e || e->kind != ATTR_DESCR) {
        return 0;
    }
    R[a_] = e->value;
    R[a_ + 1] = o;
    return 1;
}

// LOADMETHOD's generic code (out of line for the reason above): R[a], R[a+1]
// = (function, self) for a method of the class, else (bound attribute, 0).
// 0 or -1.
static __attribute__((noinline)) int load_method_generic(Value *R, unsigned a_, unsigned b_,
                                                         Value name) {
    Value obj = R[b_];
    Type *t = type_of(obj);
    if (t->getattr == object_generic_getattr) {
        // A method of the class, not shadowed by an instance attribute: no
        // bound method object.
        Value descr = type_lookup(t, name);
        if (descr && (type_of(descr)->flags & TYPE_METHOD_DESCR)) {
            Value own = object_instance_attr(obj, name);
            if (!own && !err_occurred()) {
                R[a_] = descr;
                R[a_ + 1] = obj;
                return 0;
            }
            if (err_occurred()) {
                return -1;
            }
        }
    }
    Value v = obj_getattr(obj, name);
    if (!v) {
        return -1;
    }
    R[a_] = v;
    R[a_ + 1] = 0;
    return 0;
}

// COMPARE's answer for ordered operands: bit c of compare_outcomes[op], c
// being 0, 1, 2 when x <, ==, > y, and 3 when the operands are unordered
// (a NaN: only != holds).
static const uint8_t compare_outcomes[CMP_GE + 1] = {
    [CMP_LT] = 0x1, [CMP_LE] = 0x3, [CMP_EQ] = 0x2,
    [CMP_NE] = 0xd, [CMP_GT] = 0x4, [CMP_GE] = 0x6,
};

// ---- the loop -------------------------------------------------------------------------

// vm_run_frame's dispatch table, its entries as compiled, and the address
// of its hook (the label every entry leads to while tracing or profiling):
// learnt at the first run. Patching the table costs the loop nothing while
// no hook is set.
static void **dispatch_table;
static void *dispatch_real[OP__COUNT];
static void *dispatch_hook;

void vm_hooks_changed(void) {
    if (!dispatch_table) {
        return;  // (vm_init has not run)
    }
    for (int k = 0; k < OP__COUNT; k++) {
        dispatch_table[k] = vm_hooks_on ? dispatch_hook : dispatch_real[k];
    }
}

// GETSLICE: the exact types whose subscript, given a slice, only reads its
// bounds (so a slice on the C stack can stand in for a new one).
static inline int slice_borrowable(Value o) {
    if (!val_is_ptr(o)) {
        return 0;
    }
    Type *t = val_ptr(o)->type;
    return t == &type_list || t == &type_tuple || t == &type_str || t == &type_bytes;
}

Value vm_run_frame(Frame *f, int throwing) {
    // not const: vm_hooks_changed rewrites it
    static void *labels[OP__COUNT] = {
#define LABEL_(name, fmt, cache) &&L_##name,
        OPCODES(LABEL_)
#undef LABEL_
#define SPECIALIZED_LABEL_(name, generic) &&L_##name,
        SPECIALIZED_OPCODES(SPECIALIZED_LABEL_)
#undef SPECIALIZED_LABEL_
    };
    Code *co;
    Value *R;
    const Value *K;
    const Value *N;
    const Instr *pc, *cur;
    Instr i;
    Value exc = 0;
    int reraise = 0;
    int64_t leave_pc = -1;  // RERAISE X=1: the instruction it restores as the frame's last
    // The `self` of the call being made lives in memory whose address
    // escapes, not in a C variable: the compiler must reload it after each
    // call rather than keep a copy in a spill slot of this frame, where the
    // conservative stack scan would find it long after the call returned
    // (`x.f(); del x; gc.collect()` must free x). Cleared once used.
    Value call_self[1] = {0};
    __asm__ volatile("" : : "r"(call_self) : "memory");

#define LOAD_FRAME()                              \
    do {                                          \
        co = f->code;                             \
        R = f->slots;                             \
        K = tuple_obj(co->consts)->items;         \
        N = tuple_obj(co->names)->items;          \
    } while (0)
#define A instr_a(i)
#define B instr_b(i)
#define C instr_c(i)
#define X instr_x(i)
#define NEXT() goto *labels[instr_op(*pc)]
#define TARGET(name)                   \
    L_##name:                          \
    cur = pc;                          \
    f->pc = cur;                       \
    i = *pc;                           \
    pc += 1 + CACHE_##name;
#define JUMPBY(off) (pc += (off))
// Quickening (specialize.h): is the generic op at cur due for a
// specialization attempt (else count down)? Run the instruction at cur again
// (now specialized). A specialized op's guard: on failure, back to the
// generic op, whose code then runs.
#define SPEC_DUE() (cur[1] == 0 || (((Instr *)cur)[1]--, 0))
#define RESTART()    \
    do {             \
        pc = cur;    \
        NEXT();      \
    } while (0)
#define GUARD(cond, generic)                       \
    do {                                           \
        if (__builtin_expect(!(cond), 0)) {        \
            specialize_undo((Instr *)cur);         \
            goto generic_##generic;                \
        }                                          \
    } while (0)
#define CHECK(v)        \
    do {                \
        if (!(v)) {     \
            goto error; \
        }               \
    } while (0)

    if (__builtin_expect(throwing, 0)) {
        if (throwing == VM_RUN_INIT) {
            // vm_init: learn the dispatch table (see vm_hooks_changed)
            memcpy(dispatch_real, labels, sizeof labels);
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"  // a label's address outlives the call
#endif
            dispatch_hook = &&L_TRACE_HOOK;
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic pop
#endif
            dispatch_table = labels;
            return 0;
        }
    }
    LOAD_FRAME();
    if (throwing) {
        // An exception thrown into a generator chains with the exception the
        // generator handles (CPython's _PyErr_ChainStackItem), even one that
        // already left another generator's frame.
        cur = f->pc;
        vm_thread.propagating = throwing == VM_RUN_THROW_NO_CHAIN ? err_normalize() : 0;
        if (__builtin_expect(vm_hooks_on, 0)) {
            vm_trace_throw(f);  // (a hook's exception replaces the thrown one)
        }
        goto error;
    }
    if (!(f->flags & FRAME_STARTED) || (f->flags & FRAME_RESUME_AT_PC)) {
        f->flags = (f->flags | FRAME_STARTED) & ~FRAME_RESUME_AT_PC;
        pc = f->pc;
    } else if (instr_op(*f->pc) == OP_YIELD) {
        pc = f->pc + 1 + CACHE_YIELD;
        if (__builtin_expect(f->frame_object != 0, 0)) {
            int32_t jump = frame_take_resume_jump(f);  // f_lineno set at the yield
            if (jump >= 0) {
                pc = co->instrs + jump;
            }
        }
    } else {
        pc = f->pc;  // YIELDFROM runs again with f->sent
    }
    NEXT();

    // Every instruction comes here while a trace or profile function is set
    // (vm_hooks_changed): report its events, then run it.
L_TRACE_HOOK: {
    unsigned op = instr_op(*pc);
    if (vm_thread.hook_depth == 0) {
        f->pc = pc;
        if (vm_trace_instr(f) < 0) {
            cur = pc;
            goto error;
        }
        if (__builtin_expect(f->pc != pc, 0)) {
            // the trace function set f_lineno: go on there (frameobject.c)
            pc = f->pc;
            goto L_TRACE_HOOK;
        }
    }
    if (__builtin_expect(f->flags & FRAME_JUMP_GUARD, 0) && vm_jump_guard_check(f, pc) < 0) {
        // a jump left a local unbound that this instruction reads (jump.c)
        f->pc = cur = pc;
        goto error;
    }
    if (vm_thread.hook_depth == 0) {
        if (op == OP_RETURN || op == OP_YIELD) {
            // the frame's 'return' event, before it returns or yields
            i = *pc;
            if (vm_trace_leave(f, op == OP_RETURN ? R[A] : R[B], op == OP_YIELD) < 0) {
                cur = pc;
                goto error;
            }
        }
        if ((op == OP_CALL || op == OP_CALLMETHOD || op == OP_CALLEX) && vm_thread.profilefunc) {
            // a builtin callee runs here, between its c_call and c_return
            i = *pc;
            Value callee = R[B], self = 0, fn, result = 0;
            int method = op == OP_CALLMETHOD;
            size_t npos = 0;
            Value kwnames = 0;
            if (op == OP_CALLEX) {
                Value t = R[B + 1], kw = X ? R[B + 2] : 0;
                if (!tuple_check_exact(t) || (kw && !dict_check_exact(kw))) {
                    goto *dispatch_real[op];  // not in the form to call directly
                }
                self = type_of(callee) == &type_method_descriptor && tuple_obj(t)->len
                           ? tuple_obj(t)->items[0]
                           : 0;
            } else {
                self = method ? R[B + 1] : 0;
                kwnames = (X & 1) ? R[B + C + 1 + method] : 0;
                npos = C - (kwnames ? tuple_obj(kwnames)->len : 0);
            }
            int r = vm_trace_c_enter(callee, self, &fn);
            if (r > 0) {
                if (op == OP_CALLEX) {
                    result = obj_call_tuple_dict(callee, R[B + 1], X ? R[B + 2] : 0);
                } else if (self) {  // self, then the arguments
                    result = obj_call(callee, &R[B + 1], npos + 1, kwnames);
                } else {
                    result = obj_call(callee, &R[B + 1 + method], npos, kwnames);
                }
                r = vm_trace_c_exit(fn, result);
            }
            if (r < 0) {
                cur = pc;
                goto error;
            }
            if (result) {
                R[A] = result;
                pc += 1 + opcode_cache_words[op];
                NEXT();
            }
        }
    }
    goto *dispatch_real[op];
}

    TARGET(NOP) { NEXT(); }
    TARGET(MOVE) {
        R[A] = R[B];
        NEXT();
    }
    TARGET(LOADK) {
        R[A] = K[B];
        NEXT();
    }
    TARGET(LOADNONE) {
        R[A] = VAL_NONE;
        NEXT();
    }
    TARGET(CLEAR) {
        R[A] = 0;
        NEXT();
    }
    TARGET(CHECKBOUND) {
        if (!R[A]) {
            err_format(&exc_UnboundLocalError,
                       "cannot access local variable '%s' where it is not associated with a value",
                       str_obj(N[B])->data);
            goto error;
        }
        NEXT();
    }
    TARGET(DELFAST) {
        if (!R[A]) {
            err_format(&exc_UnboundLocalError,
                       "cannot access local variable '%s' where it is not associated with a value",
                       str_obj(N[B])->data);
            goto error;
        }
        R[A] = 0;
        NEXT();
    }
    TARGET(LOADGLOBAL) {
        // Dict versions come from one global counter: a (globals version,
        // builtins version) pair seen before means neither dict changed.
        Instr *cache = (Instr *)cur + 1;
        uint64_t gv = dict_version(f->globals);
        int cacheable = dict_check_exact(f->builtins) && dict_check_exact(f->globals);
        if (cache[0] == gv && cacheable && cache[1] == dict_version(f->builtins)) {
            R[A] = (Value)cache[2];
            NEXT();
        }
        Value v = load_global(f, N[B], 1);
        CHECK(v);
        if (cacheable) {
            cache[0] = dict_version(f->globals);
            cache[1] = dict_version(f->builtins);
            cache[2] = v;
        }
        R[A] = v;
        NEXT();
    }
    TARGET(STOREGLOBAL) {
        CHECK(dict_set(f->globals, N[B], R[A]) == 0);
        NEXT();
    }
    TARGET(DELGLOBAL) {
        int r = dict_del(f->globals, N[B]);
        if (r <= 0) {
            if (r == 0) {
                name_error(N[B]);
            }
            goto error;
        }
        NEXT();
    }
    TARGET(LOADNAME) {
        Value v = load_name(f, N[B]);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(STORENAME) {
        CHECK(store_name(f, N[B], R[A]) == 0);
        NEXT();
    }
    TARGET(DELNAME) {
        CHECK(delete_name(f, N[B]) == 0);
        NEXT();
    }
    TARGET(LOADDEREF) {
        Value v = ((CellObject *)val_ptr(R[B]))->value;
        if (!v) {
            if (X) {
                err_format(&exc_NameError,
                           "cannot access free variable '%s' where it is not associated with a "
                           "value in enclosing scope",
                           str_obj(N[C])->data);
            } else {
                err_format(&exc_UnboundLocalError,
                           "cannot access local variable '%s' where it is not associated with a "
                           "value",
                           str_obj(N[C])->data);
            }
            goto error;
        }
        R[A] = v;
        NEXT();
    }
    TARGET(STOREDEREF) {
        ((CellObject *)val_ptr(R[A]))->value = R[B];
        NEXT();
    }
    TARGET(DELDEREF) {
        CellObject *cell = (CellObject *)val_ptr(R[A]);
        if (!cell->value) {
            err_format(&exc_UnboundLocalError,
                       "cannot access local variable '%s' where it is not associated with a value",
                       str_obj(N[B])->data);
            goto error;
        }
        cell->value = 0;
        NEXT();
    }
    TARGET(LOADCLASSDEREF) {
        Value v = mapping_lookup(f->locals, N[C]);
        if (!v) {
            CHECK(!err_occurred());
            v = ((CellObject *)val_ptr(R[B]))->value;
            if (!v) {
                err_format(&exc_NameError,
                           "cannot access free variable '%s' where it is not associated with a "
                           "value in enclosing scope",
                           str_obj(N[C])->data);
                goto error;
            }
        }
        R[A] = v;
        NEXT();
    }
    // Attributes. The generic ops count down to a specialization attempt
    // (specialize.h); the specialized forms check their guards and go back
    // to the generic op when one fails.
    TARGET(GETATTR) {
        if (SPEC_DUE()) {
            if (specialize_getattr((Instr *)cur, R[B], N[C])) {
                RESTART();
            }
        }
    generic_GETATTR:;
        if (attr_cache_get(R, A, B, N[C])) {
            NEXT();
        }
        Value v = obj_getattr(R[B], N[C]);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(GETATTR_SLOT) {
        Value o = R[B];
        Type *t = type_of(o);
        GUARD(t->version == (uint32_t)cur[1], GETATTR);
        InstanceAttrs *a = SPEC_ATTRS(o, cur[1]);
        GUARD(a->shape == (Shape *)cur[2], GETATTR);
        R[A] = *instance_slot(a, SPEC_SLOT(cur[1]));
        NEXT();
    }
    TARGET(GETATTR_MEMBER) {
        Value o = R[B];
        GUARD(type_of(o)->version == (uint32_t)cur[1], GETATTR);
        Value v = *(Value *)((char *)val_ptr(o) + (cur[1] >> 32));
        if (!v) {
            goto generic_GETATTR;  // unset: the generic code raises AttributeError
        }
        R[A] = v;
        NEXT();
    }
    TARGET(GETATTR_CLASSVAL) {
        Value o = R[B];
        Type *t = type_of(o);
        GUARD(t->version == (uint32_t)cur[1], GETATTR);
        if (SPEC_SLOT(cur[1])) {
            GUARD(SPEC_ATTRS(o, cur[1])->shape == (Shape *)cur[2], GETATTR);
        }
        R[A] = (Value)cur[3];
        NEXT();
    }
    TARGET(GETATTR_MODULE) {
        Value o = R[B];
        GUARD(val_is_ptr(o) && val_ptr(o)->type == &type_module &&
                  dict_version(module_dict(o)) == cur[2],
              GETATTR);
        R[A] = (Value)cur[3];
        NEXT();
    }
    TARGET(GETATTR_TYPEVAL) {
        Value o = R[B];
        GUARD(val_is_ptr(o) && val_ptr(o)->type == &type_type &&
                  type_ptr(o)->version == (uint32_t)cur[1],
              GETATTR);
        Value v = (Value)cur[3];
        if (cur[1] >> 32) {
            v = type_of(v)->descr_get(v, 0, o);
            CHECK(v);
        }
        R[A] = v;
        NEXT();
    }
    TARGET(SETATTR) {
        if (SPEC_DUE()) {
            if (specialize_setattr((Instr *)cur, R[A], N[C])) {
                RESTART();
            }
        }
    generic_SETATTR:;
        {
            int r = attr_cache_set(R, A, B, N[C]);
            CHECK(r >= 0);
            if (r) {
                NEXT();
            }
        }
        CHECK(obj_setattr(R[A], N[C], R[B]) == 0);
        NEXT();
    }
    TARGET(SETATTR_MEMBER) {
        Value o = R[A];
        GUARD(type_of(o)->version == (uint32_t)cur[1], SETATTR);
        *(Value *)((char *)val_ptr(o) + (cur[1] >> 32)) = R[B];
        NEXT();
    }
    TARGET(SETATTR_SLOT) {
        Value o = R[A];
        Type *t = type_of(o);
        GUARD(t->version == (uint32_t)cur[1], SETATTR);
        InstanceAttrs *a = SPEC_ATTRS(o, cur[1]);
        GUARD(a->shape == (Shape *)cur[2], SETATTR);
        *instance_slot(a, SPEC_SLOT(cur[1])) = R[B];
        NEXT();
    }
    TARGET(SETATTR_ADD) {
        Value o = R[A];
        Type *t = type_of(o);
        GUARD(t->version == (uint32_t)cur[1], SETATTR);
        InstanceAttrs *a = SPEC_ATTRS(o, cur[1]);
        GUARD(a->shape == (Shape *)cur[2], SETATTR);
        uint32_t k = SPEC_SLOT(cur[1]);
        if (k >= INSTANCE_INLINE_ATTRS) {
            // may allocate: the instance is in R[A], the value in R[B]
            CHECK(instance_reserve_slot(a, k) == 0);
            a = SPEC_ATTRS(R[A], cur[1]);
        }
        *instance_slot(a, k) = R[B];
        a->shape = (Shape *)cur[3];
        NEXT();
    }
    TARGET(DELATTR) {
        CHECK(obj_setattr(R[A], N[B], 0) == 0);
        NEXT();
    }
    TARGET(LOADMETHOD) {
        if (SPEC_DUE()) {
            if (specialize_loadmethod((Instr *)cur, R[B], N[C])) {
                RESTART();
            }
        }
    generic_LOADMETHOD:;
        if (attr_cache_method(R, A, B, N[C])) {
            NEXT();
        }
        CHECK(load_method_generic(R, A, B, N[C]) == 0);
        NEXT();
    }
    TARGET(LOADMETHOD_TYPE) {
        Type *t = type_of(R[B]);
        GUARD(t->version == (uint32_t)cur[1], LOADMETHOD);
        if (SPEC_SLOT(cur[1])) {
            // The instance must not have an attribute of that name: known
            // for the last shape seen, else looked up (and remembered).
            Shape *shape = SPEC_ATTRS(R[B], cur[1])->shape;
            if (shape != (Shape *)cur[2]) {
                GUARD(shape != &shape_dict_mode && shape_find(shape, N[C]) < 0, LOADMETHOD);
                ((Instr *)cur)[2] = (Instr)shape;
            }
        }
        // (self is read after the calls above: no copy of it may outlive
        // this instruction in this frame's stack)
        Value self = R[B];
        R[A] = (Value)cur[3];
        R[A + 1] = self;
        NEXT();
    }
    TARGET(LOADMETHOD_SLOT) {
        Value o = R[B];
        Type *t = type_of(o);
        GUARD(t->version == (uint32_t)cur[1], LOADMETHOD);
        InstanceAttrs *a = SPEC_ATTRS(o, cur[1]);
        GUARD(a->shape == (Shape *)cur[2], LOADMETHOD);
        R[A] = *instance_slot(a, SPEC_SLOT(cur[1]));
        R[A + 1] = 0;
        NEXT();
    }
    TARGET(LOADMETHOD_MODULE) {
        Value o = R[B];
        GUARD(val_is_ptr(o) && val_ptr(o)->type == &type_module &&
                  dict_version(module_dict(o)) == cur[2],
              LOADMETHOD);
        R[A] = (Value)cur[3];
        R[A + 1] = 0;
        NEXT();
    }
    TARGET(LOADMETHOD_TYPEVAL) {
        Value o = R[B];
        GUARD(val_is_ptr(o) && val_ptr(o)->type == &type_type &&
                  type_ptr(o)->version == (uint32_t)cur[1],
              LOADMETHOD);
        Value v = (Value)cur[3];
        if (cur[1] >> 32) {
            v = type_of(v)->descr_get(v, 0, o);
            CHECK(v);
        }
        R[A] = v;
        R[A + 1] = 0;
        NEXT();
    }
    TARGET(GETITEM) {
        Value c = R[C];
        if (val_is_smallint(c)) {
            Value b = R[B];
            int64_t k = val_smallint(c);
            if (list_check_exact(b)) {
                ListObject *l = list_obj(b);
                if (k < 0) {
                    k += (int64_t)l->len;
                }
                if (k >= 0 && (uint64_t)k < l->len) {
                    R[A] = l->items[k];
                    NEXT();
                }
            } else if (tuple_check_exact(b)) {
                TupleObject *t = tuple_obj(b);
                if (k < 0) {
                    k += (int64_t)t->len;
                }
                if (k >= 0 && (uint64_t)k < t->len) {
                    R[A] = t->items[k];
                    NEXT();
                }
            }
        }
        Value v = obj_getitem(R[B], R[C]);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(SETITEM) {
        if (val_is_smallint(R[B]) && list_check_exact(R[A])) {
            ListObject *l = list_obj(R[A]);
            int64_t k = val_smallint(R[B]);
            if (k < 0) {
                k += (int64_t)l->len;
            }
            if (k >= 0 && (uint64_t)k < l->len) {
                l->items[k] = R[C];
                NEXT();
            }
        }
        CHECK(obj_setitem(R[A], R[B], R[C]) == 0);
        NEXT();
    }
    TARGET(DELITEM) {
        CHECK(obj_setitem(R[A], R[B], 0) == 0);
        NEXT();
    }
    TARGET(BINOP) {
        if (SPEC_DUE()) {
            if (specialize_binop((Instr *)cur, R[B], R[C])) {
                RESTART();
            }
        }
    generic_BINOP:;
        Value v;
        if (arith_fast(X, R[B], R[C], &v)) {
            R[A] = v;
            NEXT();
        }
        v = obj_binop(R[B], R[C], (BinOp)X);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(INPLACE) {
        if (SPEC_DUE()) {
            if (specialize_binop((Instr *)cur, R[B], R[C])) {
                RESTART();
            }
        }
    generic_INPLACE:;
        // ints and floats have no in-place slots: x op= y is x op y for them
        Value v;
        if (arith_fast(X, R[B], R[C], &v)) {
            R[A] = v;
            NEXT();
        }
        v = obj_inplace(R[B], R[C], (BinOp)X);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    // The specialized arithmetic: the operator is known, the types are
    // guarded. An overflow, a division by zero or no memory for a float
    // runs the generic code, which does what Python does.
#define ARITH_INT(name, generic, op)                              \
    TARGET(name) {                                                \
        Value a = R[B], b = R[C];                                 \
        GUARD(val_is_smallint(a) && val_is_smallint(b), generic); \
        int64_t r = val_smallint(a) op val_smallint(b);           \
        if (!smallint_fits(r)) {                                  \
            goto generic_##generic;                               \
        }                                                         \
        R[A] = val_from_smallint(r);                              \
        NEXT();                                                   \
    }
#define ARITH_FLOAT(name, generic, op, ok)                        \
    TARGET(name) {                                                \
        double x, y;                                              \
        GUARD(float_operands(R[B], R[C], &x, &y), generic);       \
        Value v;                                                  \
        if (!(ok) || !(v = float_from_double(x op y))) {          \
            err_clear();                                          \
            goto generic_##generic;                               \
        }                                                         \
        R[A] = v;                                                 \
        NEXT();                                                   \
    }
    ARITH_INT(BINOP_ADD_INT, BINOP, +)
    ARITH_INT(BINOP_SUB_INT, BINOP, -)
    ARITH_FLOAT(BINOP_ADD_FLOAT, BINOP, +, 1)
    ARITH_FLOAT(BINOP_SUB_FLOAT, BINOP, -, 1)
    ARITH_FLOAT(BINOP_MUL_FLOAT, BINOP, *, 1)
    ARITH_FLOAT(BINOP_DIV_FLOAT, BINOP, /, y != 0.0)
    ARITH_INT(INPLACE_ADD_INT, INPLACE, +)
    ARITH_INT(INPLACE_SUB_INT, INPLACE, -)
    ARITH_FLOAT(INPLACE_ADD_FLOAT, INPLACE, +, 1)
    ARITH_FLOAT(INPLACE_SUB_FLOAT, INPLACE, -, 1)
    ARITH_FLOAT(INPLACE_MUL_FLOAT, INPLACE, *, 1)
#undef ARITH_INT
#undef ARITH_FLOAT
    TARGET(UNARY) {
        Value v;
        switch (X) {
        case 0: v = obj_neg(R[B]); break;
        case 1: v = obj_pos(R[B]); break;
        case 2: v = obj_invert(R[B]); break;
        default: {
            int t = obj_truthy(R[B]);
            CHECK(t >= 0);
            v = val_bool(!t);
            break;
        }
        }
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(COMPARE) {
        Value a = R[B], b = R[C], v;
        double fx, fy;
        int r;
        if (X <= CMP_GE && val_is_smallint(a) && val_is_smallint(b)) {
            int64_t x = (int64_t)a, y = (int64_t)b;  // the tag does not change the order
            r = (compare_outcomes[X] >> ((x > y) - (x < y) + 1)) & 1;
        } else if (X <= CMP_GE && compare_float_operands(a, b, &fx, &fy)) {
            int c = fx < fy ? 0 : fx == fy ? 1 : fx > fy ? 2 : 3;
            r = (compare_outcomes[X] >> c) & 1;
        } else {
            switch (X) {
            case 6: v = val_bool(a == b); break;
            case 7: v = val_bool(a != b); break;
            case 8:
            case 9: {
                int c = obj_contains(b, a);
                CHECK(c >= 0);
                v = val_bool(X == 8 ? c : !c);
                break;
            }
            default: v = obj_richcompare(a, b, (CompareOp)X); break;
            }
            CHECK(v);
            R[A] = v;
            NEXT();
        }
        R[A] = val_bool(r);
        // A test branching on the result runs here, without a dispatch of
        // its own (with a hook set it is dispatched, for its events).
        Instr n = *pc;
        if (instr_a(n) == A && !vm_hooks_on) {
            if (instr_op(n) == OP_JUMPIFFALSE) {
                pc += 1;
                if (!r) {
                    JUMPBY(instr_offset(n));
                }
            } else if (instr_op(n) == OP_JUMPIFTRUE) {
                pc += 1;
                if (r) {
                    JUMPBY(instr_offset(n));
                }
            }
        }
        NEXT();
    }
    TARGET(TRUTH) {
        int t = obj_truthy(R[B]);
        CHECK(t >= 0);
        R[A] = val_bool(t);
        NEXT();
    }
    TARGET(JUMP) {
        JUMPBY(instr_offset(i));
        NEXT();
    }
    TARGET(JUMPIFTRUE) {
        Value v = R[A];
        int t = v == VAL_TRUE ? 1 : v == VAL_FALSE ? 0 : obj_truthy(v);
        CHECK(t >= 0);
        if (t) {
            JUMPBY(instr_offset(i));
        }
        NEXT();
    }
    TARGET(JUMPIFFALSE) {
        Value v = R[A];
        int t = v == VAL_TRUE ? 1 : v == VAL_FALSE ? 0 : obj_truthy(v);
        CHECK(t >= 0);
        if (!t) {
            JUMPBY(instr_offset(i));
        }
        NEXT();
    }
    TARGET(JUMPIFNONE) {
        if (R[A] == VAL_NONE) {
            JUMPBY(instr_offset(i));
        }
        NEXT();
    }
    TARGET(JUMPIFNOTNONE) {
        if (R[A] != VAL_NONE) {
            JUMPBY(instr_offset(i));
        }
        NEXT();
    }
    TARGET(JUMPIFBOUND) {
        if (R[A]) {
            JUMPBY(instr_offset(i));
        }
        NEXT();
    }
    TARGET(LOOPHEADER) {
        // A safe point: run the finalizers and weakref callbacks that
        // automatic collections queued (runtime/finalize.h), and the Python
        // handlers of signals that arrived (Ctrl-C: KeyboardInterrupt);
        // and hand the GIL to a thread that waits for it.
        finalize_poll();
        // signal_tripped is also how another thread asks for the GIL.
        if (__builtin_expect(signal_tripped, 0)) {
            CHECK(vm_eval_breaker() == 0);
        }
        NEXT();
    }
    TARGET(BUILDTUPLE) {
        Value v = tuple_from(&R[B], C);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(BUILDLIST) {
        Value v = list_from(&R[B], C);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(BUILDSET) {
        Value v = set_new(0);
        CHECK(v);
        for (unsigned k = 0; k < C; k++) {
            CHECK(set_add(v, R[B + k]) == 0);
        }
        R[A] = v;
        NEXT();
    }
    TARGET(BUILDMAP) {
        Value v = dict_new_presized(C);
        CHECK(v);
        for (unsigned k = 0; k < C; k++) {
            CHECK(dict_setitem(v, R[B + 2 * k], R[B + 2 * k + 1]) == 0);
        }
        R[A] = v;
        NEXT();
    }
    TARGET(BUILDSTRING) {
        Value v = build_string(&R[B], C);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(GETSLICE) {
        // The subscript functions of these exact types read a slice's
        // bounds and keep nothing: a slice on the C stack serves them.
        // Anything else (a __getitem__ may keep its key) gets a real one.
        Value o = R[B];
        Value step = X == 3 ? R[C + 2] : VAL_NONE;
        Value v;
        if (slice_borrowable(o)) {
            SliceObject s = {.header = {&type_slice}, .start = R[C], .stop = R[C + 1], .step = step};
            v = obj_getitem(o, val_from_ptr(&s));
        } else {
            Value s = slice_new(R[C], R[C + 1], step);
            CHECK(s);
            v = obj_getitem(o, s);
        }
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(SETSLICE) {
        Value o = R[A];
        Value step = X == 3 ? R[B + 2] : VAL_NONE;
        if (list_check_exact(o)) {
            SliceObject s = {.header = {&type_slice}, .start = R[B], .stop = R[B + 1], .step = step};
            CHECK(obj_setitem(o, val_from_ptr(&s), R[C]) == 0);
        } else {
            Value s = slice_new(R[B], R[B + 1], step);
            CHECK(s);
            CHECK(obj_setitem(o, s, R[C]) == 0);
        }
        NEXT();
    }
    TARGET(BUILDSLICE) {
        Value v = slice_new(R[B], R[B + 1], C == 3 ? R[B + 2] : VAL_NONE);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(FORMAT) {
        Value v = format_value(R[B], X & 3, (X & 4) ? R[C] : 0);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(LISTAPPEND) {
        CHECK(list_append(R[A], R[B]) == 0);
        NEXT();
    }
    TARGET(LISTEXTEND) {
        if (list_extend(R[A], R[B]) < 0) {
            if (err_matches(&exc_TypeError) && !type_of(R[B])->iter && !type_of(R[B])->getitem) {
                err_clear();
                err_format(&exc_TypeError, "Value after * must be an iterable, not %s",
                           obj_type_name(R[B]));
            }
            goto error;
        }
        NEXT();
    }
    TARGET(LISTTOTUPLE) {
        Value v = tuple_from(list_obj(R[B])->items, list_obj(R[B])->len);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(SETADD) {
        CHECK(set_add(R[A], R[B]) == 0);
        NEXT();
    }
    TARGET(SETUPDATE) {
        CHECK(set_update(R[A], R[B]) == 0);
        NEXT();
    }
    TARGET(MAPADD) {
        CHECK(dict_setitem(R[A], R[B], R[C]) == 0);
        NEXT();
    }
    TARGET(DICTUPDATE) {
        if (dict_merge(R[A], R[B], 1) < 0) {
            if (err_matches(&exc_AttributeError)) {
                err_clear();
                err_format(&exc_TypeError, "'%s' object is not a mapping", obj_type_name(R[B]));
            }
            goto error;
        }
        NEXT();
    }
    TARGET(DICTMERGE) {
        CHECK(dict_merge_for_call(R[A], R[B], R[C]) == 0);
        NEXT();
    }
    TARGET(UNPACK) {
        CHECK(unpack_sequence(R[B], &R[A], C) == 0);
        NEXT();
    }
    TARGET(UNPACKEX) {
        CHECK(unpack_ex(R[B], &R[A], X, C - X - 1) == 0);
        NEXT();
    }

    // Calls. `callee`, `self` (call_self) and the argument vector, then a shared tail.
    {
        Value callee, kwnames;
        const Value *args;
        size_t npos;
        TARGET(CALL) {
            callee = R[B];
            args = &R[B + 1];
            kwnames = (X & 1) ? R[B + C + 1] : 0;
            npos = C - (kwnames ? tuple_obj(kwnames)->len : 0);
            call_self[0] = 0;
            goto do_call;
        }
        TARGET(CALLMETHOD) {
            callee = R[B];
            call_self[0] = R[B + 1];
            args = &R[B + 2];
            kwnames = (X & 1) ? R[B + C + 2] : 0;
            npos = C - (kwnames ? tuple_obj(kwnames)->len : 0);
            goto do_call;
        }
    do_call:
        if (type_of(callee) == &type_method && !call_self[0]) {
            MethodObject *m = (MethodObject *)val_ptr(callee);
            if (func_check(m->func)) {
                callee = m->func;
                call_self[0] = m->self;
            }
        }
        if (val_is_ptr(callee) && val_ptr(callee)->type == &type_type && !kwnames &&
            !call_self[0]) {
            // cls(args) for a class of object's __new__ and a Python __init__
            // taking exactly these arguments: make the instance here and run
            // __init__ in this loop (type_call would recurse through C). The
            // CALL's cache remembers (class version, __init__).
            Type *ct = type_ptr(callee);
            Instr *cache = (Instr *)cur + 1;
            if ((ct->flags & TYPE_HEAP) && ct->new_ == object_new && ct->version) {
                if (cache[0] != ct->version) {
                    Value init = type_lookup(ct, NAME(__init__));
                    err_clear();
                    cache[0] = ct->version;
                    cache[1] = init && func_check(init) ? init : 0;
                }
                Value init = (Value)cache[1];
                if (init && code_call_argc(func_obj(init)->code) == npos + 2) {
                    FunctionObject *fn = func_obj(init);
                    Code *cc = fn->code;
                    // The instance waits in call_self, not in a C variable
                    // (see call_self: no stale copy in this frame's stack).
                    call_self[0] = object_new(callee, args, npos, 0);
                    CHECK(call_self[0]);
                    Frame *nf = frame_push_inline(cc, init, fn->globals, fn->builtins, 0);
                    if (!nf) {
                        call_self[0] = 0;
                        goto error;
                    }
                    nf->slots[0] = call_self[0];
                    nf->sent = call_self[0];
                    call_self[0] = 0;
                    for (size_t k = 0; k < npos; k++) {
                        nf->slots[1 + k] = args[k];
                    }
                    if (cc->nfrees) {
                        memcpy(nf->slots + cc->nlocals, tuple_obj(fn->closure)->items,
                               cc->nfrees * sizeof(Value));
                    }
                    nf->flags |= FRAME_INIT;
                    f = nf;
                    LOAD_FRAME();
                    pc = co->instrs;
                    f->flags |= FRAME_STARTED;
                    NEXT();
                }
            }
        }
        if (func_check(callee)) {
            FunctionObject *fn = func_obj(callee);
            Code *cc = fn->code;
            size_t total = npos + (call_self[0] != 0);
            if (!kwnames && code_call_argc(cc) == total + 1) {
                // The common call: the arguments are the parameters.
                Frame *nf = frame_push_inline(cc, callee, fn->globals, fn->builtins, 0);
                if (!nf) {
                    call_self[0] = 0;
                    goto error;
                }
                Value *S = nf->slots;
                if (call_self[0]) {
                    *S++ = call_self[0];
                    call_self[0] = 0;
                }
                for (size_t k = 0; k < npos; k++) {
                    S[k] = args[k];
                }
                if (cc->nfrees) {
                    memcpy(nf->slots + cc->nlocals, tuple_obj(fn->closure)->items,
                           cc->nfrees * sizeof(Value));
                }
                f = nf;
                LOAD_FRAME();
                pc = co->instrs;
                f->flags |= FRAME_STARTED;
                NEXT();
            }
            if (!(cc->flags & (CODE_GENERATOR | CODE_COROUTINE | CODE_ASYNC_GENERATOR))) {
                Frame *nf = frame_push(cc, callee, fn->globals, fn->builtins, 0);
                CHECK(nf);
                if (vm_bind_args(nf, fn, call_self[0], args, npos, kwnames) < 0) {
                    call_self[0] = 0;
                    frame_pop(nf);
                    goto error;
                }
                call_self[0] = 0;
                f = nf;
                LOAD_FRAME();
                pc = co->instrs;
                f->flags |= FRAME_STARTED;
                NEXT();
            }
            Value g = gen_new(fn, call_self[0], args, npos, kwnames);
            call_self[0] = 0;
            CHECK(g);
            if (X & 2) {
                gen_mark_owned(g);  // `yield from f(...)` (the compiler's mark)
            }
            R[A] = g;
            NEXT();
        }
        Value v;
        if (call_self[0]) {
            // args[-1] is self's slot: the vector is contiguous
            v = obj_call(callee, args - 1, npos + 1, kwnames);
        } else {
            v = obj_call(callee, args, npos, kwnames);
        }
        call_self[0] = 0;
        CHECK(v);
        R[A] = v;
        // A safe point after a call into C, as CPython's eval breaker after a
        // CALL: a signal that interrupted a blocking call has its handler run
        // here, in the caller's try or with (a partial write returns no EINTR).
        if (__builtin_expect(signal_tripped, 0)) {
            CHECK(vm_eval_breaker() == 0);
        }
        NEXT();
    }
    TARGET(CALLEX) {
        Value kw = X ? R[B + 2] : 0;
        Value args = R[B + 1];
        if (!tuple_check_exact(args)) {
            Value t = tuple_from_iterable(args);
            if (!t) {
                if (err_matches(&exc_TypeError) && !type_of(args)->iter &&
                    !type_of(args)->getitem) {
                    err_clear();
                    Value fname = function_str(R[B]);
                    if (fname) {
                        err_format(&exc_TypeError,
                                   "%s argument after * must be an iterable, not %s",
                                   str_obj(fname)->data, obj_type_name(args));
                    }
                }
                goto error;
            }
            args = t;
        }
        if (kw && !dict_check_exact(kw)) {
            Value d = dict_new();
            CHECK(d);
            CHECK(dict_merge_for_call(d, kw, R[B]) == 0);
            kw = d;
        }
        Value callee = R[B];
        if (func_check(callee) && !(func_obj(callee)->code->flags &
                                    (CODE_GENERATOR | CODE_COROUTINE | CODE_ASYNC_GENERATOR))) {
            // Push the frame directly, as CALL does.
            FunctionObject *fn = func_obj(callee);
            TupleObject *t = tuple_obj(args);
            size_t nkw = kw ? (size_t)dict_len(kw) : 0;
            Value kwnames = 0;
            Value small[16];
            Value *vec = t->len + nkw <= 16 ? small : malloc((t->len + nkw) * sizeof(Value));
            if (!vec) {
                err_no_memory();
                goto error;
            }
            memcpy(vec, t->items, t->len * sizeof(Value));
            if (nkw) {
                kwnames = tuple_new(nkw);
                size_t pos = 0, k = 0;
                Value key, value;
                while (dict_next(kw, &pos, &key, &value)) {
                    tuple_obj(kwnames)->items[k] = key;
                    vec[t->len + k] = value;
                    k++;
                }
            }
            Frame *nf = frame_push(fn->code, callee, fn->globals, fn->builtins, 0);
            if (!nf || vm_bind_args(nf, fn, 0, vec, t->len, kwnames) < 0) {
                if (nf) {
                    frame_pop(nf);
                }
                if (vec != small) {
                    free(vec);
                }
                goto error;
            }
            if (vec != small) {
                free(vec);
            }
            f = nf;
            LOAD_FRAME();
            pc = co->instrs;
            f->flags |= FRAME_STARTED;
            NEXT();
        }
        Value v = obj_call_tuple_dict(callee, args, kw);
        CHECK(v);
        R[A] = v;
        if (__builtin_expect(signal_tripped, 0)) {  // a safe point, as after CALL
            CHECK(vm_eval_breaker() == 0);
        }
        NEXT();
    }
    TARGET(RETURN) {
        finalize_poll();  // a safe point, as LOOPHEADER
        Value v = R[A];
        if (f->flags & FRAME_ENTRY) {
            if (f->flags & FRAME_GEN) {
                f->flags &= ~FRAME_YIELDED;
                return v;
            }
            frame_pop(f);
            return v;
        }
        Frame *callee_frame = f;
        frame_pop(f);  // (its memory stays intact until the next push)
        f = callee_frame->back;
        LOAD_FRAME();
        pc = f->pc;
        i = *pc;
        if (callee_frame->flags & FRAME_INIT) {
            if (v != VAL_NONE) {
                cur = pc;  // raised by the caller's CALL, as type_call would
                err_format(&exc_TypeError, "__init__() should return None, not '%s'",
                           obj_type_name(v));
                goto error;
            }
            v = callee_frame->sent;
        }
        R[instr_a(i)] = v;
        pc += 1 + opcode_cache_words[instr_op(i)];
        NEXT();
    }
    TARGET(MAKEFUNCTION) {
        Value fv = function_new((Code *)val_ptr(K[B]), f->globals);
        CHECK(fv);
        FunctionObject *fn = func_obj(fv);
        unsigned k = C;
        if (X & 1) {
            fn->defaults = tuple_obj(R[k])->len ? R[k] : 0;
            k++;
        }
        if (X & 2) {
            fn->kwdefaults = R[k++];
        }
        if (X & 4) {
            TupleObject *t = tuple_obj(R[k++]);
            Value d = dict_new();
            CHECK(d);
            for (size_t j = 0; j + 1 < t->len; j += 2) {
                CHECK(dict_set(d, t->items[j], t->items[j + 1]) == 0);
            }
            fn->annotations = d;
        }
        if (X & 8) {
            fn->closure = R[k++];
        }
        R[A] = fv;
        NEXT();
    }
    TARGET(LOADBUILDCLASS) {
        Value v = builtins_lookup(f, "__build_class__");
        if (!v) {
            if (err_occurred()) {
                goto error;
            }
            err_format(&exc_NameError, "__build_class__ not found");
            goto error;
        }
        R[A] = v;
        NEXT();
    }
    TARGET(GETITER) {
        Value v = R[B];
        if (X != GETITER_PASSED && (X == GETITER_PLAIN || !steps_in_place(v))) {
            v = obj_iter(v);
            CHECK(v);
        }
        R[A] = v;
        if (X == GETITER_LOOP || X == GETITER_PASSED) {
            R[A + 2] = R[A + 3] = val_from_smallint(0);  // the loop's own slots
        }
        NEXT();
    }
    TARGET(RANGELOOP) {
        // Bounds under 2^60 in magnitude: start, stop and the value past
        // the last one (at most stop + step) are all small ints.
        const Value *a = &R[A + 4];
        if (a[0] == val_from_ptr(&type_range)) {
            const int64_t lim = INT64_C(1) << 60;
            int64_t v[3] = {0, 0, 1};
            bool ok = true;
            for (unsigned k = 0; k < X; k++) {
                ok = ok && val_is_smallint(a[1 + k]);
            }
            if (ok) {
                if (X == 1) {
                    v[1] = val_smallint(a[1]);
                } else {
                    v[0] = val_smallint(a[1]);
                    v[1] = val_smallint(a[2]);
                    if (X == 3) {
                        v[2] = val_smallint(a[3]);
                    }
                }
                if (v[2] != 0 && v[0] > -lim && v[0] < lim && v[1] > -lim && v[1] < lim &&
                    v[2] > -lim && v[2] < lim) {
                    R[A] = val_from_smallint(v[2]);
                    R[A + 2] = val_from_smallint(v[0]);
                    R[A + 3] = val_from_smallint(v[1]);
                    JUMPBY(instr_offset(i));
                    NEXT();
                }
            }
        }
        NEXT();  // the CALL and GETITER that follow
    }
    TARGET(FORITER) {
        Value it = R[A];
        Type *t = type_of(it);
        Value v;
        // range(...) without a range object (RANGELOOP): step, next, stop.
        if (val_is_smallint(it)) {
            int64_t step = val_smallint(it), next = val_smallint(R[A + 2]);
            int64_t stop = val_smallint(R[A + 3]);
            if (step > 0 ? next < stop : next > stop) {
                R[A + 1] = R[A + 2];
                R[A + 2] = val_from_smallint(next + step);
                NEXT();
            }
            JUMPBY(instr_offset(i));
            NEXT();
        }
        // A sequence stepped in place (GetIterMode): R[A + 2] is the index.
        // (The list and tuple cases stay apart: one merged branch that picks
        // items and length first cost go 1.8% more instructions.)
        if (t == &type_list) {
            ListObject *l = list_obj(it);
            uint64_t k = (uint64_t)val_smallint(R[A + 2]);
            if (k < l->len) {
                R[A + 1] = l->items[k];
                R[A + 2] += 2;  // a small int's tag is its low bit
                NEXT();
            }
            JUMPBY(instr_offset(i));
            NEXT();
        }
        if (t == &type_range) {
            RangeObject *r = (RangeObject *)val_ptr(it);
            int64_t k = val_smallint(R[A + 2]);
            if (k < val_smallint(r->length)) {
                // Between start and stop, so a small int (steps_in_place).
                R[A + 1] = val_from_smallint(val_smallint(r->start) + k * val_smallint(r->step));
                R[A + 2] += 2;
                NEXT();
            }
            JUMPBY(instr_offset(i));
            NEXT();
        }
        if (t == &type_tuple) {
            TupleObject *tu = (TupleObject *)val_ptr(it);
            uint64_t k = (uint64_t)val_smallint(R[A + 2]);
            if (k < tu->len) {
                R[A + 1] = tu->items[k];
                R[A + 2] += 2;
                NEXT();
            }
            JUMPBY(instr_offset(i));
            NEXT();
        }
        // The two most common iterators, stepped here (as their iternext).
        if (t == &type_range_iterator) {
            RangeIterObject *ri = (RangeIterObject *)val_ptr(it);
            if (ri->index < ri->len) {
                uint64_t x = (uint64_t)ri->start + ri->index++ * (uint64_t)ri->step;
                if (smallint_fits((int64_t)x)) {
                    R[A + 1] = val_from_smallint((int64_t)x);
                    NEXT();
                }
                ri->index--;  // a big int: let range_iter_next make it
            }
        } else if (t == &type_list_iterator) {
            ListIterObject *li = (ListIterObject *)val_ptr(it);
            if (li->seq && li->index < list_obj(li->seq)->len) {
                R[A + 1] = list_obj(li->seq)->items[li->index++];
                NEXT();
            }
        }
        if (t->iternext) {
            v = t->iternext(it);
        } else {
            v = obj_next(it);
        }
        if (!v) {
            if (err_occurred()) {
                if (!err_matches(&exc_StopIteration)) {
                    goto error;
                }
                err_clear();
            }
            JUMPBY(instr_offset(i));
            NEXT();
        }
        R[A + 1] = v;
        NEXT();
    }
    TARGET(RAISE) {
        if (X == 0) {
            Value h = vm_thread.handled;
            if (!h || h == VAL_NONE) {
                err_format(&exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            err_set_value(h);
            reraise = 1;
            goto error;
        }
        if (do_raise(R[A], X == 2 ? R[B] : 0, X == 2) == 0) {
            goto error;
        }
        goto error;
    }
    TARGET(RERAISE) {
        // X=1 (a cleanup handler or a with-exit passing on what arrived):
        // should the exception leave the frame, its last instruction is
        // the one that raised, as CPython's RERAISE restores f_lasti.
        if (X && val_is_ptr(R[A]) && (type_of(R[A])->flags & TYPE_EXC_SUBCLASS) &&
            traceback_head_is(R[A], f)) {
            leave_pc = ((ExceptionObject *)val_ptr(R[A]))->handler_lasti;
        }
        err_set_value(R[A]);
        reraise = 1;
        goto error;
    }
    TARGET(PUSHEXCINFO) {
        R[B] = vm_thread.handled ? vm_thread.handled : VAL_NONE;
        vm_thread.handled = R[A];
        f->flags += FRAME_HANDLER_ONE;
        NEXT();
    }
    TARGET(POPEXCEPT) {
        vm_thread.handled = R[A] == VAL_NONE ? 0 : R[A];
        if (f->flags >= FRAME_HANDLER_ONE) {
            f->flags -= FRAME_HANDLER_ONE;
        }
        NEXT();
    }
    TARGET(CHECKEXCMATCH) {
        CHECK(check_except_class(R[C]) == 0);
        R[A] = val_bool(exception_matches(R[B], R[C]));
        NEXT();
    }
    TARGET(CHECKEGMATCH) {
        Value match, rest;
        CHECK(exc_group_match(R[B], R[C], &match, &rest) == 0);
        R[A] = match;
        R[A + 1] = rest;
        if (match != VAL_NONE) {
            // the clause's part is what a bare raise and sys.exc_info() see
            vm_thread.handled = match;
        }
        NEXT();
    }
    TARGET(PREPRERAISESTAR) {
        Value r = exc_group_prep_reraise(R[B], R[C]);
        CHECK(r);
        R[A] = r;
        NEXT();
    }
    TARGET(LOADASSERTIONERROR) {
        R[A] = val_from_ptr(&exc_AssertionError);
        NEXT();
    }
    TARGET(BEFOREWITH) {
        Value mgr = R[B];
        Type *t = type_of(mgr);
        Value enter = type_lookup(t, str_intern_cstr("__enter__"));
        Value exitf = enter ? type_lookup(t, str_intern_cstr("__exit__")) : 0;
        if (!enter || !exitf) {
            err_format(&exc_TypeError,
                       "'%s' object does not support the context manager protocol%s",
                       t->name, enter ? " (missed __exit__ method)" : "");
            goto error;
        }
        DescrGetFunc get = type_of(exitf)->descr_get;
        Value bound_exit = get ? get(exitf, mgr, val_from_ptr(t)) : exitf;
        CHECK(bound_exit);
        get = type_of(enter)->descr_get;
        Value bound_enter = get ? get(enter, mgr, val_from_ptr(t)) : enter;
        CHECK(bound_enter);
        Value v = obj_call0(bound_enter);
        CHECK(v);
        R[A + 1] = bound_exit;
        R[A] = v;
        NEXT();
    }
    TARGET(BEFOREASYNCWITH) {
        Value mgr = R[B];
        Type *t = type_of(mgr);
        Value enter = type_lookup(t, str_intern_cstr("__aenter__"));
        Value exitf = enter ? type_lookup(t, str_intern_cstr("__aexit__")) : 0;
        if (!enter || !exitf) {
            err_format(&exc_TypeError,
                       "'%s' object does not support the asynchronous context manager "
                       "protocol%s",
                       t->name, enter ? " (missed __aexit__ method)" : "");
            goto error;
        }
        DescrGetFunc get = type_of(exitf)->descr_get;
        Value bound_exit = get ? get(exitf, mgr, val_from_ptr(t)) : exitf;
        CHECK(bound_exit);
        get = type_of(enter)->descr_get;
        Value bound_enter = get ? get(enter, mgr, val_from_ptr(t)) : enter;
        CHECK(bound_enter);
        Value v = obj_call0(bound_enter);
        CHECK(v);
        R[A + 1] = bound_exit;
        R[A] = v;
        NEXT();
    }
    TARGET(WITHEXCEPTSTART) {
        Value e = R[C];
        Value tb = ((ExceptionObject *)val_ptr(e))->traceback;
        Value args3[3] = {val_from_ptr(type_of(e)), e, tb ? tb : VAL_NONE};
        Value v = obj_call(R[B], args3, 3, 0);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(YIELD) {
        f->sent = R[B];
        f->flags |= FRAME_YIELDED;
        return f->sent;
    }
    TARGET(GETYIELDFROMITER) {
        Value v = R[B];
        if (!gen_check(v)) {
            v = obj_iter(v);
            CHECK(v);
        } else if (type_of(v) == &type_coroutine && !(co->flags & (CODE_COROUTINE | CODE_ITERABLE_COROUTINE))) {
            err_format(&exc_TypeError,
                       "cannot 'yield from' a coroutine object in a non-coroutine generator");
            goto error;
        }
        R[A] = v;
        if (X == 1) {
            R[B] = 0;  // moved: the yield from's own register is its only holder
        }
        NEXT();
    }
    TARGET(YIELDFROM) {
        Value sub = R[B];
        Value sendv = VAL_NONE;
        if (f->flags & FRAME_HAS_SENT) {
            sendv = f->sent;
            f->flags &= ~FRAME_HAS_SENT;
        }
        Value r;
        int yielded = 0;
        if (gen_check(sub)) {
            r = gen_send(sub, sendv, 0, &yielded);
            if (!r && !err_occurred()) {
                r = VAL_NONE;  // exhausted before: the result is None
            }
        } else if (sendv == VAL_NONE && type_of(sub)->iternext &&
                   !(type_of(sub)->flags & TYPE_HEAP)) {
            r = type_of(sub)->iternext(sub);
            yielded = r != 0;
            if (!r) {
                if (!err_occurred()) {
                    r = VAL_NONE;
                } else if (err_matches(&exc_StopIteration)) {
                    Value e = err_fetch();
                    r = obj_getattr_cstr(e, "value");
                }
            }
        } else if (sendv == VAL_NONE) {
            // A class's __next__: its StopIteration carries the result.
            r = obj_call_method(sub, "__next__", NULL, 0);
            yielded = r != 0;
            if (!r && err_matches(&exc_StopIteration)) {
                Value e = err_fetch();
                r = obj_getattr_cstr(e, "value");
            }
        } else {
            r = obj_call_method(sub, "send", &sendv, 1);
            yielded = r != 0;
            if (!r && err_matches(&exc_StopIteration)) {
                Value e = err_fetch();
                r = obj_getattr_cstr(e, "value");
            }
        }
        CHECK(r);
        if (yielded) {
            f->sent = r;
            if (__builtin_expect(vm_hooks_on, 0)) {
                CHECK(vm_trace_leave(f, r, true) == 0);
            }
            f->flags |= FRAME_YIELDED;
            return r;  // f->pc stays on this instruction
        }
        if (X == 1 && gen_free_unseen(sub)) {
            R[B] = 0;
        }
        R[A] = r;
        NEXT();
    }
    TARGET(GETAWAITABLE) {
        Value v = R[B];
        if (type_of(v) == &type_coroutine) {
            if (gen_delegate(v)) {
                err_format(&exc_RuntimeError, "coroutine is being awaited already");
                goto error;
            }
        } else if (gen_check(v) && (gen_code_flags(v) & CODE_ITERABLE_COROUTINE)) {
            // a generator-based coroutine (types.coroutine)
        } else {
            Value aw = type_lookup(type_of(v), str_intern_cstr("__await__"));
            if (!aw) {
                if (X == 1) {
                    err_format(&exc_TypeError,
                               "'async with' received an object from __aenter__ that does not "
                               "implement __await__: %s",
                               obj_type_name(v));
                } else if (X == 2) {
                    err_format(&exc_TypeError,
                               "'async with' received an object from __aexit__ that does not "
                               "implement __await__: %s",
                               obj_type_name(v));
                } else {
                    err_format(&exc_TypeError, "object %s can't be used in 'await' expression",
                               obj_type_name(v));
                }
                goto error;
            }
            Value it = obj_call_method(v, "__await__", NULL, 0);
            CHECK(it);
            if (gen_check(it) && type_of(it) == &type_coroutine) {
                err_format(&exc_TypeError, "__await__() returned a coroutine");
                goto error;
            }
            if (!type_of(it)->iternext) {
                err_format(&exc_TypeError, "__await__() returned non-iterator of type '%s'",
                           obj_type_name(it));
                goto error;
            }
            v = it;
        }
        R[A] = v;
        if (X == GETAWAITABLE_MOVE) {
            R[B] = 0;  // moved: the await's own register is its only holder
        }
        NEXT();
    }
    TARGET(GETAITER) {
        Value v = R[B];
        Value m = type_lookup(type_of(v), str_intern_cstr("__aiter__"));
        if (!m) {
            err_format(&exc_TypeError,
                       "'async for' requires an object with __aiter__ method, got %s",
                       obj_type_name(v));
            goto error;
        }
        Value it = obj_call_method(v, "__aiter__", NULL, 0);
        CHECK(it);
        if (!type_lookup(type_of(it), str_intern_cstr("__anext__"))) {
            err_format(&exc_TypeError,
                       "'async for' received an object from __aiter__ that does not implement "
                       "__anext__: %s",
                       obj_type_name(it));
            goto error;
        }
        R[A] = it;
        NEXT();
    }
    TARGET(GETANEXT) {
        Value v = R[B];
        if (!type_lookup(type_of(v), str_intern_cstr("__anext__"))) {
            err_format(&exc_TypeError,
                       "'async for' requires an iterator with __anext__ method, got %s",
                       obj_type_name(v));
            goto error;
        }
        Value aw = obj_call_method(v, "__anext__", NULL, 0);
        CHECK(aw);
        Value it = awaitable_iter(aw);
        if (!it) {
            // as CPython: why it is no awaitable becomes the __cause__
            Value cause = err_fetch();
            err_format(&exc_TypeError, "'async for' received an invalid object from __anext__: %s",
                       obj_type_name(aw));
            Value exc = err_normalize();
            if (exc && cause) {
                ExceptionObject *e = (ExceptionObject *)val_ptr(exc);
                e->cause = cause;
                e->context = cause;
                e->suppress_context = 1;
            }
            goto error;
        }
        R[A] = it;
        NEXT();
    }
    TARGET(ENDASYNCFOR) {
        if (type_is_subtype(type_of(R[A]), &exc_StopAsyncIteration)) {
            NEXT();
        }
        err_set_value(R[A]);
        reraise = 1;
        goto error;
    }
    TARGET(ASYNCGENWRAP) {
        Value v = gen_async_wrap(R[B]);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(IMPORTNAME) {
        Value imp = builtins_lookup(f, "__import__");
        if (!imp) {
            if (err_occurred()) {
                goto error;
            }
            err_format(&exc_ImportError, "__import__ not found");
            goto error;
        }
        Value args5[5] = {N[C], f->globals, f->locals ? f->locals : VAL_NONE, R[B],
                          int_from_i64(X)};
        Value v = obj_call(imp, args5, 5, 0);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(IMPORTFROM) {
        Value v = obj_getattr(R[B], N[C]);
        if (!v) {
            if (!err_matches(&exc_AttributeError)) {
                goto error;
            }
            err_clear();
            // A submodule not yet bound as an attribute: sys.modules[pkg.name].
            Value pkg = obj_getattr_cstr(R[B], "__name__");
            if (pkg && val_is_str(pkg)) {
                Value mods = sys_modules_dict();
                Value full = str_format_c("%s.%s", str_obj(pkg)->data, str_obj(N[C])->data);
                v = mods && full ? dict_get(mods, full) : 0;
            }
            err_clear();
            if (!v) {
                import_name_error(R[B], N[C]);
                goto error;
            }
        }
        R[A] = v;
        NEXT();
    }
    TARGET(IMPORTSTAR) {
        Value mod = R[A];
        Value all = obj_getattr_cstr(mod, "__all__");
        int skip_private = 0;
        if (!all) {
            if (!err_matches(&exc_AttributeError)) {
                goto error;
            }
            err_clear();
            Value d = obj_getattr_cstr(mod, "__dict__");
            CHECK(d);
            all = dict_keys(d);
            CHECK(all);
            skip_private = 1;
        }
        Value it = obj_iter(all);
        CHECK(it);
        Value name;
        while ((name = obj_next(it))) {
            if (!val_is_str(name)) {
                err_format(&exc_TypeError, "%s in %s.%s must be str, not %s",
                           skip_private ? "Key" : "Item", "module",
                           skip_private ? "__dict__" : "__all__", obj_type_name(name));
                goto error;
            }
            if (skip_private && str_obj(name)->data[0] == '_') {
                continue;
            }
            Value v = obj_getattr(mod, name);
            CHECK(v);
            CHECK(store_name(f, name, v) == 0);
        }
        CHECK(!err_occurred());
        NEXT();
    }
    TARGET(SETUPANNOTATIONS) {
        Value ann = str_intern_cstr("__annotations__");
        Value v = mapping_lookup(f->locals, ann);
        if (!v) {
            CHECK(!err_occurred());
            Value d = dict_new();
            CHECK(d);
            CHECK(store_name(f, ann, d) == 0);
        }
        NEXT();
    }
    TARGET(PRINTEXPR) {
        Value hook = sys_get_object("displayhook");
        if (!hook) {
            err_format(&exc_RuntimeError, "lost sys.displayhook");
            goto error;
        }
        CHECK(obj_call1(hook, R[A]));
        NEXT();
    }
    TARGET(MATCHCLASS) {
        Value v = match_class(R[B], R[B + 1], X, R[B + 2]);
        CHECK(v);
        R[A] = v;
        NEXT();
    }
    TARGET(MATCHMAPPING) {
        R[A] = val_bool((type_of(R[B])->flags & TYPE_MAPPING) != 0);
        NEXT();
    }
    TARGET(MATCHSEQUENCE) {
        R[A] = val_bool((type_of(R[B])->flags & TYPE_SEQUENCE) != 0);
        NEXT();
    }
    TARGET(MATCHKEYS) {
        TupleObject *keys = tuple_obj(R[C]);
        Value out = tuple_new(keys->len);
        CHECK(out);
        for (size_t k = 0; k < keys->len; k++) {
            Value v = dict_check_exact(R[B]) ? dict_get(R[B], keys->items[k]) : 0;
            if (!dict_check_exact(R[B])) {
                Value get = obj_getattr_cstr(R[B], "get");
                CHECK(get);
                static Value dummy;
                if (!dummy) {
                    dummy = val_from_ptr(gc_alloc(&type_object, sizeof(Object)));
                    gc_add_root(&dummy);
                }
                Value args2[2] = {keys->items[k], dummy};
                v = obj_call(get, args2, 2, 0);
                CHECK(v);
                if (v == dummy) {
                    v = 0;
                }
            }
            if (!v) {
                CHECK(!err_occurred());
                out = VAL_NONE;
                break;
            }
            tuple_obj(out)->items[k] = v;
        }
        R[A] = out;
        NEXT();
    }
    TARGET(GETLEN) {
        int64_t n = obj_len(R[B]);
        CHECK(n >= 0);
        R[A] = int_from_i64(n);
        NEXT();
    }
    TARGET(COPYDICTWITHOUTKEYS) {
        Value d = dict_new();
        CHECK(d);
        CHECK(dict_merge(d, R[B], 1) == 0);
        TupleObject *keys = tuple_obj(R[C]);
        for (size_t k = 0; k < keys->len; k++) {
            CHECK(dict_del(d, keys->items[k]) >= 0);
        }
        R[A] = d;
        NEXT();
    }

error:
    // The pending exception is raised at `cur` in frame f.
    exc = err_normalize();
    if (!exc) {
        if (!err_occurred()) {
            err_format(&exc_SystemError, "error return without exception set (%s)",
                       opcode_names[instr_op(*cur)]);
        }
        exc = err_normalize();
        if (!exc) {
            exc = err_normalize();
        }
    }
    if (!reraise) {
        // (CPython chains an exception once, where it is raised)
        if (exc != vm_thread.propagating) {
            chain_context(exc);
        }
        traceback_add(exc, f, (uint32_t)(cur - co->instrs));
        if (__builtin_expect(vm_hooks_on, 0) && vm_trace_exception(f, exc) < 0) {
            exc = err_normalize();  // the trace function's exception replaces it
        }
    }
    vm_thread.propagating = 0;
    reraise = 0;
    for (;;) {
        const ExceptionRange *h = code_find_handler(co, (uint32_t)(cur - co->instrs));
        if (h) {
            err_clear();
            R[h->exc_slot] = exc;
            ((ExceptionObject *)val_ptr(exc))->handler_lasti =
                leave_pc >= 0 ? (int32_t)leave_pc : (int32_t)(cur - co->instrs);
            pc = co->instrs + h->handler;
            leave_pc = -1;
            NEXT();
        }
        // No handler here: leave the frame.
        if (leave_pc >= 0) {
            f->pc = co->instrs + leave_pc;
            leave_pc = -1;
        }
        if (__builtin_expect(vm_hooks_on, 0) && vm_trace_leave(f, 0, false) < 0) {
            exc = err_normalize();  // a hook's exception replaces it
        }
        if (f->flags & FRAME_ENTRY) {
            err_set_value(exc);
            vm_thread.propagating = exc;
            if (f->flags & FRAME_GEN) {
                f->flags &= ~FRAME_YIELDED;
                return 0;
            }
            frame_pop(f);
            return 0;
        }
        Frame *caller = f->back;
        frame_pop(f);
        f = caller;
        LOAD_FRAME();
        cur = f->pc;
        traceback_add(exc, f, (uint32_t)(cur - co->instrs));
        if (__builtin_expect(vm_hooks_on, 0) && vm_trace_exception(f, exc) < 0) {
            exc = err_normalize();
        }
    }
#undef A
#undef B
#undef C
#undef X
}
