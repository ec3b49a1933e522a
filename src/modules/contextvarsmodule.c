// contextvarsmodule.c - the `_contextvars` module (PEP 567): ContextVar,
// Token, Context and copy_context, which contextvars.py re-exports and
// asyncio, decimal and statistics build on.
//
// A Context maps ContextVars to values in a persistent hash trie (a HAMT,
// as CPython's hamt.c): copy() and copy_context() share the trie (O(1)),
// and ContextVar.set()/reset() build a new version that shares all but
// the O(log n) nodes on the changed path. The keys are only ever
// ContextVars, equal only to themselves, so a key's hash is its address
// run through a bijective mixer: two live keys never have equal 64-bit
// hashes, and the trie needs no collision nodes. Each node holds a 32-bit
// bitmap of its occupied slots (5 hash bits per level) and, for each, a
// (key, value) pair or (0, child node).
//
// The current context belongs to the running thread (its ThreadState's
// `context`, vm/vm.h): a new thread starts with none. Context.run() makes its context current
// and restores the previous one afterwards, whatever the callable did.
//
// The iteration order of a Context follows the trie, so it depends on the
// variables' addresses, as CPython's does on their hashes; the language
// promises no order.
#include <stddef.h>
#include <string.h>

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
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct ContextObject {
    Object header;
    Value vars;      // a HamtMap: ContextVar -> value (immutable, see above)
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

// The running thread's current Context (0 until first needed): each thread
// has its own, in its thread state.
#define current_context (vm_thread.context)

static Value hamt_empty(void);

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
        Value vars = hamt_empty();
        Value c = vars ? context_new_with(vars) : 0;
        if (!c) {
            return 0;
        }
        current_context = c;
    }
    return current_context;
}

// ---- the mapping: a persistent hash trie --------------------------------------------------

#define HAMT_BITS 5
#define HAMT_MAX_DEPTH 13  // ceil(64 / 5) levels of 5 hash bits

typedef struct HamtNode {
    Object header;
    uint32_t bitmap;   // which of the 32 slots are occupied
    uint32_t count;    // popcount(bitmap)
    Value items[];     // 2 * count: (key, value) or (0, child node)
} HamtNode;

// A version of the mapping: the root node (0 when empty) and the size.
typedef struct HamtMap {
    Object header;
    Value root;
    int64_t size;
} HamtMap;

static Type type_hamt_node, type_hamt_map;

static HamtNode *hnode(Value v) {
    return (HamtNode *)val_ptr(v);
}
static HamtMap *hmap(Value v) {
    return (HamtMap *)val_ptr(v);
}

static void hamt_node_trace(Object *o, GcTracer *t) {
    HamtNode *n = (HamtNode *)o;
    gc_trace_values(t, n->items, 2 * (size_t)n->count);
}

static void hamt_map_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((HamtMap *)o)->root);
}

static Type type_hamt_node = {
    .header = {&type_type},
    .name = "hamt_bitmap_node",
    .basic_size = sizeof(HamtNode),
    .base = &type_object,
    .trace = hamt_node_trace,
};

static Type type_hamt_map = {
    .header = {&type_type},
    .name = "hamt",
    .basic_size = sizeof(HamtMap),
    .base = &type_object,
    .trace = hamt_map_trace,
};

// A key's 64-bit hash: its address through splitmix64's finalizer, which
// is a bijection, so distinct live keys never collide.
static uint64_t hamt_hash(Value key) {
    uint64_t z = (uint64_t)key;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static Value hamt_map_new(Value root, int64_t size) {
    HamtMap *m = (HamtMap *)gc_alloc(&type_hamt_map, sizeof(HamtMap));
    if (!m) {
        return 0;
    }
    m->root = root;
    m->size = size;
    return val_from_ptr(m);
}

static Value hamt_empty(void) {
    return hamt_map_new(0, 0);
}

static Value hamt_node_new(uint32_t bitmap, uint32_t count) {
    HamtNode *n = (HamtNode *)gc_alloc(&type_hamt_node,
                                       sizeof(HamtNode) + 2 * (size_t)count * sizeof(Value));
    if (!n) {
        return 0;
    }
    n->bitmap = bitmap;
    n->count = count;
    return val_from_ptr(n);
}

static uint32_t hamt_slot(uint64_t hash, int shift) {
    return (uint32_t)(hash >> shift) & 31;
}

static uint32_t hamt_pos(uint32_t bitmap, uint32_t bit) {
    return (uint32_t)__builtin_popcount(bitmap & (bit - 1));
}

// The value of key, or 0.
static Value hamt_get(Value map, Value key) {
    Value node = hmap(map)->root;
    uint64_t hash = hamt_hash(key);
    for (int shift = 0; node; shift += HAMT_BITS) {
        HamtNode *n = hnode(node);
        uint32_t bit = 1u << hamt_slot(hash, shift);
        if (!(n->bitmap & bit)) {
            return 0;
        }
        uint32_t pos = hamt_pos(n->bitmap, bit);
        Value k = n->items[2 * pos];
        if (k == key) {
            return n->items[2 * pos + 1];
        }
        if (k) {
            return 0;
        }
        node = n->items[2 * pos + 1];
    }
    return 0;
}

// A node holding the two pairs (k1, v1) and (k2, v2), whose hashes first
// differ at or below `shift`.
static Value hamt_pair(Value k1, Value v1, Value k2, Value v2, int shift) {
    uint64_t h1 = hamt_hash(k1), h2 = hamt_hash(k2);
    uint32_t s1 = hamt_slot(h1, shift), s2 = hamt_slot(h2, shift);
    if (s1 == s2) {
        Value child = hamt_pair(k1, v1, k2, v2, shift + HAMT_BITS);
        Value n = child ? hamt_node_new(1u << s1, 1) : 0;
        if (n) {
            hnode(n)->items[1] = child;
        }
        return n;
    }
    Value n = hamt_node_new((1u << s1) | (1u << s2), 2);
    if (!n) {
        return 0;
    }
    int first = s1 < s2 ? 0 : 1;
    hnode(n)->items[2 * first] = k1;
    hnode(n)->items[2 * first + 1] = v1;
    hnode(n)->items[2 * (1 - first)] = k2;
    hnode(n)->items[2 * (1 - first) + 1] = v2;
    return n;
}

// A copy of node with key set to value; *added is set when key was new.
static Value hamt_assoc(Value node, Value key, uint64_t hash, int shift, Value value,
                        int *added) {
    if (!node) {
        Value n = hamt_node_new(1u << hamt_slot(hash, shift), 1);
        if (n) {
            hnode(n)->items[0] = key;
            hnode(n)->items[1] = value;
            *added = 1;
        }
        return n;
    }
    HamtNode *n = hnode(node);
    uint32_t bit = 1u << hamt_slot(hash, shift);
    uint32_t pos = hamt_pos(n->bitmap, bit);
    if (!(n->bitmap & bit)) {  // a free slot: insert the pair there
        Value c = hamt_node_new(n->bitmap | bit, n->count + 1);
        if (!c) {
            return 0;
        }
        HamtNode *cn = hnode(c);
        memcpy(cn->items, n->items, 2 * pos * sizeof(Value));
        cn->items[2 * pos] = key;
        cn->items[2 * pos + 1] = value;
        memcpy(cn->items + 2 * pos + 2, n->items + 2 * pos, 2 * (n->count - pos) * sizeof(Value));
        *added = 1;
        return c;
    }
    Value k = n->items[2 * pos], v = n->items[2 * pos + 1];
    Value nk = k, nv;
    if (k == key) {
        nv = value;
    } else if (!k) {
        nv = hamt_assoc(v, key, hash, shift + HAMT_BITS, value, added);
    } else {  // another key in the slot: both move down into a new node
        nk = 0;
        nv = hamt_pair(k, v, key, value, shift + HAMT_BITS);
        *added = 1;
    }
    if (!nv) {
        return 0;
    }
    Value c = hamt_node_new(n->bitmap, n->count);
    if (!c) {
        return 0;
    }
    memcpy(hnode(c)->items, n->items, 2 * (size_t)n->count * sizeof(Value));
    hnode(c)->items[2 * pos] = nk;
    hnode(c)->items[2 * pos + 1] = nv;
    return c;
}

// A copy of node without key: 1 with *out set (0 when the node became
// empty), 0 when key is absent, -1 on MemoryError.
static int hamt_without(Value node, Value key, uint64_t hash, int shift, Value *out) {
    if (!node) {
        return 0;
    }
    HamtNode *n = hnode(node);
    uint32_t bit = 1u << hamt_slot(hash, shift);
    if (!(n->bitmap & bit)) {
        return 0;
    }
    uint32_t pos = hamt_pos(n->bitmap, bit);
    Value k = n->items[2 * pos], v = n->items[2 * pos + 1];
    Value child = 0;
    if (!k) {
        int r = hamt_without(v, key, hash, shift + HAMT_BITS, &child);
        if (r <= 0) {
            return r;
        }
    } else if (k != key) {
        return 0;
    }
    if (child) {  // the slot keeps a smaller child
        Value c = hamt_node_new(n->bitmap, n->count);
        if (!c) {
            return -1;
        }
        memcpy(hnode(c)->items, n->items, 2 * (size_t)n->count * sizeof(Value));
        hnode(c)->items[2 * pos + 1] = child;
        *out = c;
        return 1;
    }
    if (n->count == 1) {  // the slot was the node's last
        *out = 0;
        return 1;
    }
    Value c = hamt_node_new(n->bitmap & ~bit, n->count - 1);
    if (!c) {
        return -1;
    }
    memcpy(hnode(c)->items, n->items, 2 * pos * sizeof(Value));
    memcpy(hnode(c)->items + 2 * pos, n->items + 2 * pos + 2,
           2 * (n->count - pos - 1) * sizeof(Value));
    *out = c;
    return 1;
}

// ctx_lookup/ctx_with/ctx_without: the Context's view of the trie.
static Value ctx_lookup(Value vars, Value var) {
    return hamt_get(vars, var);
}

static Value ctx_with(Value vars, Value var, Value value) {
    int added = 0;
    Value root = hamt_assoc(hmap(vars)->root, var, hamt_hash(var), 0, value, &added);
    return root ? hamt_map_new(root, hmap(vars)->size + added) : 0;
}

static Value ctx_without(Value vars, Value var) {
    Value root = 0;
    int r = hamt_without(hmap(vars)->root, var, hamt_hash(var), 0, &root);
    if (r < 0) {
        return 0;
    }
    return r == 0 ? vars : hamt_map_new(root, hmap(vars)->size - 1);
}

// Iteration over a version: a path of (node, next slot) from the root.
typedef enum HamtIterKind { HAMT_KEYS, HAMT_VALUES, HAMT_ITEMS } HamtIterKind;

typedef struct HamtIterObject {
    Object header;
    Value map;                         // keeps the version alive
    Value nodes[HAMT_MAX_DEPTH + 1];
    uint32_t pos[HAMT_MAX_DEPTH + 1];
    int depth;                         // -1 when exhausted
    HamtIterKind kind;
} HamtIterObject;

static Type type_hamt_iter;

static void hamt_iter_trace(Object *o, GcTracer *t) {
    HamtIterObject *it = (HamtIterObject *)o;
    gc_trace_value(t, it->map);
    gc_trace_values(t, it->nodes, HAMT_MAX_DEPTH + 1);
}

static Value hamt_iter_new(Value map, HamtIterKind kind) {
    HamtIterObject *it = (HamtIterObject *)gc_alloc(&type_hamt_iter, sizeof(HamtIterObject));
    if (!it) {
        return 0;
    }
    it->map = map;
    it->kind = kind;
    it->nodes[0] = hmap(map)->root;
    it->depth = hmap(map)->root ? 0 : -1;
    return val_from_ptr(it);
}

// The next (key, value) pair: 1, or 0 at the end.
static int hamt_iter_step(HamtIterObject *it, Value *key, Value *value) {
    while (it->depth >= 0) {
        HamtNode *n = hnode(it->nodes[it->depth]);
        uint32_t p = it->pos[it->depth];
        if (p == n->count) {
            it->nodes[it->depth] = 0;
            it->depth--;
            continue;
        }
        it->pos[it->depth] = p + 1;
        Value k = n->items[2 * p], v = n->items[2 * p + 1];
        if (k) {
            *key = k;
            *value = v;
            return 1;
        }
        it->depth++;
        it->nodes[it->depth] = v;
        it->pos[it->depth] = 0;
    }
    return 0;
}

static Value hamt_iter_next(Value self) {
    HamtIterObject *it = (HamtIterObject *)val_ptr(self);
    Value k, v;
    if (!hamt_iter_step(it, &k, &v)) {
        return 0;
    }
    switch (it->kind) {
    case HAMT_KEYS:
        return k;
    case HAMT_VALUES:
        return v;
    default:
        return tuple_pack2(k, v);
    }
}

static Value hamt_iter_self(Value self) {
    return self;
}

static Type type_hamt_iter = {
    .header = {&type_type},
    .name = "hamt_iterator",
    .basic_size = sizeof(HamtIterObject),
    .base = &type_object,
    .trace = hamt_iter_trace,
    .iter = hamt_iter_self,
    .iternext = hamt_iter_next,
};

// a == b for two versions: same size, and every pair of a is in b.
static int hamt_equal(Value a, Value b) {
    if (hmap(a)->size != hmap(b)->size) {
        return 0;
    }
    if (hmap(a)->root == hmap(b)->root) {
        return 1;
    }
    Value iter = hamt_iter_new(a, HAMT_ITEMS);
    if (!iter) {
        return -1;
    }
    Value k, v;
    while (hamt_iter_step((HamtIterObject *)val_ptr(iter), &k, &v)) {
        Value w = hamt_get(b, k);
        if (!w) {
            return 0;
        }
        int eq = obj_richcompare_bool(v, w, CMP_EQ);
        if (eq <= 0) {
            return eq;
        }
    }
    return 1;
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
    Value vars = hamt_empty();
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
    return ctx_lookup(ctx_obj(self)->vars, key) != 0;
}

static int64_t context_len(Value self) {
    return hmap(ctx_obj(self)->vars)->size;
}

static Value context_iter(Value self) {
    return hamt_iter_new(ctx_obj(self)->vars, HAMT_KEYS);
}

static Value context_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &type_context) {
        return VAL_NOTIMPLEMENTED;
    }
    int eq = hamt_equal(ctx_obj(a)->vars, ctx_obj(b)->vars);
    if (eq < 0) {
        return 0;
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
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
    return hmap(((CtxViewObject *)val_ptr(self))->vars)->size;
}

static Value ctx_keys_iter(Value self) {
    return hamt_iter_new(((CtxViewObject *)val_ptr(self))->vars, HAMT_KEYS);
}

static Value ctx_values_iter(Value self) {
    return hamt_iter_new(((CtxViewObject *)val_ptr(self))->vars, HAMT_VALUES);
}

static Value ctx_items_iter(Value self) {
    return hamt_iter_new(((CtxViewObject *)val_ptr(self))->vars, HAMT_ITEMS);
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
                     &type_ctx_keys, &type_ctx_values, &type_ctx_items, &type_hamt_node,
                     &type_hamt_map, &type_hamt_iter};
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
