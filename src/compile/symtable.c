// symtable.c - scope analysis, as CPython 3.11 does it.
//
// Two passes, exactly as in CPython, because both the answers and the
// *order of the errors* must match:
//
// 1. The walk (st_visit_*) records raw facts per block: this name is
//    assigned here, read here, a parameter, declared global... It opens a
//    block for every def, class, lambda and comprehension. Errors that need
//    only local knowledge are raised here, in source order of the walk:
//    duplicate parameters, `global x` after a use of x, `import *` in a
//    function, walrus misuse in comprehensions, `yield` in a comprehension.
//    The walk order is CPython's, not the source order: a def visits its
//    defaults, then keyword defaults, then annotations, then decorators,
//    before its body; a comprehension's first iterable belongs to the
//    enclosing block; a dict display visits all keys before all values.
//
// 2. The analysis (analyze_*) runs over the finished tree of blocks, top
//    down, carrying three sets: `bound` (names bound by enclosing functions,
//    visible as free variables), `global` (names declared global above), and
//    returning `free` (names nested blocks need from above). A name read but
//    not bound in a function is FREE if an enclosing function binds it, else
//    GLOBAL_IMPLICIT. A local that a nested block needs becomes a CELL. Class
//    bodies are special: their bindings are invisible to nested functions,
//    and a name free in a method passes through the class (as a free
//    variable of the class's code, flagged DEF_FREE_CLASS when the class
//    binds the same name). `super` or `__class__` in a method asks for an
//    implicit `__class__` cell in the class. Errors that need the whole
//    picture come from here: `nonlocal x` with no enclosing binding,
//    nonlocal and global together, nonlocal at module level.
//
// Quirks kept on purpose (they decide LOAD_NAME vs LOAD_GLOBAL): a `global
// x` anywhere marks x DEF_GLOBAL in the module's own table too, so the
// module body then reaches x with *_GLOBAL; a walrus in a module-level
// comprehension likewise declares its target global in the module.
//
// Everything lives in the caller's arena except the analysis sets, which
// are malloc'd and freed as the analysis returns.
#include "symtable.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SYM_RECURSION_LIMIT 3000  // CPython: 1000 * COMPILER_STACK_FRAME_SCALE

typedef struct SymDirective {
    Ident name;
    int lineno, col_offset, end_lineno, end_col_offset;
} SymDirective;

// Interned names: one pointer per distinct string.
typedef struct InternTable {
    Ident *slots;
    int cap, count;
} InternTable;

// Node* -> SymBlock*.
typedef struct BlockMap {
    const Node **keys;
    SymBlock **vals;
    int cap, count;
} BlockMap;

struct SymTable {
    Arena *arena;
    SyntaxErrorInfo *err;
    int failed;
    int future_flags;
    int unoptimized;  // SYMTABLE_UNOPTIMIZED
    SymBlock *top;
    SymBlock *cur;
    SymBlock **stack;
    int nstack, stack_cap;
    Ident private_name;  // class name for mangling while walking its body
    int depth;
    InternTable names;
    BlockMap blocks;
    // well-known names
    Ident id_top, id_lambda, id_genexpr, id_listcomp, id_setcomp, id_dictcomp, id_dot0,
        id_class, id_annotation;
};

// ---- errors ---------------------------------------------------------------

static void st_set_error(SymTable *st, SyntaxErrorKind kind, int lineno, int col, int end_lineno,
                         int end_col, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static void st_set_error(SymTable *st, SyntaxErrorKind kind, int lineno, int col, int end_lineno,
                         int end_col, const char *fmt, ...) {
    if (st->failed) {
        return;
    }
    st->failed = 1;
    SyntaxErrorInfo *e = st->err;
    memset(e, 0, sizeof *e);
    e->set = 1;
    e->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    // CPython reports compile-time positions as UTF-8 byte offsets + 1.
    e->lineno = lineno;
    e->offset = col + 1;
    e->end_lineno = end_lineno;
    e->end_offset = end_col + 1;
}

static void st_no_memory(SymTable *st) {
    if (!st->failed) {
        st_set_error(st, SE_MEMORY, 0, -1, 0, -1, "%s", "");
        st->err->offset = st->err->end_offset = 0;
    }
}

// A "%s"-safe copy of an identifier for messages: CPython formats with %U,
// which never truncates; our message buffer does, harmlessly.
#define NODE_LOC(n) (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset

// ---- interning --------------------------------------------------------------

static uint32_t hash_str(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

static uint32_t hash_ptr(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

static int intern_grow(SymTable *st) {
    InternTable *t = &st->names;
    int ncap = t->cap ? t->cap * 2 : 256;
    Ident *slots = arena_alloc(st->arena, sizeof(Ident) * (size_t)ncap);
    if (!slots) {
        return -1;
    }
    for (int i = 0; i < t->cap; i++) {
        if (t->slots[i]) {
            uint32_t j = hash_str(t->slots[i]) & (uint32_t)(ncap - 1);
            while (slots[j]) {
                j = (j + 1) & (uint32_t)(ncap - 1);
            }
            slots[j] = t->slots[i];
        }
    }
    t->slots = slots;
    t->cap = ncap;
    return 0;
}

// The canonical pointer for `s`; with `add`, copies it in when new.
static Ident intern_name(SymTable *st, const char *s, int add) {
    InternTable *t = &st->names;
    if (t->cap) {
        uint32_t j = hash_str(s) & (uint32_t)(t->cap - 1);
        while (t->slots[j]) {
            if (strcmp(t->slots[j], s) == 0) {
                return t->slots[j];
            }
            j = (j + 1) & (uint32_t)(t->cap - 1);
        }
    }
    if (!add) {
        return NULL;
    }
    if ((t->count + 1) * 2 > t->cap && intern_grow(st) < 0) {
        return NULL;
    }
    Ident copy = arena_strndup(st->arena, s, strlen(s));
    if (!copy) {
        return NULL;
    }
    uint32_t j = hash_str(s) & (uint32_t)(t->cap - 1);
    while (t->slots[j]) {
        j = (j + 1) & (uint32_t)(t->cap - 1);
    }
    t->slots[j] = copy;
    t->count++;
    return copy;
}

static Ident st_intern(SymTable *st, const char *s) {
    Ident r = intern_name(st, s, 1);
    if (!r) {
        st_no_memory(st);
    }
    return r;
}

// ---- mangling ---------------------------------------------------------------

const char *symtable_mangle(Arena *arena, const char *private_name, const char *name) {
    if (!private_name || name[0] != '_' || name[1] != '_') {
        return name;
    }
    size_t n = strlen(name);
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) {
        return name;
    }
    while (*private_name == '_') {
        private_name++;
    }
    if (!*private_name) {
        return name;
    }
    size_t p = strlen(private_name);
    char *r = arena_alloc(arena, 1 + p + n + 1);
    if (!r) {
        return NULL;
    }
    r[0] = '_';
    memcpy(r + 1, private_name, p);
    memcpy(r + 1 + p, name, n + 1);
    return r;
}

// Mangle with the current class and intern. NULL on out of memory.
static Ident st_mangle(SymTable *st, const char *name) {
    const char *m = symtable_mangle(st->arena, st->private_name, name);
    if (!m) {
        st_no_memory(st);
        return NULL;
    }
    return st_intern(st, m);
}

// ---- blocks and symbols -----------------------------------------------------

static int find_slot(const SymBlock *b, Ident name) {
    // Returns the index into b->syms, or -1.
    if (!b->index_cap) {
        return -1;
    }
    uint32_t mask = (uint32_t)(b->index_cap - 1);
    uint32_t j = hash_ptr(name) & mask;
    while (b->index[j]) {
        int k = b->index[j] - 1;
        if (b->syms[k].name == name) {
            return k;
        }
        j = (j + 1) & mask;
    }
    return -1;
}

static int index_insert(SymBlock *b, int k) {
    uint32_t mask = (uint32_t)(b->index_cap - 1);
    uint32_t j = hash_ptr(b->syms[k].name) & mask;
    while (b->index[j]) {
        j = (j + 1) & mask;
    }
    b->index[j] = k + 1;
    return 0;
}

// Append a new symbol (the name must not be present). Returns its index or -1.
static int add_symbol(SymTable *st, SymBlock *b, Ident name, int flags) {
    if (b->nsyms == b->syms_cap) {
        int ncap = b->syms_cap ? b->syms_cap * 2 : 8;
        Symbol *s = arena_alloc(st->arena, sizeof(Symbol) * (size_t)ncap);
        if (!s) {
            st_no_memory(st);
            return -1;
        }
        if (b->nsyms) {
            memcpy(s, b->syms, sizeof(Symbol) * (size_t)b->nsyms);
        }
        b->syms = s;
        b->syms_cap = ncap;
    }
    if ((b->nsyms + 1) * 2 > b->index_cap) {
        int ncap = b->index_cap ? b->index_cap * 2 : 16;
        int *idx = arena_alloc(st->arena, sizeof(int) * (size_t)ncap);
        if (!idx) {
            st_no_memory(st);
            return -1;
        }
        b->index = idx;
        b->index_cap = ncap;
        for (int k = 0; k < b->nsyms; k++) {
            index_insert(b, k);
        }
    }
    int k = b->nsyms++;
    b->syms[k].name = name;
    b->syms[k].flags = (uint16_t)flags;
    b->syms[k].scope = SCOPE_NONE;
    index_insert(b, k);
    return k;
}

static int block_flags(const SymBlock *b, Ident name) {
    int k = find_slot(b, name);
    return k < 0 ? 0 : b->syms[k].flags;
}

static int push_ptr(SymTable *st, void ***arr, int *n, int *cap, void *p) {
    if (*n == *cap) {
        int ncap = *cap ? *cap * 2 : 4;
        void **a = arena_alloc(st->arena, sizeof(void *) * (size_t)ncap);
        if (!a) {
            st_no_memory(st);
            return -1;
        }
        if (*n) {
            memcpy(a, *arr, sizeof(void *) * (size_t)*n);
        }
        *arr = a;
        *cap = ncap;
    }
    (*arr)[(*n)++] = p;
    return 0;
}

static int blockmap_put(SymTable *st, const Node *key, SymBlock *b) {
    BlockMap *m = &st->blocks;
    if ((m->count + 1) * 2 > m->cap) {
        int ncap = m->cap ? m->cap * 2 : 64;
        const Node **keys = arena_alloc(st->arena, sizeof(Node *) * (size_t)ncap);
        SymBlock **vals = arena_alloc(st->arena, sizeof(SymBlock *) * (size_t)ncap);
        if (!keys || !vals) {
            st_no_memory(st);
            return -1;
        }
        for (int i = 0; i < m->cap; i++) {
            if (m->keys[i]) {
                uint32_t j = hash_ptr(m->keys[i]) & (uint32_t)(ncap - 1);
                while (keys[j]) {
                    j = (j + 1) & (uint32_t)(ncap - 1);
                }
                keys[j] = m->keys[i];
                vals[j] = m->vals[i];
            }
        }
        m->keys = keys;
        m->vals = vals;
        m->cap = ncap;
    }
    uint32_t j = hash_ptr(key) & (uint32_t)(m->cap - 1);
    while (m->keys[j] && m->keys[j] != key) {
        j = (j + 1) & (uint32_t)(m->cap - 1);
    }
    if (!m->keys[j]) {
        m->count++;
    }
    m->keys[j] = key;
    m->vals[j] = b;
    return 0;
}

SymBlock *symtable_block(const SymTable *st, const Node *node) {
    const BlockMap *m = &st->blocks;
    if (!m->cap) {
        return NULL;
    }
    uint32_t j = hash_ptr(node) & (uint32_t)(m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == node) {
            return m->vals[j];
        }
        j = (j + 1) & (uint32_t)(m->cap - 1);
    }
    return NULL;
}

SymBlock *symtable_top(const SymTable *st) {
    return st->top;
}

// Open a block and make it current. Annotation blocks (future annotations)
// take names away from their enclosing block but are not part of the tree.
static int enter_block(SymTable *st, Ident name, BlockKind kind, const Node *node, int lineno,
                       int col, int end_lineno, int end_col) {
    SymBlock *b = arena_alloc(st->arena, sizeof *b);
    if (!b) {
        st_no_memory(st);
        return -1;
    }
    SymBlock *prev = st->cur;
    b->table = st;
    b->kind = kind;
    b->name = name;
    b->node = node;
    b->lineno = lineno;
    b->col_offset = col;
    b->end_lineno = end_lineno;
    b->end_col_offset = end_col;
    b->parent = prev;
    b->private_name = st->private_name;
    if (prev && (prev->nested || prev->kind == BLOCK_FUNCTION)) {
        b->nested = 1;
    }
    // bpo-37757: a walrus anywhere inside a comprehension's iterable, even in
    // a nested lambda or comprehension, is an error.
    if (prev) {
        b->comp_iter_expr = prev->comp_iter_expr;
    }
    if (push_ptr(st, (void ***)&st->stack, &st->nstack, &st->stack_cap, b) < 0) {
        return -1;
    }
    st->cur = b;
    if (kind == BLOCK_ANNOTATION) {
        return 0;
    }
    if (blockmap_put(st, node, b) < 0) {
        return -1;
    }
    if (prev &&
        push_ptr(st, (void ***)&prev->children, &prev->nchildren, &prev->children_cap, b) < 0) {
        return -1;
    }
    return 0;
}

static void exit_block(SymTable *st) {
    st->nstack--;
    st->cur = st->nstack ? st->stack[st->nstack - 1] : NULL;
}

static int add_directive(SymTable *st, Ident mangled, int lineno, int col, int end_lineno,
                         int end_col) {
    SymBlock *b = st->cur;
    if (b->ndirectives == b->directives_cap) {
        int ncap = b->directives_cap ? b->directives_cap * 2 : 4;
        SymDirective *d = arena_alloc(st->arena, sizeof(SymDirective) * (size_t)ncap);
        if (!d) {
            st_no_memory(st);
            return -1;
        }
        if (b->ndirectives) {
            memcpy(d, b->directives, sizeof(SymDirective) * (size_t)b->ndirectives);
        }
        b->directives = d;
        b->directives_cap = ncap;
    }
    SymDirective *d = &b->directives[b->ndirectives++];
    d->name = mangled;
    d->lineno = lineno;
    d->col_offset = col;
    d->end_lineno = end_lineno;
    d->end_col_offset = end_col;
    return 0;
}

// Record that `name` (unmangled) gets `flag` in block b.
static int add_def_in(SymTable *st, const char *name, int flag, SymBlock *b, int lineno, int col,
                      int end_lineno, int end_col) {
    Ident m = st_mangle(st, name);
    if (!m) {
        return -1;
    }
    int k = find_slot(b, m);
    int val;
    if (k >= 0) {
        val = b->syms[k].flags;
        if ((flag & SYM_DEF_PARAM) && (val & SYM_DEF_PARAM)) {
            st_set_error(st, SE_SYNTAX, lineno, col, end_lineno, end_col,
                         "duplicate argument '%s' in function definition", name);
            return -1;
        }
        val |= flag;
    } else {
        val = flag;
    }
    if (b->comp_iter_target) {
        // An iteration variable of a comprehension: it may not also be the
        // target of a walrus met earlier in the same comprehension.
        if (val & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) {
            st_set_error(st, SE_SYNTAX, lineno, col, end_lineno, end_col,
                         "comprehension inner loop cannot rebind assignment expression target '%s'",
                         name);
            return -1;
        }
        val |= SYM_DEF_COMP_ITER;
    }
    if (k >= 0) {
        b->syms[k].flags = (uint16_t)val;
    } else if (add_symbol(st, b, m, val) < 0) {
        return -1;
    }
    if (flag & SYM_DEF_PARAM) {
        if (push_ptr(st, (void ***)&b->params, &b->nparams, &b->params_cap, (void *)m) < 0) {
            return -1;
        }
    } else if (flag & SYM_DEF_GLOBAL) {
        // The module's own table learns of every global declaration.
        SymBlock *top = st->top;
        int t = find_slot(top, m);
        if (t >= 0) {
            top->syms[t].flags |= (uint16_t)flag;
        } else if (add_symbol(st, top, m, flag) < 0) {
            return -1;
        }
    }
    return 0;
}

static int add_def(SymTable *st, const char *name, int flag, int lineno, int col, int end_lineno,
                   int end_col) {
    return add_def_in(st, name, flag, st->cur, lineno, col, end_lineno, end_col);
}

static int lookup_cur(SymTable *st, const char *name, int *flags) {
    Ident m = st_mangle(st, name);
    if (!m) {
        return -1;
    }
    *flags = block_flags(st->cur, m);
    return 0;
}

// ---- pass 1: the walk -------------------------------------------------------

static int visit_stmt(SymTable *st, Node *s);
static int visit_expr(SymTable *st, Node *e);
static int visit_pattern(SymTable *st, Node *p);

static int depth_enter(SymTable *st) {
    if (++st->depth > SYM_RECURSION_LIMIT) {
        st_set_error(st, SE_RECURSION, 0, -1, 0, -1,
                     "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}

static int visit_stmts(SymTable *st, Seq *seq) {
    if (!seq) {
        return 0;
    }
    for (int i = 0; i < seq->n; i++) {
        if (visit_stmt(st, seq->a[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// A sequence of expressions; NULL items (kw_defaults, dict ** keys) are skipped.
static int visit_exprs(SymTable *st, Seq *seq) {
    if (!seq) {
        return 0;
    }
    for (int i = 0; i < seq->n; i++) {
        if (seq->a[i] && visit_expr(st, seq->a[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int raise_if_annotation_block(SymTable *st, const char *what, Node *e) {
    if (st->cur->kind == BLOCK_ANNOTATION) {
        st_set_error(st, SE_SYNTAX, NODE_LOC(e), "'%s' can not be used within an annotation", what);
        return -1;
    }
    return 0;
}

static int visit_annotation(SymTable *st, Node *annotation) {
    int future = st->future_flags & FUTURE_ANNOTATIONS;
    if (future && enter_block(st, st->id_annotation, BLOCK_ANNOTATION, annotation,
                              NODE_LOC(annotation)) < 0) {
        return -1;
    }
    if (visit_expr(st, annotation) < 0) {
        return -1;
    }
    if (future) {
        exit_block(st);
    }
    return 0;
}

static int visit_arg_annotations(SymTable *st, Seq *args) {
    for (int i = 0; args && i < args->n; i++) {
        Node *a = args->a[i];
        if (a->v.arg.annotation && visit_expr(st, a->v.arg.annotation) < 0) {
            return -1;
        }
    }
    return 0;
}

// A def's annotations, evaluated in the enclosing block: positional-only,
// positional, *args, **kwargs, keyword-only (CPython's order), then the
// return annotation.
static int visit_annotations(SymTable *st, Node *def, Node *args, Node *returns) {
    int future = st->future_flags & FUTURE_ANNOTATIONS;
    if (future && enter_block(st, st->id_annotation, BLOCK_ANNOTATION, def, NODE_LOC(def)) < 0) {
        return -1;
    }
    if (visit_arg_annotations(st, args->v.arguments.posonlyargs) < 0 ||
        visit_arg_annotations(st, args->v.arguments.args) < 0) {
        return -1;
    }
    Node *va = args->v.arguments.vararg, *kw = args->v.arguments.kwarg;
    if (va && va->v.arg.annotation && visit_expr(st, va->v.arg.annotation) < 0) {
        return -1;
    }
    if (kw && kw->v.arg.annotation && visit_expr(st, kw->v.arg.annotation) < 0) {
        return -1;
    }
    if (visit_arg_annotations(st, args->v.arguments.kwonlyargs) < 0) {
        return -1;
    }
    if (future) {
        exit_block(st);
    }
    if (returns && visit_annotation(st, returns) < 0) {
        return -1;
    }
    return 0;
}

static int visit_params(SymTable *st, Seq *args) {
    for (int i = 0; args && i < args->n; i++) {
        Node *a = args->a[i];
        if (add_def(st, a->v.arg.arg, SYM_DEF_PARAM, NODE_LOC(a)) < 0) {
            return -1;
        }
    }
    return 0;
}

// Parameters inside the new block: positional-only, positional, keyword-only,
// then *args and **kwargs (co_varnames order).
static int visit_arguments(SymTable *st, Node *a) {
    SymBlock *b = st->cur;
    if (visit_params(st, a->v.arguments.posonlyargs) < 0 ||
        visit_params(st, a->v.arguments.args) < 0 ||
        visit_params(st, a->v.arguments.kwonlyargs) < 0) {
        return -1;
    }
    b->posonlyargcount = a->v.arguments.posonlyargs ? a->v.arguments.posonlyargs->n : 0;
    b->argcount = b->posonlyargcount + (a->v.arguments.args ? a->v.arguments.args->n : 0);
    b->kwonlyargcount = a->v.arguments.kwonlyargs ? a->v.arguments.kwonlyargs->n : 0;
    Node *va = a->v.arguments.vararg, *kw = a->v.arguments.kwarg;
    if (va) {
        if (add_def(st, va->v.arg.arg, SYM_DEF_PARAM, NODE_LOC(va)) < 0) {
            return -1;
        }
        b->varargs = 1;
    }
    if (kw) {
        if (add_def(st, kw->v.arg.arg, SYM_DEF_PARAM, NODE_LOC(kw)) < 0) {
            return -1;
        }
        b->varkeywords = 1;
    }
    return 0;
}

static int visit_function(SymTable *st, Node *s, int is_async) {
    Node *args = s->v.FunctionDef.args;
    if (add_def(st, s->v.FunctionDef.name, SYM_DEF_LOCAL, NODE_LOC(s)) < 0 ||
        visit_exprs(st, args->v.arguments.defaults) < 0 ||
        visit_exprs(st, args->v.arguments.kw_defaults) < 0 ||
        visit_annotations(st, s, args, s->v.FunctionDef.returns) < 0 ||
        visit_exprs(st, s->v.FunctionDef.decorator_list) < 0) {
        return -1;
    }
    Ident name = st_intern(st, s->v.FunctionDef.name);
    if (!name || enter_block(st, name, BLOCK_FUNCTION, s, NODE_LOC(s)) < 0) {
        return -1;
    }
    if (is_async) {
        st->cur->coroutine = 1;
    }
    if (visit_arguments(st, args) < 0 || visit_stmts(st, s->v.FunctionDef.body) < 0) {
        return -1;
    }
    exit_block(st);
    return 0;
}

static int visit_class(SymTable *st, Node *s) {
    if (add_def(st, s->v.ClassDef.name, SYM_DEF_LOCAL, NODE_LOC(s)) < 0 ||
        visit_exprs(st, s->v.ClassDef.bases) < 0) {
        return -1;
    }
    Seq *kws = s->v.ClassDef.keywords;
    for (int i = 0; kws && i < kws->n; i++) {
        if (visit_expr(st, ((Node *)kws->a[i])->v.keyword.value) < 0) {
            return -1;
        }
    }
    if (visit_exprs(st, s->v.ClassDef.decorator_list) < 0) {
        return -1;
    }
    Ident name = st_intern(st, s->v.ClassDef.name);
    if (!name || enter_block(st, name, BLOCK_CLASS, s, NODE_LOC(s)) < 0) {
        return -1;
    }
    Ident saved = st->private_name;
    st->private_name = name;
    st->cur->private_name = name;
    if (visit_stmts(st, s->v.ClassDef.body) < 0) {
        return -1;
    }
    st->private_name = saved;
    exit_block(st);
    return 0;
}

static int visit_annassign(SymTable *st, Node *s) {
    Node *target = s->v.AnnAssign.target;
    if (target->kind == NK_Name) {
        int cur;
        if (lookup_cur(st, target->v.Name.id, &cur) < 0) {
            return -1;
        }
        if ((cur & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) && st->cur != st->top &&
            s->v.AnnAssign.simple) {
            st_set_error(st, SE_SYNTAX, NODE_LOC(s),
                         (cur & SYM_DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                : "annotated name '%s' can't be nonlocal",
                         target->v.Name.id);
            return -1;
        }
        if (s->v.AnnAssign.simple) {
            if (add_def(st, target->v.Name.id, SYM_DEF_ANNOT | SYM_DEF_LOCAL, NODE_LOC(target)) < 0) {
                return -1;
            }
        } else if (s->v.AnnAssign.value &&
                   add_def(st, target->v.Name.id, SYM_DEF_LOCAL, NODE_LOC(target)) < 0) {
            return -1;
        }
    } else if (visit_expr(st, target) < 0) {
        return -1;
    }
    if (visit_annotation(st, s->v.AnnAssign.annotation) < 0) {
        return -1;
    }
    if (s->v.AnnAssign.value && visit_expr(st, s->v.AnnAssign.value) < 0) {
        return -1;
    }
    return 0;
}

// `global` and `nonlocal`: the name must not have been seen in this block.
static int visit_declaration(SymTable *st, Node *s, int is_global) {
    Seq *names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    for (int i = 0; i < names->n; i++) {
        const char *name = names->a[i];
        int cur;
        if (lookup_cur(st, name, &cur) < 0) {
            return -1;
        }
        if (cur & (SYM_DEF_PARAM | SYM_DEF_LOCAL | SYM_USE | SYM_DEF_ANNOT)) {
            const char *fmt;
            if (cur & SYM_DEF_PARAM) {
                fmt = is_global ? "name '%s' is parameter and global"
                                : "name '%s' is parameter and nonlocal";
            } else if (cur & SYM_USE) {
                fmt = is_global ? "name '%s' is used prior to global declaration"
                                : "name '%s' is used prior to nonlocal declaration";
            } else if (cur & SYM_DEF_ANNOT) {
                fmt = is_global ? "annotated name '%s' can't be global"
                                : "annotated name '%s' can't be nonlocal";
            } else {
                fmt = is_global ? "name '%s' is assigned to before global declaration"
                                : "name '%s' is assigned to before nonlocal declaration";
            }
            st_set_error(st, SE_SYNTAX, NODE_LOC(s), fmt, name);
            return -1;
        }
        if (add_def(st, name, is_global ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL, NODE_LOC(s)) < 0) {
            return -1;
        }
        Ident m = st_mangle(st, name);
        if (!m || add_directive(st, m, NODE_LOC(s)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_alias(SymTable *st, Node *a) {
    const char *name = a->v.alias.asname ? a->v.alias.asname : a->v.alias.name;
    if (strcmp(name, "*") == 0) {
        if (st->cur->kind != BLOCK_MODULE) {
            st_set_error(st, SE_SYNTAX, NODE_LOC(a), "import * only allowed at module level");
            return -1;
        }
        return 0;
    }
    // `import a.b.c` binds `a`.
    const char *dot = strchr(name, '.');
    if (dot) {
        char *head = arena_strndup(st->arena, name, (size_t)(dot - name));
        if (!head) {
            st_no_memory(st);
            return -1;
        }
        name = head;
    }
    return add_def(st, name, SYM_DEF_IMPORT, NODE_LOC(a));
}

static int visit_stmt(SymTable *st, Node *s) {
    if (depth_enter(st) < 0) {
        return -1;
    }
    int r = 0;
    switch (s->kind) {
    case NK_FunctionDef:
        r = visit_function(st, s, 0);
        break;
    case NK_AsyncFunctionDef:
        r = visit_function(st, s, 1);
        break;
    case NK_ClassDef:
        r = visit_class(st, s);
        break;
    case NK_Return:
        if (s->v.Return.value) {
            r = visit_expr(st, s->v.Return.value);
            st->cur->returns_value = 1;
        }
        break;
    case NK_Delete:
        r = visit_exprs(st, s->v.Delete.targets);
        break;
    case NK_Assign:
        r = visit_exprs(st, s->v.Assign.targets);
        if (r == 0) {
            r = visit_expr(st, s->v.Assign.value);
        }
        break;
    case NK_AnnAssign:
        r = visit_annassign(st, s);
        break;
    case NK_AugAssign:
        r = visit_expr(st, s->v.AugAssign.target);
        if (r == 0) {
            r = visit_expr(st, s->v.AugAssign.value);
        }
        break;
    case NK_For:
    case NK_AsyncFor:
        if (visit_expr(st, s->v.For.target) < 0 || visit_expr(st, s->v.For.iter) < 0 ||
            visit_stmts(st, s->v.For.body) < 0 || visit_stmts(st, s->v.For.orelse) < 0) {
            r = -1;
        }
        break;
    case NK_While:
    case NK_If:
        if (visit_expr(st, s->v.While.test) < 0 || visit_stmts(st, s->v.While.body) < 0 ||
            visit_stmts(st, s->v.While.orelse) < 0) {
            r = -1;
        }
        break;
    case NK_Match:
        if (visit_expr(st, s->v.Match.subject) < 0) {
            r = -1;
            break;
        }
        for (int i = 0; i < s->v.Match.cases->n; i++) {
            Node *m = s->v.Match.cases->a[i];
            if (visit_pattern(st, m->v.match_case.pattern) < 0 ||
                (m->v.match_case.guard && visit_expr(st, m->v.match_case.guard) < 0) ||
                visit_stmts(st, m->v.match_case.body) < 0) {
                r = -1;
                break;
            }
        }
        break;
    case NK_Raise:
        if (s->v.Raise.exc) {
            if (visit_expr(st, s->v.Raise.exc) < 0 ||
                (s->v.Raise.cause && visit_expr(st, s->v.Raise.cause) < 0)) {
                r = -1;
            }
        }
        break;
    case NK_Try:
    case NK_TryStar: {
        // CPython 3.11 walks `else` before the handlers.
        if (visit_stmts(st, s->v.Try.body) < 0 || visit_stmts(st, s->v.Try.orelse) < 0) {
            r = -1;
            break;
        }
        Seq *hs = s->v.Try.handlers;
        for (int i = 0; hs && i < hs->n; i++) {
            Node *h = hs->a[i];
            if ((h->v.ExceptHandler.type && visit_expr(st, h->v.ExceptHandler.type) < 0) ||
                (h->v.ExceptHandler.name &&
                 add_def(st, h->v.ExceptHandler.name, SYM_DEF_LOCAL, NODE_LOC(h)) < 0) ||
                visit_stmts(st, h->v.ExceptHandler.body) < 0) {
                r = -1;
                break;
            }
        }
        if (r == 0 && visit_stmts(st, s->v.Try.finalbody) < 0) {
            r = -1;
        }
        break;
    }
    case NK_Assert:
        if (visit_expr(st, s->v.Assert.test) < 0 ||
            (s->v.Assert.msg && visit_expr(st, s->v.Assert.msg) < 0)) {
            r = -1;
        }
        break;
    case NK_Import:
    case NK_ImportFrom: {
        Seq *names = s->kind == NK_Import ? s->v.Import.names : s->v.ImportFrom.names;
        for (int i = 0; i < names->n; i++) {
            if (visit_alias(st, names->a[i]) < 0) {
                r = -1;
                break;
            }
        }
        break;
    }
    case NK_Global:
        r = visit_declaration(st, s, 1);
        break;
    case NK_Nonlocal:
        r = visit_declaration(st, s, 0);
        break;
    case NK_Expr:
        r = visit_expr(st, s->v.Expr.value);
        break;
    case NK_With:
    case NK_AsyncWith: {
        Seq *items = s->v.With.items;
        for (int i = 0; i < items->n; i++) {
            Node *it = items->a[i];
            if (visit_expr(st, it->v.withitem.context_expr) < 0 ||
                (it->v.withitem.optional_vars &&
                 visit_expr(st, it->v.withitem.optional_vars) < 0)) {
                r = -1;
                break;
            }
        }
        if (r == 0) {
            r = visit_stmts(st, s->v.With.body);
        }
        break;
    }
    default:  // Pass, Break, Continue
        break;
    }
    st->depth--;
    return r;
}

// A walrus inside a comprehension binds in the nearest enclosing function
// (or the module); class bodies are refused, and the target may not be an
// iteration variable of any comprehension on the way out.
static int extend_namedexpr_scope(SymTable *st, Node *target) {
    const char *name = target->v.Name.id;
    Ident m = st_mangle(st, name);
    // CPython looks the target up *unmangled* here (a quirk: `__x` in a
    // class never matches its mangled iteration variable).
    Ident raw = st_intern(st, name);
    if (!m || !raw) {
        return -1;
    }
    for (int i = st->nstack - 1; i >= 0; i--) {
        SymBlock *b = st->stack[i];
        if (b->comprehension) {
            // 3.11 tests only DEF_COMP_ITER, which every name met in an
            // iteration target gets, even a read (`for x[i] in ...`).
            if (block_flags(b, raw) & SYM_DEF_COMP_ITER) {
                st_set_error(st, SE_SYNTAX, NODE_LOC(target),
                             "assignment expression cannot rebind comprehension iteration "
                             "variable '%s'",
                             name);
                return -1;
            }
            continue;
        }
        if (b->kind == BLOCK_FUNCTION) {
            int f = block_flags(b, raw);
            int decl = (f & SYM_DEF_GLOBAL) ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL;
            if (add_def(st, name, decl, NODE_LOC(target)) < 0 ||
                add_directive(st, m, NODE_LOC(target)) < 0) {
                return -1;
            }
            return add_def_in(st, name, SYM_DEF_LOCAL, b, NODE_LOC(target));
        }
        if (b->kind == BLOCK_MODULE) {
            if (add_def(st, name, SYM_DEF_GLOBAL, NODE_LOC(target)) < 0 ||
                add_directive(st, m, NODE_LOC(target)) < 0) {
                return -1;
            }
            return add_def_in(st, name, SYM_DEF_GLOBAL, b, NODE_LOC(target));
        }
        if (b->kind == BLOCK_CLASS) {
            st_set_error(st, SE_SYNTAX, NODE_LOC(target),
                         "assignment expression within a comprehension cannot be used in a "
                         "class body");
            return -1;
        }
    }
    return 0;  // not reached: the module is at the bottom of the stack
}

static int visit_namedexpr(SymTable *st, Node *e) {
    if (raise_if_annotation_block(st, "named expression", e) < 0) {
        return -1;
    }
    if (st->cur->comp_iter_expr > 0) {
        st_set_error(st, SE_SYNTAX, NODE_LOC(e),
                     "assignment expression cannot be used in a comprehension iterable "
                     "expression");
        return -1;
    }
    if (st->cur->comprehension && extend_namedexpr_scope(st, e->v.NamedExpr.target) < 0) {
        return -1;
    }
    if (visit_expr(st, e->v.NamedExpr.value) < 0 || visit_expr(st, e->v.NamedExpr.target) < 0) {
        return -1;
    }
    return 0;
}

static int visit_comprehension(SymTable *st, Node *c) {
    SymBlock *b = st->cur;
    b->comp_iter_target = 1;
    if (visit_expr(st, c->v.comprehension.target) < 0) {
        return -1;
    }
    b->comp_iter_target = 0;
    b->comp_iter_expr++;
    if (visit_expr(st, c->v.comprehension.iter) < 0) {
        return -1;
    }
    b->comp_iter_expr--;
    if (visit_exprs(st, c->v.comprehension.ifs) < 0) {
        return -1;
    }
    if (c->v.comprehension.is_async) {
        b->coroutine = 1;
    }
    return 0;
}

static int handle_comprehension(SymTable *st, Node *e, Ident scope_name, CompKind kind,
                                Seq *generators, Node *elt, Node *value) {
    Node *outermost = generators->a[0];
    // The first iterable is evaluated in the enclosing block.
    st->cur->comp_iter_expr++;
    if (visit_expr(st, outermost->v.comprehension.iter) < 0) {
        return -1;
    }
    st->cur->comp_iter_expr--;
    if (enter_block(st, scope_name, BLOCK_FUNCTION, e, NODE_LOC(e)) < 0) {
        return -1;
    }
    SymBlock *b = st->cur;
    b->comprehension = kind;
    if (outermost->v.comprehension.is_async) {
        b->coroutine = 1;
    }
    // ... and passed in as the implicit argument ".0".
    if (add_def(st, st->id_dot0, SYM_DEF_PARAM, b->lineno, b->col_offset, b->end_lineno,
                b->end_col_offset) < 0) {
        return -1;
    }
    b->argcount = 1;
    b->comp_iter_target = 1;
    if (visit_expr(st, outermost->v.comprehension.target) < 0) {
        return -1;
    }
    b->comp_iter_target = 0;
    if (visit_exprs(st, outermost->v.comprehension.ifs) < 0) {
        return -1;
    }
    for (int i = 1; i < generators->n; i++) {
        if (visit_comprehension(st, generators->a[i]) < 0) {
            return -1;
        }
    }
    if (value && visit_expr(st, value) < 0) {
        return -1;
    }
    if (visit_expr(st, elt) < 0) {
        return -1;
    }
    b->generator = kind == COMP_GENEXP;
    exit_block(st);
    // An async list/set/dict comprehension makes its enclosing block a
    // coroutine too (an async generator expression does not).
    if (b->coroutine && kind != COMP_GENEXP) {
        st->cur->coroutine = 1;
    }
    return 0;
}

static int raise_if_comprehension(SymTable *st, Node *e) {
    static const char *const what[] = {
        [COMP_LIST] = "'yield' inside list comprehension",
        [COMP_SET] = "'yield' inside set comprehension",
        [COMP_DICT] = "'yield' inside dict comprehension",
        [COMP_GENEXP] = "'yield' inside generator expression",
    };
    st_set_error(st, SE_SYNTAX, NODE_LOC(e), "%s", what[st->cur->comprehension]);
    return -1;
}

static int visit_expr(SymTable *st, Node *e) {
    if (depth_enter(st) < 0) {
        return -1;
    }
    int r = 0;
    switch (e->kind) {
    case NK_NamedExpr:
        r = visit_namedexpr(st, e);
        break;
    case NK_BoolOp:
        r = visit_exprs(st, e->v.BoolOp.values);
        break;
    case NK_BinOp:
        if (visit_expr(st, e->v.BinOp.left) < 0 || visit_expr(st, e->v.BinOp.right) < 0) {
            r = -1;
        }
        break;
    case NK_UnaryOp:
        r = visit_expr(st, e->v.UnaryOp.operand);
        break;
    case NK_Lambda: {
        Node *args = e->v.Lambda.args;
        if (visit_exprs(st, args->v.arguments.defaults) < 0 ||
            visit_exprs(st, args->v.arguments.kw_defaults) < 0 ||
            enter_block(st, st->id_lambda, BLOCK_FUNCTION, e, NODE_LOC(e)) < 0 ||
            visit_arguments(st, args) < 0 || visit_expr(st, e->v.Lambda.body) < 0) {
            r = -1;
            break;
        }
        exit_block(st);
        break;
    }
    case NK_IfExp:
        if (visit_expr(st, e->v.IfExp.test) < 0 || visit_expr(st, e->v.IfExp.body) < 0 ||
            visit_expr(st, e->v.IfExp.orelse) < 0) {
            r = -1;
        }
        break;
    case NK_Dict:
        // All keys, then all values.
        if (visit_exprs(st, e->v.Dict.keys) < 0 || visit_exprs(st, e->v.Dict.values) < 0) {
            r = -1;
        }
        break;
    case NK_Set:
        r = visit_exprs(st, e->v.Set.elts);
        break;
    case NK_GeneratorExp:
        r = handle_comprehension(st, e, st->id_genexpr, COMP_GENEXP, e->v.GeneratorExp.generators,
                                 e->v.GeneratorExp.elt, NULL);
        break;
    case NK_ListComp:
        r = handle_comprehension(st, e, st->id_listcomp, COMP_LIST, e->v.ListComp.generators,
                                 e->v.ListComp.elt, NULL);
        break;
    case NK_SetComp:
        r = handle_comprehension(st, e, st->id_setcomp, COMP_SET, e->v.SetComp.generators,
                                 e->v.SetComp.elt, NULL);
        break;
    case NK_DictComp:
        r = handle_comprehension(st, e, st->id_dictcomp, COMP_DICT, e->v.DictComp.generators,
                                 e->v.DictComp.key, e->v.DictComp.value);
        break;
    case NK_Yield:
    case NK_YieldFrom:
        if (raise_if_annotation_block(st, "yield expression", e) < 0 ||
            (e->v.Yield.value && visit_expr(st, e->v.Yield.value) < 0)) {
            r = -1;
            break;
        }
        st->cur->generator = 1;
        if (st->cur->comprehension) {
            r = raise_if_comprehension(st, e);
        }
        break;
    case NK_Await:
        if (raise_if_annotation_block(st, "await expression", e) < 0 ||
            visit_expr(st, e->v.Await.value) < 0) {
            r = -1;
            break;
        }
        st->cur->coroutine = 1;
        break;
    case NK_Compare:
        if (visit_expr(st, e->v.Compare.left) < 0 || visit_exprs(st, e->v.Compare.comparators) < 0) {
            r = -1;
        }
        break;
    case NK_Call: {
        if (visit_expr(st, e->v.Call.func) < 0 || visit_exprs(st, e->v.Call.args) < 0) {
            r = -1;
            break;
        }
        Seq *kws = e->v.Call.keywords;
        for (int i = 0; kws && i < kws->n; i++) {
            if (visit_expr(st, ((Node *)kws->a[i])->v.keyword.value) < 0) {
                r = -1;
                break;
            }
        }
        break;
    }
    case NK_FormattedValue:
        if (visit_expr(st, e->v.FormattedValue.value) < 0 ||
            (e->v.FormattedValue.format_spec &&
             visit_expr(st, e->v.FormattedValue.format_spec) < 0)) {
            r = -1;
        }
        break;
    case NK_JoinedStr:
        r = visit_exprs(st, e->v.JoinedStr.values);
        break;
    case NK_Attribute:
        r = visit_expr(st, e->v.Attribute.value);
        break;
    case NK_Subscript:
        if (visit_expr(st, e->v.Subscript.value) < 0 || visit_expr(st, e->v.Subscript.slice) < 0) {
            r = -1;
        }
        break;
    case NK_Starred:
        r = visit_expr(st, e->v.Starred.value);
        break;
    case NK_Slice:
        if ((e->v.Slice.lower && visit_expr(st, e->v.Slice.lower) < 0) ||
            (e->v.Slice.upper && visit_expr(st, e->v.Slice.upper) < 0) ||
            (e->v.Slice.step && visit_expr(st, e->v.Slice.step) < 0)) {
            r = -1;
        }
        break;
    case NK_Name:
        if (e->v.Name.ctx == CTX_Load && !st->unoptimized && strcmp(e->v.Name.id, "__debug__") == 0) {
            break;  // compile() has folded it into True (or False under -O)
        }
        r = add_def(st, e->v.Name.id, e->v.Name.ctx == CTX_Load ? SYM_USE : SYM_DEF_LOCAL,
                    NODE_LOC(e));
        // `super` in a function reads the implicit __class__ cell.
        if (r == 0 && e->v.Name.ctx == CTX_Load && st->cur->kind == BLOCK_FUNCTION &&
            strcmp(e->v.Name.id, "super") == 0) {
            r = add_def(st, st->id_class, SYM_USE, NODE_LOC(e));
        }
        break;
    case NK_List:
        r = visit_exprs(st, e->v.List.elts);
        break;
    case NK_Tuple:
        r = visit_exprs(st, e->v.Tuple.elts);
        break;
    default:  // Constant
        break;
    }
    st->depth--;
    return r;
}

static int visit_patterns(SymTable *st, Seq *seq) {
    for (int i = 0; seq && i < seq->n; i++) {
        if (visit_pattern(st, seq->a[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_pattern(SymTable *st, Node *p) {
    if (depth_enter(st) < 0) {
        return -1;
    }
    int r = 0;
    switch (p->kind) {
    case NK_MatchValue:
        r = visit_expr(st, p->v.MatchValue.value);
        break;
    case NK_MatchSequence:
    case NK_MatchOr:
        r = visit_patterns(st, p->v.MatchSequence.patterns);
        break;
    case NK_MatchStar:
        if (p->v.MatchStar.name) {
            r = add_def(st, p->v.MatchStar.name, SYM_DEF_LOCAL, NODE_LOC(p));
        }
        break;
    case NK_MatchMapping:
        if (visit_exprs(st, p->v.MatchMapping.keys) < 0 ||
            visit_patterns(st, p->v.MatchMapping.patterns) < 0 ||
            (p->v.MatchMapping.rest &&
             add_def(st, p->v.MatchMapping.rest, SYM_DEF_LOCAL, NODE_LOC(p)) < 0)) {
            r = -1;
        }
        break;
    case NK_MatchClass:
        if (visit_expr(st, p->v.MatchClass.cls) < 0 ||
            visit_patterns(st, p->v.MatchClass.patterns) < 0 ||
            visit_patterns(st, p->v.MatchClass.kwd_patterns) < 0) {
            r = -1;
        }
        break;
    case NK_MatchAs:
        if ((p->v.MatchAs.pattern && visit_pattern(st, p->v.MatchAs.pattern) < 0) ||
            (p->v.MatchAs.name && add_def(st, p->v.MatchAs.name, SYM_DEF_LOCAL, NODE_LOC(p)) < 0)) {
            r = -1;
        }
        break;
    default:  // MatchSingleton
        break;
    }
    st->depth--;
    return r;
}

// ---- pass 2: the analysis -----------------------------------------------------

// A set of interned names (open addressing over pointers, with tombstones).
typedef struct NameSet {
    Ident *slots;
    int cap, used, count;  // used counts tombstones too
} NameSet;

#define NS_TOMB ((Ident)(uintptr_t)1)

static void ns_free(NameSet *s) {
    free(s->slots);
    s->slots = NULL;
    s->cap = s->used = s->count = 0;
}

static int ns_contains(const NameSet *s, Ident n) {
    if (!s || !s->cap) {
        return 0;
    }
    uint32_t mask = (uint32_t)(s->cap - 1), j = hash_ptr(n) & mask;
    while (s->slots[j]) {
        if (s->slots[j] == n) {
            return 1;
        }
        j = (j + 1) & mask;
    }
    return 0;
}

static int ns_add(NameSet *s, Ident n);

static int ns_rehash(NameSet *s, int ncap) {
    NameSet t = {calloc((size_t)ncap, sizeof(Ident)), ncap, 0, 0};
    if (!t.slots) {
        return -1;
    }
    for (int i = 0; i < s->cap; i++) {
        if (s->slots[i] && s->slots[i] != NS_TOMB) {
            ns_add(&t, s->slots[i]);
        }
    }
    free(s->slots);
    *s = t;
    return 0;
}

static int ns_add(NameSet *s, Ident n) {
    if ((s->used + 1) * 2 > s->cap) {
        int ncap = s->cap ? s->cap : 8;
        while ((s->count + 1) * 2 > ncap) {
            ncap *= 2;
        }
        if (ns_rehash(s, ncap) < 0) {  // same size just clears tombstones
            return -1;
        }
    }
    uint32_t mask = (uint32_t)(s->cap - 1), j = hash_ptr(n) & mask;
    int tomb = -1;
    while (s->slots[j]) {
        if (s->slots[j] == n) {
            return 0;
        }
        if (s->slots[j] == NS_TOMB && tomb < 0) {
            tomb = (int)j;
        }
        j = (j + 1) & mask;
    }
    if (tomb >= 0) {
        s->slots[tomb] = n;
    } else {
        s->slots[j] = n;
        s->used++;
    }
    s->count++;
    return 0;
}

static void ns_discard(NameSet *s, Ident n) {
    if (!s || !s->cap) {
        return;
    }
    uint32_t mask = (uint32_t)(s->cap - 1), j = hash_ptr(n) & mask;
    while (s->slots[j]) {
        if (s->slots[j] == n) {
            s->slots[j] = NS_TOMB;
            s->count--;
            return;
        }
        j = (j + 1) & mask;
    }
}

static int ns_update(NameSet *dst, const NameSet *src) {
    for (int i = 0; src && i < src->cap; i++) {
        if (src->slots[i] && src->slots[i] != NS_TOMB && ns_add(dst, src->slots[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// An error about a declared name, placed at its first declaration.
static int error_at_directive(SymTable *st, SymBlock *b, Ident name, const char *msg) {
    for (int i = 0; i < b->ndirectives; i++) {
        SymDirective *d = &b->directives[i];
        if (d->name == name) {
            st_set_error(st, SE_SYNTAX, d->lineno, d->col_offset, d->end_lineno,
                         d->end_col_offset, "%s", msg);
            return -1;
        }
    }
    st_set_error(st, SE_SYNTAX, b->lineno, b->col_offset, b->end_lineno, b->end_col_offset, "%s",
                 msg);
    return -1;
}

static int analyze_name(SymTable *st, SymBlock *b, Symbol *sym, NameSet *bound, NameSet *local,
                        NameSet *free_, NameSet *global) {
    Ident name = sym->name;
    int flags = sym->flags;
    char msg[400];
    if (flags & SYM_DEF_GLOBAL) {
        if (flags & SYM_DEF_NONLOCAL) {
            snprintf(msg, sizeof msg, "name '%s' is nonlocal and global", name);
            return error_at_directive(st, b, name, msg);
        }
        sym->scope = SCOPE_GLOBAL_EXPLICIT;
        if (ns_add(global, name) < 0) {
            return -1;
        }
        ns_discard(bound, name);
        return 0;
    }
    if (flags & SYM_DEF_NONLOCAL) {
        if (!bound) {
            return error_at_directive(st, b, name,
                                      "nonlocal declaration not allowed at module level");
        }
        if (!ns_contains(bound, name)) {
            snprintf(msg, sizeof msg, "no binding for nonlocal '%s' found", name);
            return error_at_directive(st, b, name, msg);
        }
        sym->scope = SCOPE_FREE;
        b->free = 1;
        return ns_add(free_, name);
    }
    if (flags & SYM_DEF_BOUND) {
        sym->scope = SCOPE_LOCAL;
        if (ns_add(local, name) < 0) {
            return -1;
        }
        ns_discard(global, name);
        return 0;
    }
    if (ns_contains(bound, name)) {
        sym->scope = SCOPE_FREE;
        b->free = 1;
        return ns_add(free_, name);
    }
    if (b->nested) {
        b->free = 1;
    }
    sym->scope = SCOPE_GLOBAL_IMPLICIT;
    return 0;
}

static int analyze_block(SymTable *st, SymBlock *b, NameSet *bound, NameSet *free_,
                         NameSet *global);

// A child sees copies of the sets, so that its own bindings never leak back
// into its siblings; its unresolved free names go into child_free.
static int analyze_child(SymTable *st, SymBlock *child, const NameSet *bound, const NameSet *free_,
                         const NameSet *global, NameSet *child_free) {
    NameSet tb = {0}, tf = {0}, tg = {0};
    int r = -1;
    if (ns_update(&tb, bound) == 0 && ns_update(&tf, free_) == 0 && ns_update(&tg, global) == 0 &&
        analyze_block(st, child, &tb, &tf, &tg) == 0 && ns_update(child_free, &tf) == 0) {
        r = 0;
    }
    ns_free(&tb);
    ns_free(&tf);
    ns_free(&tg);
    return r;
}

// Enter the final scopes, then add the names that nested blocks need from
// further out: they pass through this block as free variables.
static int update_symbols(SymTable *st, SymBlock *b, const NameSet *bound, const NameSet *newfree) {
    int classflag = b->kind == BLOCK_CLASS;
    for (int i = 0; i < newfree->cap; i++) {
        Ident name = newfree->slots[i];
        if (!name || name == NS_TOMB) {
            continue;
        }
        int k = find_slot(b, name);
        if (k >= 0) {
            // A method's free variable that the class also binds (or
            // declares global) must still reach the method.
            if (classflag && (b->syms[k].flags & (SYM_DEF_BOUND | SYM_DEF_GLOBAL))) {
                b->syms[k].flags |= SYM_DEF_FREE_CLASS;
            }
            continue;
        }
        if (bound && !ns_contains(bound, name)) {
            continue;  // a global
        }
        k = add_symbol(st, b, name, 0);
        if (k < 0) {
            return -1;
        }
        b->syms[k].scope = SCOPE_FREE;
    }
    return 0;
}

static int analyze_block(SymTable *st, SymBlock *b, NameSet *bound, NameSet *free_,
                         NameSet *global) {
    NameSet local = {0}, newglobal = {0}, newfree = {0}, newbound = {0}, allfree = {0};
    int r = -1;
    if (b->kind == BLOCK_CLASS) {
        // Class bindings are invisible to nested functions: what they see is
        // fixed before the class's own names are analyzed.
        if (ns_update(&newglobal, global) < 0 || ns_update(&newbound, bound) < 0) {
            goto done;
        }
    }
    for (int i = 0; i < b->nsyms; i++) {
        if (analyze_name(st, b, &b->syms[i], bound, &local, free_, global) < 0) {
            goto done;
        }
    }
    if (b->kind != BLOCK_CLASS) {
        if ((b->kind == BLOCK_FUNCTION && ns_update(&newbound, &local) < 0) ||
            ns_update(&newbound, bound) < 0 || ns_update(&newglobal, global) < 0) {
            goto done;
        }
    } else if (ns_add(&newbound, st->id_class) < 0) {
        goto done;
    }
    for (int i = 0; i < b->nchildren; i++) {
        SymBlock *c = b->children[i];
        if (analyze_child(st, c, &newbound, &newfree, &newglobal, &allfree) < 0) {
            goto done;
        }
        if (c->free || c->child_free) {
            b->child_free = 1;
        }
    }
    if (ns_update(&newfree, &allfree) < 0) {
        goto done;
    }
    if (b->kind == BLOCK_FUNCTION) {
        // Locals that nested blocks need become cells.
        for (int i = 0; i < b->nsyms; i++) {
            Symbol *s = &b->syms[i];
            if (s->scope == SCOPE_LOCAL && ns_contains(&newfree, s->name)) {
                s->scope = SCOPE_CELL;
                ns_discard(&newfree, s->name);
            }
        }
    } else if (b->kind == BLOCK_CLASS && ns_contains(&newfree, st->id_class)) {
        ns_discard(&newfree, st->id_class);
        b->needs_class_closure = 1;
    }
    if (update_symbols(st, b, bound, &newfree) < 0 || ns_update(free_, &newfree) < 0) {
        goto done;
    }
    r = 0;
done:
    if (r < 0 && !st->failed) {
        st_no_memory(st);
    }
    ns_free(&local);
    ns_free(&newglobal);
    ns_free(&newfree);
    ns_free(&newbound);
    ns_free(&allfree);
    return r;
}

static int cmp_ident(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// co_cellvars and co_freevars in CPython 3.11's order. The compiler sorts
// both by name, but a parameter that is a cell keeps its parameter slot,
// so co_cellvars lists cell parameters first, in parameter order.
static int compute_closure_layout(SymTable *st, SymBlock *b) {
    int nc = 0, nf = 0;
    for (int i = 0; i < b->nsyms; i++) {
        const Symbol *s = &b->syms[i];
        nc += s->scope == SCOPE_CELL;
        nf += s->scope == SCOPE_FREE || (s->flags & SYM_DEF_FREE_CLASS);
    }
    if (b->needs_class_closure) {
        nc++;
    }
    b->cellvars = arena_alloc(st->arena, sizeof(Ident) * (size_t)(nc + 1));
    b->freevars = arena_alloc(st->arena, sizeof(Ident) * (size_t)(nf + 1));
    if (!b->cellvars || !b->freevars) {
        st_no_memory(st);
        return -1;
    }
    for (int i = 0; i < b->nparams; i++) {
        int k = find_slot(b, b->params[i]);
        if (k >= 0 && b->syms[k].scope == SCOPE_CELL) {
            b->cellvars[b->ncellvars++] = b->params[i];
        }
    }
    int ncellparams = b->ncellvars;
    for (int i = 0; i < b->nsyms; i++) {
        const Symbol *s = &b->syms[i];
        if (s->scope == SCOPE_CELL && !(s->flags & SYM_DEF_PARAM)) {
            b->cellvars[b->ncellvars++] = s->name;
        }
        if (s->scope == SCOPE_FREE || (s->flags & SYM_DEF_FREE_CLASS)) {
            b->freevars[b->nfreevars++] = s->name;
        }
    }
    if (b->needs_class_closure) {
        b->cellvars[b->ncellvars++] = st->id_class;
    }
    qsort(b->cellvars + ncellparams, (size_t)(b->ncellvars - ncellparams), sizeof(Ident),
          cmp_ident);
    qsort(b->freevars, (size_t)b->nfreevars, sizeof(Ident), cmp_ident);
    for (int i = 0; i < b->nchildren; i++) {
        if (compute_closure_layout(st, b->children[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---- entry points -------------------------------------------------------------

SymTable *symtable_build(Arena *arena, Node *mod, int flags, SyntaxErrorInfo *err) {
    SymTable *st = arena_alloc(arena, sizeof *st);
    if (!st) {
        memset(err, 0, sizeof *err);
        err->set = 1;
        err->kind = SE_MEMORY;
        return NULL;
    }
    st->arena = arena;
    st->err = err;
    st->future_flags = flags & (FUTURE_ANNOTATIONS | FUTURE_BARRY_AS_BDFL);
    st->unoptimized = (flags & SYMTABLE_UNOPTIMIZED) != 0;
    if (!(st->id_top = st_intern(st, "top")) || !(st->id_lambda = st_intern(st, "lambda")) ||
        !(st->id_genexpr = st_intern(st, "genexpr")) ||
        !(st->id_listcomp = st_intern(st, "listcomp")) ||
        !(st->id_setcomp = st_intern(st, "setcomp")) ||
        !(st->id_dictcomp = st_intern(st, "dictcomp")) || !(st->id_dot0 = st_intern(st, ".0")) ||
        !(st->id_class = st_intern(st, "__class__")) ||
        !(st->id_annotation = st_intern(st, "_annotation"))) {
        return NULL;
    }
    if (enter_block(st, st->id_top, BLOCK_MODULE, mod, 0, 0, 0, 0) < 0) {
        return NULL;
    }
    st->top = st->cur;
    int r = 0;
    switch (mod->kind) {
    case NK_Module:
        r = visit_stmts(st, mod->v.Module.body);
        break;
    case NK_Interactive:
        r = visit_stmts(st, mod->v.Interactive.body);
        break;
    case NK_Expression:
        r = visit_expr(st, mod->v.Expression.body);
        break;
    default:
        st_set_error(st, SE_SYNTAX, 0, -1, 0, -1, "this compiler does not handle FunctionTypes");
        r = -1;
        break;
    }
    if (r < 0) {
        return NULL;
    }
    exit_block(st);
    NameSet free_ = {0}, global = {0};
    r = analyze_block(st, st->top, NULL, &free_, &global);
    ns_free(&free_);
    ns_free(&global);
    if (r < 0 || compute_closure_layout(st, st->top) < 0) {
        return NULL;
    }
    return st;
}

const Symbol *symblock_lookup(const SymBlock *b, const char *name) {
    Ident n = intern_name(b->table, name, 0);
    if (!n) {
        return NULL;
    }
    int k = find_slot(b, n);
    return k < 0 ? NULL : &b->syms[k];
}

SymScope symblock_scope(const SymBlock *b, const char *name) {
    const Symbol *s = symblock_lookup(b, name);
    return s ? (SymScope)s->scope : SCOPE_NONE;
}

NameAccess symblock_access(const SymBlock *b, const char *name) {
    switch (symblock_scope(b, name)) {
    case SCOPE_FREE:
    case SCOPE_CELL:
        return ACCESS_DEREF;
    case SCOPE_LOCAL:
        return b->kind == BLOCK_FUNCTION ? ACCESS_FAST : ACCESS_NAME;
    case SCOPE_GLOBAL_IMPLICIT:
        return b->kind == BLOCK_FUNCTION ? ACCESS_GLOBAL : ACCESS_NAME;
    case SCOPE_GLOBAL_EXPLICIT:
        return ACCESS_GLOBAL;
    default:
        return ACCESS_NAME;
    }
}

Ident *symblock_locals(Arena *arena, const SymBlock *b, int *n) {
    Ident *out = arena_alloc(arena, sizeof(Ident) * (size_t)(b->nsyms + 1));
    *n = 0;
    if (!out) {
        return NULL;
    }
    for (int i = 0; i < b->nsyms; i++) {
        const Symbol *s = &b->syms[i];
        if ((s->scope == SCOPE_LOCAL || s->scope == SCOPE_CELL) && !(s->flags & SYM_DEF_PARAM)) {
            out[(*n)++] = s->name;
        }
    }
    return out;
}
