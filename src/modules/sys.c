// sys.c - the sys module: the interpreter's parameters and state as Python
// sees them (argv, path, modules, the standard streams, flags, limits,
// version and platform facts, the exception being handled).
//
// What sys reports about the implementation follows CPython 3.11 wherever a
// program may branch on it (version_info, hexversion, maxsize, float_info,
// hash_info, int_info), and says krait where the truth differs
// (implementation.name, version's build text, executable).
// implementation.cache_tag is "krait311-<build id>": importlib names the
// files of krait's code cache with it (src/vm/import.c), so they are never
// CPython's nor another krait build's.
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules.h"
#include "stdstream.h"

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/hash.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/namespace.h"
#include "../runtime/str.h"
#include "../runtime/structseq.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/unicode.h"
#include "../runtime/set.h"
#include "../vm/vm.h"
#include "build_id.h"
#include "stdlib_module_names.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

#define KRAIT_VERSION_TEXT "0.1.0"
#define PY_MAJOR 3
#define PY_MINOR 11
#define PY_MICRO 2
#define PY_HEXVERSION 0x030b02f0
// sys.version, in CPython's shape (platform.python_version() parses it).
#ifdef __clang__
#define SYS_COMPILER "[Clang " __clang_version__ "]"
#else
#define SYS_COMPILER "[GCC " __VERSION__ "]"
#endif
#define SYS_VERSION_TEXT \
    "3.11.2 (krait " KRAIT_VERSION_TEXT ", " __DATE__ ", " __TIME__ ") " SYS_COMPILER

void (*sys_print_exception)(Value exc);

static Value sys_module;       // the module, once sys_init ran
static Value sys_dict;
static Value std_streams[3];   // the original stdin, stdout, stderr
static int optimize_level;
static int ignore_environment;

// builtins.<name>, or 0.
static Value builtins_get(const char *name) {
    Value b = builtins_init();
    Value v = b ? dict_get_cstr(module_dict(b), name) : 0;
    if (!v && !err_occurred()) {
        err_format(&exc_RuntimeError, "lost builtins.%s", name);
    }
    return v;
}

static Type type_flags, type_version_info, type_hash_info, type_float_info, type_int_info,
    type_thread_info;

int sys_optimize_level(void) {
    return optimize_level;
}

Value sys_get_object(const char *name) {
    if (!sys_dict) {
        return 0;
    }
    Value v = dict_get_cstr(sys_dict, name);
    if (!v) {
        err_clear();
    }
    return v;
}

// ---- flushing at exit ----------------------------------------------------------------

// stream.flush() for whatever sys.stdout/sys.stderr is now.
static int flush_object(Value stream) {
    if (!stream || stream == VAL_NONE) {
        return 0;
    }
    if (type_of(stream) == &type_stdstream) {
        return stdstream_flush(stream);
    }
    Value closed = obj_getattr_opt(stream, str_intern_cstr("closed"));
    if (!closed && err_occurred()) {
        return -1;
    }
    if (closed) {
        int c = obj_truthy(closed);
        if (c != 0) {
            return c < 0 ? -1 : 0;
        }
    }
    return obj_call_method(stream, "flush", NULL, 0) ? 0 : -1;
}

// As CPython's flush_std_files at exit: a failure to flush stdout is
// reported as unraisable ("Exception ignored in: <stdout's repr>"), one of
// stderr is dropped; either makes the exit status 120.
int sys_flush_std_streams(void) {
    int status = 0;
    Value current[2] = {sys_get_object("stdout"), sys_get_object("stderr")};
    Value originals[2] = {std_streams[1], std_streams[2]};
    for (int pass = 0; pass < 2; pass++) {
        Value *streams = pass == 0 ? current : originals;
        for (int i = 0; i < 2; i++) {
            if (pass == 1 && streams[i] == current[i]) {
                continue;
            }
            if (flush_object(streams[i]) < 0) {
                status = -1;
                if (i == 0) {
                    sys_write_unraisable(err_fetch(), NULL, streams[i]);
                }
                err_clear();
            }
        }
    }
    return status;
}

// ---- functions -------------------------------------------------------------------------

FN(sys_exit) {
    if (args_no_keywords("exit", kwnames) < 0 || method_check_args("exit", nargs, 0, 0, 1) < 0) {
        return 0;
    }
    // As CPython's PyErr_SetObject: no status or None gives SystemExit(),
    // a tuple is unpacked into the arguments.
    Value status = nargs ? args[0] : VAL_NONE;
    Value exc;
    if (status == VAL_NONE) {
        exc = obj_call0(val_from_ptr(&exc_SystemExit));
    } else if (tuple_check(status)) {
        exc = obj_call(val_from_ptr(&exc_SystemExit), tuple_obj(status)->items,
                       tuple_obj(status)->len, 0);
    } else {
        exc = obj_call1(val_from_ptr(&exc_SystemExit), status);
    }
    if (exc) {
        err_set_value(exc);
    }
    return 0;
}

FN(sys_getrecursionlimit) {
    if (method_check_args("sys.getrecursionlimit", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(vm_thread.recursion_limit);
}

FN(sys_setrecursionlimit) {
    if (method_check_args("sys.setrecursionlimit", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value i = obj_index(args[0]);
    int64_t limit;
    if (!i) {
        return 0;
    }
    if (int_to_i64(i, &limit) < 0 || limit > INT_MAX || limit < INT_MIN) {
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C int");
    }
    if (limit < 1) {
        return err_format(&exc_ValueError, "recursion limit must be greater or equal than 1");
    }
    int depth = vm_thread.py_depth;
    if (limit <= depth) {
        return err_format(&exc_RecursionError,
                          "cannot set the recursion limit to %d at the recursion depth %d: the "
                          "limit is too low",
                          (int)limit, depth);
    }
    vm_set_recursion_limit((int)limit);
    return VAL_NONE;
}

FN(sys_get_int_max_str_digits) {
    if (method_check_args("sys.get_int_max_str_digits", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(int_max_str_digits);
}

static const char *const maxdigits_names[] = {"maxdigits", NULL};
static const ArgSpec maxdigits_spec = {"set_int_max_str_digits", 0, maxdigits_names, 1, 1, 0};

FN(sys_set_int_max_str_digits) {
    Value a[1];
    if (args_unpack(&maxdigits_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value i = obj_index(a[0]);
    int64_t n;
    if (!i) {
        return 0;
    }
    if (int_to_i64(i, &n) < 0) {
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    if (n != 0 && n < 640) {
        return err_format(&exc_ValueError, "maxdigits must be 0 or larger than 640");
    }
    int_max_str_digits = n;
    return VAL_NONE;
}

static Value handled_exception(void) {
    Value e = vm_thread.handled;
    return e && e != VAL_NONE ? e : 0;
}

// (type, value, traceback) of handled exception e (0: three Nones).
static Value exc_info_tuple(Value e) {
    Value t = tuple_new(3);
    if (!t) {
        return 0;
    }
    Value *items = tuple_obj(t)->items;
    if (!e) {
        items[0] = items[1] = items[2] = VAL_NONE;
        return t;
    }
    items[0] = val_from_ptr(type_of(e));
    items[1] = e;
    Value tb = (type_of(e)->flags & TYPE_EXC_SUBCLASS) ? ((ExceptionObject *)val_ptr(e))->traceback
                                                        : 0;
    items[2] = tb ? tb : VAL_NONE;
    return t;
}

FN(sys_exc_info) {
    if (method_check_args("sys.exc_info", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return exc_info_tuple(handled_exception());
}

FN(sys_exception) {
    if (method_check_args("sys.exception", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value e = handled_exception();
    return e ? e : VAL_NONE;
}

FN(sys_getframe) {
    if (args_no_keywords("_getframe", kwnames) < 0 ||
        method_check_args("_getframe", nargs, 0, 0, 1) < 0) {
        return 0;
    }
    int64_t depth = 0;
    if (nargs && obj_as_int64(args[0], &depth) < 0) {
        return 0;
    }
    Frame *f = vm_current_frame();
    for (; depth > 0 && f; depth--) {
        f = f->back;
    }
    if (!f) {
        return err_format(&exc_ValueError, "call stack is not deep enough");
    }
    return frame_object_for(f);
}

// sys._current_frames and _current_exceptions: every thread's, keyed by its
// identifier (_thread.get_ident()'s).
static int add_thread_frame(uint64_t ident, ThreadState *ts, void *d) {
    if (!ts->frame) {
        return 0;
    }
    Value fo = frame_object_for(ts->frame);
    Value key = fo ? int_from_u64(ident) : 0;
    return key ? dict_set(*(Value *)d, key, fo) : -1;
}

static int add_thread_exception(uint64_t ident, ThreadState *ts, void *d) {
    Value info = exc_info_tuple(ts->handled && ts->handled != VAL_NONE ? ts->handled : 0);
    Value key = info ? int_from_u64(ident) : 0;
    return key ? dict_set(*(Value *)d, key, info) : -1;
}

FN(sys_current_frames) {
    if (method_check_args("sys._current_frames", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value d = dict_new();
    if (!d || vm_threads_each(add_thread_frame, &d) < 0) {
        return 0;
    }
    return d;
}

FN(sys_current_exceptions) {
    if (method_check_args("sys._current_exceptions", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value d = dict_new();
    if (!d || vm_threads_each(add_thread_exception, &d) < 0) {
        return 0;
    }
    return d;
}

FN(sys_intern) {
    if (method_check_args("sys.intern", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value s = args[0];
    if (!val_is_str(s)) {
        return err_format(&exc_TypeError, "intern() argument must be str, not %s",
                          obj_type_name(s));
    }
    if (type_of(s) != &type_str) {
        return err_format(&exc_TypeError, "can't intern %s", obj_type_name(s));
    }
    return str_intern(s);
}

// The size of an object: __sizeof__() when its type defines one, else the
// fixed part of its layout plus its variable part.
static Value object_size(Value v) {
    Type *t = type_of(v);
    Value m = type_lookup(t, str_intern_cstr("__sizeof__"));
    if (m) {
        DescrGetFunc get = type_of(m)->descr_get;
        Value bound = get ? get(m, v, val_from_ptr(t)) : m;
        Value r = bound ? obj_call0(bound) : 0;
        if (!r) {
            return 0;
        }
        Value i = obj_index(r);
        if (!i) {
            return 0;
        }
        if (int_sign(i) < 0) {
            return err_format(&exc_ValueError, "__sizeof__() should return >= 0");
        }
        return i;
    }
    if (err_occurred()) {
        return 0;
    }
    int64_t size = (int64_t)t->basic_size;
    if (val_is_smallint(v) || val_is_flonum(v)) {
        size = 8;
    } else if (val_is_str(v)) {
        size += (int64_t)str_obj(v)->nbytes + 1;
    } else if (val_is_bytes(v)) {
        size += (int64_t)bytes_len(v) + 1;
    } else if (tuple_check(v)) {
        size += (int64_t)(tuple_obj(v)->len * sizeof(Value));
    } else if (list_check(v)) {
        size += (int64_t)(list_obj(v)->cap * sizeof(Value));
    } else if (int_check(v) && val_is_ptr(v) && t != &type_bool) {
        int64_t n = ((IntObject *)val_ptr(v))->size;
        size += (n < 0 ? -n : n) * 8;
    }
    return int_from_i64(size);
}

static const char *const getsizeof_names[] = {"object", "default", NULL};
static const ArgSpec getsizeof_spec = {"getsizeof", 0, getsizeof_names, 1, 2, 0};

FN(sys_getsizeof) {
    Value a[2];
    if (args_unpack(&getsizeof_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value r = object_size(a[0]);
    if (!r && a[1] && err_matches(&exc_TypeError)) {
        err_clear();
        return a[1];
    }
    return r;
}

// Write text to sys.stdout, "lost sys.stdout" when there is none.
static int stdout_write(Value text) {
    Value out = sys_get_object("stdout");
    if (!out || out == VAL_NONE) {
        err_format(&exc_RuntimeError, "lost sys.stdout");
        return -1;
    }
    if (type_of(out) == &type_stdstream) {
        return stdstream_write(out, text) ? 0 : -1;
    }
    if (type_of(out) == &type_textiowrapper) {
        return textio_write_text(out, text) ? 0 : -1;
    }
    return obj_call_method(out, "write", &text, 1) ? 0 : -1;
}

// sys.displayhook(value): what the REPL does with an expression's value.
FN(sys_displayhook) {
    if (method_check_args("sys.displayhook", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value v = args[0];
    if (v == VAL_NONE) {
        return VAL_NONE;
    }
    Value builtins = builtins_init();
    if (!builtins || dict_set_cstr(module_dict(builtins), "_", VAL_NONE) < 0) {
        return 0;
    }
    Value text = obj_repr(v);
    if (!text || stdout_write(text) < 0 || stdout_write(str_intern_cstr("\n")) < 0) {
        return 0;
    }
    if (dict_set_cstr(module_dict(builtins), "_", v) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// sys.excepthook(type, value, traceback): print the exception to stderr.
FN(sys_excepthook) {
    if (args_no_keywords("excepthook", kwnames) < 0 ||
        method_check_args("excepthook", nargs, 0, 3, 3) < 0) {
        return 0;
    }
    Value exc = args[1];
    if (sys_print_exception) {
        sys_print_exception(exc);
        return err_occurred() ? 0 : VAL_NONE;
    }
    Value err = sys_get_object("stderr");
    if (!err || err == VAL_NONE) {
        return err_format(&exc_RuntimeError, "lost sys.stderr");
    }
    Value msg = obj_str(exc);
    if (!msg) {
        return 0;
    }
    Value line = str_len(msg) ? str_format_c("%s: %U\n", obj_type_name(exc), msg)
                              : str_format_c("%s\n", obj_type_name(exc));
    if (!line || !obj_call_method(err, "write", &line, 1)) {
        return 0;
    }
    return VAL_NONE;
}

FN(sys_getdefaultencoding) {
    if (method_check_args("sys.getdefaultencoding", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return str_intern_cstr("utf-8");
}

FN(sys_getfilesystemencoding) {
    if (method_check_args("sys.getfilesystemencoding", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return str_intern_cstr("utf-8");
}

FN(sys_getfilesystemencodeerrors) {
    if (method_check_args("sys.getfilesystemencodeerrors", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return str_intern_cstr("surrogateescape");
}

FN(sys_is_finalizing) {
    if (method_check_args("sys.is_finalizing", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return VAL_FALSE;
}

// The hooks of the running thread (src/vm/trace.c).
FN(sys_gettrace) {
    if (method_check_args("sys.gettrace", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return vm_thread.tracefunc ? vm_thread.tracefunc : VAL_NONE;
}

FN(sys_settrace) {
    if (method_check_args("sys.settrace", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return vm_set_trace(args[0]) < 0 ? 0 : VAL_NONE;
}

FN(sys_getprofile) {
    if (method_check_args("sys.getprofile", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return vm_thread.profilefunc ? vm_thread.profilefunc : VAL_NONE;
}

FN(sys_setprofile) {
    if (method_check_args("sys.setprofile", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return vm_set_profile(args[0]) < 0 ? 0 : VAL_NONE;
}

static double switch_interval = 0.005;

FN(sys_getswitchinterval) {
    if (method_check_args("sys.getswitchinterval", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return float_from_double(switch_interval);
}

static const char *const interval_names[] = {"interval", NULL};
static const ArgSpec interval_spec = {"setswitchinterval", 0, interval_names, 1, 1, 0};

FN(sys_setswitchinterval) {
    Value a[1];
    if (args_unpack(&interval_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    double d;
    if (float_check(a[0])) {
        d = float_value(a[0]);
    } else if (int_check(a[0])) {
        if (int_as_double(a[0], &d) < 0) {
            return 0;
        }
    } else {
        return err_format(&exc_TypeError, "must be real number, not %s", obj_type_name(a[0]));
    }
    if (d <= 0.0) {
        return err_format(&exc_ValueError, "switch interval must be strictly positive");
    }
    switch_interval = d;
    vm_set_switch_interval(d);
    return VAL_NONE;
}

// sys.call_tracing(func, args): func(*args).
FN(sys_call_tracing) {
    if (args_no_keywords("call_tracing", kwnames) < 0 ||
        method_check_args("call_tracing", nargs, 0, 2, 2) < 0) {
        return 0;
    }
    if (!tuple_check(args[1])) {
        return err_format(&exc_TypeError, "call_tracing() argument 2 must be tuple, not %s",
                          obj_type_name(args[1]));
    }
    return obj_call(args[0], tuple_obj(args[1])->items, tuple_obj(args[1])->len, 0);
}

// Audit hooks (PEP 578): sys.audit(event, *args) calls each hook(event, args).
static Value audit_hooks;

FN(sys_addaudithook) {
    if (method_check_args("sys.addaudithook", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return list_append(audit_hooks, args[0]) < 0 ? 0 : VAL_NONE;
}

FN(sys_audit) {
    if (args_no_keywords("audit", kwnames) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return err_format(&exc_TypeError,
                          "audit() missing 1 required positional argument: 'event'");
    }
    ListObject *hooks = list_obj(audit_hooks);
    if (hooks->len == 0) {
        return VAL_NONE;  // nothing is checked when nobody listens
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "expected str for argument 'event', not %s",
                          obj_type_name(args[0]));
    }
    Value rest = tuple_from(args + 1, nargs - 1);
    if (!rest) {
        return 0;
    }
    for (size_t i = 0; i < hooks->len; i++) {
        if (!obj_call2(hooks->items[i], args[0], rest)) {
            return 0;
        }
    }
    return VAL_NONE;
}

// sys.breakpointhook(*args, **kws): $PYTHONBREAKPOINT names the function
// to call ("module.attr", default pdb.set_trace); "0" disables it.
FN(sys_breakpointhook) {
    const char *env = ignore_environment ? NULL : getenv("PYTHONBREAKPOINT");
    if (env && strcmp(env, "0") == 0) {
        return VAL_NONE;
    }
    const char *target = env && *env ? env : "pdb.set_trace";
    const char *dot = strrchr(target, '.');
    Value module_name = dot ? str_from_utf8(target, (size_t)(dot - target))
                            : str_intern_cstr("builtins");
    Value attr = str_intern_cstr(dot ? dot + 1 : target);
    Value import = sys_get_object("modules") ? builtins_get("__import__") : 0;
    if (!module_name || !attr || !import) {
        return err_occurred() ? 0 : err_format(&exc_RuntimeError, "lost __import__");
    }
    Value fromlist = tuple_from(&attr, 1);
    Value call_args[4] = {module_name, VAL_NONE, VAL_NONE, fromlist};
    Value module = fromlist ? obj_call(import, call_args, 4, 0) : 0;
    Value hook = module ? obj_getattr(module, attr) : 0;
    return hook ? obj_call(hook, args, nargs, kwnames) : 0;
}

// ---- hooks the interpreter consults ------------------------------------------------

// sys.set_asyncgen_hooks / get_asyncgen_hooks: the callables asyncio
// installs; the interpreter calls firstiter when an async generator is first
// iterated and registers finalizer for its finalization.
// Per thread: they live in the thread state.
#define asyncgen_firstiter (vm_thread.asyncgen_firstiter)
#define asyncgen_finalizer (vm_thread.asyncgen_finalizer)
static Type type_asyncgen_hooks, type_unraisable_args;

Value sys_asyncgen_firstiter(void) {
    return asyncgen_firstiter ? asyncgen_firstiter : VAL_NONE;
}

Value sys_asyncgen_finalizer(void) {
    return asyncgen_finalizer ? asyncgen_finalizer : VAL_NONE;
}

FN(sys_get_asyncgen_hooks) {
    if (method_check_args("sys.get_asyncgen_hooks", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value items[2] = {sys_asyncgen_firstiter(), sys_asyncgen_finalizer()};
    return structseq_new(&type_asyncgen_hooks, items);
}

static const char *const asyncgen_hook_names[] = {"firstiter", "finalizer", NULL};
static const ArgSpec asyncgen_hooks_spec = {"set_asyncgen_hooks", 0, asyncgen_hook_names, 0, 2,
                                            0};

// Each given hook must be callable or None; nothing changes if one is not.
FN(sys_set_asyncgen_hooks) {
    Value a[2];
    if (args_unpack(&asyncgen_hooks_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    static const char *const what[2] = {"firstiter", "finalizer"};
    for (int i = 1; i >= 0; i--) {
        if (a[i] && a[i] != VAL_NONE && !type_of(a[i])->call) {
            return err_format(&exc_TypeError, "callable %s expected, got %s", what[i],
                              obj_type_name(a[i]));
        }
    }
    if (a[0]) {
        asyncgen_firstiter = a[0];
    }
    if (a[1]) {
        asyncgen_finalizer = a[1];
    }
    return VAL_NONE;
}


FN(sys_get_coroutine_origin_tracking_depth) {
    if (method_check_args("sys.get_coroutine_origin_tracking_depth", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(vm_thread.coroutine_origin_depth);
}

static const char *const depth_names[] = {"depth", NULL};
static const ArgSpec depth_spec = {"set_coroutine_origin_tracking_depth", 0, depth_names, 1, 1,
                                   0};

FN(sys_set_coroutine_origin_tracking_depth) {
    Value a[1];
    int64_t depth;
    if (args_unpack(&depth_spec, args, nargs, kwnames, a) < 0 ||
        obj_as_int64(a[0], &depth) < 0) {
        return 0;
    }
    if (depth < 0) {
        return err_format(&exc_ValueError, "depth must be >= 0");
    }
    if (depth > INT32_MAX) {
        return err_format(&exc_OverflowError, "Python int too large to convert to C int");
    }
    vm_thread.coroutine_origin_depth = (int)depth;
    return VAL_NONE;
}

static int dlopen_flags = 2;  // RTLD_NOW

FN(sys_getdlopenflags) {
    if (method_check_args("sys.getdlopenflags", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(dlopen_flags);
}

FN(sys_setdlopenflags) {
    int64_t flags;
    if (method_check_args("sys.setdlopenflags", nargs, kwnames, 1, 1) < 0 ||
        obj_as_int64(args[0], &flags) < 0) {
        return 0;
    }
    dlopen_flags = (int)flags;
    return VAL_NONE;
}

// The attribute lookup cache is invisible to programs: nothing to clear.
FN(sys_clear_type_cache) {
    if (method_check_args("sys._clear_type_cache", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// ---- unraisable exceptions ------------------------------------------------------------

// Write text to sys.stderr (nothing when there is none).
static int stderr_write(Value text) {
    Value err = sys_get_object("stderr");
    if (!err || err == VAL_NONE) {
        return 0;
    }
    if (type_of(err) == &type_stdstream) {
        return stdstream_write(err, text) ? 0 : -1;
    }
    if (type_of(err) == &type_textiowrapper) {
        return textio_write_text(err, text) ? 0 : -1;
    }
    return obj_call_method(err, "write", &text, 1) ? 0 : -1;
}

// "Type: message" (or "Type") for an exception, when no traceback printer
// is installed.
static int write_exception_line(Value exc) {
    Value msg = obj_str(exc);
    if (!msg) {
        err_clear();
        msg = str_from_cstr("<exception str() failed>");
    }
    Type *t = type_of(exc);
    const char *name = t->name;
    Value line = str_len(msg) ? str_format_c("%s: %U\n", name, msg) : str_format_c("%s\n", name);
    return line ? stderr_write(line) : -1;
}

// The default sys.unraisablehook: "Exception ignored in: <object>" (or the
// message), then the exception.
static Value unraisable_default(Value hook_args) {
    TupleObject *a = tuple_obj(hook_args);
    Value exc_value = a->items[1], err_msg = a->items[3], object = a->items[4];
    Value head;
    if (object != VAL_NONE) {
        Value r = obj_repr(object);
        if (!r) {
            err_clear();
            r = str_from_cstr("<object repr() failed>");
        }
        head = err_msg != VAL_NONE && val_is_str(err_msg)
                   ? str_format_c("%U: %U\n", err_msg, r)
                   : str_format_c("Exception ignored in: %U\n", r);
    } else {
        head = err_msg != VAL_NONE && val_is_str(err_msg) ? str_format_c("%U:\n", err_msg) : 0;
    }
    if (head && stderr_write(head) < 0) {
        return 0;
    }
    if (exc_value == VAL_NONE) {
        return VAL_NONE;
    }
    if (sys_print_exception) {
        sys_print_exception(exc_value);
        return err_occurred() ? 0 : VAL_NONE;
    }
    return write_exception_line(exc_value) < 0 ? 0 : VAL_NONE;
}

FN(sys_unraisablehook) {
    if (method_check_args("sys.unraisablehook", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (type_of(args[0]) != &type_unraisable_args) {
        return err_format(&exc_TypeError,
                          "sys.unraisablehook argument type must be UnraisableHookArgs");
    }
    return unraisable_default(args[0]);
}

void sys_write_unraisable(Value exc, const char *err_msg, Value object) {
    Value items[5] = {exc ? val_from_ptr(type_of(exc)) : VAL_NONE, exc ? exc : VAL_NONE,
                      VAL_NONE, err_msg ? str_from_cstr(err_msg) : VAL_NONE,
                      object ? object : VAL_NONE};
    if (exc && (type_of(exc)->flags & TYPE_EXC_SUBCLASS)) {
        Value tb = ((ExceptionObject *)val_ptr(exc))->traceback;
        items[2] = tb ? tb : VAL_NONE;
    }
    Value hook_args = items[3] ? structseq_new(&type_unraisable_args, items) : 0;
    Value hook = sys_get_object("unraisablehook");
    if (hook_args && hook && hook != VAL_NONE && obj_call1(hook, hook_args)) {
        return;
    }
    // No hook, or the hook failed: the default prints both.
    Value hook_error = err_fetch();
    if (hook_args) {
        if (!unraisable_default(hook_args)) {
            err_clear();
        }
    }
    if (hook_error) {
        stderr_write(str_from_cstr("Exception ignored in sys.unraisablehook: "));
        if (write_exception_line(hook_error) < 0) {
            err_clear();
        }
    }
    err_clear();
}

static void unraisable_from_runtime(Value exc, Value obj) {
    sys_write_unraisable(exc, NULL, obj);
}

static const MethodDef sys_functions[] = {
    {"exit", sys_exit, METH_DEFAULT,
     "exit($module, status=None, /)\n--\n\n"
     "Exit the interpreter by raising SystemExit(status)."},
    {"breakpointhook", sys_breakpointhook, METH_DEFAULT, "Call the debugger named by $PYTHONBREAKPOINT."},
    {"__breakpointhook__", sys_breakpointhook, METH_DEFAULT, "Call the debugger named by $PYTHONBREAKPOINT."},
    {"getrecursionlimit", sys_getrecursionlimit, METH_DEFAULT,
     "getrecursionlimit($module, /)\n--\n\n"
     "Return the current value of the recursion limit."},
    {"setrecursionlimit", sys_setrecursionlimit, METH_DEFAULT,
     "setrecursionlimit($module, limit, /)\n--\n\n"
     "Set the maximum depth of the Python interpreter stack to n."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, METH_DEFAULT,
     "get_int_max_str_digits($module, /)\n--\n\n"
     "Return the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, METH_DEFAULT,
     "set_int_max_str_digits($module, /, maxdigits)\n--\n\n"
     "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"exc_info", sys_exc_info, METH_DEFAULT,
     "exc_info($module, /)\n--\n\n"
     "Return current exception information: (type, value, traceback)."},
    {"exception", sys_exception, METH_DEFAULT,
     "exception($module, /)\n--\n\n"
     "Return the current exception."},
    {"_getframe", sys_getframe, METH_DEFAULT,
     "_getframe($module, depth=0, /)\n--\n\n"
     "Return a frame object from the call stack."},
    {"intern", sys_intern, METH_DEFAULT,
     "intern($module, string, /)\n--\n\n"
     "``Intern'' the given string."},
    {"_current_frames", sys_current_frames, METH_DEFAULT,
     "_current_frames($module, /)\n--\n\n"
     "Return a dict mapping each thread's identifier to its current frame."},
    {"_current_exceptions", sys_current_exceptions, METH_DEFAULT,
     "_current_exceptions($module, /)\n--\n\n"
     "Return a dict mapping each thread's identifier to its current raised exception."},
    {"getsizeof", sys_getsizeof, METH_DEFAULT, "Return the size of object in bytes."},
    {"displayhook", sys_displayhook, METH_DEFAULT,
     "displayhook($module, object, /)\n--\n\n"
     "Print an object to sys.stdout and also save it in builtins._"},
    {"__displayhook__", sys_displayhook, METH_DEFAULT,
     "__displayhook__($module, object, /)\n--\n\n"
     "Print an object to sys.stdout and also save it in builtins._"},
    {"excepthook", sys_excepthook, METH_DEFAULT,
     "excepthook($module, exctype, value, traceback, /)\n--\n\n"
     "Handle an exception by displaying it with a traceback on sys.stderr."},
    {"__excepthook__", sys_excepthook, METH_DEFAULT,
     "__excepthook__($module, exctype, value, traceback, /)\n--\n\n"
     "Handle an exception by displaying it with a traceback on sys.stderr."},
    {"getdefaultencoding", sys_getdefaultencoding, METH_DEFAULT,
     "getdefaultencoding($module, /)\n--\n\n"
     "Return the current default encoding used by the Unicode implementation."},
    {"getfilesystemencoding", sys_getfilesystemencoding, METH_DEFAULT,
     "getfilesystemencoding($module, /)\n--\n\n"
     "Return the encoding used to convert Unicode filenames to OS filenames."},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, METH_DEFAULT,
     "getfilesystemencodeerrors($module, /)\n--\n\n"
     "Return the error mode used Unicode to OS filename conversion."},
    {"is_finalizing", sys_is_finalizing, METH_DEFAULT,
     "is_finalizing($module, /)\n--\n\n"
     "Return True if Python is exiting."},
    {"gettrace", sys_gettrace, METH_DEFAULT,
     "gettrace($module, /)\n--\n\n"
     "Return the global debug tracing function set with sys.settrace."},
    {"settrace", sys_settrace, METH_DEFAULT, "Set the global debug tracing function."},
    {"getprofile", sys_getprofile, METH_DEFAULT,
     "getprofile($module, /)\n--\n\n"
     "Return the profiling function set with sys.setprofile."},
    {"setprofile", sys_setprofile, METH_DEFAULT, "Set the profiling function."},
    {"getswitchinterval", sys_getswitchinterval, METH_DEFAULT,
     "getswitchinterval($module, /)\n--\n\n"
     "Return the current thread switch interval; see sys.setswitchinterval()."},
    {"setswitchinterval", sys_setswitchinterval, METH_DEFAULT,
     "setswitchinterval($module, interval, /)\n--\n\n"
     "Set the ideal thread switching delay inside the Python interpreter."},
    {"call_tracing", sys_call_tracing, METH_DEFAULT,
     "call_tracing($module, func, args, /)\n--\n\n"
     "Call func(*args), while tracing is enabled."},
    {"addaudithook", sys_addaudithook, METH_DEFAULT,
     "addaudithook($module, /, hook)\n--\n\n"
     "Adds a new audit hook callback."},
    {"audit", sys_audit, METH_DEFAULT, "Passes the event to any audit hooks that are attached."},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, METH_DEFAULT,
     "get_asyncgen_hooks($module, /)\n--\n\n"
     "Return the installed asynchronous generators hooks."},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks, METH_DEFAULT, "Set new asynchronous generators hooks."},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth, METH_DEFAULT,
     "get_coroutine_origin_tracking_depth($module, /)\n--\n\n"
     "Check status of origin tracking for coroutine objects in this thread."},
    {"set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth, METH_DEFAULT,
     "set_coroutine_origin_tracking_depth($module, /, depth)\n--\n\n"
     "Enable or disable origin tracking for coroutine objects in this thread."},
    {"getdlopenflags", sys_getdlopenflags, METH_DEFAULT,
     "getdlopenflags($module, /)\n--\n\n"
     "Return the current value of the flags that are used for dlopen calls."},
    {"setdlopenflags", sys_setdlopenflags, METH_DEFAULT,
     "setdlopenflags($module, flags, /)\n--\n\n"
     "Set the flags used by the interpreter for dlopen calls."},
    {"_clear_type_cache", sys_clear_type_cache, METH_DEFAULT,
     "_clear_type_cache($module, /)\n--\n\n"
     "Clear the internal type lookup cache."},
    {"unraisablehook", sys_unraisablehook, METH_DEFAULT,
     "unraisablehook($module, unraisable, /)\n--\n\n"
     "Handle an unraisable exception."},
    {"__unraisablehook__", sys_unraisablehook, METH_DEFAULT,
     "__unraisablehook__($module, unraisable, /)\n--\n\n"
     "Handle an unraisable exception."},
    {NULL, NULL, 0, NULL},
};

// ---- the struct sequences --------------------------------------------------------------

static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
    "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization",
    "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
    "int_max_str_digits",
};
static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel",
                                                  "serial"};
static const char *const hash_info_fields[] = {"width", "modulus", "inf", "nan", "imag",
                                               "algorithm", "hash_bits", "seed_bits", "cutoff"};
static const char *const float_info_fields[] = {"max", "max_exp", "max_10_exp", "min",
                                                "min_exp", "min_10_exp", "dig", "mant_dig",
                                                "epsilon", "radix", "rounds"};
static const char *const int_info_fields[] = {"bits_per_digit", "sizeof_digit",
                                              "default_max_str_digits",
                                              "str_digits_check_threshold"};
static const char *const thread_info_fields[] = {"name", "lock", "version"};
static const char *const asyncgen_hooks_fields[] = {"firstiter", "finalizer"};
static const char *const unraisable_args_fields[] = {"exc_type", "exc_value", "exc_traceback",
                                                     "err_msg", "object"};

#define NFIELDS(a) (sizeof(a) / sizeof((a)[0]))

static int init_struct_types(void) {
    static int done;
    if (done) {
        return 0;
    }
    done = 1;
    if (structseq_init_type(&type_flags, "sys.flags", flags_fields, NFIELDS(flags_fields), 0) <
            0 ||
        structseq_init_type(&type_version_info, "sys.version_info", version_info_fields,
                            NFIELDS(version_info_fields), 0) < 0 ||
        structseq_init_type(&type_hash_info, "sys.hash_info", hash_info_fields,
                            NFIELDS(hash_info_fields), 0) < 0 ||
        structseq_init_type(&type_float_info, "sys.float_info", float_info_fields,
                            NFIELDS(float_info_fields), 0) < 0 ||
        structseq_init_type(&type_int_info, "sys.int_info", int_info_fields,
                            NFIELDS(int_info_fields), 0) < 0 ||
        structseq_init_type(&type_thread_info, "sys.thread_info", thread_info_fields,
                            NFIELDS(thread_info_fields), 0) < 0 ||
        structseq_init_type(&type_asyncgen_hooks, "asyncgen_hooks", asyncgen_hooks_fields,
                            NFIELDS(asyncgen_hooks_fields), 0) < 0 ||
        structseq_init_type(&type_unraisable_args, "UnraisableHookArgs",
                            unraisable_args_fields, NFIELDS(unraisable_args_fields), 1) < 0) {
        return -1;
    }
    return 0;
}

#define I(x) int_from_i64(x)
#define F(x) float_from_double(x)
#define S(x) str_from_cstr(x)

static Value make_flags(const SysConfig *c) {
    Value items[] = {
        I(c->debug), I(c->inspect), I(c->interactive), I(c->optimize),
        I(c->dont_write_bytecode), I(c->no_user_site), I(c->no_site), I(c->ignore_environment),
        I(c->verbose), I(c->bytes_warning), I(c->quiet), I(hash_randomization()), I(c->isolated),
        val_bool(c->dev_mode), I(c->utf8_mode), I(c->warn_default_encoding),
        val_bool(c->safe_path), I(c->int_max_str_digits),
    };
    return structseq_new(&type_flags, items);
}

static Value make_version_info(void) {
    Value items[] = {I(PY_MAJOR), I(PY_MINOR), I(PY_MICRO), S("final"), I(0)};
    return structseq_new(&type_version_info, items);
}

static Value make_hash_info(void) {
    Value items[] = {I(64), I(((int64_t)1 << 61) - 1), I(314159), I(0), I(1000003),
                     S("siphash13"), I(64), I(128), I(0)};
    return structseq_new(&type_hash_info, items);
}

static Value make_float_info(void) {
    Value items[] = {F(DBL_MAX), I(DBL_MAX_EXP), I(DBL_MAX_10_EXP), F(DBL_MIN), I(DBL_MIN_EXP),
                     I(DBL_MIN_10_EXP), I(DBL_DIG), I(DBL_MANT_DIG), F(DBL_EPSILON),
                     I(FLT_RADIX), I(1)};
    return structseq_new(&type_float_info, items);
}

static Value make_int_info(void) {
    Value items[] = {I(30), I(4), I(4300), I(640)};
    return structseq_new(&type_int_info, items);
}

static Value make_thread_info(void) {
    char version[64] = "";
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    confstr(_CS_GNU_LIBPTHREAD_VERSION, version, sizeof version);
#endif
    Value items[] = {S("pthread"), S("semaphore"), version[0] ? S(version) : VAL_NONE};
    return structseq_new(&type_thread_info, items);
}

// ---- start-up ------------------------------------------------------------------------------

// A str from command-line bytes: UTF-8, with undecodable bytes as lone
// surrogates U+DC80..U+DCFF (the filesystem encoding's surrogateescape).
static Value os_str(const char *s) {
    size_t n = strlen(s);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp, 0);
        if (len > 0) {
            sb_put(&sb, s + i, (size_t)len);
            i += (size_t)len;
        } else {
            char enc[4];
            int el = utf8_encode(0xDC00 | (unsigned char)s[i], enc);
            sb_put(&sb, enc, (size_t)el);
            i++;
        }
    }
    Value r = str_from_utf8(sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return r;
}

static Value str_list(int n, char **items) {
    Value l = list_new((size_t)(n > 0 ? n : 0));
    for (int i = 0; l && i < n; i++) {
        Value s = os_str(items[i]);
        if (!s || list_append(l, s) < 0) {
            return 0;
        }
    }
    return l;
}

// The error handler of the standard streams: CPython uses surrogateescape
// in the C/POSIX locale and its UTF-8 coercion targets, strict otherwise;
// PYTHONIOENCODING=":handler" overrides it.
static const char *stdio_errors(const SysConfig *c) {
    static char from_env[32];
    const char *io = c->ignore_environment ? NULL : getenv("PYTHONIOENCODING");
    const char *colon = io ? strchr(io, ':') : NULL;
    if (colon && colon[1] && strlen(colon + 1) < sizeof from_env) {
        strcpy(from_env, colon + 1);
        return from_env;
    }
    if (c->utf8_mode > 0) {
        return "surrogateescape";
    }
    const char *loc = getenv("LC_ALL");
    if (!loc || !*loc) {
        loc = getenv("LC_CTYPE");
    }
    if (!loc || !*loc) {
        loc = getenv("LANG");
    }
    if (!loc || !*loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0 ||
        strcmp(loc, "C.UTF-8") == 0 || strcmp(loc, "C.utf8") == 0 ||
        strcmp(loc, "UTF-8") == 0) {
        return "surrogateescape";
    }
    return "strict";
}

static int make_std_streams(const SysConfig *c) {
    if (stdstream_init_types() < 0) {
        return -1;
    }
    // As CPython: a write to a closed pipe fails with BrokenPipeError instead
    // of killing the process, and one past the file size limit with an
    // OSError (SIGXFSZ).
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    const char *errors = stdio_errors(c);
    enum StdStreamBuffering out_buffering = c->unbuffered ? STDSTREAM_UNBUFFERED
                                            : isatty(1)    ? STDSTREAM_LINE
                                                           : STDSTREAM_BLOCK;
    std_streams[0] = io_std_stream(0, "<stdin>", 0, errors, 0, 0);
    std_streams[1] = io_std_stream(1, "<stdout>", 1, errors, out_buffering == STDSTREAM_LINE,
                                   c->unbuffered);
    std_streams[2] = io_std_stream(2, "<stderr>", 1, "backslashreplace", !c->unbuffered,
                                   c->unbuffered);
    if (!std_streams[0] || !std_streams[1] || !std_streams[2]) {
        return -1;
    }
    static const char *const names[3][2] = {
        {"stdin", "__stdin__"}, {"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
    for (int i = 0; i < 3; i++) {
        if (dict_set_cstr(sys_dict, names[i][0], std_streams[i]) < 0 ||
            dict_set_cstr(sys_dict, names[i][1], std_streams[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---- sys.executable, and the venv it may belong to ----------------------------
// As CPython's getpath: the program as it was invoked, symlinks not followed
// (a venv's bin/python is a link to krait, and site.py finds the venv's
// pyvenv.cfg from it). A name with a slash is joined to the current
// directory as it is; a bare name is looked for on PATH; else the binary
// itself (/proc/self/exe).
static int is_executable_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

// A relative path normalised as CPython does before joining it to the cwd:
// empty and "." components dropped, "name/.." pairs removed, leading ".."
// kept ("a/./b/../c" -> "a/c", "../x" stays).
static void normalize_relative(const char *path, char *out, size_t size) {
    size_t n = 0;
    out[0] = '\0';
    while (*path) {
        const char *slash = strchr(path, '/');
        size_t len = slash ? (size_t)(slash - path) : strlen(path);
        if (len == 0 || (len == 1 && path[0] == '.')) {
            // nothing
        } else if (len == 2 && path[0] == '.' && path[1] == '.' && n &&
                   strcmp(out + (strrchr(out, '/') ? strrchr(out, '/') - out + 1 : 0), "..") != 0) {
            char *last = strrchr(out, '/');
            n = last ? (size_t)(last - out) : 0;
            out[n] = '\0';
        } else if (n + (n ? 1 : 0) + len < size) {
            if (n) {
                out[n++] = '/';
            }
            memcpy(out + n, path, len);
            n += len;
            out[n] = '\0';
        }
        path += len + (slash ? 1 : 0);
    }
}

static void program_path(const SysConfig *c, char *out, size_t size) {
    const char *argv0 = c->orig_argc > 0 ? c->orig_argv[0] : NULL;
    out[0] = '\0';
    if (argv0 && argv0[0] && strchr(argv0, '/')) {
        char cwd[PATH_MAX];
        if (argv0[0] == '/') {
            snprintf(out, size, "%s", argv0);
        } else if (getcwd(cwd, sizeof cwd)) {
            char rel[PATH_MAX];
            normalize_relative(argv0, rel, sizeof rel);
            if (snprintf(out, size, "%s/%s", cwd, rel) >= (int)size) {
                out[0] = '\0';  // too long: no executable, as an unknown one
            }
        }
        return;
    }
    const char *dirs = argv0 && argv0[0] ? getenv("PATH") : NULL;
    while (dirs && *dirs) {
        const char *colon = strchr(dirs, ':');
        int n = colon ? (int)(colon - dirs) : (int)strlen(dirs);
        snprintf(out, size, "%.*s%s%s", n, dirs, n ? "/" : "", argv0);
        if (is_executable_file(out)) {
            return;
        }
        dirs = colon ? colon + 1 : NULL;
    }
    ssize_t n = readlink("/proc/self/exe", out, size - 1);
    out[n > 0 ? n : 0] = '\0';
}

// The value of `home` in the pyvenv.cfg next to the program or one level up
// (CPython's getpath reads it there; site.py reads the rest of the file):
// 1 with it in `home`, 0 when there is no such file or key.
static int venv_home(const char *program, char *home, size_t size) {
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", program);
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(dir, '/');
        if (!slash) {
            return 0;
        }
        *slash = '\0';
        char cfg[PATH_MAX + 16];
        snprintf(cfg, sizeof cfg, "%s/pyvenv.cfg", dir);
        FILE *f = fopen(cfg, "r");
        if (!f) {
            continue;
        }
        char line[PATH_MAX + 64];
        int found = 0;
        while (!found && fgets(line, sizeof line, f)) {
            char *eq = strchr(line, '=');
            if (!eq) {
                continue;
            }
            char *k = line, *kend = eq, *v = eq + 1, *vend = v + strlen(v);
            while (*k == ' ' || *k == '\t') {
                k++;
            }
            while (kend > k && (kend[-1] == ' ' || kend[-1] == '\t')) {
                kend--;
            }
            while (*v == ' ' || *v == '\t') {
                v++;
            }
            while (vend > v && (vend[-1] == ' ' || vend[-1] == '\t' || vend[-1] == '\n' ||
                                vend[-1] == '\r')) {
                vend--;
            }
            if (kend - k == 4 && memcmp(k, "home", 4) == 0) {
                snprintf(home, size, "%.*s", (int)(vend - v), v);
                found = 1;
            }
        }
        fclose(f);
        return found;
    }
    return 0;
}

const char *sys_dynload_dir(void) {
    static char dir[PATH_MAX];
    static int done;
    if (done) {
        return dir;
    }
    done = 1;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        return dir;
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash) {
        return dir;
    }
    struct stat st;
    snprintf(dir, sizeof dir, "%.*s/lib-dynload", (int)(slash - exe), exe);
    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
        return dir;
    }
    char home[PATH_MAX];
    if (venv_home(exe, home, sizeof home)) {
        char alt[PATH_MAX + 16];
        snprintf(alt, sizeof alt, "%s/lib-dynload", home);
        if (stat(alt, &st) == 0 && S_ISDIR(st.st_mode) && strlen(alt) < sizeof dir) {
            memcpy(dir, alt, strlen(alt) + 1);
        }
    }
    return dir;
}

// sys._base_executable: in a venv, what the program links to (a venv's
// bin/python is usually a symlink to krait); for a copy, the program of the
// same name in `home`, else krait or python3.11 there, else the name in
// home anyway, as CPython's getpath; outside a venv the program itself.
static void base_executable_path(const char *program, char *out, size_t size) {
    char home[PATH_MAX];
    if (!venv_home(program, home, sizeof home)) {
        snprintf(out, size, "%s", program);
        return;
    }
    struct stat st;
    char real[PATH_MAX];
    if (lstat(program, &st) == 0 && S_ISLNK(st.st_mode) && realpath(program, real) &&
        snprintf(out, size, "%s", real) < (int)size) {
        return;
    }
    const char *slash = strrchr(program, '/');
    const char *base = slash ? slash + 1 : program;
    if (snprintf(out, size, "%s/%s", home, base) >= (int)size || is_executable_file(out)) {
        return;
    }
    static const char *const candidates[] = {"krait", "python3.11"};
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
        char alt[PATH_MAX + 16];
        snprintf(alt, sizeof alt, "%s/%s", home, candidates[i]);
        if (strcmp(base, candidates[i]) != 0 && is_executable_file(alt) &&
            snprintf(out, size, "%s", alt) < (int)size) {
            return;
        }
    }
}

static Value executable_path(const SysConfig *c) {
    if (c->executable) {
        return os_str(c->executable);
    }
    char buf[PATH_MAX];
    program_path(c, buf, sizeof buf);
    return os_str(buf);
}

static Value base_executable(const SysConfig *c) {
    char program[PATH_MAX], buf[PATH_MAX];
    if (c->executable) {
        snprintf(program, sizeof program, "%s", c->executable);
    } else {
        program_path(c, program, sizeof program);
    }
    base_executable_path(program, buf, sizeof buf);
    return os_str(buf);
}

// sys.warnoptions: PYTHONWARNINGS's comma-separated entries (empty ones
// left out), then the -W options, as CPython orders them.
static Value warnoptions(const SysConfig *c) {
    Value list = list_new(0);
    if (!list) {
        return 0;
    }
    const char *env = c->env_warnings;
    while (env && *env) {
        const char *comma = strchr(env, ',');
        size_t n = comma ? (size_t)(comma - env) : strlen(env);
        Value item = n ? str_from_utf8(env, n) : 0;
        if (n && (!item || list_append(list, item) < 0)) {
            return 0;
        }
        env = comma ? comma + 1 : NULL;
    }
    for (int i = 0; i < c->nwarnoptions; i++) {
        Value item = str_from_cstr(c->warnoptions[i]);
        if (!item || list_append(list, item) < 0) {
            return 0;
        }
    }
    return list;
}

static Value stdlib_names(void) {
    Value list = list_new(0);
    for (const char *const *n = stdlib_module_names; list && *n; n++) {
        Value s = str_intern_cstr(*n);
        if (!s || list_append(list, s) < 0) {
            return 0;
        }
    }
    return list ? frozenset_new(list) : 0;
}

static Value builtin_names(void) {
    size_t n = 0;
    while (modules_builtin_table[n].name) {
        n++;
    }
    Value t = tuple_new(n);
    for (size_t i = 0; t && i < n; i++) {
        Value s = str_intern_cstr(modules_builtin_table[i].name);
        if (!s) {
            return 0;
        }
        tuple_obj(t)->items[i] = s;
    }
    return t;
}

static int add(const char *name, Value v) {
    return v ? dict_set_cstr(sys_dict, name, v) : -1;
}

static const char sys_doc[] =
    "This module provides access to some objects used or maintained by the\n"
    "interpreter and to functions that interact strongly with the interpreter.";

static const char krait_copyright[] =
    "Copyright (c) the krait authors.\n"
    "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.";

Value sys_init(const SysConfig *config) {
    if (sys_module) {
        return sys_module;
    }
    SysConfig defaults = {0};
    defaults.int_max_str_digits = -1;
    const SysConfig *c = config ? config : &defaults;
    optimize_level = c->optimize;
    codec_dev_mode = c->dev_mode;
    ignore_environment = c->ignore_environment;
    gc_add_root(&sys_module);
    gc_add_root(&sys_dict);
    gc_add_root(&audit_hooks);
    gc_add_root(&asyncgen_firstiter);
    gc_add_root(&asyncgen_finalizer);
    for (int i = 0; i < 3; i++) {
        gc_add_root(&std_streams[i]);
    }
    if (init_struct_types() < 0) {
        return 0;
    }
    Value m = module_new_cstr("sys");
    if (!m) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    sys_dict = module_dict(m);
    audit_hooks = list_new(0);
    if (!audit_hooks || module_add_functions(m, sys_functions) < 0 ||
        add("__doc__", S(sys_doc)) < 0 || make_std_streams(c) < 0) {
        return 0;
    }
    Value builtins = builtins_init();
    Value modules = dict_new();
    if (!builtins || !modules || dict_set_cstr(modules, "sys", m) < 0 ||
        dict_set_cstr(modules, "builtins", builtins) < 0 || add("modules", modules) < 0 ||
        dict_set_cstr(module_dict(builtins), "__debug__", val_bool(c->optimize == 0)) < 0) {
        return 0;
    }
    // sys.argv: [''] when there is no program, as CPython's.
    char *empty_argv[] = {(char *)""};
    Value argv = c->argc > 0 ? str_list(c->argc, c->argv) : str_list(1, empty_argv);
    Value orig_argv = str_list(c->orig_argc, c->orig_argv);
    Value path = list_new(0);
    for (const char *const *p = c->path; path && p && *p; p++) {
        Value s = os_str(*p);
        if (!s || list_append(path, s) < 0) {
            return 0;
        }
    }
    Value version_info = make_version_info();
    Value impl_attrs = dict_new();
    if (!version_info || !impl_attrs || dict_set_cstr(impl_attrs, "name", S("krait")) < 0 ||
        dict_set_cstr(impl_attrs, "cache_tag", S("krait311-" KRAIT_BUILD_ID)) < 0 ||
        dict_set_cstr(impl_attrs, "version", version_info) < 0 ||
        dict_set_cstr(impl_attrs, "hexversion", I(PY_HEXVERSION)) < 0 ||
        dict_set_cstr(impl_attrs, "_multiarch", S("x86_64-linux-gnu")) < 0) {
        return 0;
    }
    Value flags = make_flags(c);
    if (add("argv", argv) < 0 || add("orig_argv", orig_argv) < 0 || add("path", path) < 0 ||
        add("version_info", version_info) < 0 ||
        add("implementation", namespace_new(impl_attrs)) < 0 || add("flags", flags) < 0 ||
        add("hash_info", make_hash_info()) < 0 || add("float_info", make_float_info()) < 0 ||
        add("int_info", make_int_info()) < 0 || add("thread_info", make_thread_info()) < 0 ||
        add("version", S(SYS_VERSION_TEXT)) < 0 ||
        add("hexversion", I(PY_HEXVERSION)) < 0 || add("api_version", I(1013)) < 0 ||
        add("maxsize", I(INT64_MAX)) < 0 || add("maxunicode", I(0x10FFFF)) < 0 ||
        add("byteorder", S("little")) < 0 || add("platform", S("linux")) < 0 ||
        add("float_repr_style", S("short")) < 0 || add("executable", executable_path(c)) < 0 ||
        add("_base_executable", base_executable(c)) < 0 ||
        add("prefix", S("/usr")) < 0 || add("exec_prefix", S("/usr")) < 0 ||
        add("base_prefix", S("/usr")) < 0 || add("base_exec_prefix", S("/usr")) < 0 ||
        add("platlibdir", S("lib")) < 0 || add("pycache_prefix", VAL_NONE) < 0 ||
        add("abiflags", S("")) < 0 || add("copyright", S(krait_copyright)) < 0 ||
        add("dont_write_bytecode", val_bool(c->dont_write_bytecode)) < 0 ||
        add("builtin_module_names", builtin_names()) < 0 ||
        add("stdlib_module_names", stdlib_names()) < 0 ||
        add("_stdlib_dir", S("/usr/lib/python3.11")) < 0 || add("_framework", S("")) < 0 ||
        add("warnoptions", warnoptions(c)) < 0 ||
        add("_xoptions", dict_new()) < 0 || add("meta_path", list_new(0)) < 0 ||
        add("path_hooks", list_new(0)) < 0 || add("path_importer_cache", dict_new()) < 0 ||
        add("_git", tuple_from((Value[]){S("krait"), S(""), S("")}, 3)) < 0) {
        return 0;
    }
    sys_module = m;
    err_unraisable_hook = unraisable_from_runtime;
    return m;
}
