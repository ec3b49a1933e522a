// frameobject.c - Python-visible frames, tracebacks, and printing an
// uncaught exception the way CPython does (the traceback entries here, the
// rest of the report - chains, groups, notes - in excprint.c).
//
// Interpreter frames live on the VM stack and die at return; a frame object
// is made only when someone asks (a traceback entry, sys._getframe(),
// gi_frame). While the frame runs the object reads it live; when the frame
// is popped, frame_object_detach keeps what stays observable: the last
// instruction (the line is computed from it when asked) and the variable
// slots (the f_locals dict is built from them when asked: a frame object
// made for a traceback whose locals nobody reads costs no dict).
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/numparse.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../modules/modules.h"
#include "../parse/parser.h"
#include "excprint.h"
#include "interp_internal.h"

typedef struct FrameObject {
    Object header;
    Frame *live;          // the running frame, or NULL once it finished
    Code *code;
    Value globals, builtins;
    Value locals;         // the locals dict (or the mapping), or 0 if not made yet
    Value slots;          // after detaching without a locals dict: a private tuple
                          // of the frame's variable slots (0 for unbound), or 0
    Value back;           // after detaching: the caller's frame object, or 0
    int32_t lasti;        // after detaching
    // sys.settrace's state for this frame (trace.c): the local trace
    // function (0: none), f_trace_lines / f_trace_opcodes, and the last
    // instruction a line event was decided at (-1: none yet), which tells a
    // new line or a backward jump.
    Value f_trace;
    bool trace_lines, trace_opcodes;
    int32_t trace_last;
    // A jump made at a yield: the instruction to resume at, plus one (0: none).
    int32_t resume_jump;
} FrameObject;

typedef struct TracebackObject {
    Object header;
    Value next;           // traceback or 0
    Value frame;          // frame object
    int32_t lasti;        // in CPython's units: 2 per instruction word
    int32_t lineno;       // -1: computed from lasti when asked (TracebackType() gives one)
} TracebackObject;

static FrameObject *fo_obj(Value v) { return (FrameObject *)val_ptr(v); }

int frame_lineno(Frame *f) {
    SourcePos p = code_position(f->code, (uint32_t)(f->pc - f->code->instrs));
    return p.lineno;
}

static int fo_lineno(const FrameObject *fo) {
    if (fo->live && __builtin_expect(vm_hooks_on, 0) && vm_trace_call_line(fo->live) >= 0) {
        return vm_trace_call_line(fo->live);
    }
    if (fo->live && (fo->live->flags & FRAME_GEN) && !(fo->live->flags & FRAME_STARTED)) {
        return (int)fo->code->firstlineno;  // a generator not started yet: its def line
    }
    return fo->live ? frame_lineno(fo->live) : code_position(fo->code, (uint32_t)fo->lasti).lineno;
}

static void frame_object_trace(Object *o, GcTracer *t) {
    FrameObject *fo = (FrameObject *)o;
    gc_trace_object(t, (Object *)fo->code);
    gc_trace_value(t, fo->globals);
    gc_trace_value(t, fo->builtins);
    gc_trace_value(t, fo->locals);
    gc_trace_private(t, fo->slots ? val_ptr(fo->slots) : NULL);
    gc_trace_value(t, fo->back);
    gc_trace_value(t, fo->f_trace);
}

Value frame_object_for(Frame *f) {
    if (f->frame_object) {
        return f->frame_object;
    }
    FrameObject *fo = (FrameObject *)gc_alloc(&type_frame, sizeof(FrameObject));
    if (!fo) {
        return 0;
    }
    fo->live = f;
    fo->code = f->code;
    fo->globals = f->globals;
    fo->builtins = f->builtins;
    fo->trace_lines = true;
    fo->trace_last = -1;
    f->frame_object = val_from_ptr(fo);
    return f->frame_object;
}

// Bring name's entry of the locals dict d up to date: the value, or no
// entry when the variable is unbound.
static int locals_sync(Value d, Value name, Value v) {
    if (v) {
        return dict_set(d, name, v);
    }
    return dict_del(d, name) < 0 ? -1 : 0;
}

static Value cell_contents(Value c) {
    return c && val_ptr(c)->type == &type_cell ? ((CellObject *)val_ptr(c))->value : 0;
}

// The local variables of a function frame as a dict (CPython 3.11's
// f_locals): one dict per frame, kept by its frame object and brought up
// to date each time it is asked for - parameters and locals, then cells
// and free variables, bound ones set and unbound ones removed - so that
// locals() returns the same dict every time, as in CPython before 3.13.
// Bring d up to date with the variable slots of a frame of code co.
static int locals_fill(Value d, Code *co, const Value *slots) {
    TupleObject *names = tuple_obj(co->varnames);
    TupleObject *cells = tuple_obj(co->cellvars);
    for (size_t i = 0; i < co->nlocals && i < names->len; i++) {
        Value v = slots[i];
        // A captured parameter lives in its cell once the function runs.
        for (size_t c = 0; c < co->ncells && c < cells->len; c++) {
            if (str_equal(cells->items[c], names->items[i])) {
                v = cell_contents(slots[co->nlocals + c]);
                break;
            }
        }
        if (locals_sync(d, names->items[i], v) < 0) {
            return -1;
        }
    }
    for (size_t c = 0; c < co->ncells && c < cells->len; c++) {
        int is_param = 0;
        for (size_t i = 0; i < co->nlocals && i < names->len && !is_param; i++) {
            is_param = str_equal(names->items[i], cells->items[c]);
        }
        if (!is_param &&
            locals_sync(d, cells->items[c], cell_contents(slots[co->nlocals + c])) < 0) {
            return -1;
        }
    }
    TupleObject *frees = tuple_obj(co->freevars);
    for (size_t i = 0; i < co->nfrees && i < frees->len; i++) {
        Value v = cell_contents(slots[co->nlocals + co->ncells + i]);
        if (locals_sync(d, frees->items[i], v) < 0) {
            return -1;
        }
    }
    return 0;
}

static Value frame_locals_dict(Frame *f) {
    if (f->locals) {
        return f->locals;
    }
    Value fov = frame_object_for(f);
    if (!fov) {
        return 0;
    }
    FrameObject *fo = fo_obj(fov);
    if (!fo->locals) {
        fo->locals = dict_new();
        if (!fo->locals) {
            return 0;
        }
    }
    Value d = fo->locals;
    return locals_fill(d, f->code, f->slots) < 0 ? 0 : d;
}

Value vm_frame_locals(Frame *f) { return frame_locals_dict(f); }

void frame_object_detach(Frame *f) {
    FrameObject *fo = fo_obj(f->frame_object);
    fo->lasti = (int32_t)(f->pc - f->code->instrs);
    if (f->locals || fo->locals) {
        // a namespace frame, or a locals dict already handed out: bring it
        // up to date now, as CPython does when the frame finishes
        fo->locals = frame_locals_dict(f);
        if (!fo->locals) {
            err_clear();
        }
    } else {
        Code *co = f->code;
        size_t n = co->nlocals + co->ncells + co->nfrees;
        if (n > 0) {
            // An exception may be propagating through this frame: a failed
            // allocation replaces it with MemoryError; on a normal return it
            // is dropped, and f_locals comes out empty.
            int propagating = err_occurred() != 0;
            Value t = tuple_new(n);
            if (t) {
                memcpy(tuple_obj(t)->items, f->slots, n * sizeof(Value));
                fo->slots = t;
            } else if (!propagating) {
                err_clear();
            }
        }
    }
    fo->back = f->back && f->back->frame_object ? f->back->frame_object : 0;
    fo->live = NULL;
    f->frame_object = 0;
}

static Value fr_get_code(Value self) { return val_from_ptr(fo_obj(self)->code); }
static Value fr_get_globals(Value self) { return fo_obj(self)->globals; }
static Value fr_get_builtins(Value self) { return fo_obj(self)->builtins; }
static Value fr_get_locals(Value self) {
    FrameObject *fo = fo_obj(self);
    if (fo->live) {
        return frame_locals_dict(fo->live);
    }
    if (!fo->locals) {
        Value d = dict_new();
        if (!d) {
            return 0;
        }
        if (fo->slots && locals_fill(d, fo->code, tuple_obj(fo->slots)->items) < 0) {
            return 0;
        }
        fo->locals = d;
        fo->slots = 0;
    }
    return fo->locals;
}
static Value fr_get_lineno(Value self) {
    FrameObject *fo = fo_obj(self);
    return val_from_smallint(fo_lineno(fo));
}
static Value fr_get_lasti(Value self) {
    FrameObject *fo = fo_obj(self);
    int64_t lasti = fo->live ? fo->live->pc - fo->code->instrs : fo->lasti;
    return val_from_smallint(lasti * 2);
}
static Value fr_get_back(Value self) {
    FrameObject *fo = fo_obj(self);
    if (fo->live) {
        Frame *b = fo->live->back;
        if (!b) {
            return VAL_NONE;
        }
        return frame_object_for(b);
    }
    return fo->back ? fo->back : VAL_NONE;
}
static Value fr_get_trace(Value self) {
    Value fn = fo_obj(self)->f_trace;
    return fn ? fn : VAL_NONE;
}
// Setting f_trace on a running frame (pdb does it to the frames it stops
// in) starts its line events after the instruction running now.
static int fr_set_trace(Value self, Value v) {
    FrameObject *fo = fo_obj(self);
    fo->f_trace = v && v != VAL_NONE ? v : 0;
    if (fo->live) {
        fo->trace_last = (int32_t)(fo->live->pc - fo->code->instrs);
    }
    return 0;
}
static Value fr_get_trace_lines(Value self) {
    return val_bool(fo_obj(self)->trace_lines);
}
static int fr_set_trace_flag(Value v, bool *flag) {
    if (!v || (v != VAL_TRUE && v != VAL_FALSE)) {
        err_format(&exc_TypeError, "attribute value type must be bool");
        return -1;
    }
    *flag = v == VAL_TRUE;
    return 0;
}
static int fr_set_trace_lines(Value self, Value v) {
    return fr_set_trace_flag(v, &fo_obj(self)->trace_lines);
}
static Value fr_get_trace_opcodes(Value self) {
    return val_bool(fo_obj(self)->trace_opcodes);
}
static int fr_set_trace_opcodes(Value self, Value v) {
    return fr_set_trace_flag(v, &fo_obj(self)->trace_opcodes);
}
// A jump (jump.c): only from a trace function, at a 'line' event (or at
// the 'return' event of a yield); it takes effect when the trace function
// returns (the interpreter's hook goes on at f->pc), or, at a yield, when
// the generator resumes.
static int fr_set_lineno(Value self, Value v) {
    FrameObject *fo = fo_obj(self);
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (type_of(v) != &type_int) {
        err_format(&exc_ValueError, "lineno must be an integer");
        return -1;
    }
    // CPython's order: the kind of the last event first, then f_trace
    const char *event = vm_trace_last_event();
    bool suspended =
        fo->live && ((fo->live->flags & FRAME_YIELDED) || vm_trace_yielding(fo->live));
    if (strcmp(event, "call") == 0) {
        err_format(&exc_ValueError, "can't jump from the 'call' trace event of a new frame");
        return -1;
    }
    if (strcmp(event, "line") != 0 && !(strcmp(event, "return") == 0 && suspended)) {
        err_format(&exc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    }
    if (!fo->f_trace) {
        err_format(&exc_ValueError, "f_lineno can only be set by a trace function");
        return -1;
    }
    if (!fo->live) {
        err_format(&exc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    }
    uint32_t pc;
    if (vm_frame_jump(fo->live, v, suspended, &pc) < 0) {
        return -1;
    }
    if (suspended) {
        fo->resume_jump = (int32_t)pc + 1;
    } else {
        fo->live->pc = fo->code->instrs + pc;
    }
    fo->trace_last = (int32_t)pc;  // no new 'line' event for the target itself
    return 0;
}

int32_t frame_take_resume_jump(Frame *f) {
    if (!f->frame_object) {
        return -1;
    }
    FrameObject *fo = fo_obj(f->frame_object);
    int32_t pc = fo->resume_jump - 1;
    fo->resume_jump = 0;
    return pc;
}

Value frame_trace_func(Frame *f) {
    return f->frame_object ? fo_obj(f->frame_object)->f_trace : 0;
}

void frame_set_trace_func(Frame *f, Value fn) {
    if (f->frame_object) {
        fo_obj(f->frame_object)->f_trace = fn;
    }
}

// Whether the instruction at f->pc starts a line event: its line differs
// from that of the instruction decided last, or it was reached by a jump
// backwards (a loop's next round). -1 with MemoryError.
int frame_trace_new_line(Frame *f, bool *opcodes) {
    FrameObject *fo = fo_obj(f->frame_object);
    int32_t at = (int32_t)(f->pc - f->code->instrs);
    int32_t last = fo->trace_last;
    fo->trace_last = at;
    *opcodes = fo->trace_opcodes;
    if (!fo->trace_lines) {
        return 0;
    }
    int32_t line = code_line_at(f->code, (uint32_t)at);
    if (line == -2) {
        return -1;
    }
    if (line < 0) {
        return 0;
    }
    if (last < 0 || at < last) {
        return 1;
    }
    int32_t prev = code_line_at(f->code, (uint32_t)last);
    if (prev == -2) {
        return -1;
    }
    return line != prev;
}

void frame_trace_reset(Frame *f) {
    if (f->frame_object) {
        fo_obj(f->frame_object)->trace_last = -1;
    }
}

// frame.clear(): drop the local variables. A suspended generator's frame
// closes the generator first; a frame that is executing cannot be cleared.
static Value fr_m_clear(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (method_check_args("clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    FrameObject *fo = fo_obj(self);
    if (fo->live) {
        Frame *f = fo->live;
        if (!(f->flags & FRAME_GEN) || gen_is_running(gen_of_frame(f))) {
            return err_format(&exc_RuntimeError, "cannot clear an executing frame");
        }
        gen_finalize_for_clear(gen_of_frame(f));
        if (fo->live) {
            return VAL_NONE;   // still suspended (an unawaited coroutine, a refusal to close)
        }
    }
    fo->locals = 0;
    return VAL_NONE;
}

static const MethodDef frame_methods[] = {
    {"clear", fr_m_clear, METH_DEFAULT,
     "F.clear(): clear most references held by the frame"},
    {NULL, NULL, 0, NULL},
};

static Value frame_repr(Value self) {
    FrameObject *fo = fo_obj(self);
    Code *co = fo->code;
    int line = fo_lineno(fo);
    Value fr = obj_repr(co->filename);
    if (!fr) {
        return 0;
    }
    return str_format_c("<frame at %p, file %s, line %d, code %s>", (void *)fo,
                        str_obj(fr)->data, line, str_obj(co->name)->data);
}

static const GetSetDef frame_getset[] = {
    {"f_code", fr_get_code, NULL, NULL},
    {"f_globals", fr_get_globals, NULL, NULL},
    {"f_builtins", fr_get_builtins, NULL, NULL},
    {"f_locals", fr_get_locals, NULL, NULL},
    {"f_lineno", fr_get_lineno, fr_set_lineno, NULL},
    {"f_lasti", fr_get_lasti, NULL, NULL},
    {"f_back", fr_get_back, NULL, NULL},
    {"f_trace", fr_get_trace, fr_set_trace, NULL},
    {"f_trace_lines", fr_get_trace_lines, fr_set_trace_lines, NULL},
    {"f_trace_opcodes", fr_get_trace_opcodes, fr_set_trace_opcodes, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_frame = {
    .header = {&type_type},
    .name = "frame",
    .basic_size = sizeof(FrameObject),
    .base = &type_object,
    .trace = frame_object_trace,
    .repr = frame_repr,
    .getset = frame_getset,
    .methods = frame_methods,
};

// ---- tracebacks ----------------------------------------------------------------------

static void traceback_trace(Object *o, GcTracer *t) {
    TracebackObject *tb = (TracebackObject *)o;
    gc_trace_value(t, tb->next);
    gc_trace_value(t, tb->frame);
}

void traceback_add(Value exc, Frame *f, uint32_t pc_index) {
    ExceptionObject *e = (ExceptionObject *)val_ptr(exc);
    Value fo = frame_object_for(f);
    TracebackObject *tb = fo ? (TracebackObject *)gc_alloc(&type_traceback, sizeof *tb) : NULL;
    if (!tb) {
        err_clear();
        return;
    }
    tb->next = e->traceback && e->traceback != VAL_NONE ? e->traceback : 0;
    tb->frame = fo;
    tb->lasti = (int32_t)pc_index * 2;
    tb->lineno = -1;
    e->traceback = val_from_ptr(tb);
}

int traceback_head_is(Value exc, Frame *f) {
    ExceptionObject *e = (ExceptionObject *)val_ptr(exc);
    if (!e->traceback || e->traceback == VAL_NONE || !f->frame_object) {
        return 0;
    }
    TracebackObject *tb = (TracebackObject *)val_ptr(e->traceback);
    return tb->frame == f->frame_object && fo_obj(tb->frame)->live == f;
}

static TracebackObject *tb_obj(Value v) { return (TracebackObject *)val_ptr(v); }

// A traceback entry's line: computed from its instruction when asked.
static int tb_lineno(const TracebackObject *tb) {
    if (tb->lineno >= 0) {
        return tb->lineno;
    }
    return code_position(fo_obj(tb->frame)->code, (uint32_t)tb->lasti / 2).lineno;
}

// Whether a traceback entry runs code of importlib's bootstrap modules.
static int tb_in_importlib(TracebackObject *tb) {
    Value fn = fo_obj(tb->frame)->code->filename;
    if (!fn || !val_is_str(fn)) {
        return 0;
    }
    const char *s = str_obj(fn)->data;
    return strcmp(s, "<frozen importlib._bootstrap>") == 0 ||
           strcmp(s, "<frozen importlib._bootstrap_external>") == 0;
}

void traceback_remove_importlib_frames(Value exc, int always) {
    if (!exc || !val_is_ptr(exc) || !(type_of(exc)->flags & TYPE_EXC_SUBCLASS)) {
        return;
    }
    ExceptionObject *e = (ExceptionObject *)val_ptr(exc);
    if (!e->traceback || e->traceback == VAL_NONE) {
        return;
    }
    // Links are the places that hold a pointer to an entry: the exception's
    // traceback field, then each entry's next. outer is the link into the
    // current run of importlib entries; dropping an entry points it past.
    Value *prev = &e->traceback, *outer = prev;
    int in_importlib = 0;
    for (Value tb = e->traceback; tb && tb != VAL_NONE;) {
        TracebackObject *t = tb_obj(tb);
        Value next = t->next;
        int now = tb_in_importlib(t);
        if (now && !in_importlib) {
            outer = prev;
        }
        in_importlib = now;
        Value name = fo_obj(t->frame)->code->name;
        if (now && (always || (name && val_is_str(name) &&
                               strcmp(str_obj(name)->data, "_call_with_frames_removed") == 0))) {
            *outer = next ? next : (outer == &e->traceback ? VAL_NONE : 0);
            prev = outer;
        } else {
            prev = &t->next;
        }
        tb = next;
    }
}
static Value tb_get_next(Value self) {
    Value n = tb_obj(self)->next;
    return n ? n : VAL_NONE;
}
static int tb_set_next(Value self, Value v) {
    if (!v) {
        err_format(&exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v != VAL_NONE && type_of(v) != &type_traceback) {
        err_format(&exc_TypeError, "expected traceback object or None, got '%s'",
                   obj_type_name(v));
        return -1;
    }
    for (Value c = v; c && c != VAL_NONE; c = tb_obj(c)->next) {
        if (c == self) {
            err_format(&exc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    tb_obj(self)->next = v == VAL_NONE ? 0 : v;
    return 0;
}
static Value tb_get_frame(Value self) { return tb_obj(self)->frame; }
static Value tb_get_lineno(Value self) { return val_from_smallint(tb_lineno(tb_obj(self))); }
static Value tb_get_lasti(Value self) { return val_from_smallint(tb_obj(self)->lasti); }

static const GetSetDef traceback_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

// As CPython: dir() of a traceback shows its four attributes only.
static Value tb_m_dir(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__dir__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value names[4] = {str_intern_cstr("tb_frame"), str_intern_cstr("tb_next"),
                      str_intern_cstr("tb_lasti"), str_intern_cstr("tb_lineno")};
    return list_from(names, 4);
}

static const MethodDef traceback_methods[] = {
    {"__dir__", tb_m_dir, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

// TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno).
static Value traceback_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    (void)type;
    static const char *const names[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL};
    static const ArgSpec spec = {"TracebackType", 0, names, 4, 4, 0};
    Value a[4];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (a[0] != VAL_NONE && type_of(a[0]) != &type_traceback) {
        return err_format(&exc_TypeError, "expected traceback object or None, got '%s'",
                          obj_type_name(a[0]));
    }
    if (type_of(a[1]) != &type_frame) {
        return err_format(&exc_TypeError,
                          "TracebackType() argument 'tb_frame' must be frame, not %s",
                          obj_type_name(a[1]));
    }
    int64_t lasti, lineno;
    if (obj_as_int64(a[2], &lasti) < 0 || obj_as_int64(a[3], &lineno) < 0) {
        return 0;
    }
    TracebackObject *tb = (TracebackObject *)gc_alloc(&type_traceback, sizeof *tb);
    if (!tb) {
        return 0;
    }
    tb->next = a[0] == VAL_NONE ? 0 : a[0];
    tb->frame = a[1];
    tb->lasti = (int32_t)lasti;
    tb->lineno = lineno < 0 ? 0 : (int32_t)lineno;
    return val_from_ptr(tb);
}

Type type_traceback = {
    .header = {&type_type},
    .name = "traceback",
    .new_ = traceback_tp_new,
    .basic_size = sizeof(TracebackObject),
    .base = &type_object,
    .trace = traceback_trace,
    .methods = traceback_methods,
    .getset = traceback_getset,
};

// ---- printing ------------------------------------------------------------------------

// Line `lineno` of file `path` (without its newline), or NULL. The last
// file read is kept, since a traceback usually shows several of its lines.
static char *cached_path, *cached_text;
static size_t cached_len;

static int source_line(const char *path, int lineno, const char **line, size_t *len) {
    if (!cached_path || strcmp(cached_path, path) != 0) {
        FILE *fp = fopen(path, "rb");
        if (!fp) {
            return 0;
        }
        free(cached_path);
        free(cached_text);
        cached_path = strdup(path);
        StrBuf sb;
        sb_init(&sb);
        char buf[8192];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
            sb_put(&sb, buf, n);
        }
        fclose(fp);
        cached_text = sb.data ? sb.data : strdup("");
        cached_len = sb.len;
    }
    const char *p = cached_text, *end = cached_text + cached_len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            return 0;
        }
        p = nl + 1;
    }
    if (p >= end) {
        return 0;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *line = p;
    *len = nl ? (size_t)(nl - p) : (size_t)(end - p);
    if (*len && (*line)[*len - 1] == '\r') {
        (*len)--;
    }
    return 1;
}

// Character columns -> byte offsets in a UTF-8 line.
static size_t utf8_chars(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    }
    return c;
}

// 3.11's caret anchors (traceback.py's _extract_caret_anchors_from_line_segment,
// the C printer's extract_anchors_from_line): the instruction's source
// segment, parsed alone as a module, is one expression statement that is a
// binary operation - its operator gets '^', the rest '~' - or a subscript -
// the brackets and what is between get '^'. *left and *right are character
// offsets into the segment; false when there are no anchors. (An operand
// in parentheses ends before its ')', which then takes the operator's place,
// as in CPython.)
static bool caret_anchors(const char *seg, size_t n, size_t *left, size_t *right) {
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Node *m = parse_source(&arena, seg, n, TOKMODE_STRING, PARSE_FILE, &err);
    bool found = false;
    if (m && m->kind == NK_Module && m->v.Module.body && m->v.Module.body->n == 1) {
        Node *st = m->v.Module.body->a[0];
        Node *e = st->kind == NK_Expr ? st->v.Expr.value : NULL;
        if (e && e->kind == NK_BinOp) {
            size_t from = (size_t)e->v.BinOp.left->end_col_offset;
            size_t to = (size_t)e->v.BinOp.right->col_offset;
            size_t op = from;
            while (op < to && op < n && num_is_space(seg[op])) {
                op++;
            }
            size_t r = op + 1;
            if (r < to && r < n && !num_is_space(seg[r])) {
                r++;  // a two-character operator
            }
            if (op < to && r <= n) {
                *left = utf8_chars(seg, op);
                *right = utf8_chars(seg, r);
                found = true;
            }
        } else if (e && e->kind == NK_Subscript) {
            size_t l = (size_t)e->v.Subscript.value->end_col_offset;
            size_t r = (size_t)e->v.Subscript.slice->end_col_offset + 1;
            if (l <= n) {
                *left = utf8_chars(seg, l);
                *right = utf8_chars(seg, r < n ? r : n);
                found = true;
            }
        }
    }
    arena_free(&arena);
    return found;
}

static void print_source_line(StrBuf *out, Code *co, uint32_t lasti, int lineno,
                              const char *margin) {
    const char *path = str_obj(co->filename)->data;
    const char *line;
    size_t len;
    if (!source_line(path, lineno, &line, &len)) {
        return;
    }
    size_t start = 0;
    while (start < len && (line[start] == ' ' || line[start] == '\t' || line[start] == '\f')) {
        start++;
    }
    size_t stop = len;
    while (stop > start && (line[stop - 1] == ' ' || line[stop - 1] == '\t')) {
        stop--;
    }
    if (stop == start) {
        return;
    }
    sb_puts(out, margin);
    sb_puts(out, "    ");
    sb_put(out, line + start, stop - start);
    sb_putc(out, '\n');
    // 3.11's carets: when the instruction's range is one part of the line.
    SourcePos p = code_position(co, lasti);
    if (p.lineno != lineno || p.col < 0 || p.end_col < 0) {
        return;
    }
    size_t col = (size_t)p.col, end_col;  // byte offsets in the line
    if (p.end_lineno == p.lineno) {
        end_col = (size_t)p.end_col;
    } else {
        end_col = stop;
    }
    if (col < start || end_col > len || end_col <= col) {
        return;
    }
    size_t left = 0, right = 0;
    bool anchored = p.end_lineno == p.lineno &&
                    caret_anchors(line + col, end_col - col, &left, &right) && right > left;
    if (col == start && end_col >= stop && !anchored) {
        return;  // the whole line, and no anchors: no carets
    }
    sb_puts(out, margin);
    sb_puts(out, "    ");
    for (size_t k = utf8_chars(line + start, col - start); k > 0; k--) {
        sb_putc(out, ' ');
    }
    size_t width = utf8_chars(line + col, end_col - col);
    for (size_t k = 0; k < width; k++) {
        sb_putc(out, !anchored || (k >= left && k < right) ? '^' : '~');
    }
    sb_putc(out, '\n');
}

// The entries of traceback tb (excprint.c prints the header), each line
// after `margin` but for "[Previous line repeated]", as CPython 3.11.
static void print_traceback_entries(StrBuf *out, Value tb, const char *margin) {
    int repeat = 0;
    const char *last_file = NULL;
    int last_line = -1;
    Value last_name = 0;
    for (; tb && tb != VAL_NONE; tb = tb_obj(tb)->next) {
        TracebackObject *t = tb_obj(tb);
        FrameObject *fo = fo_obj(t->frame);
        int lineno = tb_lineno(t);
        Code *co = fo->code;
        const char *file = str_obj(co->filename)->data;
        if (last_file && strcmp(file, last_file) == 0 && last_line == lineno &&
            last_name && str_equal(last_name, co->name)) {
            repeat++;
            if (repeat >= 3) {
                continue;
            }
        } else {
            if (repeat >= 3) {
                sb_printf(out, "  [Previous line repeated %d more time%s]\n", repeat - 2,
                          repeat - 2 > 1 ? "s" : "");
            }
            repeat = 0;
        }
        last_file = file;
        last_line = lineno;
        last_name = co->name;
        sb_puts(out, margin);
        sb_printf(out, "  File \"%s\", line %d, in %s\n", file, lineno, str_obj(co->name)->data);
        print_source_line(out, co, (uint32_t)t->lasti / 2, lineno, margin);
    }
    if (repeat >= 3) {
        sb_printf(out, "  [Previous line repeated %d more time%s]\n", repeat - 2,
                  repeat - 2 > 1 ? "s" : "");
    }
}

Value vm_format_exception(Value exc) {
    StrBuf out;
    sb_init(&out);
    exc_print(&out, exc, print_traceback_entries);
    Value r = str_from_utf8(out.data ? out.data : "", out.len);
    sb_free(&out);
    return r;
}

// As CPython's PyErr_Display: the report goes to sys.stderr (which a
// program may have replaced, e.g. by a StringIO), nowhere if it is None, and
// to the C stream only while sys.stderr does not exist yet. A write that
// fails says "lost sys.stderr" on the C stream; a failing flush is ignored.
void vm_print_exception(Value exc) {
    StrBuf out;
    sb_init(&out);
    exc_print(&out, exc, print_traceback_entries);
    Value file = sys_get_object("stderr");
    err_clear();
    if (file == VAL_NONE) {
        sb_free(&out);
        return;
    }
    Value text = file ? str_from_utf8(out.data ? out.data : "", out.len) : 0;
    if (text) {
        sb_free(&out);
        if (!obj_call_method(file, "write", &text, 1)) {
            err_clear();
            fputs("lost sys.stderr\n", stderr);
        } else if (!obj_call_method(file, "flush", NULL, 0)) {
            err_clear();
        }
        return;
    }
    err_clear();
    fflush(stdout);
    fwrite(out.data ? out.data : "", 1, out.len, stderr);
    fflush(stderr);
    sb_free(&out);
}
