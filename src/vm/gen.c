// gen.c - generators and coroutines.
//
// A generator owns its frame: the frame's memory sits right after the
// GenObject in the same heap cell, so suspending costs nothing (the slots
// simply stay where they are) and the collector traces it with the object.
// Resuming links that frame as the innermost one and enters vm_run_frame,
// which returns when the frame yields (FRAME_YIELDED, value in f->sent),
// returns or raises.
//
// `yield from` and `await` are one instruction, YIELDFROM, which stays the
// frame's pc while the delegation lasts: sending into the generator
// re-executes it with the value in f->sent, and throw()/close() look at it
// to pass the exception to the subiterator first, as CPython's gen_throw does.
#include <stdlib.h>
#include <string.h>

#include "../modules/modules.h"
#include "../runtime/abstract.h"
#include "../runtime/exceptions.h"
#include "../runtime/finalize.h"
#include "../runtime/gc.h"
#include "../runtime/list.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "import.h"
#include "interp_internal.h"

enum GenState { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_CLOSED };

typedef struct GenObject {
    Object header;
    Value name, qualname;
    Value handled;           // the exception being handled inside, kept across yields
    // coroutines: cr_origin (a tuple), or 0; async generators: the
    // finalizer hook taken at the first iteration, or 0 (as CPython's
    // ag_origin_or_finalizer)
    Value origin;
    uint32_t state;
    uint16_t finalizable;    // registered with the collector for gen_finalize
    uint8_t ag_hooks_inited; // async generators: the hooks were looked at
    uint8_t ag_closed;       // async generators: aclose() has begun
    uint8_t owned;           // gen_mark_owned: only a `yield from` holds it
    uint8_t exposed;         // handed out by gi_yieldfrom / cr_await / ag_await
    // the Frame follows
} GenObject;

void vm_trace_frame(GcTracer *t, Frame *f);

static inline GenObject *gen_obj(Value v) { return (GenObject *)val_ptr(v); }
static inline Frame *gen_frame(GenObject *g) { return (Frame *)(g + 1); }

int gen_check(Value v) {
    return val_is_ptr(v) && (val_ptr(v)->type == &type_generator ||
                             val_ptr(v)->type == &type_coroutine);
}

// The generator, coroutine or async generator whose frame is f (FRAME_GEN).
Value gen_of_frame(Frame *f) { return val_from_ptr((GenObject *)f - 1); }
int gen_is_running(Value gen) { return gen_obj(gen)->state == GEN_RUNNING; }

uint32_t gen_code_flags(Value gen) { return gen_frame(gen_obj(gen))->code->flags; }

static const char *gen_kind(GenObject *g) {
    return g->header.type == &type_coroutine         ? "coroutine"
           : g->header.type == &type_async_generator ? "async generator"
                                                     : "generator";
}

static void gen_trace(Object *o, GcTracer *t) {
    GenObject *g = (GenObject *)o;
    gc_trace_value(t, g->name);
    gc_trace_value(t, g->qualname);
    gc_trace_value(t, g->handled);
    gc_trace_value(t, g->origin);
    vm_trace_frame(t, gen_frame(g));
}

// ---- finalization ---------------------------------------------------------------------
// As CPython, a generator or coroutine found unreachable while suspended is
// closed (its finally blocks and with-exits run), and a coroutine that was
// never started warns "coroutine ... was never awaited". Only the objects for
// which that can matter are registered with the collector (a finalizable
// object survives one more collection): every coroutine, and a generator once
// it suspends inside a try or with block. So is an async generator, and
// also when it takes a finalizer hook (sys.set_asyncgen_hooks) at its first
// iteration: an unfinished one is then passed to that hook (asyncio
// schedules its aclose()) instead of being closed, as CPython's
// _PyGen_Finalize does.

// finalize.c's exit check: a closed (or running) generator's finalizer does
// nothing, so it alone does not make the exit collect (_collections_abc
// leaves a closed coroutine behind in every process).
static int gen_exit_idle(const Object *o) {
    Type *t = o->type;
    if (t != &type_generator && t != &type_coroutine && t != &type_async_generator) {
        return 0;
    }
    const GenObject *g = (const GenObject *)o;
    return g->state == GEN_CLOSED || g->state == GEN_RUNNING;
}

static int gen_register(GenObject *g) {
    if (g->finalizable) {
        return 0;
    }
    static int idle_check_added;
    if (!idle_check_added) {
        idle_check_added = 1;
        finalize_add_exit_idle_check(gen_exit_idle);
    }
    g->finalizable = 1;
    return gc_register_finalizer(&g->header);
}

// A coroutine that was never awaited: a RuntimeWarning. With a cr_origin,
// warnings._warn_unawaited_coroutine formats it (as CPython always does);
// without one the message is the same and is warned directly, because that
// function passes source= on to the pure-Python warn_explicit, which
// mistakes it for the file to print to.
static int warn_unawaited(GenObject *g) {
    Value coro = val_from_ptr(g);
    Value fn = 0;
    if (g->origin) {
        Value mod = import_module_level(str_intern_cstr("warnings"), 0, 0, 0);
        fn = mod ? obj_getattr_cstr(mod, "_warn_unawaited_coroutine") : 0;
    }
    int warned = 0;
    if (fn) {
        Value r = obj_call1(fn, coro);
        warned = r || err_matches(&exc_RuntimeWarning);
    }
    if (err_occurred()) {
        err_write_unraisable(coro);
    }
    if (!warned &&
        err_warn(&exc_RuntimeWarning, 1, "coroutine '%s' was never awaited",
                 str_obj(g->qualname)->data) < 0) {
        err_write_unraisable(coro);
    }
    return 0;
}

void gen_finalize_for_clear(Value self) {
    Value saved = err_fetch();
    UnaryFunc fin = type_of(self)->finalize;
    if (!(fin ? fin(self) : gen_close(self))) {
        err_write_unraisable(self);
    }
    if (saved) {
        err_set_value(saved);
    }
}

static Value gen_finalize(Value self) {
    GenObject *g = gen_obj(self);
    if (g->state == GEN_CLOSED || g->state == GEN_RUNNING) {
        return VAL_NONE;
    }
    if (g->header.type == &type_coroutine && g->state == GEN_CREATED) {
        warn_unawaited(g);
        return VAL_NONE;
    }
    return gen_close(self);
}

// An async generator's finalizer (its __del__): the finalizer hook it took,
// unless it finished or aclose() began; without one it is closed like a
// generator. Errors are the caller's to report (finalize_object, __del__).
static Value ag_finalize(Value self) {
    GenObject *g = gen_obj(self);
    if (g->state == GEN_CLOSED || g->state == GEN_RUNNING) {
        return VAL_NONE;  // (as gen_exit_idle assumes)
    }
    if (g->origin && !g->ag_closed) {
        Value saved = err_fetch();
        Value r = obj_call1(g->origin, self);
        if (!r) {
            err_write_unraisable(self);
        }
        if (saved) {
            err_set_value(saved);
        }
        return VAL_NONE;
    }
    return gen_finalize(self);
}

// The first __anext__/asend/athrow/aclose takes the thread's finalizer hook
// and passes the generator to its firstiter hook (asyncio tracks it for
// shutdown_asyncgens), as CPython's async_gen_init_hooks.
static int ag_init_hooks(Value self) {
    GenObject *g = gen_obj(self);
    if (g->ag_hooks_inited) {
        return 0;
    }
    g->ag_hooks_inited = 1;
    Value finalizer = sys_asyncgen_finalizer();
    if (finalizer != VAL_NONE) {
        g->origin = finalizer;
        if (gen_register(g) < 0) {
            return -1;
        }
    }
    Value firstiter = sys_asyncgen_firstiter();
    if (firstiter != VAL_NONE && !obj_call1(firstiter, self)) {
        return -1;
    }
    return 0;
}

// The frames that create a coroutine, innermost first, as cr_origin
// records them: ((filename, lineno, function name), ...).
static Value coroutine_origin(int depth) {
    Frame *f = vm_current_frame();
    Value list = list_new(0);
    for (int i = 0; list && f && i < depth; i++, f = f->back) {
        Value items[3] = {f->code->filename, val_from_smallint(frame_lineno(f)), f->code->name};
        Value t = tuple_from(items, 3);
        if (!t || list_append(list, t) < 0) {
            return 0;
        }
    }
    return list ? tuple_from_list(list) : 0;
}

Value gen_new(FunctionObject *fn, Value self, const Value *args, size_t npos, Value kwnames) {
    Code *co = fn->code;
    Type *type = (co->flags & CODE_COROUTINE)         ? &type_coroutine
                 : (co->flags & CODE_ASYNC_GENERATOR) ? &type_async_generator
                                                      : &type_generator;
    size_t size = sizeof(GenObject) + sizeof(Frame) + co->nslots * sizeof(Value);
    GenObject *g = (GenObject *)gc_alloc(type, size);
    if (!g) {
        return 0;
    }
    g->name = fn->name;
    g->qualname = fn->qualname;
    g->state = GEN_CREATED;
    g->origin = 0;
    Frame *f = gen_frame(g);
    f->code = co;
    f->back = NULL;
    f->pc = co->instrs;
    f->func = val_from_ptr(fn);
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    f->locals = 0;
    f->frame_object = 0;
    f->sent = 0;
    f->flags = FRAME_GEN;
    f->nslots = co->nslots;  // (the slots are zero: gc_alloc zero-fills)
    if (vm_bind_args(f, fn, self, args, npos, kwnames) < 0) {
        g->state = GEN_CLOSED;
        return 0;
    }
    if (type == &type_coroutine) {
        if (vm_thread.coroutine_origin_depth > 0 &&
            !(g->origin = coroutine_origin(vm_thread.coroutine_origin_depth))) {
            g->state = GEN_CLOSED;
            return 0;
        }
        if (gen_register(g) < 0) {
            g->state = GEN_CLOSED;
            return 0;
        }
    }
    return val_from_ptr(g);
}

// StopIteration escaping a generator becomes RuntimeError (PEP 479).
static void convert_stop_iteration(GenObject *g) {
    int async_gen = g->header.type == &type_async_generator;
    int async_stop = async_gen && err_matches(&exc_StopAsyncIteration);
    if (!(err_matches(&exc_StopIteration) || async_stop)) {
        return;
    }
    Value stop = err_fetch();
    err_format(&exc_RuntimeError, "%s raised %s", gen_kind(g),
               async_stop ? "StopAsyncIteration" : "StopIteration");
    Value rt = err_normalize();
    if (rt) {
        ExceptionObject *e = (ExceptionObject *)val_ptr(rt);
        e->cause = stop;
        e->context = stop;
        e->suppress_context = 1;
    }
}

Value gen_send(Value gen, Value value, int throwing, int *yielded) {
    GenObject *g = gen_obj(gen);
    Frame *f = gen_frame(g);
    *yielded = 0;
    if (g->state == GEN_RUNNING) {
        return err_format(&exc_ValueError, "%s already executing", gen_kind(g));
    }
    if (g->state == GEN_CLOSED) {
        // a finished coroutine refuses send() and throw() alike (close()
        // returns before this); a finished generator raises what is thrown
        if (g->header.type == &type_coroutine) {
            return err_format(&exc_RuntimeError, "cannot reuse already awaited coroutine");
        }
        return 0;  // exhausted
    }
    if (!throwing) {
        if (g->state == GEN_CREATED) {
            if (value != VAL_NONE) {
                return err_format(&exc_TypeError, "can't send non-None value to a just-started %s",
                                  gen_kind(g));
            }
        } else if (!(f->flags & FRAME_RESUME_AT_PC)) {
            Instr i = *f->pc;
            if (instr_op(i) == OP_YIELD) {
                f->slots[instr_a(i)] = value;
            } else {
                f->sent = value;
                f->flags |= FRAME_HAS_SENT;
            }
        }
    }
    if (throwing && g->state == GEN_CREATED) {
        // Thrown in before the first instruction ran: no handler of the
        // body applies (CPython raises it from the frame's very start).
        g->state = GEN_CLOSED;
        Value exc = err_normalize();
        if (exc && frame_link(f) == 0) {
            traceback_add(exc, f, 0);
            frame_unlink(f);
        }
        convert_stop_iteration(g);
        return 0;
    }
    if (frame_link(f) < 0) {
        return 0;
    }
    f->flags |= FRAME_ENTRY;
    Value saved = vm_thread.handled;
    if (g->handled) {
        vm_thread.handled = g->handled;
    }
    g->state = GEN_RUNNING;
    Value r = vm_run_frame(f, throwing && !g->handled ? VM_RUN_THROW_NO_CHAIN : throwing);
    frame_unlink(f);
    if (f->flags & FRAME_YIELDED) {
        f->flags &= ~FRAME_YIELDED;
        g->state = GEN_SUSPENDED;
        // Its own exception if it yielded inside an except handler (even the
        // very object its caller handles), else none: it sees the caller's.
        g->handled = f->flags >= FRAME_HANDLER_ONE || vm_thread.handled != saved
                         ? vm_thread.handled : 0;
        vm_thread.handled = saved;
        *yielded = 1;
        if (!g->finalizable && g->header.type != &type_coroutine && f->code->nexceptions &&
            code_find_handler(f->code, (uint32_t)(f->pc - f->code->instrs)) &&
            gen_register(g) < 0) {
            return 0;
        }
        return r;
    }
    vm_thread.handled = saved;
    g->handled = 0;
    g->state = GEN_CLOSED;
    if (f->frame_object) {
        frame_object_detach(f);
    }
    memset(f->slots, 0, f->nslots * sizeof(Value));
    if (!r) {
        convert_stop_iteration(g);
    }
    return r;
}

static Value stop_iteration_with(Value v) {
    if (v == VAL_NONE) {
        return err_set_value(val_from_ptr(&exc_StopIteration));
    }
    Value e = obj_call1(val_from_ptr(&exc_StopIteration), v);
    return e ? err_set_value(e) : 0;
}

static Value gen_iternext(Value self) {
    int yielded;
    Value r = gen_send(self, VAL_NONE, 0, &yielded);
    if (yielded || !r) {
        return r;
    }
    if (r != VAL_NONE) {
        return stop_iteration_with(r);
    }
    return 0;
}

static Value gen_m_send(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)kwnames;
    if (nargs != 1) {
        return err_format(&exc_TypeError, "send() takes exactly one argument (%zu given)", nargs);
    }
    int yielded;
    Value r = gen_send(self, args[0], 0, &yielded);
    if (yielded) {
        return r;
    }
    if (r) {
        return stop_iteration_with(r);
    }
    if (!err_occurred()) {
        err_set_value(val_from_ptr(&exc_StopIteration));
    }
    return 0;
}

static Value gen_close_sub(Value sub) {
    if (gen_check(sub)) {
        extern Value gen_close(Value self);
        return gen_close(sub);
    }
    Value m = obj_getattr_cstr(sub, "close");
    if (!m) {
        err_clear();
        return VAL_NONE;
    }
    return obj_call0(m);
}

// Throw the pending-to-be exception `exc` into g (CPython's _gen_throw).
static Value gen_throw_exc(GenObject *g, Value exc, int close_on_exit, int *yielded) {
    Frame *f = gen_frame(g);
    Value gen = val_from_ptr(g);
    *yielded = 0;
    if (g->state == GEN_SUSPENDED && instr_op(*f->pc) == OP_YIELDFROM) {
        Value sub = f->slots[instr_b(*f->pc)];
        if (type_is_subtype(type_of(exc), &exc_GeneratorExit)) {
            g->state = GEN_RUNNING;
            Value r = gen_close_sub(sub);
            g->state = GEN_SUSPENDED;
            if (!r) {
                return gen_send(gen, 0, 1, yielded);
            }
        } else {
            Value r;
            int sub_yielded = 0;
            g->state = GEN_RUNNING;
            if (gen_check(sub)) {
                // g's frame is the delegate's caller meanwhile, as CPython
                // makes it (f_back, tracebacks)
                if (frame_link(f) < 0) {
                    g->state = GEN_SUSPENDED;
                    return 0;  // RecursionError
                }
                r = gen_throw_exc(gen_obj(sub), exc, 0, &sub_yielded);
                frame_unlink(f);
            } else {
                Value m = obj_getattr_cstr(sub, "throw");
                if (!m) {
                    if (!err_matches(&exc_AttributeError)) {
                        g->state = GEN_SUSPENDED;
                        return gen_send(gen, 0, 1, yielded);
                    }
                    err_clear();
                    g->state = GEN_SUSPENDED;
                    err_set_value(exc);
                    return gen_send(gen, 0, 1, yielded);
                }
                r = obj_call1(m, exc);
                sub_yielded = r != 0;
            }
            g->state = GEN_SUSPENDED;
            if (sub_yielded) {
                *yielded = 1;
                return r;
            }
            if (r || err_matches(&exc_StopIteration)) {
                Value v = r;
                if (!v) {
                    Value e = err_fetch();
                    v = obj_getattr_cstr(e, "value");
                    if (!v) {
                        return gen_send(gen, 0, 1, yielded);
                    }
                }
                Instr i = *f->pc;
                f->slots[instr_a(i)] = v;
                f->pc += 1 + opcode_cache_words[OP_YIELDFROM];
                f->flags |= FRAME_RESUME_AT_PC;
                return gen_send(gen, VAL_NONE, 0, yielded);
            }
            return gen_send(gen, 0, 1, yielded);
        }
    }
    (void)close_on_exit;
    err_set_value(exc);
    return gen_send(gen, 0, 1, yielded);
}

static Value gen_m_throw(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)kwnames;
    if (nargs < 1 || nargs > 3) {
        return err_format(&exc_TypeError, "throw expected at least 1 argument, got %zu", nargs);
    }
    Value typ = args[0], val = nargs > 1 ? args[1] : VAL_NONE, tb = nargs > 2 ? args[2] : VAL_NONE;
    if (tb != VAL_NONE && type_of(tb) != &type_traceback) {
        return err_format(&exc_TypeError, "throw() third argument must be a traceback object");
    }
    Value exc;
    if (val_is_ptr(typ) && type_is_subtype(type_of(typ), &type_type) &&
        type_is_subtype((Type *)val_ptr(typ), &exc_BaseException)) {
        if (val != VAL_NONE && type_is_subtype(type_of(val), (Type *)val_ptr(typ))) {
            exc = val;
        } else if (val == VAL_NONE) {
            exc = obj_call0(typ);
        } else if (tuple_check(val)) {
            exc = obj_call(typ, tuple_obj(val)->items, tuple_obj(val)->len, 0);
        } else {
            exc = obj_call1(typ, val);
        }
        if (!exc) {
            return 0;
        }
    } else if (val_is_ptr(typ) && type_is_subtype(type_of(typ), &exc_BaseException)) {
        if (val != VAL_NONE) {
            return err_format(&exc_TypeError, "instance exception may not have a separate value");
        }
        exc = typ;
    } else {
        return err_format(&exc_TypeError,
                          "exceptions must be classes or instances deriving from BaseException, "
                          "not %s",
                          obj_type_name(typ));
    }
    if (tb != VAL_NONE) {
        ((ExceptionObject *)val_ptr(exc))->traceback = tb;
    }
    int yielded;
    Value r = gen_throw_exc(gen_obj(self), exc, 0, &yielded);
    if (yielded) {
        return r;
    }
    if (r) {
        return stop_iteration_with(r);
    }
    if (!err_occurred()) {
        err_set_value(val_from_ptr(&exc_StopIteration));
    }
    return 0;
}

Value gen_close(Value self) {
    GenObject *g = gen_obj(self);
    if (g->state == GEN_CREATED) {
        g->state = GEN_CLOSED;
        return VAL_NONE;
    }
    if (g->state == GEN_CLOSED) {
        return VAL_NONE;
    }
    Value exc = obj_call0(val_from_ptr(&exc_GeneratorExit));
    if (!exc) {
        return 0;
    }
    int yielded;
    Value r = gen_throw_exc(g, exc, 1, &yielded);
    if (yielded) {
        return err_format(&exc_RuntimeError, "%s ignored GeneratorExit", gen_kind(g));
    }
    if (r) {
        return VAL_NONE;
    }
    if (err_matches(&exc_GeneratorExit) || err_matches(&exc_StopIteration) || !err_occurred()) {
        // swallowed: nothing may keep it (and its __context__, the
        // exception the generator was handling) alive
        Value e = err_fetch();
        if (e && vm_thread.propagating == e) {
            vm_thread.propagating = 0;
        }
        return VAL_NONE;
    }
    return 0;
}

static Value gen_m_close(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)kwnames;
    if (nargs) {
        return err_format(&exc_TypeError, "close() takes no arguments (%zu given)", nargs);
    }
    return gen_close(self);
}

static Value gen_iter(Value self) { return self; }

static Value gen_repr(Value self) {
    GenObject *g = gen_obj(self);
    // the type's name: "async_generator", where messages say "async generator"
    return str_format_c("<%s object %s at %p>", g->header.type->name,
                        str_obj(g->qualname)->data, (void *)g);
}

static Value gen_get_name(Value self) { return gen_obj(self)->name; }
static int gen_set_name(Value self, Value v) {
    if (!v || !val_is_str(v)) {
        err_format(&exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    gen_obj(self)->name = v;
    return 0;
}
static Value gen_get_qualname(Value self) { return gen_obj(self)->qualname; }
static int gen_set_qualname(Value self, Value v) {
    if (!v || !val_is_str(v)) {
        err_format(&exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    gen_obj(self)->qualname = v;
    return 0;
}
static Value gen_get_running(Value self) { return val_bool(gen_obj(self)->state == GEN_RUNNING); }
static Value gen_get_suspended(Value self) {
    return val_bool(gen_obj(self)->state == GEN_SUSPENDED);
}
static Value gen_get_code(Value self) { return val_from_ptr(gen_frame(gen_obj(self))->code); }
static Value gen_get_frame(Value self) {
    GenObject *g = gen_obj(self);
    if (g->state == GEN_CLOSED) {
        return VAL_NONE;
    }
    return frame_object_for(gen_frame(g));
}
Value gen_delegate(Value gen) {
    GenObject *g = gen_obj(gen);
    Frame *f = gen_frame(g);
    if (g->state == GEN_SUSPENDED && instr_op(*f->pc) == OP_YIELDFROM) {
        return f->slots[instr_b(*f->pc)];
    }
    return 0;
}

static Value gen_get_yieldfrom(Value self) {
    Value sub = gen_delegate(self);
    if (sub && gen_check(sub)) {
        gen_obj(sub)->exposed = 1;  // someone else may hold it now
    }
    return sub ? sub : VAL_NONE;
}

void gen_mark_owned(Value gen) { gen_obj(gen)->owned = 1; }

// The `yield from f(...)` that made gen (and moved it out of the call's
// register) is the only holder: a plain generator, closed, never handed
// out. A frame object made for it was detached when it closed, so it does
// not point into the cell.
bool gen_free_unseen(Value gen) {
    if (!val_is_ptr(gen)) {
        return false;
    }
    Type *t = val_ptr(gen)->type;
    if (t != &type_generator && t != &type_coroutine) {
        return false;
    }
    GenObject *g = gen_obj(gen);
    if (!g->owned || g->exposed || g->state != GEN_CLOSED || gen_frame(g)->frame_object) {
        return false;
    }
    // A coroutine is registered from the start (for "never awaited"); one
    // that ran to its end needs no finalizer.
    if (g->finalizable) {
        if (t != &type_coroutine || !gc_unregister_recent_finalizer(&g->header)) {
            return false;
        }
        g->finalizable = 0;
    }
    return gc_free_dead(&g->header);  // (refused: closed, it needs no finalizer)
}

static const GetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the generator"},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the generator"},
    {"gi_running", gen_get_running, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef gen_methods[] = {
    {"send", gen_m_send, METH_NO_KEYWORDS,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_m_throw, METH_NO_KEYWORDS,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded "
     "value or raise\nStopIteration."},
    {"close", gen_m_close, METH_NO_KEYWORDS, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

Type type_generator = {
    .header = {&type_type},
    .name = "generator",
    .flags = TYPE_HAS_WEAKREF | TYPE_FINALIZER_OPT_IN,  // gen_send registers
    .basic_size = sizeof(GenObject),
    .base = &type_object,
    .trace = gen_trace,
    .finalize = gen_finalize,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getset = gen_getset,
};

// ---- coroutines ----------------------------------------------------------------------
// A coroutine is not iterable; `await` drives it directly (YIELDFROM), and
// __await__ returns a wrapper iterator for code that drives it by hand.

typedef struct CoroWrapper {
    Object header;
    Value coro;
} CoroWrapper;

static void corowrapper_trace(Object *o, GcTracer *t) { gc_trace_value(t, ((CoroWrapper *)o)->coro); }

static Value corowrapper_iternext(Value self) { return gen_iternext(((CoroWrapper *)val_ptr(self))->coro); }
static Value corowrapper_send(Value self, const Value *args, size_t nargs, Value kwnames) {
    return gen_m_send(((CoroWrapper *)val_ptr(self))->coro, args, nargs, kwnames);
}
static Value corowrapper_throw(Value self, const Value *args, size_t nargs, Value kwnames) {
    return gen_m_throw(((CoroWrapper *)val_ptr(self))->coro, args, nargs, kwnames);
}
static Value corowrapper_close(Value self, const Value *args, size_t nargs, Value kwnames) {
    return gen_m_close(((CoroWrapper *)val_ptr(self))->coro, args, nargs, kwnames);
}

static const MethodDef corowrapper_methods[] = {
    {"send", corowrapper_send, METH_NO_KEYWORDS, NULL},
    {"throw", corowrapper_throw, METH_NO_KEYWORDS, NULL},
    {"close", corowrapper_close, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_coroutine_wrapper = {
    .header = {&type_type},
    .name = "coroutine_wrapper",
    .basic_size = sizeof(CoroWrapper),
    .base = &type_object,
    .trace = corowrapper_trace,
    .iter = gen_iter,
    .iternext = corowrapper_iternext,
    .methods = corowrapper_methods,
};

static Value coro_m_await(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)kwnames;
    if (nargs) {
        return err_format(&exc_TypeError, "__await__() takes no arguments (%zu given)", nargs);
    }
    CoroWrapper *w = (CoroWrapper *)gc_alloc(&type_coroutine_wrapper, sizeof(CoroWrapper));
    if (!w) {
        return 0;
    }
    w->coro = self;
    return val_from_ptr(w);
}

static const MethodDef coro_methods[] = {
    {"send", gen_m_send, METH_NO_KEYWORDS,
     "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", gen_m_throw, METH_NO_KEYWORDS,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next "
     "iterated value or raise\nStopIteration."},
    {"close", gen_m_close, METH_NO_KEYWORDS, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coro_m_await, METH_NO_KEYWORDS,
     "__await__($self, /)\n--\n\n"
     "Return an iterator to be used in await expression."},
    {NULL, NULL, 0, NULL},
};

static Value coro_get_origin(Value self) {
    Value o = gen_obj(self)->origin;
    return o ? o : VAL_NONE;
}

static const GetSetDef coro_getset[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the coroutine"},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the coroutine"},
    {"cr_running", gen_get_running, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL},
    {"cr_frame", gen_get_frame, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL},
    {"cr_origin", coro_get_origin, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_coroutine = {
    .header = {&type_type},
    .name = "coroutine",
    .flags = TYPE_HAS_WEAKREF | TYPE_FINALIZER_OPT_IN,  // gen_new registers
    .basic_size = sizeof(GenObject),
    .base = &type_object,
    .trace = gen_trace,
    .finalize = gen_finalize,
    .repr = gen_repr,
    .methods = coro_methods,
    .getset = coro_getset,
};

// ---- async generators ----------------------------------------------------------------
// The frame yields two kinds of values: those of `yield v`, wrapped by
// ASYNCGENWRAP, which complete the awaitable that __anext__/asend returned
// (StopIteration(v)), and those of an `await` inside, which pass through
// to whoever drives the awaitable (the event loop).

typedef struct WrappedValue {
    Object header;
    Value value;
} WrappedValue;

static void wrapped_trace(Object *o, GcTracer *t) { gc_trace_value(t, ((WrappedValue *)o)->value); }

Type type_async_gen_wrapped_value = {
    .header = {&type_type},
    .name = "async_generator_wrapped_value",
    .basic_size = sizeof(WrappedValue),
    .base = &type_object,
    .trace = wrapped_trace,
};

Value gen_async_wrap(Value v) {
    WrappedValue *w = (WrappedValue *)gc_alloc(&type_async_gen_wrapped_value, sizeof *w);
    if (!w) {
        return 0;
    }
    w->value = v;
    return val_from_ptr(w);
}

enum AwaitableState { AW_INIT, AW_ITER, AW_CLOSED };

typedef struct AsyncGenAwaitable {
    Object header;
    Value gen;
    Value sendval;     // asend: the value to send first
    Value exc;         // athrow: the exception to throw, or 0 for aclose
    uint32_t state;
    uint32_t is_throw; // athrow / aclose
} AsyncGenAwaitable;

static void agaw_trace(Object *o, GcTracer *t) {
    AsyncGenAwaitable *a = (AsyncGenAwaitable *)o;
    gc_trace_value(t, a->gen);
    gc_trace_value(t, a->sendval);
    gc_trace_value(t, a->exc);
}

extern Type type_async_gen_asend, type_async_gen_athrow;

// What one step of the generator means for the awaitable: a wrapped value
// completes it (StopIteration(value)), a plain one passes through, the end
// of the generator is StopAsyncIteration.
static Value agaw_unwrap(AsyncGenAwaitable *a, Value r, int yielded) {
    if (!yielded) {
        a->state = AW_CLOSED;
        if (r) {
            if (a->is_throw && !a->exc) {
                return stop_iteration_with(VAL_NONE);  // aclose(): finished
            }
            return err_set_value(val_from_ptr(&exc_StopAsyncIteration));
        }
        if (!err_occurred()) {
            return err_set_value(val_from_ptr(&exc_StopAsyncIteration));
        }
        if (a->is_throw && !a->exc &&
            (err_matches(&exc_StopAsyncIteration) || err_matches(&exc_GeneratorExit))) {
            err_clear();
            return stop_iteration_with(VAL_NONE);
        }
        return 0;
    }
    if (type_of(r) == &type_async_gen_wrapped_value) {
        a->state = AW_CLOSED;
        if (a->is_throw && !a->exc) {
            return err_format(&exc_RuntimeError, "async generator ignored GeneratorExit");
        }
        return stop_iteration_with(((WrappedValue *)val_ptr(r))->value);
    }
    return r;
}

static Value agaw_send_impl(AsyncGenAwaitable *a, Value v) {
    int yielded = 0;
    Value r;
    if (a->state == AW_CLOSED) {
        return err_format(&exc_RuntimeError, "cannot reuse already awaited %s",
                          a->header.type == &type_async_gen_asend ? "__anext__()/asend()"
                                                                  : "aclose()/athrow()");
    }
    if (a->state == AW_INIT) {
        a->state = AW_ITER;
        if (a->is_throw) {
            GenObject *g = gen_obj(a->gen);
            if (!a->exc) {
                g->ag_closed = 1;  // aclose(): no finalizer hook any more
            }
            if (g->state == GEN_CLOSED || (g->state == GEN_CREATED && !a->exc)) {
                g->state = GEN_CLOSED;
                a->state = AW_CLOSED;
                if (!a->exc) {
                    return stop_iteration_with(VAL_NONE);
                }
                return err_set_value(val_from_ptr(&exc_StopAsyncIteration));
            }
            Value exc = a->exc;
            if (!exc) {
                exc = obj_call0(val_from_ptr(&exc_GeneratorExit));
                if (!exc) {
                    return 0;
                }
            }
            r = gen_throw_exc(g, exc, !a->exc, &yielded);
            return agaw_unwrap(a, r, yielded);
        }
        if (v == VAL_NONE) {
            v = a->sendval;
        }
    }
    r = gen_send(a->gen, v, 0, &yielded);
    return agaw_unwrap(a, r, yielded);
}

static Value agaw_iternext(Value self) {
    return agaw_send_impl((AsyncGenAwaitable *)val_ptr(self), VAL_NONE);
}

static Value agaw_m_send(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)kwnames;
    if (nargs != 1) {
        return err_format(&exc_TypeError, "send() takes exactly one argument (%zu given)", nargs);
    }
    Value r = agaw_send_impl((AsyncGenAwaitable *)val_ptr(self), args[0]);
    if (!r && !err_occurred()) {
        err_set_value(val_from_ptr(&exc_StopIteration));
    }
    return r;
}

static Value agaw_m_throw(Value self, const Value *args, size_t nargs, Value kwnames) {
    AsyncGenAwaitable *a = (AsyncGenAwaitable *)val_ptr(self);
    if (a->state == AW_CLOSED) {
        return err_format(&exc_RuntimeError, "cannot reuse already awaited %s",
                          a->header.type == &type_async_gen_asend ? "__anext__()/asend()"
                                                                  : "aclose()/athrow()");
    }
    Value r = gen_m_throw(a->gen, args, nargs, kwnames);
    int yielded = r != 0;
    if (!r && err_matches(&exc_StopIteration)) {
        err_clear();  // the generator returned
        r = VAL_NONE;
    }
    return agaw_unwrap(a, r, yielded);
}

static Value agaw_m_close(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    ((AsyncGenAwaitable *)val_ptr(self))->state = AW_CLOSED;
    return VAL_NONE;
}


static Value agaw_await(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    return self;
}

static const MethodDef agaw_await_methods[] = {
    {"send", agaw_m_send, METH_NO_KEYWORDS, NULL},
    {"throw", agaw_m_throw, METH_NO_KEYWORDS, NULL},
    {"close", agaw_m_close, METH_NO_KEYWORDS, NULL},
    {"__await__", agaw_await, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_async_gen_asend = {
    .header = {&type_type},
    .name = "async_generator_asend",
    .basic_size = sizeof(AsyncGenAwaitable),
    .base = &type_object,
    .trace = agaw_trace,
    .iter = gen_iter,
    .iternext = agaw_iternext,
    .methods = agaw_await_methods,
};

Type type_async_gen_athrow = {
    .header = {&type_type},
    .name = "async_generator_athrow",
    .basic_size = sizeof(AsyncGenAwaitable),
    .base = &type_object,
    .trace = agaw_trace,
    .iter = gen_iter,
    .iternext = agaw_iternext,
    .methods = agaw_await_methods,
};

static Value agaw_new(Type *t, Value gen, Value sendval, Value exc, int is_throw) {
    AsyncGenAwaitable *a = (AsyncGenAwaitable *)gc_alloc(t, sizeof *a);
    if (!a) {
        return 0;
    }
    a->gen = gen;
    a->sendval = sendval;
    a->exc = exc;
    a->state = AW_INIT;
    a->is_throw = (uint32_t)is_throw;
    return val_from_ptr(a);
}

static Value ag_m_anext(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)kwnames;
    if (nargs) {
        return err_format(&exc_TypeError, "__anext__() takes no arguments (%zu given)", nargs);
    }
    if (ag_init_hooks(self) < 0) {
        return 0;
    }
    return agaw_new(&type_async_gen_asend, self, VAL_NONE, 0, 0);
}

static Value ag_m_aiter(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)kwnames;
    if (nargs) {
        return err_format(&exc_TypeError, "__aiter__() takes no arguments (%zu given)", nargs);
    }
    return self;
}

static Value ag_m_asend(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)kwnames;
    if (nargs != 1) {
        return err_format(&exc_TypeError, "asend() takes exactly one argument (%zu given)", nargs);
    }
    if (ag_init_hooks(self) < 0) {
        return 0;
    }
    return agaw_new(&type_async_gen_asend, self, args[0], 0, 0);
}

static Value ag_m_athrow(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)kwnames;
    if (nargs < 1 || nargs > 3) {
        return err_format(&exc_TypeError, "athrow expected at least 1 argument, got %zu", nargs);
    }
    if (ag_init_hooks(self) < 0) {
        return 0;
    }
    Value typ = args[0], val = nargs > 1 ? args[1] : VAL_NONE;
    Value exc;
    if (val_is_ptr(typ) && type_is_subtype(type_of(typ), &type_type) &&
        type_is_subtype((Type *)val_ptr(typ), &exc_BaseException)) {
        exc = val == VAL_NONE ? obj_call0(typ) : obj_call1(typ, val);
    } else if (val_is_ptr(typ) && type_is_subtype(type_of(typ), &exc_BaseException)) {
        exc = typ;
    } else {
        return err_format(&exc_TypeError,
                          "exceptions must be classes or instances deriving from BaseException, "
                          "not %s",
                          obj_type_name(typ));
    }
    return exc ? agaw_new(&type_async_gen_athrow, self, VAL_NONE, exc, 1) : 0;
}

static Value ag_m_aclose(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)kwnames;
    if (nargs) {
        return err_format(&exc_TypeError, "aclose() takes no arguments (%zu given)", nargs);
    }
    if (ag_init_hooks(self) < 0) {
        return 0;
    }
    return agaw_new(&type_async_gen_athrow, self, VAL_NONE, 0, 1);
}

static const MethodDef ag_methods[] = {
    {"__anext__", ag_m_anext, METH_NO_KEYWORDS, "__anext__($self, /)\n--\n\n"},
    {"__aiter__", ag_m_aiter, METH_NO_KEYWORDS, "__aiter__($self, /)\n--\n\n"},
    {"asend", ag_m_asend, METH_NO_KEYWORDS, NULL},
    {"athrow", ag_m_athrow, METH_NO_KEYWORDS, NULL},
    {"aclose", ag_m_aclose, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef ag_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"ag_running", gen_get_running, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL},
    {"ag_frame", gen_get_frame, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_async_generator = {
    .header = {&type_type},
    .name = "async_generator",
    .flags = TYPE_HAS_WEAKREF | TYPE_FINALIZER_OPT_IN,  // ag_init_hooks registers
    .basic_size = sizeof(GenObject),
    .base = &type_object,
    .trace = gen_trace,
    .finalize = ag_finalize,
    .repr = gen_repr,
    .methods = ag_methods,
    .getset = ag_getset,
};
