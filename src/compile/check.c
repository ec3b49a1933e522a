// check.c - CPython 3.11's compile-time SyntaxErrors, found in CPython's order.
//
// CPython finds these errors while *generating code*: compile.c raises
// "'break' outside loop" when it reaches the break, at the position it is
// "at" in that moment. So the only way to report the same first error at
// the same place is to walk the tree exactly as compile.c walks it and to
// track the same little state it tracks, without generating anything:
//
// - The walk order is the code generator's, which is not source order:
//   an assignment visits its value before its targets; a def visits its
//   decorators, then defaults, annotations, the body, and stores its name
//   last; a class visits decorators, its body, then its bases and keywords;
//   a comprehension compiles its body before its first iterable; `try`
//   compiles `else` before the handlers (but `try*` after them); `while`
//   visits its test twice; keyword arguments are checked for repeats before
//   anything of the call is visited.
//
// - The *current location* (CPython's u_lineno/u_col_offset/...): every
//   statement sets it and keeps it; every expression sets it and restores
//   the previous one when done; patterns set it and do not restore; some
//   constructs move it (an attribute's store points at the attribute name;
//   `return 1` points at the constant) or unset it (lineno -1, as after the
//   artificial code of a `with` exit). An error takes the location current
//   when it is raised.
//
// - The frame-block stack (CPython's fblocks, at most 20 deep: "too many
//   statically nested blocks"): loops, try bodies, handlers, with bodies...
//   `break`/`continue`/`return` *unwind* it, and unwinding a try/finally
//   compiles the finally body right there -- so an error inside a finally
//   body can be reported at an early `return`, before errors that appear
//   between the two in the source. The finally body is also compiled twice
//   by the try statement itself (normal and exceptional exit), one block
//   deeper the second time.
//
// - Per scope: its kind (module, class, function, async function, lambda,
//   comprehension) and the symbol table's facts (generator, coroutine).
//
// What is not an error here is every warning (SyntaxWarning "is" with a
// literal, assert on a tuple, calling a literal...): CPython only warns.
#include "check.h"

#include <gmp.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../parse/ast_dump.h"
#include "../runtime/complex.h"
#include "../runtime/float.h"
#include "../runtime/int.h"
#include "../runtime/strbuf.h"

// ---- __future__ -------------------------------------------------------------

static void set_error(SyntaxErrorInfo *err, int lineno, int offset, int end_lineno, int end_offset,
                      const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void set_error(SyntaxErrorInfo *err, int lineno, int offset, int end_lineno, int end_offset,
                      const char *fmt, ...) {
    syntax_error_reset(err);
    err->set = 1;
    err->kind = SE_SYNTAX;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->lineno = lineno;
    err->offset = offset;
    err->end_lineno = end_lineno;
    err->end_offset = end_offset;
}

static int is_docstring(const Node *s) {
    return s->kind == NK_Expr && s->v.Expr.value->kind == NK_Constant &&
           s->v.Expr.value->v.Constant.value.kind == CONST_STR;
}

static int future_check_features(const Node *s, int *features, SyntaxErrorInfo *err) {
    static const char *const ignored[] = {
        "nested_scopes", "generators",      "division",       "absolute_import",
        "with_statement", "print_function", "unicode_literals", "generator_stop",
    };
    Seq *names = s->v.ImportFrom.names;
    for (int i = 0; i < names->n; i++) {
        const char *f = ((Node *)names->a[i])->v.alias.name;
        int known = 0;
        for (size_t k = 0; k < sizeof ignored / sizeof *ignored; k++) {
            known |= strcmp(f, ignored[k]) == 0;
        }
        if (known) {
            continue;
        }
        if (strcmp(f, "barry_as_FLUFL") == 0) {
            *features |= FUTURE_BARRY_AS_BDFL;
        } else if (strcmp(f, "annotations") == 0) {
            *features |= FUTURE_ANNOTATIONS;
        } else if (strcmp(f, "braces") == 0) {
            set_error(err, s->lineno, s->col_offset + 1, s->lineno, 0, "not a chance");
            err->end_offset_none = 1;
            return -1;
        } else {
            set_error(err, s->lineno, s->col_offset + 1, s->lineno, 0,
                      "future feature %.100s is not defined", f);
            err->end_offset_none = 1;
            return -1;
        }
    }
    return 0;
}

int future_parse(const Node *mod, int *features, int *last_lineno, SyntaxErrorInfo *err) {
    *features = 0;
    *last_lineno = -1;
    Seq *body;
    if (mod->kind == NK_Module) {
        body = mod->v.Module.body;
    } else if (mod->kind == NK_Interactive) {
        body = mod->v.Interactive.body;
    } else {
        return 0;
    }
    if (!body || body->n == 0) {
        return 0;
    }
    int i = is_docstring(body->a[0]) ? 1 : 0;
    int done = 0, prev_line = 0;
    for (; i < body->n; i++) {
        const Node *s = body->a[i];
        if (done && s->lineno > prev_line) {
            return 0;
        }
        prev_line = s->lineno;
        if (s->kind == NK_ImportFrom && s->v.ImportFrom.module &&
            strcmp(s->v.ImportFrom.module, "__future__") == 0) {
            if (done) {
                // Joined to the prefix by semicolons after a plain statement.
                // CPython passes the 0-based column as the offset here.
                set_error(err, s->lineno, s->col_offset, s->lineno, 0,
                          "from __future__ imports must occur at the beginning of the file");
                err->end_offset_none = 1;
                return -1;
            }
            if (future_check_features(s, features, err) < 0) {
                return -1;
            }
            *last_lineno = s->lineno;
        } else {
            done = 1;
        }
    }
    return 0;
}

// ---- folded constants (mapping pattern keys) --------------------------------
//
// CPython folds `-1` and `1+2j` into constants before compiling, then checks
// a mapping pattern's keys for duplicates with Python equality (1 == 1.0 ==
// True == 1+0j) and names the duplicate by its repr.

typedef enum FoldKind { FOLD_EMPTY, FOLD_SINGLETON, FOLD_NUMBER, FOLD_STR, FOLD_BYTES } FoldKind;

typedef struct Folded {
    FoldKind kind;
    const ConstValue *cv;  // the constant as parsed (FOLD_SINGLETON, FOLD_STR, FOLD_BYTES)
    // FOLD_NUMBER: value = re + im*j; an exact integer when is_int
    int is_int, is_complex, is_bool;
    mpz_t z;               // the integer (is_int)
    double re, im;
} Folded;

static void fold_clear(Folded *f) {
    if (f->kind == FOLD_NUMBER && f->is_int) {
        mpz_clear(f->z);
    }
    f->kind = FOLD_EMPTY;
}

static void mpz_from_const(mpz_t z, const ConstValue *cv) {
    mpz_init(z);
    if (cv->kind == CONST_INT) {
        uint64_t v = (uint64_t)cv->i;  // int literals are never negative
        mpz_import(z, 1, -1, sizeof v, 0, 0, &v);
    } else {
        mpz_import(z, (size_t)cv->big.n, -1, sizeof(uint64_t), 0, 0, cv->big.limbs);
    }
}

// int -> float as Python rounds it (half to even); 0 if it overflows.
static int mpz_to_double(const mpz_t z, double *out) {
    char *s = mpz_get_str(NULL, 10, z);
    if (!s) {
        return 0;
    }
    char *end;
    double d = strtod(s, &end);
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    freefunc(s, strlen(s) + 1);
    if (isinf(d)) {
        return 0;
    }
    *out = d;
    return 1;
}

// Fold a pattern key expression: Constant, -Constant, or real +/- imaginary.
static int fold_key(const Node *e, Folded *f) {
    memset(f, 0, sizeof *f);
    if (e->kind == NK_Constant) {
        const ConstValue *cv = &e->v.Constant.value;
        switch (cv->kind) {
        case CONST_NONE:
        case CONST_ELLIPSIS:
            f->kind = FOLD_SINGLETON;
            f->cv = cv;
            return 1;
        case CONST_TRUE:
        case CONST_FALSE:
            f->kind = FOLD_NUMBER;
            f->is_int = 1;
            f->is_bool = 1;
            mpz_init_set_ui(f->z, cv->kind == CONST_TRUE);
            return 1;
        case CONST_INT:
        case CONST_BIGINT:
            f->kind = FOLD_NUMBER;
            f->is_int = 1;
            mpz_from_const(f->z, cv);
            return 1;
        case CONST_FLOAT:
            f->kind = FOLD_NUMBER;
            f->re = cv->f;
            return 1;
        case CONST_COMPLEX:
            f->kind = FOLD_NUMBER;
            f->is_complex = 1;
            f->re = 0.0;
            f->im = cv->f;
            return 1;
        case CONST_STR:
            f->kind = FOLD_STR;
            f->cv = cv;
            return 1;
        case CONST_BYTES:
            f->kind = FOLD_BYTES;
            f->cv = cv;
            return 1;
        }
        return 0;
    }
    if (e->kind == NK_UnaryOp && e->v.UnaryOp.op == UNARY_USub) {
        if (!fold_key(e->v.UnaryOp.operand, f)) {
            return 0;
        }
        if (f->kind != FOLD_NUMBER) {
            fold_clear(f);
            return 0;
        }
        if (f->is_int) {
            mpz_neg(f->z, f->z);
            f->is_bool = 0;
        } else {
            f->re = -f->re;
            f->im = -f->im;
        }
        return 1;
    }
    if (e->kind == NK_BinOp && (e->v.BinOp.op == OP_Add || e->v.BinOp.op == OP_Sub)) {
        Folded l, r;
        if (!fold_key(e->v.BinOp.left, &l)) {
            return 0;
        }
        if (!fold_key(e->v.BinOp.right, &r)) {
            fold_clear(&l);
            return 0;
        }
        int ok = l.kind == FOLD_NUMBER && r.kind == FOLD_NUMBER;
        double lre = l.re, lim = l.im, rre = r.re, rim = r.im;
        if (ok && l.is_int) {
            ok = mpz_to_double(l.z, &lre);  // the fold fails (OverflowError) otherwise
            lim = 0.0;
        }
        if (ok && r.is_int) {
            ok = mpz_to_double(r.z, &rre);
            rim = 0.0;
        }
        // Only real +/- complex occurs in patterns; int+int or float+float
        // do not, but fold them the same way for completeness.
        int cplx = l.is_complex || r.is_complex;
        fold_clear(&l);
        fold_clear(&r);
        if (!ok || !cplx) {
            return 0;
        }
        f->kind = FOLD_NUMBER;
        f->is_complex = 1;
        if (e->v.BinOp.op == OP_Add) {
            f->re = lre + rre;
            f->im = lim + rim;
        } else {
            f->re = lre - rre;
            f->im = lim - rim;
        }
        return 1;
    }
    return 0;
}

// Python's == between two folded numbers.
static int number_eq(const Folded *a, const Folded *b) {
    if (a->is_int && b->is_int) {
        return mpz_cmp(a->z, b->z) == 0;
    }
    if (a->is_int || b->is_int) {
        const Folded *i = a->is_int ? a : b, *x = a->is_int ? b : a;
        if (x->im != 0.0 || !isfinite(x->re) || floor(x->re) != x->re) {
            return 0;
        }
        mpz_t t;
        mpz_init_set_d(t, x->re);
        int eq = mpz_cmp(t, i->z) == 0;
        mpz_clear(t);
        return eq;
    }
    return a->re == b->re && a->im == b->im;
}

static int folded_eq(const Folded *a, const Folded *b) {
    if (a->kind != b->kind) {
        return 0;
    }
    switch (a->kind) {
    case FOLD_SINGLETON:
        return a->cv->kind == b->cv->kind;
    case FOLD_NUMBER:
        return number_eq(a, b);
    case FOLD_STR:
    case FOLD_BYTES:
        return a->cv->str.len == b->cv->str.len &&
               memcmp(a->cv->str.s, b->cv->str.s, a->cv->str.len) == 0;
    default:
        return 0;
    }
}

static void folded_repr(StrBuf *out, const Folded *f) {
    switch (f->kind) {
    case FOLD_NUMBER:
        if (f->is_bool) {
            sb_puts(out, mpz_sgn(f->z) ? "True" : "False");
        } else if (f->is_int) {
            char *s = mpz_get_str(NULL, 10, f->z);
            sb_puts(out, s);
            void (*freefunc)(void *, size_t);
            mp_get_memory_functions(NULL, NULL, &freefunc);
            freefunc(s, strlen(s) + 1);
        } else if (f->is_complex) {
            complex_repr(out, f->re, f->im);
        } else {
            float_repr(out, f->re);
        }
        break;
    default:
        ast_dump_constant(out, f->cv);
        break;
    }
}

// ---- the code generator's walk ------------------------------------------------

#define CO_MAXBLOCKS 20
#define STACK_USE_GUIDELINE 30

typedef enum ScopeType {
    CS_MODULE, CS_CLASS, CS_FUNCTION, CS_ASYNC_FUNCTION, CS_LAMBDA, CS_COMPREHENSION
} ScopeType;

typedef enum FBlockType {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
    FB_ASYNC_WITH, FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER, FB_ASYNC_COMPREHENSION_GENERATOR
} FBlockType;

typedef struct FBlock {
    FBlockType type;
    const Node *stmt;  // WITH / ASYNC_WITH: the statement
    Seq *finalbody;    // FINALLY_TRY: the finally body
} FBlock;

typedef struct Loc {
    int lineno, col, end_lineno, end_col;
} Loc;

typedef struct Unit {
    ScopeType scope;
    SymBlock *ste;
    Loc loc;
    FBlock fblocks[CO_MAXBLOCKS];
    int nfblocks;
} Unit;

typedef struct Checker {
    Arena *arena;
    SymTable *st;
    SyntaxErrorInfo *err;
    int failed;
    int features;     // FUTURE_* in effect
    int ff_lineno;    // last line of the __future__ prefix
    int optimize;
    int top_level_await;
    Unit *u;       // the current unit: units[nunits - 1]
    Unit **units;  // one per open scope, reused (malloc'd; freed at the end)
    int nunits, units_cap;
} Checker;

// A pattern's captured names so far (CPython's pc->stores).
typedef struct PatternCtx {
    Ident *stores;
    int nstores, cap;
    int allow_irrefutable;
} PatternCtx;

static int c_error(Checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int c_error(Checker *c, const char *fmt, ...) {
    if (c->failed) {
        return -1;
    }
    c->failed = 1;
    SyntaxErrorInfo *e = c->err;
    syntax_error_reset(e);
    e->set = 1;
    e->kind = SE_SYNTAX;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    Loc *l = &c->u->loc;
    e->lineno = l->lineno;
    e->offset = l->col + 1;
    e->end_lineno = l->end_lineno;
    e->end_offset = l->end_col + 1;
    return -1;
}

// ---- SyntaxWarnings ----------------------------------------------------------
//
// CPython's compiler warns (SyntaxWarning) about code that is legal but
// almost surely wrong: `x is 1`, `assert (x, "msg")`, `[1, 2] (3, 4)` (a
// missed comma), `"abc"[1.5]`. It looks at the tree after constant folding,
// so `-1`, `2 * 3` and tuples of constants count as constants here too.

static void c_warn(Checker *c, const Node *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void c_warn(Checker *c, const Node *at, const char *fmt, ...) {
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    front_warning(c->arena, c->err, FW_SYNTAX, at->lineno, at->col_offset + 1, at->end_lineno,
                  at->end_col_offset + 1, "%s", msg);
}

// The type name of the constant that e folds into (CPython's AST optimizer:
// unary and binary operators on constants, tuples of constants), or NULL
// when e is not constant. *singleton: None, True, False or Ellipsis.
static const char *folded_const_type(const Node *e, int *singleton) {
    *singleton = 0;
    switch (e->kind) {
    case NK_Constant:
        switch (e->v.Constant.value.kind) {
        case CONST_NONE: case CONST_TRUE: case CONST_FALSE: case CONST_ELLIPSIS:
            *singleton = 1;
            return e->v.Constant.value.kind == CONST_NONE       ? "NoneType"
                   : e->v.Constant.value.kind == CONST_ELLIPSIS ? "ellipsis"
                                                                 : "bool";
        case CONST_INT: case CONST_BIGINT: return "int";
        case CONST_FLOAT: return "float";
        case CONST_COMPLEX: return "complex";
        case CONST_STR: return "str";
        case CONST_BYTES: return "bytes";
        }
        return NULL;
    case NK_UnaryOp: {
        int single;
        const char *t = folded_const_type(e->v.UnaryOp.operand, &single);
        if (!t) {
            return NULL;
        }
        if (e->v.UnaryOp.op == UNARY_Not) {
            *singleton = 1;  // folds to True or False
            return "bool";
        }
        if (strcmp(t, "str") == 0 || strcmp(t, "bytes") == 0 || strcmp(t, "tuple") == 0 ||
            strcmp(t, "NoneType") == 0 || strcmp(t, "ellipsis") == 0 ||
            (e->v.UnaryOp.op == UNARY_Invert && (strcmp(t, "float") == 0 ||
                                                  strcmp(t, "complex") == 0))) {
            return NULL;  // a TypeError at run time: not folded
        }
        return strcmp(t, "bool") == 0 ? "int" : t;
    }
    case NK_BinOp: {
        int s1, s2;
        const char *a = folded_const_type(e->v.BinOp.left, &s1);
        const char *b = a ? folded_const_type(e->v.BinOp.right, &s2) : NULL;
        if (!a || !b) {
            return NULL;
        }
        int na = !strcmp(a, "int") || !strcmp(a, "bool") || !strcmp(a, "float") ||
                 !strcmp(a, "complex");
        int nb = !strcmp(b, "int") || !strcmp(b, "bool") || !strcmp(b, "float") ||
                 !strcmp(b, "complex");
        if (na && nb) {
            if (!strcmp(a, "complex") || !strcmp(b, "complex")) {
                return "complex";
            }
            if (!strcmp(a, "float") || !strcmp(b, "float") || e->v.BinOp.op == OP_Div) {
                return "float";
            }
            return "int";
        }
        // str + str, bytes + bytes, sequence * int (CPython folds these when small)
        if (e->v.BinOp.op == OP_Add && !strcmp(a, b) &&
            (!strcmp(a, "str") || !strcmp(a, "bytes") || !strcmp(a, "tuple"))) {
            return a;
        }
        return NULL;
    }
    case NK_Tuple: {
        if (e->v.Tuple.ctx != CTX_Load) {
            return NULL;
        }
        Seq *elts = e->v.Tuple.elts;
        for (int i = 0; elts && i < elts->n; i++) {
            int single;
            if (!folded_const_type(elts->a[i], &single)) {
                return NULL;
            }
        }
        return "tuple";
    }
    default:
        return NULL;
    }
}

// CPython's infer_type: the type an expression surely has, or NULL.
static const char *inferred_type(const Node *e) {
    int single;
    const char *t = folded_const_type(e, &single);
    if (t) {
        return t;
    }
    switch (e->kind) {
    case NK_Tuple: return "tuple";
    case NK_List: case NK_ListComp: return "list";
    case NK_Dict: case NK_DictComp: return "dict";
    case NK_Set: case NK_SetComp: return "set";
    case NK_GeneratorExp: return "generator";
    case NK_Lambda: return "function";
    case NK_JoinedStr: case NK_FormattedValue: return "str";
    default: return NULL;
    }
}

// `x is 1`: an `is` / `is not` with an operand that is a constant other than
// None, True, False and Ellipsis.
static void warn_compare(Checker *c, const Node *e) {
    int single;
    int left_ok = !folded_const_type(e->v.Compare.left, &single) || single;
    Seq *ops = e->v.Compare.ops, *rights = e->v.Compare.comparators;
    for (int i = 0; ops && rights && i < ops->n && i < rights->n; i++) {
        int right_ok = !folded_const_type(rights->a[i], &single) || single;
        CmpOpKind op = (CmpOpKind)(intptr_t)ops->a[i];
        if ((op == CMP_Is || op == CMP_IsNot) && (!left_ok || !right_ok)) {
            c_warn(c, e, op == CMP_Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                      : "\"is not\" with a literal. Did you mean \"!=\"?");
            return;
        }
        left_ok = right_ok;
    }
}

// Calling a literal: `[1, 2] (3, 4)` is missing a comma.
static void warn_call(Checker *c, const Node *e) {
    const Node *f = e->v.Call.func;
    int single;
    if (folded_const_type(f, &single) || f->kind == NK_Tuple || f->kind == NK_List ||
        f->kind == NK_ListComp || f->kind == NK_Dict || f->kind == NK_DictComp ||
        f->kind == NK_Set || f->kind == NK_SetComp || f->kind == NK_GeneratorExp ||
        f->kind == NK_JoinedStr || f->kind == NK_FormattedValue) {
        c_warn(c, e, "'%s' object is not callable; perhaps you missed a comma?", inferred_type(f));
    }
}

// Subscripting what cannot be subscripted, or a sequence literal with a
// non-integer constant index.
static void warn_subscript(Checker *c, const Node *e) {
    const Node *v = e->v.Subscript.value, *index = e->v.Subscript.slice;
    int single;
    const char *vt = folded_const_type(v, &single);
    int unsubscriptable = vt ? (!strcmp(vt, "NoneType") || !strcmp(vt, "ellipsis") ||
                                !strcmp(vt, "bool") || !strcmp(vt, "int") ||
                                !strcmp(vt, "float") || !strcmp(vt, "complex"))
                             : (v->kind == NK_Set || v->kind == NK_SetComp ||
                                v->kind == NK_GeneratorExp || v->kind == NK_Lambda);
    if (unsubscriptable) {
        c_warn(c, e, "'%s' object is not subscriptable; perhaps you missed a comma?",
               inferred_type(v));
        return;
    }
    const char *it = index->kind == NK_Slice ? NULL : inferred_type(index);
    if (!it || !strcmp(it, "int") || !strcmp(it, "bool")) {
        return;
    }
    int sequence = vt ? (!strcmp(vt, "str") || !strcmp(vt, "bytes") || !strcmp(vt, "tuple"))
                      : (v->kind == NK_Tuple || v->kind == NK_List || v->kind == NK_ListComp ||
                         v->kind == NK_JoinedStr || v->kind == NK_FormattedValue);
    if (sequence) {
        c_warn(c, e, "%s indices must be integers or slices, not %s; perhaps you missed a comma?",
               inferred_type(v), it);
    }
}

static int c_no_memory(Checker *c) {
    if (!c->failed) {
        c->failed = 1;
        syntax_error_reset(c->err);
        c->err->set = 1;
        c->err->kind = SE_MEMORY;
    }
    return -1;
}

static void set_loc(Checker *c, const Node *n) {
    c->u->loc = (Loc){n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
}

static void unset_loc(Checker *c) {
    c->u->loc = (Loc){-1, -1, -1, -1};
}

static int is_top_level_await(Checker *c) {
    return c->top_level_await && c->u->ste->kind == BLOCK_MODULE;
}

static int forbidden_name(Checker *c, const char *name, ExprContext ctx) {
    if (strcmp(name, "__debug__") == 0) {
        if (ctx == CTX_Store) {
            return c_error(c, "cannot assign to __debug__");
        }
        if (ctx == CTX_Del) {
            return c_error(c, "cannot delete __debug__");
        }
    }
    return 0;
}

static int push_fblock(Checker *c, FBlockType t, const Node *stmt, Seq *finalbody) {
    Unit *u = c->u;
    if (u->nfblocks >= CO_MAXBLOCKS) {
        return c_error(c, "too many statically nested blocks");
    }
    u->fblocks[u->nfblocks++] = (FBlock){t, stmt, finalbody};
    return 0;
}

static void pop_fblock(Checker *c) {
    c->u->nfblocks--;
}

static int visit_stmt(Checker *c, Node *s);
static int visit_expr(Checker *c, Node *e);
static int visit_pattern(Checker *c, Node *p, PatternCtx *pc);

static int visit_stmts(Checker *c, Seq *seq) {
    for (int i = 0; seq && i < seq->n; i++) {
        if (visit_stmt(c, seq->a[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_exprs(Checker *c, Seq *seq) {
    for (int i = 0; seq && i < seq->n; i++) {
        if (seq->a[i] && visit_expr(c, seq->a[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// Enter a new code unit for `node`'s scope; leave_unit() goes back.
static int enter_unit(Checker *c, ScopeType scope, const Node *node) {
    if (c->nunits == c->units_cap) {
        int ncap = c->units_cap ? c->units_cap * 2 : 8;
        Unit **a = realloc(c->units, sizeof(Unit *) * (size_t)ncap);
        if (!a) {
            return c_no_memory(c);
        }
        memset(a + c->units_cap, 0, sizeof(Unit *) * (size_t)(ncap - c->units_cap));
        c->units = a;
        c->units_cap = ncap;
    }
    if (!c->units[c->nunits] && !(c->units[c->nunits] = malloc(sizeof(Unit)))) {
        return c_no_memory(c);
    }
    Unit *u = c->units[c->nunits];
    memset(u, 0, sizeof *u);
    u->scope = scope;
    u->ste = symtable_block(c->st, node);
    if (!u->ste) {
        return c_no_memory(c);  // cannot happen: every scope node has a block
    }
    u->loc = (Loc){node->lineno, 0, node->lineno, 0};
    c->nunits++;
    c->u = u;
    return 0;
}

static void leave_unit(Checker *c) {
    c->nunits--;
    c->u = c->nunits ? c->units[c->nunits - 1] : NULL;
}

// ---- names and assignment targets ---------------------------------------------

static int nameop(Checker *c, const char *name, ExprContext ctx) {
    return forbidden_name(c, name, ctx);
}

// Unpacking targets: `a, *b, c = ...` -- one star, at most 255 names before it.
static int unpack_helper(Checker *c, Seq *elts) {
    int seen_star = 0;
    for (int i = 0; i < elts->n; i++) {
        Node *elt = elts->a[i];
        if (elt->kind == NK_Starred && !seen_star) {
            if (i >= (1 << 8) || elts->n - i - 1 >= (0x7fffffff >> 8)) {
                return c_error(c, "too many expressions in star-unpacking assignment");
            }
            seen_star = 1;
        } else if (elt->kind == NK_Starred) {
            return c_error(c, "multiple starred expressions in assignment");
        }
    }
    return 0;
}

static int assignment_helper(Checker *c, Seq *elts) {
    if (unpack_helper(c, elts) < 0) {
        return -1;
    }
    for (int i = 0; i < elts->n; i++) {
        Node *elt = elts->a[i];
        if (visit_expr(c, elt->kind == NK_Starred ? elt->v.Starred.value : elt) < 0) {
            return -1;
        }
    }
    return 0;
}

// Displays and call arguments: a starred item is visited through its value.
static int starunpack_helper(Checker *c, Seq *elts) {
    for (int i = 0; elts && i < elts->n; i++) {
        Node *elt = elts->a[i];
        if (visit_expr(c, elt->kind == NK_Starred ? elt->v.Starred.value : elt) < 0) {
            return -1;
        }
    }
    return 0;
}

static int validate_keywords(Checker *c, Seq *keywords) {
    for (int i = 0; keywords && i < keywords->n; i++) {
        Node *key = keywords->a[i];
        if (!key->v.keyword.arg) {
            continue;
        }
        if (forbidden_name(c, key->v.keyword.arg, CTX_Store) < 0) {
            return -1;
        }
        for (int j = i + 1; j < keywords->n; j++) {
            Node *other = keywords->a[j];
            if (other->v.keyword.arg && strcmp(key->v.keyword.arg, other->v.keyword.arg) == 0) {
                set_loc(c, other);
                return c_error(c, "keyword argument repeated: %s", key->v.keyword.arg);
            }
        }
    }
    return 0;
}

// The positional and keyword arguments of a call (or a class's bases).
static int call_helper(Checker *c, Seq *args, Seq *keywords) {
    if (validate_keywords(c, keywords) < 0 || starunpack_helper(c, args) < 0) {
        return -1;
    }
    for (int i = 0; keywords && i < keywords->n; i++) {
        if (visit_expr(c, ((Node *)keywords->a[i])->v.keyword.value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int check_debug_args_seq(Checker *c, Seq *args) {
    for (int i = 0; args && i < args->n; i++) {
        if (forbidden_name(c, ((Node *)args->a[i])->v.arg.arg, CTX_Store) < 0) {
            return -1;
        }
    }
    return 0;
}

static int check_debug_args(Checker *c, Node *a) {
    if (check_debug_args_seq(c, a->v.arguments.posonlyargs) < 0 ||
        check_debug_args_seq(c, a->v.arguments.args) < 0 ||
        (a->v.arguments.vararg &&
         forbidden_name(c, a->v.arguments.vararg->v.arg.arg, CTX_Store) < 0) ||
        check_debug_args_seq(c, a->v.arguments.kwonlyargs) < 0 ||
        (a->v.arguments.kwarg &&
         forbidden_name(c, a->v.arguments.kwarg->v.arg.arg, CTX_Store) < 0)) {
        return -1;
    }
    return 0;
}

static int default_arguments(Checker *c, Node *a) {
    if (visit_exprs(c, a->v.arguments.defaults) < 0) {
        return -1;
    }
    // Keyword-only defaults; kw_defaults holds NULL for those without one.
    return visit_exprs(c, a->v.arguments.kw_defaults);
}

static int visit_argannotation(Checker *c, Node *annotation) {
    if (!annotation || (c->features & FUTURE_ANNOTATIONS)) {
        return 0;  // under the future import annotations are strings
    }
    // `*args: *Ts` evaluates the starred expression's value.
    if (annotation->kind == NK_Starred) {
        return visit_expr(c, annotation->v.Starred.value);
    }
    return visit_expr(c, annotation);
}

static int visit_argannotations(Checker *c, Seq *args) {
    for (int i = 0; args && i < args->n; i++) {
        if (visit_argannotation(c, ((Node *)args->a[i])->v.arg.annotation) < 0) {
            return -1;
        }
    }
    return 0;
}

// The code generator's annotation order: positional, positional-only,
// *args, keyword-only, **kwargs, return.
static int visit_annotations(Checker *c, Node *a, Node *returns) {
    if (visit_argannotations(c, a->v.arguments.args) < 0 ||
        visit_argannotations(c, a->v.arguments.posonlyargs) < 0 ||
        (a->v.arguments.vararg && visit_argannotation(c, a->v.arguments.vararg->v.arg.annotation) < 0) ||
        visit_argannotations(c, a->v.arguments.kwonlyargs) < 0 ||
        (a->v.arguments.kwarg && visit_argannotation(c, a->v.arguments.kwarg->v.arg.annotation) < 0) ||
        visit_argannotation(c, returns) < 0) {
        return -1;
    }
    return 0;
}

// ---- scopes -------------------------------------------------------------------

static int function_def(Checker *c, Node *s, int is_async) {
    Node *args = s->v.FunctionDef.args;
    if (check_debug_args(c, args) < 0 || visit_exprs(c, s->v.FunctionDef.decorator_list) < 0 ||
        default_arguments(c, args) < 0 || visit_annotations(c, args, s->v.FunctionDef.returns) < 0) {
        return -1;
    }
    if (enter_unit(c, is_async ? CS_ASYNC_FUNCTION : CS_FUNCTION, s) < 0) {
        return -1;
    }
    Seq *body = s->v.FunctionDef.body;
    int r = 0;
    // A docstring is a constant: nothing to check.
    for (int i = (body->n && is_docstring(body->a[0]) && c->optimize < 2) ? 1 : 0; i < body->n; i++) {
        if (visit_stmt(c, body->a[i]) < 0) {
            r = -1;
            break;
        }
    }
    leave_unit(c);
    if (r < 0) {
        return -1;
    }
    return nameop(c, s->v.FunctionDef.name, CTX_Store);
}

static int class_def(Checker *c, Node *s) {
    if (visit_exprs(c, s->v.ClassDef.decorator_list) < 0) {
        return -1;
    }
    if (enter_unit(c, CS_CLASS, s) < 0) {
        return -1;
    }
    int r = visit_stmts(c, s->v.ClassDef.body);
    leave_unit(c);
    if (r < 0 || call_helper(c, s->v.ClassDef.bases, s->v.ClassDef.keywords) < 0) {
        return -1;
    }
    return nameop(c, s->v.ClassDef.name, CTX_Store);
}

static int lambda(Checker *c, Node *e) {
    Node *args = e->v.Lambda.args;
    if (check_debug_args(c, args) < 0 || default_arguments(c, args) < 0) {
        return -1;
    }
    if (enter_unit(c, CS_LAMBDA, e) < 0) {
        return -1;
    }
    int r = visit_expr(c, e->v.Lambda.body);
    leave_unit(c);
    return r;
}

static int comprehension_generator(Checker *c, Seq *generators, int gen_index, Node *elt,
                                   Node *val);

static int comprehension_generator(Checker *c, Seq *generators, int gen_index, Node *elt,
                                   Node *val) {
    Node *gen = generators->a[gen_index];
    int is_async = gen->v.comprehension.is_async;
    if (gen_index > 0) {
        Node *iter = gen->v.comprehension.iter;
        // `for y in [f(x)]` visits just the element (same errors).
        Seq *elts = iter->kind == NK_List ? iter->v.List.elts
                    : iter->kind == NK_Tuple ? iter->v.Tuple.elts : NULL;
        if (!is_async && elts && elts->n == 1 && ((Node *)elts->a[0])->kind != NK_Starred) {
            iter = elts->a[0];
        }
        if (visit_expr(c, iter) < 0) {
            return -1;
        }
    }
    if (is_async && push_fblock(c, FB_ASYNC_COMPREHENSION_GENERATOR, NULL, NULL) < 0) {
        return -1;
    }
    if (visit_expr(c, gen->v.comprehension.target) < 0 ||
        visit_exprs(c, gen->v.comprehension.ifs) < 0) {
        return -1;
    }
    if (gen_index + 1 < generators->n) {
        if (comprehension_generator(c, generators, gen_index + 1, elt, val) < 0) {
            return -1;
        }
    } else if (visit_expr(c, elt) < 0 || (val && visit_expr(c, val) < 0)) {
        return -1;
    }
    if (is_async) {
        pop_fblock(c);
    }
    return 0;
}

static int comprehension(Checker *c, Node *e, int is_genexp, Seq *generators, Node *elt,
                         Node *val) {
    ScopeType outer_scope = c->u->scope;
    int top_level_await = is_top_level_await(c);
    if (enter_unit(c, CS_COMPREHENSION, e) < 0) {
        return -1;
    }
    set_loc(c, e);
    int r = 0;
    if (c->u->ste->coroutine && !is_genexp && outer_scope != CS_ASYNC_FUNCTION &&
        outer_scope != CS_COMPREHENSION && !top_level_await) {
        r = c_error(c, "asynchronous comprehension outside of an asynchronous function");
    } else {
        r = comprehension_generator(c, generators, 0, elt, val);
    }
    leave_unit(c);
    if (r < 0) {
        return -1;
    }
    // The first iterable is evaluated in the enclosing scope, after the body
    // has been compiled.
    return visit_expr(c, ((Node *)generators->a[0])->v.comprehension.iter);
}

// ---- statements -----------------------------------------------------------------

static int unwind_fblock_stack(Checker *c, int preserve_tos, int want_loop, int *found_loop);

// Leave one frame block on the way out of a break/continue/return.
static int unwind_fblock(Checker *c, const FBlock *info, int preserve_tos) {
    switch (info->type) {
    case FB_FINALLY_TRY:
        // The finally body is compiled again right here.
        if (preserve_tos && push_fblock(c, FB_POP_VALUE, NULL, NULL) < 0) {
            return -1;
        }
        if (visit_stmts(c, info->finalbody) < 0) {
            return -1;
        }
        if (preserve_tos) {
            pop_fblock(c);
        }
        unset_loc(c);
        return 0;
    case FB_WITH:
    case FB_ASYNC_WITH:
        set_loc(c, info->stmt);
        unset_loc(c);
        return 0;
    default:
        return 0;
    }
}

static int unwind_fblock_stack(Checker *c, int preserve_tos, int want_loop, int *found_loop) {
    Unit *u = c->u;
    if (u->nfblocks == 0) {
        return 0;
    }
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (top->type == FB_EXCEPTION_GROUP_HANDLER) {
        return c_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    }
    if (want_loop && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *found_loop = 1;
        return 0;
    }
    FBlock copy = *top;
    u->nfblocks--;
    if (unwind_fblock(c, &copy, preserve_tos) < 0 ||
        unwind_fblock_stack(c, preserve_tos, want_loop, found_loop) < 0) {
        return -1;
    }
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

static int return_stmt(Checker *c, Node *s) {
    Node *value = s->v.Return.value;
    int preserve_tos = value && value->kind != NK_Constant;
    if (c->u->ste->kind != BLOCK_FUNCTION) {
        return c_error(c, "'return' outside function");
    }
    if (value && c->u->ste->coroutine && c->u->ste->generator) {
        return c_error(c, "'return' with value in async generator");
    }
    if (preserve_tos) {
        if (visit_expr(c, value) < 0) {
            return -1;
        }
    } else if (value) {
        set_loc(c, value);
    }
    if (!value || value->lineno != s->lineno) {
        set_loc(c, s);
    }
    int found = 0;
    return unwind_fblock_stack(c, preserve_tos, 0, &found);
}

static int break_continue(Checker *c, Node *s, int is_break) {
    Loc saved = c->u->loc;
    int found = 0;
    if (unwind_fblock_stack(c, 0, 1, &found) < 0) {
        return -1;
    }
    if (!found) {
        c->u->loc = saved;
        return c_error(c, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    return 0;
}

static int for_stmt(Checker *c, Node *s) {
    if (push_fblock(c, FB_FOR_LOOP, NULL, NULL) < 0 || visit_expr(c, s->v.For.iter) < 0 ||
        visit_expr(c, s->v.For.target) < 0 || visit_stmts(c, s->v.For.body) < 0) {
        return -1;
    }
    unset_loc(c);
    pop_fblock(c);
    return visit_stmts(c, s->v.For.orelse);
}

static int async_for_stmt(Checker *c, Node *s) {
    if (is_top_level_await(c)) {
        c->u->ste->coroutine = 1;
    } else if (c->u->scope != CS_ASYNC_FUNCTION) {
        return c_error(c, "'async for' outside async function");
    }
    if (visit_expr(c, s->v.AsyncFor.iter) < 0 || push_fblock(c, FB_FOR_LOOP, NULL, NULL) < 0 ||
        visit_expr(c, s->v.AsyncFor.target) < 0 || visit_stmts(c, s->v.AsyncFor.body) < 0) {
        return -1;
    }
    unset_loc(c);
    pop_fblock(c);
    set_loc(c, s->v.AsyncFor.iter);
    return visit_stmts(c, s->v.AsyncFor.orelse);
}

static int while_stmt(Checker *c, Node *s) {
    if (push_fblock(c, FB_WHILE_LOOP, NULL, NULL) < 0 || visit_expr(c, s->v.While.test) < 0 ||
        visit_stmts(c, s->v.While.body) < 0) {
        return -1;
    }
    set_loc(c, s);
    // The test is compiled a second time at the bottom of the loop.
    if (visit_expr(c, s->v.While.test) < 0) {
        return -1;
    }
    pop_fblock(c);
    return visit_stmts(c, s->v.While.orelse);
}

static int with_stmt(Checker *c, Node *s, int pos, int is_async) {
    Node *item = s->v.With.items->a[pos];
    if (is_async) {
        if (is_top_level_await(c)) {
            c->u->ste->coroutine = 1;
        } else if (c->u->scope != CS_ASYNC_FUNCTION) {
            return c_error(c, "'async with' outside async function");
        }
    }
    if (visit_expr(c, item->v.withitem.context_expr) < 0 ||
        push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, s, NULL) < 0 ||
        (item->v.withitem.optional_vars && visit_expr(c, item->v.withitem.optional_vars) < 0)) {
        return -1;
    }
    if (pos + 1 == s->v.With.items->n) {
        if (visit_stmts(c, s->v.With.body) < 0) {
            return -1;
        }
    } else if (with_stmt(c, s, pos + 1, is_async) < 0) {
        return -1;
    }
    unset_loc(c);
    pop_fblock(c);
    set_loc(c, s);
    return 0;
}

static int try_except(Checker *c, Node *s) {
    if (push_fblock(c, FB_TRY_EXCEPT, NULL, NULL) < 0 || visit_stmts(c, s->v.Try.body) < 0) {
        return -1;
    }
    pop_fblock(c);
    if (visit_stmts(c, s->v.Try.orelse) < 0) {
        return -1;
    }
    unset_loc(c);
    if (push_fblock(c, FB_EXCEPTION_HANDLER, NULL, NULL) < 0) {
        return -1;
    }
    Seq *hs = s->v.Try.handlers;
    for (int i = 0; i < hs->n; i++) {
        Node *h = hs->a[i];
        set_loc(c, h);
        if (!h->v.ExceptHandler.type && i < hs->n - 1) {
            return c_error(c, "default 'except:' must be last");
        }
        if (h->v.ExceptHandler.type && visit_expr(c, h->v.ExceptHandler.type) < 0) {
            return -1;
        }
        if (h->v.ExceptHandler.name && nameop(c, h->v.ExceptHandler.name, CTX_Store) < 0) {
            return -1;
        }
        if (push_fblock(c, FB_HANDLER_CLEANUP, NULL, NULL) < 0 ||
            visit_stmts(c, h->v.ExceptHandler.body) < 0) {
            return -1;
        }
        pop_fblock(c);
        unset_loc(c);
    }
    unset_loc(c);
    pop_fblock(c);
    return 0;
}

static int try_star_except(Checker *c, Node *s) {
    if (push_fblock(c, FB_TRY_EXCEPT, NULL, NULL) < 0 || visit_stmts(c, s->v.TryStar.body) < 0) {
        return -1;
    }
    pop_fblock(c);
    unset_loc(c);
    if (push_fblock(c, FB_EXCEPTION_GROUP_HANDLER, NULL, NULL) < 0) {
        return -1;
    }
    Seq *hs = s->v.TryStar.handlers;
    for (int i = 0; i < hs->n; i++) {
        Node *h = hs->a[i];
        set_loc(c, h);
        if (h->v.ExceptHandler.type && visit_expr(c, h->v.ExceptHandler.type) < 0) {
            return -1;
        }
        if (h->v.ExceptHandler.name && nameop(c, h->v.ExceptHandler.name, CTX_Store) < 0) {
            return -1;
        }
        if (push_fblock(c, FB_HANDLER_CLEANUP, NULL, NULL) < 0 ||
            visit_stmts(c, h->v.ExceptHandler.body) < 0) {
            return -1;
        }
        pop_fblock(c);
    }
    unset_loc(c);
    pop_fblock(c);
    return visit_stmts(c, s->v.TryStar.orelse);
}

static int try_finally(Checker *c, Node *s, int star) {
    Seq *finalbody = s->v.Try.finalbody;
    if (push_fblock(c, FB_FINALLY_TRY, NULL, finalbody) < 0) {
        return -1;
    }
    int r;
    if (star) {
        r = try_star_except(c, s);
    } else if (s->v.Try.handlers && s->v.Try.handlers->n) {
        r = try_except(c, s);
    } else {
        r = visit_stmts(c, s->v.Try.body);
    }
    if (r < 0) {
        return -1;
    }
    pop_fblock(c);
    // The finally body, once for the normal exit...
    if (visit_stmts(c, finalbody) < 0) {
        return -1;
    }
    // ... and once for the exceptional one, a block deeper.
    unset_loc(c);
    if (push_fblock(c, FB_FINALLY_END, NULL, NULL) < 0 || visit_stmts(c, finalbody) < 0) {
        return -1;
    }
    pop_fblock(c);
    return 0;
}

static int augassign(Checker *c, Node *s) {
    Node *e = s->v.AugAssign.target;
    Loc saved = c->u->loc;
    set_loc(c, e);
    if (e->kind == NK_Attribute) {
        if (visit_expr(c, e->v.Attribute.value) < 0) {
            return -1;
        }
    } else if (e->kind == NK_Subscript) {
        if (visit_expr(c, e->v.Subscript.value) < 0 || visit_expr(c, e->v.Subscript.slice) < 0) {
            return -1;
        }
    }
    c->u->loc = saved;
    if (visit_expr(c, s->v.AugAssign.value) < 0) {
        return -1;
    }
    set_loc(c, e);
    if (e->kind == NK_Name) {
        return nameop(c, e->v.Name.id, CTX_Store);
    }
    return 0;
}

// An annotated target's pieces are evaluated when there is no value.
static int check_ann_subscr(Checker *c, Node *e) {
    if (e->kind == NK_Slice) {
        if ((e->v.Slice.lower && visit_expr(c, e->v.Slice.lower) < 0) ||
            (e->v.Slice.upper && visit_expr(c, e->v.Slice.upper) < 0) ||
            (e->v.Slice.step && visit_expr(c, e->v.Slice.step) < 0)) {
            return -1;
        }
        return 0;
    }
    if (e->kind == NK_Tuple) {
        for (int i = 0; i < e->v.Tuple.elts->n; i++) {
            if (check_ann_subscr(c, e->v.Tuple.elts->a[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    return visit_expr(c, e);
}

static int annassign(Checker *c, Node *s) {
    Node *targ = s->v.AnnAssign.target;
    Node *value = s->v.AnnAssign.value;
    if (value && (visit_expr(c, value) < 0 || visit_expr(c, targ) < 0)) {
        return -1;
    }
    int module_or_class = c->u->scope == CS_MODULE || c->u->scope == CS_CLASS;
    switch (targ->kind) {
    case NK_Name:
        if (forbidden_name(c, targ->v.Name.id, CTX_Store) < 0) {
            return -1;
        }
        if (s->v.AnnAssign.simple && module_or_class && !(c->features & FUTURE_ANNOTATIONS) &&
            visit_expr(c, s->v.AnnAssign.annotation) < 0) {
            return -1;
        }
        break;
    case NK_Attribute:
        if (forbidden_name(c, targ->v.Attribute.attr, CTX_Store) < 0) {
            return -1;
        }
        if (!value && visit_expr(c, targ->v.Attribute.value) < 0) {
            return -1;
        }
        break;
    case NK_Subscript:
        if (!value && (visit_expr(c, targ->v.Subscript.value) < 0 ||
                       check_ann_subscr(c, targ->v.Subscript.slice) < 0)) {
            return -1;
        }
        break;
    default:
        break;
    }
    if (!s->v.AnnAssign.simple && !(c->features & FUTURE_ANNOTATIONS) && module_or_class &&
        visit_expr(c, s->v.AnnAssign.annotation) < 0) {
        return -1;
    }
    return 0;
}

static int import_stmt(Checker *c, Node *s) {
    Seq *names = s->v.Import.names;
    for (int i = 0; i < names->n; i++) {
        Node *a = names->a[i];
        const char *store = a->v.alias.asname;
        char head[256];
        if (!store) {
            // `import a.b.c` binds `a`.
            store = a->v.alias.name;
            const char *dot = strchr(store, '.');
            if (dot) {
                size_t n = (size_t)(dot - store);
                if (n >= sizeof head) {
                    n = sizeof head - 1;  // too long to be __debug__ anyway
                }
                memcpy(head, store, n);
                head[n] = 0;
                store = head;
            }
        }
        if (nameop(c, store, CTX_Store) < 0) {
            return -1;
        }
    }
    return 0;
}

static int import_from(Checker *c, Node *s) {
    Seq *names = s->v.ImportFrom.names;
    if (s->lineno > c->ff_lineno && s->v.ImportFrom.module &&
        strcmp(s->v.ImportFrom.module, "__future__") == 0) {
        return c_error(c, "from __future__ imports must occur at the beginning of the file");
    }
    for (int i = 0; i < names->n; i++) {
        Node *a = names->a[i];
        if (i == 0 && a->v.alias.name[0] == '*') {
            return 0;
        }
        if (nameop(c, a->v.alias.asname ? a->v.alias.asname : a->v.alias.name, CTX_Store) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---- match statements -------------------------------------------------------------

static int wildcard_check(const Node *p) {
    return p->kind == NK_MatchAs && !p->v.MatchAs.name;
}

static int wildcard_star_check(const Node *p) {
    return p->kind == NK_MatchStar && !p->v.MatchStar.name;
}

// Record a captured name; a name may be bound once per pattern.
static int pattern_add_store(Checker *c, Ident name, PatternCtx *pc) {
    for (int i = 0; i < pc->nstores; i++) {
        if (strcmp(pc->stores[i], name) == 0) {
            return c_error(c, "multiple assignments to name '%s' in pattern", name);
        }
    }
    if (pc->nstores == pc->cap) {
        int ncap = pc->cap ? pc->cap * 2 : 8;
        Ident *a = realloc(pc->stores, sizeof(Ident) * (size_t)ncap);
        if (!a) {
            return c_no_memory(c);
        }
        pc->stores = a;
        pc->cap = ncap;
    }
    pc->stores[pc->nstores++] = name;
    return 0;
}

static int pattern_store_name(Checker *c, Ident name, PatternCtx *pc) {
    if (!name) {
        return 0;
    }
    if (forbidden_name(c, name, CTX_Store) < 0) {
        return -1;
    }
    return pattern_add_store(c, name, pc);
}

static int pattern_subpattern(Checker *c, Node *p, PatternCtx *pc) {
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    if (visit_pattern(c, p, pc) < 0) {
        return -1;
    }
    pc->allow_irrefutable = allow;
    return 0;
}

static int pattern_sequence(Checker *c, Node *p, PatternCtx *pc) {
    Seq *patterns = p->v.MatchSequence.patterns;
    int star = -1, only_wildcard = 1, star_wildcard = 0;
    for (int i = 0; i < patterns->n; i++) {
        Node *q = patterns->a[i];
        if (q->kind == NK_MatchStar) {
            if (star >= 0) {
                return c_error(c, "multiple starred names in sequence pattern");
            }
            star_wildcard = wildcard_star_check(q);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= wildcard_check(q);
    }
    if (only_wildcard) {
        return 0;
    }
    if (star_wildcard) {
        // Items are fetched by index; wildcards are skipped.
        for (int i = 0; i < patterns->n; i++) {
            Node *q = patterns->a[i];
            if (wildcard_check(q) || i == star) {
                continue;
            }
            if (pattern_subpattern(c, q, pc) < 0) {
                return -1;
            }
        }
        return 0;
    }
    int seen_star = 0;
    for (int i = 0; i < patterns->n; i++) {
        Node *q = patterns->a[i];
        if (q->kind == NK_MatchStar && !seen_star) {
            if (i >= (1 << 8) || patterns->n - i - 1 >= (0x7fffffff >> 8)) {
                return c_error(c, "too many expressions in star-unpacking sequence pattern");
            }
            seen_star = 1;
        } else if (q->kind == NK_MatchStar) {
            return c_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    for (int i = 0; i < patterns->n; i++) {
        if (pattern_subpattern(c, patterns->a[i], pc) < 0) {
            return -1;
        }
    }
    return 0;
}

static int pattern_mapping(Checker *c, Node *p, PatternCtx *pc) {
    Seq *keys = p->v.MatchMapping.keys, *patterns = p->v.MatchMapping.patterns;
    int size = keys ? keys->n : 0;
    if (!size && !p->v.MatchMapping.rest) {
        return 0;
    }
    Folded *seen = size ? calloc((size_t)size, sizeof(Folded)) : NULL;
    if (size && !seen) {
        return c_no_memory(c);
    }
    int nseen = 0, r = 0;
    for (int i = 0; i < size && r == 0; i++) {
        Node *key = keys->a[i];
        Folded f;
        if (key->kind == NK_Attribute) {
            if (visit_expr(c, key) < 0) {
                r = -1;
            }
            continue;
        }
        if (!fold_key(key, &f)) {
            r = c_error(c, "mapping pattern keys may only match literals and attribute lookups");
            break;
        }
        {
            for (int j = 0; j < nseen; j++) {
                if (folded_eq(&seen[j], &f)) {
                    StrBuf b;
                    sb_init(&b);
                    folded_repr(&b, &f);
                    r = c_error(c, "mapping pattern checks duplicate key (%s)", b.data ? b.data : "");
                    sb_free(&b);
                    break;
                }
            }
            if (r == 0) {
                seen[nseen++] = f;
            } else {
                fold_clear(&f);
            }
        }
        if (r == 0 && visit_expr(c, key) < 0) {
            r = -1;
        }
    }
    for (int j = 0; j < nseen; j++) {
        fold_clear(&seen[j]);
    }
    free(seen);
    if (r < 0) {
        return -1;
    }
    for (int i = 0; i < size; i++) {
        if (pattern_subpattern(c, patterns->a[i], pc) < 0) {
            return -1;
        }
    }
    return pattern_store_name(c, p->v.MatchMapping.rest, pc);
}

static int pattern_class(Checker *c, Node *p, PatternCtx *pc) {
    Seq *patterns = p->v.MatchClass.patterns;
    Seq *attrs = p->v.MatchClass.kwd_attrs, *kwd_patterns = p->v.MatchClass.kwd_patterns;
    int nargs = patterns ? patterns->n : 0, nattrs = attrs ? attrs->n : 0;
    if (nattrs) {
        // Errors point at the keyword's pattern: the AST has no node for the name.
        for (int i = 0; i < nattrs; i++) {
            const char *attr = attrs->a[i];
            set_loc(c, kwd_patterns->a[i]);
            if (forbidden_name(c, attr, CTX_Store) < 0) {
                return -1;
            }
            for (int j = i + 1; j < nattrs; j++) {
                if (strcmp(attr, attrs->a[j]) == 0) {
                    set_loc(c, kwd_patterns->a[j]);
                    return c_error(c, "attribute name repeated in class pattern: %s", attr);
                }
            }
        }
        set_loc(c, p);
    }
    if (visit_expr(c, p->v.MatchClass.cls) < 0) {
        return -1;
    }
    for (int i = 0; i < nargs + nattrs; i++) {
        Node *q = i < nargs ? patterns->a[i] : kwd_patterns->a[i - nargs];
        if (wildcard_check(q)) {
            continue;
        }
        if (pattern_subpattern(c, q, pc) < 0) {
            return -1;
        }
    }
    return 0;
}

static int pattern_or(Checker *c, Node *p, PatternCtx *pc) {
    Seq *alts = p->v.MatchOr.patterns;
    PatternCtx old = *pc;
    Ident *control = NULL;
    int ncontrol = 0, r = 0;
    PatternCtx alt_pc = {0};
    for (int i = 0; i < alts->n; i++) {
        Node *alt = alts->a[i];
        set_loc(c, alt);
        alt_pc.nstores = 0;
        alt_pc.allow_irrefutable = i == alts->n - 1 && old.allow_irrefutable;
        if (visit_pattern(c, alt, &alt_pc) < 0) {
            r = -1;
            break;
        }
        if (i == 0) {
            control = malloc(sizeof(Ident) * (size_t)(alt_pc.nstores + 1));
            if (!control) {
                r = c_no_memory(c);
                break;
            }
            if (alt_pc.nstores) {
                memcpy(control, alt_pc.stores, sizeof(Ident) * (size_t)alt_pc.nstores);
            }
            ncontrol = alt_pc.nstores;
            continue;
        }
        int differ = alt_pc.nstores != ncontrol;
        for (int k = 0; !differ && k < ncontrol; k++) {
            int found = 0;
            for (int m = 0; m < alt_pc.nstores; m++) {
                found |= strcmp(alt_pc.stores[m], control[k]) == 0;
            }
            differ = !found;
        }
        if (differ) {
            r = c_error(c, "alternative patterns bind different names");
            break;
        }
    }
    free(alt_pc.stores);
    for (int i = 0; r == 0 && i < ncontrol; i++) {
        r = pattern_add_store(c, control[i], pc);
    }
    free(control);
    return r;
}

static int visit_pattern(Checker *c, Node *p, PatternCtx *pc) {
    set_loc(c, p);
    switch (p->kind) {
    case NK_MatchValue: {
        Node *value = p->v.MatchValue.value;
        if (value->kind != NK_Attribute) {
            Folded f;
            if (!fold_key(value, &f)) {
                return c_error(c, "patterns may only match literals and attribute lookups");
            }
            fold_clear(&f);
        }
        return visit_expr(c, value);
    }
    case NK_MatchSingleton:
        return 0;
    case NK_MatchSequence:
        return pattern_sequence(c, p, pc);
    case NK_MatchMapping:
        return pattern_mapping(c, p, pc);
    case NK_MatchClass:
        return pattern_class(c, p, pc);
    case NK_MatchStar:
        return pattern_store_name(c, p->v.MatchStar.name, pc);
    case NK_MatchAs:
        if (!p->v.MatchAs.pattern) {
            if (!pc->allow_irrefutable) {
                if (p->v.MatchAs.name) {
                    return c_error(c, "name capture '%s' makes remaining patterns unreachable",
                                   p->v.MatchAs.name);
                }
                return c_error(c, "wildcard makes remaining patterns unreachable");
            }
            return pattern_store_name(c, p->v.MatchAs.name, pc);
        }
        if (visit_pattern(c, p->v.MatchAs.pattern, pc) < 0) {
            return -1;
        }
        return pattern_store_name(c, p->v.MatchAs.name, pc);
    case NK_MatchOr:
        return pattern_or(c, p, pc);
    default:
        return 0;
    }
}

static int match_stmt(Checker *c, Node *s) {
    if (visit_expr(c, s->v.Match.subject) < 0) {
        return -1;
    }
    Seq *cases = s->v.Match.cases;
    Node *last = cases->a[cases->n - 1];
    int has_default = wildcard_check(last->v.match_case.pattern) && cases->n > 1;
    PatternCtx pc = {0};
    int r = 0;
    for (int i = 0; i < cases->n - has_default && r == 0; i++) {
        Node *m = cases->a[i];
        set_loc(c, m->v.match_case.pattern);
        pc.nstores = 0;
        // An irrefutable case must be guarded, last, or both.
        pc.allow_irrefutable = m->v.match_case.guard != NULL || i == cases->n - 1;
        if (visit_pattern(c, m->v.match_case.pattern, &pc) < 0) {
            r = -1;
            break;
        }
        for (int k = 0; k < pc.nstores; k++) {
            if (nameop(c, pc.stores[k], CTX_Store) < 0) {
                r = -1;
                break;
            }
        }
        if (r < 0 || (m->v.match_case.guard && visit_expr(c, m->v.match_case.guard) < 0) ||
            visit_stmts(c, m->v.match_case.body) < 0) {
            r = -1;
            break;
        }
        set_loc(c, m->v.match_case.pattern);
    }
    free(pc.stores);
    if (r < 0) {
        return -1;
    }
    if (has_default) {
        set_loc(c, last->v.match_case.pattern);
        if ((last->v.match_case.guard && visit_expr(c, last->v.match_case.guard) < 0) ||
            visit_stmts(c, last->v.match_case.body) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---- expressions -------------------------------------------------------------------

// An attribute's load or store is attributed to the attribute name when the
// expression spans lines. The column is counted in characters back from a
// byte offset, as CPython does.
static void update_start_location_to_match_attr(Checker *c, const Node *attr) {
    Loc *l = &c->u->loc;
    if (l->lineno != attr->end_lineno) {
        l->lineno = attr->end_lineno;
        int len = 0;
        for (const unsigned char *p = (const unsigned char *)attr->v.Attribute.attr; *p; p++) {
            len += (*p & 0xC0) != 0x80;
        }
        if (len <= attr->end_col_offset) {
            l->col = attr->end_col_offset - len;
        } else {
            l->col = -1;
            l->end_col = -1;
        }
        if (l->end_lineno < l->lineno) {
            l->end_lineno = l->lineno;
        }
        if (l->lineno == l->end_lineno && l->end_col < l->col) {
            l->end_col = l->col;
        }
    }
}

static int visit_expr1(Checker *c, Node *e) {
    switch (e->kind) {
    case NK_NamedExpr:
        if (visit_expr(c, e->v.NamedExpr.value) < 0) {
            return -1;
        }
        return visit_expr(c, e->v.NamedExpr.target);
    case NK_BoolOp:
        return visit_exprs(c, e->v.BoolOp.values);
    case NK_BinOp:
        if (visit_expr(c, e->v.BinOp.left) < 0) {
            return -1;
        }
        return visit_expr(c, e->v.BinOp.right);
    case NK_UnaryOp:
        return visit_expr(c, e->v.UnaryOp.operand);
    case NK_Lambda:
        return lambda(c, e);
    case NK_IfExp:
        if (visit_expr(c, e->v.IfExp.test) < 0 || visit_expr(c, e->v.IfExp.body) < 0) {
            return -1;
        }
        return visit_expr(c, e->v.IfExp.orelse);
    case NK_Dict: {
        // Key, value, key, value... (a NULL key is `**value`).
        Seq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
        for (int i = 0; values && i < values->n; i++) {
            if ((keys->a[i] && visit_expr(c, keys->a[i]) < 0) || visit_expr(c, values->a[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    case NK_Set:
        return starunpack_helper(c, e->v.Set.elts);
    case NK_GeneratorExp:
        return comprehension(c, e, 1, e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
    case NK_ListComp:
        return comprehension(c, e, 0, e->v.ListComp.generators, e->v.ListComp.elt, NULL);
    case NK_SetComp:
        return comprehension(c, e, 0, e->v.SetComp.generators, e->v.SetComp.elt, NULL);
    case NK_DictComp:
        return comprehension(c, e, 0, e->v.DictComp.generators, e->v.DictComp.key,
                             e->v.DictComp.value);
    case NK_Yield:
        if (c->u->ste->kind != BLOCK_FUNCTION) {
            return c_error(c, "'yield' outside function");
        }
        return e->v.Yield.value ? visit_expr(c, e->v.Yield.value) : 0;
    case NK_YieldFrom:
        if (c->u->ste->kind != BLOCK_FUNCTION) {
            return c_error(c, "'yield' outside function");
        }
        if (c->u->scope == CS_ASYNC_FUNCTION) {
            return c_error(c, "'yield from' inside async function");
        }
        return visit_expr(c, e->v.YieldFrom.value);
    case NK_Await:
        if (!is_top_level_await(c)) {
            if (c->u->ste->kind != BLOCK_FUNCTION) {
                return c_error(c, "'await' outside function");
            }
            if (c->u->scope != CS_ASYNC_FUNCTION && c->u->scope != CS_COMPREHENSION) {
                return c_error(c, "'await' outside async function");
            }
        }
        return visit_expr(c, e->v.Await.value);
    case NK_Compare:
        warn_compare(c, e);
        if (visit_expr(c, e->v.Compare.left) < 0) {
            return -1;
        }
        return visit_exprs(c, e->v.Compare.comparators);
    case NK_Call:
        warn_call(c, e);
        // Keywords are checked before anything of the call is compiled.
        if (validate_keywords(c, e->v.Call.keywords) < 0 || visit_expr(c, e->v.Call.func) < 0) {
            return -1;
        }
        return call_helper(c, e->v.Call.args, e->v.Call.keywords);
    case NK_FormattedValue:
        if (visit_expr(c, e->v.FormattedValue.value) < 0) {
            return -1;
        }
        return e->v.FormattedValue.format_spec ? visit_expr(c, e->v.FormattedValue.format_spec) : 0;
    case NK_JoinedStr:
        return visit_exprs(c, e->v.JoinedStr.values);
    case NK_Attribute:
        if (visit_expr(c, e->v.Attribute.value) < 0) {
            return -1;
        }
        update_start_location_to_match_attr(c, e);
        if (e->v.Attribute.ctx == CTX_Store) {
            return forbidden_name(c, e->v.Attribute.attr, CTX_Store);
        }
        return 0;
    case NK_Subscript:
        if (e->v.Subscript.ctx == CTX_Load) {
            warn_subscript(c, e);
        }
        if (visit_expr(c, e->v.Subscript.value) < 0) {
            return -1;
        }
        return visit_expr(c, e->v.Subscript.slice);
    case NK_Starred:
        if (e->v.Starred.ctx == CTX_Store) {
            return c_error(c, "starred assignment target must be in a list or tuple");
        }
        return c_error(c, "can't use starred expression here");
    case NK_Slice:
        if ((e->v.Slice.lower && visit_expr(c, e->v.Slice.lower) < 0) ||
            (e->v.Slice.upper && visit_expr(c, e->v.Slice.upper) < 0) ||
            (e->v.Slice.step && visit_expr(c, e->v.Slice.step) < 0)) {
            return -1;
        }
        return 0;
    case NK_Name:
        return nameop(c, e->v.Name.id, e->v.Name.ctx);
    case NK_List:
    case NK_Tuple: {
        Seq *elts = e->kind == NK_List ? e->v.List.elts : e->v.Tuple.elts;
        ExprContext ctx = e->kind == NK_List ? e->v.List.ctx : e->v.Tuple.ctx;
        if (ctx == CTX_Store) {
            return assignment_helper(c, elts);
        }
        if (ctx == CTX_Load) {
            return starunpack_helper(c, elts);
        }
        return visit_exprs(c, elts);
    }
    default:  // Constant
        return 0;
    }
}

static int visit_expr(Checker *c, Node *e) {
    Loc saved = c->u->loc;
    set_loc(c, e);
    int r = visit_expr1(c, e);
    c->u->loc = saved;
    return r;
}

static int visit_stmt(Checker *c, Node *s) {
    set_loc(c, s);
    switch (s->kind) {
    case NK_FunctionDef:
        return function_def(c, s, 0);
    case NK_AsyncFunctionDef:
        return function_def(c, s, 1);
    case NK_ClassDef:
        return class_def(c, s);
    case NK_Return:
        return return_stmt(c, s);
    case NK_Delete:
        return visit_exprs(c, s->v.Delete.targets);
    case NK_Assign:
        if (visit_expr(c, s->v.Assign.value) < 0) {
            return -1;
        }
        return visit_exprs(c, s->v.Assign.targets);
    case NK_AugAssign:
        return augassign(c, s);
    case NK_AnnAssign:
        return annassign(c, s);
    case NK_For:
        return for_stmt(c, s);
    case NK_AsyncFor:
        return async_for_stmt(c, s);
    case NK_While:
        return while_stmt(c, s);
    case NK_If:
        if (visit_expr(c, s->v.If.test) < 0 || visit_stmts(c, s->v.If.body) < 0) {
            return -1;
        }
        return visit_stmts(c, s->v.If.orelse);
    case NK_Match:
        return match_stmt(c, s);
    case NK_Raise:
        if (s->v.Raise.exc && (visit_expr(c, s->v.Raise.exc) < 0 ||
                               (s->v.Raise.cause && visit_expr(c, s->v.Raise.cause) < 0))) {
            return -1;
        }
        return 0;
    case NK_Try:
        if (s->v.Try.finalbody && s->v.Try.finalbody->n) {
            return try_finally(c, s, 0);
        }
        return try_except(c, s);
    case NK_TryStar:
        if (s->v.TryStar.finalbody && s->v.TryStar.finalbody->n) {
            return try_finally(c, s, 1);
        }
        return try_star_except(c, s);
    case NK_Assert:
        // (CPython warns before it looks at the optimization level)
        if (s->v.Assert.test->kind == NK_Tuple && s->v.Assert.test->v.Tuple.elts &&
            s->v.Assert.test->v.Tuple.elts->n > 0) {
            c_warn(c, s, "assertion is always true, perhaps remove parentheses?");
        }
        if (c->optimize) {
            return 0;
        }
        if (visit_expr(c, s->v.Assert.test) < 0) {
            return -1;
        }
        return s->v.Assert.msg ? visit_expr(c, s->v.Assert.msg) : 0;
    case NK_Import:
        return import_stmt(c, s);
    case NK_ImportFrom:
        return import_from(c, s);
    case NK_Expr:
        return visit_expr(c, s->v.Expr.value);
    case NK_Break:
        return break_continue(c, s, 1);
    case NK_Continue:
        return break_continue(c, s, 0);
    case NK_With:
        return with_stmt(c, s, 0, 0);
    case NK_AsyncWith:
        return with_stmt(c, s, 0, 1);
    default:  // Global, Nonlocal, Pass
        return 0;
    }
}

// ---- entry point ---------------------------------------------------------------------

int compile_check(Arena *arena, Node *mod, int flags, int optimize, SymTable **symtable_out,
                  SyntaxErrorInfo *err) {
    if (symtable_out) {
        *symtable_out = NULL;
    }
    int features, ff_lineno;
    if (future_parse(mod, &features, &ff_lineno, err) < 0) {
        return -1;
    }
    features |= flags & (FUTURE_ANNOTATIONS | FUTURE_BARRY_AS_BDFL);
    SymTable *st = symtable_build(arena, mod, features, err);
    if (!st) {
        return -1;
    }
    Checker c = {0};
    c.arena = arena;
    c.st = st;
    c.err = err;
    c.features = features;
    c.ff_lineno = ff_lineno;
    c.optimize = optimize;
    c.top_level_await = (flags & COMPILE_ALLOW_TOP_LEVEL_AWAIT) != 0;
    int r = enter_unit(&c, CS_MODULE, mod);
    if (r == 0) {
        c.u->loc = (Loc){1, 0, 1, 0};
        switch (mod->kind) {
        case NK_Module:
            r = visit_stmts(&c, mod->v.Module.body);
            break;
        case NK_Interactive:
            r = visit_stmts(&c, mod->v.Interactive.body);
            break;
        case NK_Expression:
            r = visit_expr(&c, mod->v.Expression.body);
            break;
        default:
            break;
        }
    }
    for (int i = 0; i < c.units_cap; i++) {
        free(c.units[i]);
    }
    free(c.units);
    if (r < 0) {
        return -1;
    }
    if (symtable_out) {
        *symtable_out = st;
    }
    return 0;
}
