// contextvarsmodule.c - the `_contextvars` module (PEP 567): ContextVar,
// Token, Context and copy_context, which contextvars.py re-exports and
// asyncio, decimal and statistics build on.
//
// A Context maps ContextVars to values. CPython keeps that mapping in a
// HAMT, a persistent trie, so that copy_context() is O(1) and set() is
// O(log n). krait keeps it in an ordinary dict that is never mutated once a
// Context holds it: copy() and copy_context() share the dict (O(1)), and
// ContextVar.set() / reset() install a fresh copy with the change (O(n) in
// the number of variables set in the context, which programs keep small).
// A trie can replace the dict behind the same three helpers (ctx_lookup,
// ctx_with, ctx_without) if a benchmark asks for it.
//
// krait runs one OS thread (threadmodule.c), so "the current context of
// this thread" is one root slot. Context.run() makes its context current
// and restores the previous one afterwards, whatever the callable did.
//
// The iteration order of a Context is that of the dict (the order in which
// variables were first set), where CPython's follows the trie's hashes;
// neither is promised by the language.
#include <stddef.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/genericalias.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct ContextObject {
    Object header;
    Value vars;      // a dict ContextVar -> value, never mutated (see above)
    Value prev;      // the context current before run() entered this one, or 0
    int entered;
} ContextObject;

typedef struct ContextVarObject {
    Object header;
    Value name;      // str
    Value default_;  // 0: none
} ContextVarObject;

typedef struct TokenObject {
    Object header;
    Value ctx;       // the Context that was current at set()
    Value var;
    Value old;       // the previous value, or the MISSING marker
    int used;
} TokenObject;

// The views keys(), values() and items() of a Context: a snapshot of its
// dict (which is immutable, so the snapshot is the dict itself).
typedef struct CtxViewObject {
    Object header;
    Value vars;
} CtxViewObject;

static Type type_context, type_contextvar, type_token, type_token_missing;
static Type type_ctx_keys, type_ctx_values, type_ctx_items;

static Object token_missing = {&type_token_missing};
#define VAL_MISSING val_from_ptr(&token_missing)

static Value current_context;  // a root; 0 until first needed

// Raise type(fmt % repr(v)): err_format has no %R.
static Value err_with_repr(Type *type, const char *fmt, Value v) {
    Value msg = str_format_c(fmt, v);
    Value exc = msg ? obj_call1(val_from_ptr(type), msg) : 0;
    return exc ? err_set_value(exc) : 0;
}

static ContextObject *ctx_obj(Value v) {
    return (ContextObject *)val_ptr(v);
}
static ContextVarObject *var_obj(Value v) {
    return (ContextVarObject *)val_ptr(v);
}
static TokenObject *token_obj(Value v) {
    return (TokenObject *)val_ptr(v);
}

static Value context_new_with(Value vars) {
    ContextObject *c = (ContextObject *)gc_alloc(&type_context, sizeof(ContextObject));
    if (!c) {
        return 0;
    }
    c->vars = vars;
    return val_from_ptr(c);
}

// The current context, created empty on first use.
static Value context_current(void) {
    if (!current_context) {
        Value vars = dict_new();
        Value c = vars ? context_new_with(vars) : 0;
        if (!c) {
            return 0;
        }
        current_context = c;
    }
    return current_context;
}

// ---- the mapping, persistent by copying ----------------------------------------------------------

// The value of var in vars, or 0 (no exception: keys are ContextVars, hashed
// by identity).
static Value ctx_lookup(Value vars, Value var) {
    return dict_get(vars, var);
}

// A new mapping: vars with var set to value.
static Value ctx_with(Value vars, Value var, Value value) {
    Value d = dict_copy(vars);
    if (!d || dict_set(d, var, value) < 0) {
        return 0;
    }
    return d;
}

// A new mapping: vars without var.
static Value ctx_without(Value vars, Value var) {
    Value d = dict_copy(vars);
    if (!d || dict_del(d, var) < 0) {
        return 0;
    }
    return d;
}

// ---- ContextVar ----------------------------------------------------------------------------------------

static void contextvar_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((ContextVarObject *)o)->name);
    gc_trace_value(t, ((ContextVarObject *)o)->default_);
}

static Value contextvar_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"", "default", NULL};
    static const ArgSpec spec = {"ContextVar", 1, names + 1, 1, 1, 0};
    Value a[2];
    if (nargs > 1) {
        return err_format(&exc_TypeError,
                          "ContextVar() takes at most 1 positional argument (%zu given)", nargs);
    }
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (!val_is_str(a[0])) {
        return err_format(&exc_TypeError, "context variable name must be a str");
    }
    ContextVarObject *v = (ContextVarObject *)gc_alloc(&type_contextvar, sizeof(ContextVarObject));
    if (!v) {
        return 0;
    }
    v->name = a[0];
    v->default_ = a[1];
    return val_from_ptr(v);
}

static Value contextvar_repr(Value self) {
    ContextVarObject *v = var_obj(self);
    if (v->default_) {
        return str_format_c("<ContextVar name=%R default=%R at %p>", v->name, v->default_,
                            (void *)v);
    }
    return str_format_c("<ContextVar name=%R at %p>", v->name, (void *)v);
}

// get([default]): the value in the current context, else the default given,
// else the variable's default, else LookupError(self).
FN(contextvar_get) {
    if (args_no_keywords("get", kwnames) < 0 || args_check_positional("get", nargs, 0, 1) < 0) {
        return 0;
    }
    Value ctx = context_current();
    if (!ctx) {
        return 0;
    }
    Value found = ctx_lookup(ctx_obj(ctx)->vars, self);
    if (found || err_occurred()) {
        return found;
    }
    if (nargs) {
        return args[0];
    }
    if (var_obj(self)->default_) {
        return var_obj(self)->default_;
    }
    Value exc = obj_call1(val_from_ptr(&exc_LookupError), self);
    return exc ? err_set_value(exc) : 0;
}

static Value token_new(Value ctx, Value var, Value old) {
    TokenObject *t = (TokenObject *)gc_alloc(&type_token, sizeof(TokenObject));
    if (!t) {
        return 0;
    }
    t->ctx = ctx;
    t->var = var;
    t->old = old;
    return val_from_ptr(t);
}

FN(contextvar_set) {
    if (method_check_args("ContextVar.set", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value ctx = context_current();
    if (!ctx) {
        return 0;
    }
    Value vars = ctx_obj(ctx)->vars;
    Value old = ctx_lookup(vars, self);
    if (!old && err_occurred()) {
        return 0;
    }
    Value token = token_new(ctx, self, old ? old : VAL_MISSING);
    Value updated = token ? ctx_with(vars, self, args[0]) : 0;
    if (!updated) {
        return 0;
    }
    ctx_obj(ctx)->vars = updated;
    return token;
}

static Value token_repr(Value self);

FN(contextvar_reset) {
    if (method_check_args("ContextVar.reset", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value tok = args[0];
    if (type_of(tok) != &type_token) {
        return err_with_repr(&exc_TypeError, "expected an instance of Token, got %R", tok);
    }
    TokenObject *t = token_obj(tok);
    if (t->used) {
        return err_with_repr(&exc_RuntimeError, "%R has already been used once", tok);
    }
    if (t->var != self) {
        return err_with_repr(&exc_ValueError, "%R was created by a different ContextVar", tok);
    }
    Value ctx = context_current();
    if (!ctx) {
        return 0;
    }
    if (t->ctx != ctx) {
        return err_with_repr(&exc_ValueError, "%R was created in a different Context", tok);
    }
    Value vars = ctx_obj(ctx)->vars;
    Value updated = t->old == VAL_MISSING ? ctx_without(vars, self) : ctx_with(vars, self, t->old);
    if (!updated) {
        return 0;
    }
    t->used = 1;
    ctx_obj(ctx)->vars = updated;
    return VAL_NONE;
}

static Value class_getitem(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__class_getitem__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return generic_alias_new(self, args[0]);
}

static const MethodDef contextvar_methods[] = {
    {"get", contextvar_get, METH_DEFAULT,
     "Return a value for the context variable for the current context."},
    {"set", contextvar_set, METH_DEFAULT,
     "Call to set a new value for the context variable in the current context."},
    {"reset", contextvar_reset, METH_DEFAULT,
     "Reset the context variable.\n\nThe variable is reset to the value it had before the "
     "`ContextVar.set()` that created the token was used."},
    {"__class_getitem__", class_getitem, METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const MemberDef contextvar_members[] = {
    {"name", MEMBER_VALUE_RO, offsetof(ContextVarObject, name), NULL},
    {NULL, 0, 0, NULL},
};

static Type type_contextvar = {
    .header = {&type_type},
    .name = "_contextvars.ContextVar",
    .basic_size = sizeof(ContextVarObject),
    .base = &type_object,
    .trace = contextvar_trace,
    .new_ = contextvar_tp_new,
    .repr = contextvar_repr,
    .methods = contextvar_methods,
    .members = contextvar_members,
};

// ---- Token -----------------------------------------------------------------------------------------------

static void token_trace(Object *o, GcTracer *t) {
    TokenObject *k = (TokenObject *)o;
    gc_trace_value(t, k->ctx);
    gc_trace_value(t, k->var);
    gc_trace_value(t, k->old);
}

static Value token_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_RuntimeError, "Tokens can only be created by ContextVars");
}

static Value token_repr(Value self) {
    TokenObject *t = token_obj(self);
    return str_format_c("<Token%s var=%R at %p>", t->used ? " used" : "", t->var, (void *)t);
}

static Value token_get_var(Value self) {
    return token_obj(self)->var;
}

static Value token_get_old_value(Value self) {
    return token_obj(self)->old;
}

static const MethodDef token_methods[] = {
    {"__class_getitem__", class_getitem, METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef token_getset[] = {
    {"var", token_get_var, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_token = {
    .header = {&type_type},
    .name = "_contextvars.Token",
    .basic_size = sizeof(TokenObject),
    .base = &type_object,
    .trace = token_trace,
    .new_ = token_tp_new,
    .repr = token_repr,
    .methods = token_methods,
    .getset = token_getset,
};

static Value token_missing_repr(Value self) {
    return str_from_cstr("<Token.MISSING>");
}

static Type type_token_missing = {
    .header = {&type_type},
    .name = "Token.MISSING",
    .basic_size = sizeof(Object),
    .base = &type_object,
    .repr = token_missing_repr,
};

// ---- Context ----------------------------------------------------------------------------------------------

static void context_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((ContextObject *)o)->vars);
    gc_trace_value(t, ((ContextObject *)o)->prev);
}

static Value context_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (nargs || args_nkw(kwnames)) {
        return err_format(&exc_TypeError, "Context() does not accept any arguments");
    }
    Value vars = dict_new();
    return vars ? context_new_with(vars) : 0;
}

// The ContextVar key of a mapping operation, or -1 with CPython's TypeError.
static int context_check_key(Value key) {
    if (type_of(key) != &type_contextvar) {
        err_with_repr(&exc_TypeError, "a ContextVar key was expected, got %R", key);
        return -1;
    }
    return 0;
}

static Value context_getitem(Value self, Value key) {
    if (context_check_key(key) < 0) {
        return 0;
    }
    Value v = ctx_lookup(ctx_obj(self)->vars, key);
    if (!v && !err_occurred()) {
        return err_key_error(key);
    }
    return v;
}

static int context_contains(Value self, Value key) {
    if (context_check_key(key) < 0) {
        return -1;
    }
    return dict_contains(ctx_obj(self)->vars, key);
}

static int64_t context_len(Value self) {
    return dict_len(ctx_obj(self)->vars);
}

static Value context_iter(Value self) {
    return dict_iter(ctx_obj(self)->vars);
}

static Value context_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &type_context) {
        return VAL_NOTIMPLEMENTED;
    }
    return dict_richcompare(ctx_obj(a)->vars, ctx_obj(b)->vars, op);
}

// run(callable, *args, **kwargs) with self as the current context.
FN(context_run) {
    if (nargs < 1) {
        return err_format(&exc_TypeError, "run() missing 1 required positional argument");
    }
    ContextObject *c = ctx_obj(self);
    if (c->entered) {
        return err_with_repr(&exc_RuntimeError, "cannot enter context: %R is already entered", self);
    }
    Value prev = context_current();
    if (!prev) {
        return 0;
    }
    c->prev = prev;
    c->entered = 1;
    current_context = self;
    Value r = obj_call(args[0], args + 1, nargs - 1, kwnames);
    current_context = c->prev;
    c->prev = 0;
    c->entered = 0;
    return r;
}

FN(context_copy) {
    if (method_check_args("Context.copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return context_new_with(ctx_obj(self)->vars);
}

FN(context_get) {
    if (args_no_keywords("get", kwnames) < 0 || args_check_positional("get", nargs, 1, 2) < 0 ||
        context_check_key(args[0]) < 0) {
        return 0;
    }
    Value v = ctx_lookup(ctx_obj(self)->vars, args[0]);
    if (v || err_occurred()) {
        return v;
    }
    return nargs == 2 ? args[1] : VAL_NONE;
}

static Value ctx_view_new(Type *type, Value vars) {
    CtxViewObject *v = (CtxViewObject *)gc_alloc(type, sizeof(CtxViewObject));
    if (!v) {
        return 0;
    }
    v->vars = vars;
    return val_from_ptr(v);
}

FN(context_keys) {
    if (method_check_args("Context.keys", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return ctx_view_new(&type_ctx_keys, ctx_obj(self)->vars);
}

FN(context_values) {
    if (method_check_args("Context.values", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return ctx_view_new(&type_ctx_values, ctx_obj(self)->vars);
}

FN(context_items) {
    if (method_check_args("Context.items", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return ctx_view_new(&type_ctx_items, ctx_obj(self)->vars);
}

static const MethodDef context_methods[] = {
    {"run", context_run, METH_DEFAULT, NULL},
    {"copy", context_copy, METH_DEFAULT, "Return a shallow copy of the context object."},
    {"get", context_get, METH_DEFAULT,
     "Return the value for `key` if `key` has the value in the context object.\n\nIf `key` "
     "does not exist, return `default`. If `default` is not given, return None."},
    {"items", context_items, METH_DEFAULT,
     "Return all variables and their values in the context object.\n\nThe result is returned "
     "as a list of 2-tuples (variable, value)."},
    {"keys", context_keys, METH_DEFAULT,
     "Return a list of all variables in the context object."},
    {"values", context_values, METH_DEFAULT,
     "Return a list of all variables' values in the context object."},
    {NULL, NULL, 0, NULL},
};

static Type type_context = {
    .header = {&type_type},
    .name = "_contextvars.Context",
    .basic_size = sizeof(ContextObject),
    .base = &type_object,
    .trace = context_trace,
    .new_ = context_tp_new,
    .hash = hash_unhashable,
    .richcompare = context_richcompare,
    .getitem = context_getitem,
    .contains = context_contains,
    .len = context_len,
    .iter = context_iter,
    .methods = context_methods,
};

// ---- the views ---------------------------------------------------------------------------------------------

static void ctx_view_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((CtxViewObject *)o)->vars);
}

static int64_t ctx_view_len(Value self) {
    return dict_len(((CtxViewObject *)val_ptr(self))->vars);
}

static Value ctx_keys_iter(Value self) {
    return dict_iter(((CtxViewObject *)val_ptr(self))->vars);
}

static Value ctx_values_iter(Value self) {
    Value v = dict_view_values(((CtxViewObject *)val_ptr(self))->vars);
    return v ? obj_iter(v) : 0;
}

static Value ctx_items_iter(Value self) {
    Value v = dict_view_items(((CtxViewObject *)val_ptr(self))->vars);
    return v ? obj_iter(v) : 0;
}

#define CTX_VIEW_TYPE(cname, pyname, iterfn)                                                   \
    static Type cname = {                                                                      \
        .header = {&type_type},                                                                \
        .name = pyname,                                                                        \
        .basic_size = sizeof(CtxViewObject),                                                   \
        .base = &type_object,                                                                  \
        .trace = ctx_view_trace,                                                               \
        .len = ctx_view_len,                                                                   \
        .iter = iterfn,                                                                        \
    }
CTX_VIEW_TYPE(type_ctx_keys, "keys", ctx_keys_iter);
CTX_VIEW_TYPE(type_ctx_values, "values", ctx_values_iter);
CTX_VIEW_TYPE(type_ctx_items, "items", ctx_items_iter);

// ---- the module --------------------------------------------------------------------------------------------

FN(contextvars_copy_context) {
    if (args_no_keywords("copy_context", kwnames) < 0) {
        return 0;
    }
    if (nargs) {
        return err_format(&exc_TypeError,
                          "_contextvars.copy_context() takes no arguments (%zu given)", nargs);
    }
    Value ctx = context_current();
    return ctx ? context_new_with(ctx_obj(ctx)->vars) : 0;
}

static const MethodDef contextvars_functions[] = {
    {"copy_context", contextvars_copy_context, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Value contextvars_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Type *types[] = {&type_context, &type_contextvar, &type_token, &type_token_missing,
                     &type_ctx_keys, &type_ctx_values, &type_ctx_items};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (type_ready(types[i]) < 0) {
            return 0;
        }
    }
    if (dict_set_cstr(type_token.dict, "MISSING", VAL_MISSING) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_contextvars");
    if (!m || module_add_functions(m, contextvars_functions) < 0 ||
        module_add(m, "Context", val_from_ptr(&type_context)) < 0 ||
        module_add(m, "ContextVar", val_from_ptr(&type_contextvar)) < 0 ||
        module_add(m, "Token", val_from_ptr(&type_token)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&current_context);
    gc_add_root(&module);
    module = m;
    return m;
}
