// compiler.c - AST -> code objects of the register bytecode (opcodes.h).
//
// The compiler walks the tree that compile_check() accepted, one *unit* per
// code object (module, class body, def, lambda, comprehension), and emits an
// intermediate instruction list that the assembler turns into a Code. The
// walk follows CPython 3.11's compile.c construct by construct - evaluation
// order, what is evaluated once, where `finally` bodies are duplicated, which
// names are mangled - because all of that is observable. What differs is the
// machine: values live in frame slots ("registers"), not on a stack.
//
// Registers. A frame's slots are, in order, the locals (parameters first,
// then the other fast locals in the order the compiler first touches them,
// as CPython's co_varnames), the cells, the free variables, then the
// temporaries. The number of locals is only known at the end of a unit, so
// an operand is emitted *tagged* with its class (local i, cell i, free i,
// temporary i, or a raw number) and the assembler maps it to a slot.
// Temporaries are allocated like a stack: a construct takes the next free
// ones and gives them back when done (`mark = u->ntemps; ...; u->ntemps =
// mark`), so a unit needs as many as its deepest expression, not as many as
// it has expressions.
//
// Expressions are compiled by two functions:
//   expr_to(c, e, dst)   computes e into the register dst;
//   expr_any(c, e)       computes e into whatever register is cheapest: a
//                        local read directly ("borrowed"), or a new
//                        temporary on top of the temporary stack.
// Rules that keep this correct:
//  - Only the last instruction of an expression writes dst, so `x = f(x) +
//    g()` cannot see a half-assigned x, and a failing expression leaves its
//    target untouched. Constructs that write their result early (and/or,
//    comparison chains) compute into a temporary when dst is a local.
//  - A borrowed local must still hold the same value when its consumer
//    runs. Within one expression only a walrus can rebind a fast local (a
//    function or comprehension that assigns it would have made it a cell),
//    so a unit that contains `:=` anywhere never borrows.
//  - Consecutive registers (call arguments, BUILD* items) are always fresh
//    temporaries, filled in evaluation order.
//
// Constant registers. An operand that is a constant needs a register (there
// are no constant operands), so `i + 1` is LOADK t, 1; BINOP. Inside loops
// that LOADK would run every iteration; instead a unit gets up to
// MAX_CONSTREGS registers before its temporaries that its first
// instructions load once, and loop code reads the constants from there.
//
// Live temporaries. Each instruction records how many temporaries were in
// use when it was emitted; with stack-like allocation those are exactly the
// temporaries it may read or write, and the assembler checks that. The Code
// keeps the count per instruction (code_live_slots): the collector traces
// only the slots live at a frame's pc and clears the others, so a value a
// finished expression left in a temporary (a call's argument, say) does not
// outlive its last use, as it would not on CPython's stack.
//
// Bound locals. Reading an unbound fast local must raise UnboundLocalError,
// and the interpreter only checks in CHECKBOUND. The compiler tracks which
// locals are certainly bound at each point: a bit set, set by stores,
// cleared by deletes, saved at every forward jump and intersected where the
// jumps meet (a label). Back-edge targets (loop heads) and exception handlers
// take the state of their entry minus every local the unit ever deletes
// (`del x`, `except ... as x`): the only way a bound local becomes unbound.
//
// Exceptions. Each `try`, `with`, handler body... opens a protected region
// (a frame block with a handler); every instruction records the innermost
// handler active when it was emitted, and the assembler turns runs of equal
// handlers into the exception table. `return`/`break`/`continue` unwind the
// frame blocks they leave, emitting a copy of each `finally` body and of
// each `with` exit call on the way, as CPython does.
//
// Unreachable code (after return, raise, break, a folded constant test) is
// still walked, with every emission dropped: its names still take their
// places in co_names and co_varnames, as in CPython, which compiles such
// code and removes it afterwards.
//
// Constants are folded as CPython's AST optimizer folds them (unary and
// binary operators within its size limits, tuples, `__debug__`, constant
// subscripts, `x in [1, 2]`, `'%s' % (a,)` into an f-string): fold() answers
// per node, memoized.
//
// Errors are sticky: the first failure (MemoryError, a "too many ..."
// SyntaxError, RecursionError) sets c->error with the exception pending, and
// everything after it is skipped cheaply until compile_tree returns NULL.
// Every Value the compiler makes is kept alive by c->roots (the collector
// scans the C stack, where the Compiler lives, but not malloc'ed tables).
//
// The expression, pattern and statement compilers live in compiler_expr.inc,
// compiler_match.inc and compiler_stmt.inc, included before the assembler.
#include "compile.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../parse/parser.h"
#include "../runtime/abstract.h"
#include "../runtime/bytes.h"
#include "../runtime/complex.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/set.h"
#include "../runtime/slice.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/unicode.h"
#include "check.h"
#include "unparse.h"

// ---- operands ----------------------------------------------------------------

// A tagged operand: the class in the top 4 bits, the index below.
typedef uint32_t Opnd;
// K_PENDING: a fast local being assigned whose slot is numbered when the
// assignment completes (co_varnames order is the order of first use, and
// the value expression may use other locals first).
// K_CONSTREG: a register loaded with a constant once, at entry (below).
enum { K_RAW = 0, K_LOCAL = 1, K_CELL = 2, K_FREE = 3, K_TEMP = 4, K_PENDING = 5, K_CONSTREG = 6 };
#define OPND(kind, i) (((uint32_t)(kind) << 28) | (uint32_t)(i))
#define OPND_KIND(o) ((o) >> 28)
#define OPND_INDEX(o) ((o) & 0x0fffffffu)
#define RAW(i) OPND(K_RAW, (i))
#define NO_REG 0xffffffffu

static inline int is_temp(Opnd o) { return o != NO_REG && OPND_KIND(o) == K_TEMP; }
static inline int is_local(Opnd o) { return o != NO_REG && OPND_KIND(o) == K_LOCAL; }

// ---- the intermediate form -------------------------------------------------------

typedef struct Loc {
    int lineno, end_lineno, col, end_col;  // lineno -1: no location
} Loc;

typedef struct IInstr {
    uint8_t op, x;
    uint8_t removed;     // dropped by the peephole pass
    int32_t live;        // temporaries in use when it was emitted (all it may touch)
    Opnd a, b, c;
    int32_t target;      // label of a jump, else -1
    int32_t handler;     // the innermost exception handler, else -1
    Loc loc;
} IInstr;

typedef struct Label {
    int32_t pos;              // instruction index once bound, else -1
    uint8_t loop_head;        // a back-edge target
    uint8_t has_in;           // some jump (or region entry) leads here
    uint8_t folded_in;        // a jump folded away (constant test) led here
    int in_words;
    uint64_t *in;             // intersection of the bound-locals sets of the jumps here
} Label;

typedef struct Handler {
    int label;
    Opnd exc;                 // where the interpreter puts the exception
    int depth;
} Handler;

// Frame blocks: what `return`, `break` and `continue` must unwind, and the
// protected regions. ORDER: as CPython's fblocktype where they correspond.
typedef enum FBlockKind {
    FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH, FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP, FB_EXCEPTION_HANDLER, FB_EXCEPTION_GROUP_HANDLER, FB_REGION,
} FBlockKind;

typedef struct FBlock {
    FBlockKind kind;
    int handler;              // the region's handler, or -1
    int break_label, continue_label;
    Opnd saved;               // the previously handled exception (handlers)
    Opnd exit;                // with: the bound __exit__ (followed by 3 scratch slots)
    Seq *finalbody;           // FINALLY_TRY
    Ident name;               // HANDLER_CLEANUP: the `as` name, or NULL
    Node *node;               // the statement, for the location of unwinding code
} FBlock;

enum { MAX_FBLOCKS = 100 };
enum { MAX_CONSTREGS = 16 };  // constant registers per unit (see the essay)

// String-keyed map (names -> index). Keys outlive the map (arena strings).
typedef struct StrMap {
    const char **keys;
    int *vals;
    uint32_t cap, n;
} StrMap;

// Constant -> index in co_consts, with CPython's notion of "the same
// constant" (type and value; 0.0 and -0.0 differ; tuples item by item).
typedef struct ConstMap {
    Value *keys;
    int *vals;
    uint32_t cap, n;
} ConstMap;

typedef enum UnitKind {
    U_MODULE, U_CLASS, U_FUNCTION, U_ASYNC_FUNCTION, U_LAMBDA, U_COMPREHENSION,
} UnitKind;

typedef struct Unit Unit;
struct Unit {
    Unit *parent;
    SymBlock *block;
    UnitKind kind;
    Value name, qualname;       // str
    const char *private_name;   // the class name that mangles __x, or NULL
    int firstlineno;
    // the instructions
    IInstr *code;
    int ncode, capcode;
    Label *labels;
    int nlabels, caplabels;
    Handler *handlers;
    int nhandlers, caphandlers;
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
    int cur_handler;            // innermost handler of the open frame blocks, or -1
    Loc loc;                    // the location new instructions get
    int reachable;              // the next instruction can execute
    int folded_dead;            // unreachable only because a constant test was folded
    // tables
    Value consts, names;        // lists, rooted in Compiler.roots
    ConstMap cmap;
    StrMap nmap;
    Ident *varnames;            // the fast locals, in slot order
    int nvarnames, capvarnames;
    StrMap vmap;
    const char **pending;       // K_PENDING locals: name, and slot once known (-1 before)
    int *pending_slot;
    int npending, cappending;
    int ntemps, maxtemps;
    // which locals are certainly bound
    uint64_t *bound;
    uint64_t *deletable;        // locals the unit may delete (del, except-as)
    int bound_words;
    StrMap maybe_deleted;       // their names
    unsigned has_walrus : 1;    // no borrowing of locals (see the essay)
    int loop_depth;             // loops being compiled (constants go to constant registers)
    int constregs[MAX_CONSTREGS];  // the co_consts index held by each constant register
    int nconstregs;
    unsigned is_async_gen : 1;
    Opnd comp_result;           // comprehension: the list/set/dict being built
};

typedef struct PtrMap {
    const void **keys;
    Value *vals;
    uint32_t cap, n;
} PtrMap;

typedef struct Compiler {
    Arena *arena;
    SymTable *st;
    Value filename;
    CompileMode mode;
    int flags;                  // COMPILE_* bits
    int future;                 // FUTURE_* features in effect
    int optimize;
    Unit *u;
    int nestlevel;              // units open (1: the module)
    int depth;                  // recursion guard
    int error;                  // sticky: an exception is pending
    Value roots;                // a list keeping the compiler's Values alive
    PtrMap folds;               // Node* -> its constant value, or 0: not constant
    PtrMap codes;               // def/lambda/class/comprehension Node* -> its Code, so that
                                // a body compiled twice (a duplicated finally) is one constant
} Compiler;

// The C recursion depth the compiler allows itself: the symbol table
// already rejected trees deeper than 3000 levels, and each level costs the
// compiler a few frames.
enum { COMPILER_DEPTH_LIMIT = 12000 };

// ---- errors ------------------------------------------------------------------------

static void c_fail(Compiler *c) {
    c->error = 1;
}

static void c_no_memory(Compiler *c) {
    if (!c->error) {
        err_no_memory();
    }
    c->error = 1;
}

// A SyntaxError at the current location (errors only code generation finds).
static void c_syntax_error(Compiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void c_syntax_error(Compiler *c, const char *fmt, ...) {
    if (c->error) {
        return;
    }
    SyntaxErrorInfo e;
    memset(&e, 0, sizeof e);
    e.set = 1;
    e.kind = SE_SYNTAX;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.msg, sizeof e.msg, fmt, ap);
    va_end(ap);
    if (c->u && c->u->loc.lineno > 0) {
        e.lineno = c->u->loc.lineno;
        e.offset = c->u->loc.col + 1;
        e.end_lineno = c->u->loc.end_lineno;
        e.end_offset = c->u->loc.end_col + 1;
    }
    compile_raise_syntax_error(&e, c->filename);
    c->error = 1;
}

static int depth_enter(Compiler *c) {
    if (++c->depth > COMPILER_DEPTH_LIMIT) {
        if (!c->error) {
            err_format(&exc_RecursionError, "maximum recursion depth exceeded during compilation");
        }
        c->error = 1;
    }
    return c->error ? -1 : 0;
}

static void depth_leave(Compiler *c) {
    c->depth--;
}

// Keep a Value alive until the compilation ends.
static Value c_root(Compiler *c, Value v) {
    if (!v) {
        c_fail(c);
        return 0;
    }
    if (list_append(c->roots, v) < 0) {
        c_fail(c);
        return 0;
    }
    return v;
}

// ---- small maps -----------------------------------------------------------------------

static uint32_t hash_cstr(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

static int strmap_get(const StrMap *m, const char *key) {
    if (!m->cap) {
        return -1;
    }
    for (uint32_t i = hash_cstr(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i]) {
            return -1;
        }
        if (m->keys[i] == key || strcmp(m->keys[i], key) == 0) {
            return m->vals[i];
        }
    }
}

static int strmap_put(StrMap *m, const char *key, int val) {
    if ((m->n + 1) * 2 > m->cap) {
        uint32_t ncap = m->cap ? m->cap * 2 : 16;
        const char **nk = calloc(ncap, sizeof *nk);
        int *nv = calloc(ncap, sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return -1;
        }
        for (uint32_t j = 0; j < m->cap; j++) {
            if (m->keys[j]) {
                uint32_t i = hash_cstr(m->keys[j]) & (ncap - 1);
                while (nk[i]) {
                    i = (i + 1) & (ncap - 1);
                }
                nk[i] = m->keys[j];
                nv[i] = m->vals[j];
            }
        }
        free(m->keys);
        free(m->vals);
        m->keys = nk;
        m->vals = nv;
        m->cap = ncap;
    }
    uint32_t i = hash_cstr(key) & (m->cap - 1);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0) {
            m->vals[i] = val;
            return 0;
        }
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = key;
    m->vals[i] = val;
    m->n++;
    return 0;
}

static void strmap_free(StrMap *m) {
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static uint32_t hash_ptr(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

// 1 and *out set when found.
static int ptrmap_get(const PtrMap *m, const void *key, Value *out) {
    if (!m->cap) {
        return 0;
    }
    for (uint32_t i = hash_ptr(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i]) {
            return 0;
        }
        if (m->keys[i] == key) {
            *out = m->vals[i];
            return 1;
        }
    }
}

static int ptrmap_put(PtrMap *m, const void *key, Value val) {
    if ((m->n + 1) * 2 > m->cap) {
        uint32_t ncap = m->cap ? m->cap * 2 : 64;
        const void **nk = calloc(ncap, sizeof *nk);
        Value *nv = calloc(ncap, sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return -1;
        }
        for (uint32_t j = 0; j < m->cap; j++) {
            if (m->keys[j]) {
                uint32_t i = hash_ptr(m->keys[j]) & (ncap - 1);
                while (nk[i]) {
                    i = (i + 1) & (ncap - 1);
                }
                nk[i] = m->keys[j];
                nv[i] = m->vals[j];
            }
        }
        free(m->keys);
        free(m->vals);
        m->keys = nk;
        m->vals = nv;
        m->cap = ncap;
    }
    uint32_t i = hash_ptr(key) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != key) {
        i = (i + 1) & (m->cap - 1);
    }
    if (!m->keys[i]) {
        m->n++;
    }
    m->keys[i] = key;
    m->vals[i] = val;
    return 0;
}

// ---- constants: identity as CPython's compiler sees it ---------------------------------

static int const_equal(Value a, Value b) {
    if (a == b) {
        return 1;
    }
    Type *t = type_of(a);
    if (t != type_of(b)) {
        return 0;
    }
    if (t == &type_int) {
        return int_compare(a, b) == 0;
    }
    if (t == &type_float) {
        double x = float_value(a), y = float_value(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (t == &type_complex) {
        ComplexObject *x = complex_obj(a), *y = complex_obj(b);
        return memcmp(&x->real, &y->real, sizeof x->real) == 0 &&
               memcmp(&x->imag, &y->imag, sizeof x->imag) == 0;
    }
    if (t == &type_str) {
        return str_equal(a, b);
    }
    if (t == &type_bytes) {
        return bytes_equal(a, b);
    }
    if (t == &type_slice) {
        SliceObject *x = slice_obj(a), *y = slice_obj(b);
        return const_equal(x->start, y->start) && const_equal(x->stop, y->stop) &&
               const_equal(x->step, y->step);
    }
    if (t == &type_tuple) {
        TupleObject *x = tuple_obj(a), *y = tuple_obj(b);
        if (x->len != y->len) {
            return 0;
        }
        for (size_t i = 0; i < x->len; i++) {
            if (!const_equal(x->items[i], y->items[i])) {
                return 0;
            }
        }
        return 1;
    }
    return 0;  // frozensets, code objects: by identity only
}

static uint64_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

// A hash of a constant whose low bits are usable as a table index.
static uint64_t const_hash(Value v) {
    if (val_is_smallint(v) || val_is_flonum(v)) {
        return mix64(v);
    }
    Type *t = type_of(v);
    if (t == &type_int) {
        return mix64((uint64_t)int_hash(v));
    }
    if (t == &type_float) {
        double d = float_value(v);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return mix64(bits);
    }
    if (t == &type_complex) {  // by value, as const_equal compares them
        uint64_t re, im;
        memcpy(&re, &complex_obj(v)->real, sizeof re);
        memcpy(&im, &complex_obj(v)->imag, sizeof im);
        return mix64(re ^ mix64(im));
    }
    if (t == &type_str) {
        return mix64((uint64_t)str_hash(v));
    }
    if (t == &type_bytes) {
        return mix64((uint64_t)bytes_hash(v));
    }
    if (t == &type_slice) {
        SliceObject *x = slice_obj(v);
        return mix64(const_hash(x->start) ^ (const_hash(x->stop) * 3) ^ (const_hash(x->step) * 7));
    }
    if (t == &type_tuple) {
        uint64_t h = 0x345678;
        TupleObject *x = tuple_obj(v);
        for (size_t i = 0; i < x->len; i++) {
            h = (h ^ const_hash(x->items[i])) * 1000003;
        }
        return mix64(h);
    }
    return mix64((uint64_t)(uintptr_t)val_ptr(v));
}

static int constmap_get(const ConstMap *m, Value key, uint64_t h) {
    if (!m->cap) {
        return -1;
    }
    for (uint32_t i = (uint32_t)h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i]) {
            return -1;
        }
        if (const_equal(m->keys[i], key)) {
            return m->vals[i];
        }
    }
}

static int constmap_put(ConstMap *m, Value key, int val) {
    if ((m->n + 1) * 2 > m->cap) {
        uint32_t ncap = m->cap ? m->cap * 2 : 16;
        Value *nk = calloc(ncap, sizeof *nk);
        int *nv = calloc(ncap, sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return -1;
        }
        for (uint32_t j = 0; j < m->cap; j++) {
            if (m->keys[j]) {
                uint32_t i = (uint32_t)const_hash(m->keys[j]) & (ncap - 1);
                while (nk[i]) {
                    i = (i + 1) & (ncap - 1);
                }
                nk[i] = m->keys[j];
                nv[i] = m->vals[j];
            }
        }
        free(m->keys);
        free(m->vals);
        m->keys = nk;
        m->vals = nv;
        m->cap = ncap;
    }
    uint32_t i = (uint32_t)const_hash(key) & (m->cap - 1);
    while (m->keys[i]) {
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = key;
    m->vals[i] = val;
    m->n++;
    return 0;
}

// The index of constant v in the unit's co_consts (added when new).
// Unreachable code (after return, raise, break...) adds none, as CPython
// drops the constants only such code used; code that is dead because a
// constant test was folded keeps its constants, as in CPython.
static Opnd const_index(Compiler *c, Value v) {
    Unit *u = c->u;
    if (c->error || !v) {
        c_fail(c);
        return RAW(0);
    }
    if (!u->reachable && !u->folded_dead) {
        return RAW(0);
    }
    uint64_t h = const_hash(v);
    int k = constmap_get(&u->cmap, v, h);
    if (k >= 0) {
        return RAW(k);
    }
    k = (int)list_obj(u->consts)->len;
    if (list_append(u->consts, v) < 0) {
        c_fail(c);
        return RAW(0);
    }
    if (constmap_put(&u->cmap, v, k) < 0) {
        c_no_memory(c);
    }
    return RAW(k);
}

// Whether s looks like an identifier (CPython interns such constants).
static int all_name_chars(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_')) {
            return 0;
        }
    }
    return 1;
}

// The runtime value of an AST constant.
static Value const_value(Compiler *c, const ConstValue *cv) {
    Value v = 0;
    switch (cv->kind) {
    case CONST_NONE: return VAL_NONE;
    case CONST_TRUE: return VAL_TRUE;
    case CONST_FALSE: return VAL_FALSE;
    case CONST_ELLIPSIS: return VAL_ELLIPSIS;
    case CONST_INT:
        v = int_from_i64(cv->i);
        break;
    case CONST_BIGINT:
        v = int_from_limbs(cv->big.limbs, (size_t)cv->big.n, 0);
        break;
    case CONST_FLOAT:
        v = float_from_double(cv->f);
        break;
    case CONST_COMPLEX:
        v = complex_new(0.0, cv->f);
        break;
    case CONST_STR:
        v = all_name_chars(cv->str.s, cv->str.len) ? str_intern_utf8(cv->str.s, cv->str.len)
                                                    : str_from_utf8(cv->str.s, cv->str.len);
        break;
    case CONST_BYTES:
        v = bytes_from(cv->str.s, cv->str.len);
        break;
    case CONST_OBJECT:
        v = (Value)cv->obj;
        break;
    }
    if (!v) {
        c_fail(c);
        return 0;
    }
    return c_root(c, v);
}

static Value c_str(Compiler *c, const char *s) {
    Value v = str_from_cstr(s);
    return v ? c_root(c, v) : (c_fail(c), 0);
}

static Value c_intern(Compiler *c, const char *s) {
    Value v = str_intern_cstr(s);
    if (!v) {
        c_fail(c);
    }
    return v;  // interned strings are immortal
}

// The index of name s in co_names.
static Opnd name_index(Compiler *c, const char *s) {
    Unit *u = c->u;
    if (c->error) {
        return RAW(0);
    }
    int k = strmap_get(&u->nmap, s);
    if (k >= 0) {
        return RAW(k);
    }
    Value v = c_intern(c, s);
    if (!v) {
        return RAW(0);
    }
    k = (int)list_obj(u->names)->len;
    if (list_append(u->names, v) < 0) {
        c_fail(c);
        return RAW(0);
    }
    if (strmap_put(&u->nmap, s, k) < 0) {
        c_no_memory(c);
    }
    return RAW(k);
}

// ---- constant registers ------------------------------------------------------------------

// The constant register holding k, or NO_REG when there is none to spare.
static Opnd constreg(Compiler *c, Value k) {
    Unit *u = c->u;
    int idx = (int)OPND_INDEX(const_index(c, k));
    if (!u->reachable) {
        return NO_REG;
    }
    for (int i = 0; i < u->nconstregs; i++) {
        if (u->constregs[i] == idx) {
            return OPND(K_CONSTREG, i);
        }
    }
    if (u->nconstregs == MAX_CONSTREGS) {
        return NO_REG;
    }
    u->constregs[u->nconstregs] = idx;
    return OPND(K_CONSTREG, u->nconstregs++);
}

// ---- temporaries ---------------------------------------------------------------------

static Opnd temp_push(Compiler *c) {
    Unit *u = c->u;
    int i = u->ntemps++;
    if (u->ntemps > u->maxtemps) {
        u->maxtemps = u->ntemps;
    }
    return OPND(K_TEMP, i);
}

// n consecutive fresh temporaries; returns the first.
static Opnd temp_push_n(Compiler *c, int n) {
    Unit *u = c->u;
    Opnd first = OPND(K_TEMP, u->ntemps);
    u->ntemps += n;
    if (u->ntemps > u->maxtemps) {
        u->maxtemps = u->ntemps;
    }
    return first;
}

// n consecutive temporaries for a construct whose result goes to dst: when
// dst is the topmost temporary the block starts at dst itself.
static Opnd temp_block_for(Compiler *c, Opnd dst, int n) {
    Unit *u = c->u;
    if (is_temp(dst) && (int)OPND_INDEX(dst) == u->ntemps - 1) {
        if (n > 1) {
            temp_push_n(c, n - 1);
        }
        return dst;
    }
    return temp_push_n(c, n);
}

// ---- locals and their bound state ---------------------------------------------------------

enum { BOUND_TRACK_MAX = 4096 };  // locals past this are always checked

static int bound_get(const Unit *u, int i) {
    return i < u->bound_words * 64 && ((u->bound[i / 64] >> (i % 64)) & 1);
}

static void bound_put(Compiler *c, int i, int on) {
    Unit *u = c->u;
    if (i >= BOUND_TRACK_MAX) {
        return;
    }
    if (i >= u->bound_words * 64) {
        if (!on) {
            return;
        }
        int nw = i / 64 + 1;
        uint64_t *nb = realloc(u->bound, sizeof *nb * (size_t)nw);
        uint64_t *nd = nb ? realloc(u->deletable, sizeof *nd * (size_t)nw) : NULL;
        if (nb) {
            u->bound = nb;
        }
        if (!nb || !nd) {
            c_no_memory(c);
            return;
        }
        u->deletable = nd;
        for (int w = u->bound_words; w < nw; w++) {
            u->bound[w] = 0;
            u->deletable[w] = 0;
        }
        u->bound_words = nw;
    }
    if (on) {
        u->bound[i / 64] |= (uint64_t)1 << (i % 64);
    } else {
        u->bound[i / 64] &= ~((uint64_t)1 << (i % 64));
    }
}

// The slot of fast local `name` (mangled), numbered on first use.
static int local_index(Compiler *c, const char *name) {
    Unit *u = c->u;
    int k = strmap_get(&u->vmap, name);
    if (k >= 0) {
        return k;
    }
    if (u->nvarnames == u->capvarnames) {
        int ncap = u->capvarnames ? u->capvarnames * 2 : 16;
        Ident *nv = realloc(u->varnames, sizeof *nv * (size_t)ncap);
        if (!nv) {
            c_no_memory(c);
            return 0;
        }
        u->varnames = nv;
        u->capvarnames = ncap;
    }
    k = u->nvarnames++;
    u->varnames[k] = name;
    if (strmap_put(&u->vmap, name, k) < 0) {
        c_no_memory(c);
        return 0;
    }
    if (strmap_get(&u->maybe_deleted, name) >= 0 && k < BOUND_TRACK_MAX) {
        bound_put(c, k, 1);  // make room, then undo: a new local is unbound
        bound_put(c, k, 0);
        if (!c->error) {
            u->deletable[k / 64] |= (uint64_t)1 << (k % 64);
        }
    }
    return k;
}

// ---- emission ---------------------------------------------------------------------------

static int emit(Compiler *c, Opcode op, Opnd a, Opnd b, Opnd cc, unsigned x) {
    Unit *u = c->u;
    if (c->error || !u->reachable) {
        return -1;
    }
    if (u->ncode == u->capcode) {
        int ncap = u->capcode ? u->capcode * 2 : 64;
        IInstr *nc = realloc(u->code, sizeof *nc * (size_t)ncap);
        if (!nc) {
            c_no_memory(c);
            return -1;
        }
        u->code = nc;
        u->capcode = ncap;
    }
    int i = u->ncode++;
    IInstr *in = &u->code[i];
    in->op = (uint8_t)op;
    in->x = (uint8_t)x;
    in->removed = 0;
    in->a = a;
    in->b = b;
    in->c = cc;
    in->target = -1;
    in->handler = u->cur_handler;
    in->loc = u->loc;
    in->live = u->ntemps;
    if (op == OP_RETURN || op == OP_RERAISE || op == OP_RAISE) {
        u->reachable = 0;
        u->folded_dead = 0;
    }
    return i;
}

static void emit_ab(Compiler *c, Opcode op, Opnd a, Opnd b) { emit(c, op, a, b, RAW(0), 0); }
static void emit_a(Compiler *c, Opcode op, Opnd a) { emit(c, op, a, RAW(0), RAW(0), 0); }

// A NOP that carries the current line: CPython's compiler leaves one where a
// statement would otherwise have no instruction of its own line (`pass`,
// `try:`, a `break` that became a fall-through, a constant test), so that
// line tracing reports that line. asm_drop_nops removes the ones an
// instruction of the same line makes redundant.
static void emit_line_nop(Compiler *c) { emit(c, OP_NOP, RAW(0), RAW(0), RAW(0), 0); }

static void emit_move(Compiler *c, Opnd dst, Opnd src) {
    if (dst != src) {
        emit_ab(c, OP_MOVE, dst, src);
    }
}

static void emit_loadk(Compiler *c, Opnd dst, Value v) {
    if (v == VAL_NONE) {
        emit_a(c, OP_LOADNONE, dst);
    } else {
        emit_ab(c, OP_LOADK, dst, const_index(c, v));
    }
}

static int label_new(Compiler *c) {
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        int ncap = u->caplabels ? u->caplabels * 2 : 32;
        Label *nl = realloc(u->labels, sizeof *nl * (size_t)ncap);
        if (!nl) {
            c_no_memory(c);
            return 0;
        }
        u->labels = nl;
        u->caplabels = ncap;
    }
    Label *l = &u->labels[u->nlabels];
    memset(l, 0, sizeof *l);
    l->pos = -1;
    return u->nlabels++;
}

static int loop_label_new(Compiler *c) {
    int l = label_new(c);
    if (!c->error) {
        c->u->labels[l].loop_head = 1;
    }
    return l;
}

// Record the current bound set as one more way into label l.
static void label_add_in(Compiler *c, int l) {
    Unit *u = c->u;
    Label *lab = &u->labels[l];
    if (lab->loop_head) {
        return;
    }
    if (!lab->has_in) {
        lab->in_words = u->bound_words;
        lab->in = u->bound_words ? arena_alloc(c->arena, sizeof(uint64_t) * (size_t)u->bound_words)
                                 : NULL;
        if (u->bound_words && !lab->in) {
            c_no_memory(c);
            return;
        }
        if (u->bound_words) {
            memcpy(lab->in, u->bound, sizeof(uint64_t) * (size_t)u->bound_words);
        }
        lab->has_in = 1;
        return;
    }
    if (u->bound_words < lab->in_words) {
        lab->in_words = u->bound_words;
    }
    for (int w = 0; w < lab->in_words; w++) {
        lab->in[w] &= u->bound[w];
    }
}

static void emit_jump(Compiler *c, Opcode op, Opnd a, int l) {
    int i = emit(c, op, a, RAW(0), RAW(0), 0);
    if (i < 0) {
        return;
    }
    c->u->code[i].target = l;
    label_add_in(c, l);
    if (op == OP_JUMP) {
        c->u->reachable = 0;
        c->u->folded_dead = 0;
    }
}

static void bound_forget_deletable(Unit *u) {
    for (int w = 0; w < u->bound_words; w++) {
        u->bound[w] &= ~u->deletable[w];
    }
}

// Place label l here. Control may arrive by falling through (when the code
// before is reachable) or by the jumps recorded so far.
static void label_bind(Compiler *c, int l) {
    Unit *u = c->u;
    if (c->error) {
        return;
    }
    Label *lab = &u->labels[l];
    lab->pos = u->ncode;
    if (lab->loop_head) {
        bound_forget_deletable(u);
        return;  // reachable only by falling in first
    }
    if (!lab->has_in) {
        if (!u->reachable && lab->folded_in) {
            u->folded_dead = 1;
        }
        return;
    }
    if (!u->reachable) {
        for (int w = 0; w < u->bound_words; w++) {
            u->bound[w] = 0;
        }
        for (int w = 0; w < lab->in_words; w++) {
            u->bound[w] = lab->in[w];
        }
        u->reachable = 1;
        u->folded_dead = 0;
    } else {
        for (int w = 0; w < u->bound_words; w++) {
            u->bound[w] &= w < lab->in_words ? lab->in[w] : 0;
        }
    }
}

// ---- locations ---------------------------------------------------------------------------

static Loc loc_of(const Node *n) {
    return (Loc){n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
}

static const Loc NO_LOC = {-1, -1, -1, -1};

// ---- frame blocks and protected regions ---------------------------------------------------

static void handlers_recompute(Unit *u) {
    u->cur_handler = -1;
    for (int i = u->nfblocks - 1; i >= 0; i--) {
        if (u->fblocks[i].handler >= 0) {
            u->cur_handler = u->fblocks[i].handler;
            return;
        }
    }
}

// A new handler: code at its label receives the exception in `exc`.
static int handler_new(Compiler *c, Opnd exc) {
    Unit *u = c->u;
    if (u->nhandlers == u->caphandlers) {
        int ncap = u->caphandlers ? u->caphandlers * 2 : 16;
        Handler *nh = realloc(u->handlers, sizeof *nh * (size_t)ncap);
        if (!nh) {
            c_no_memory(c);
            return 0;
        }
        u->handlers = nh;
        u->caphandlers = ncap;
    }
    Handler *h = &u->handlers[u->nhandlers];
    h->label = label_new(c);
    h->exc = exc;
    h->depth = 0;
    return u->nhandlers++;
}

static FBlock *fblock_push(Compiler *c, FBlockKind kind, int handler) {
    Unit *u = c->u;
    if (u->nfblocks == MAX_FBLOCKS) {
        c_syntax_error(c, "too many statically nested blocks");
        return NULL;
    }
    FBlock *f = &u->fblocks[u->nfblocks++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->handler = handler;
    f->break_label = f->continue_label = -1;
    if (handler >= 0 && !c->error) {
        int depth = 0;
        for (int i = 0; i < u->nfblocks; i++) {
            depth += u->fblocks[i].handler >= 0;
        }
        u->handlers[handler].depth = depth;
        if (u->reachable) {
            label_add_in(c, u->handlers[handler].label);  // the region may raise at once
        }
        u->cur_handler = handler;
    }
    return f;
}

static void fblock_pop(Compiler *c) {
    Unit *u = c->u;
    if (u->nfblocks > 0) {
        u->nfblocks--;
        handlers_recompute(u);
    }
}

// Start the code of handler h (its region must be closed). It is reachable
// when its region was (fblock_push recorded the way in), and finds the
// locals bound when the region started, less any the unit may delete.
static void handler_bind(Compiler *c, int h) {
    if (c->error) {
        return;
    }
    Unit *u = c->u;
    u->reachable = 0;
    label_bind(c, u->handlers[h].label);
    bound_forget_deletable(u);
}

// ---- units -------------------------------------------------------------------------------

static void unit_free(Unit *u) {
    free(u->code);
    free(u->labels);
    free(u->handlers);
    free(u->varnames);
    free(u->pending);
    free(u->pending_slot);
    free(u->bound);
    free(u->deletable);
    free(u->cmap.keys);
    free(u->cmap.vals);
    strmap_free(&u->nmap);
    strmap_free(&u->vmap);
    strmap_free(&u->maybe_deleted);
    free(u);
}

static int ident_index(Ident *list, int n, const char *name) {
    for (int i = 0; i < n; i++) {
        if (list[i] == name || strcmp(list[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

static void scan_unit_body(Compiler *c, Unit *u, const Node *node);

// The qualified name of a new unit named `name` (CPython's compiler_set_qualname).
static Value unit_qualname(Compiler *c, UnitKind kind, const char *name) {
    Unit *parent = c->u;
    if (!parent || parent->kind == U_MODULE) {
        return c_str(c, name);
    }
    if (kind == U_FUNCTION || kind == U_ASYNC_FUNCTION || kind == U_CLASS) {
        const char *mangled = symtable_mangle(c->arena, parent->private_name, name);
        if (!mangled) {
            c_no_memory(c);
            return 0;
        }
        if (symblock_scope(parent->block, mangled) == SCOPE_GLOBAL_EXPLICIT) {
            return c_str(c, name);
        }
    }
    const char *base = val_is_str(parent->qualname) ? str_obj(parent->qualname)->data : "";
    int locals = parent->kind == U_FUNCTION || parent->kind == U_ASYNC_FUNCTION ||
                 parent->kind == U_LAMBDA;
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "%s%s.%s", base, locals ? ".<locals>" : "", name);
    Value v = b.data ? c_root(c, str_from_utf8(b.data, b.len)) : 0;
    sb_free(&b);
    if (!v) {
        c_fail(c);
    }
    return v;
}

// Open a unit for the code of `node` (its symbol table block b).
static Unit *unit_enter(Compiler *c, SymBlock *b, UnitKind kind, const char *name,
                        const Node *node, int firstlineno) {
    if (c->error) {
        return NULL;
    }
    Unit *u = calloc(1, sizeof *u);
    if (!u) {
        c_no_memory(c);
        return NULL;
    }
    u->block = b;
    u->kind = kind;
    u->firstlineno = firstlineno;
    u->cur_handler = -1;
    u->reachable = 1;
    u->loc = (Loc){firstlineno, firstlineno, -1, -1};
    u->name = c_str(c, name);
    u->qualname = kind == U_MODULE ? u->name : unit_qualname(c, kind, name);
    u->consts = c_root(c, list_new(0));
    u->names = c_root(c, list_new(0));
    u->comp_result = NO_REG;
    if (kind == U_CLASS) {
        u->private_name = name;
    } else if (c->u) {
        u->private_name = c->u->private_name;
    }
    u->parent = c->u;
    c->u = u;
    c->nestlevel++;
    if (c->error) {
        return u;
    }
    // Parameters take the first slots, in co_varnames order, bound at entry;
    // captured ones move into their cells first thing.
    if (b->kind == BLOCK_FUNCTION) {
        for (int i = 0; i < b->nparams; i++) {
            int k = local_index(c, b->params[i]);
            bound_put(c, k, 1);
        }
        for (int i = 0; i < b->ncellvars; i++) {
            int p = ident_index(b->params, b->nparams, b->cellvars[i]);
            if (p >= 0) {
                emit_ab(c, OP_STOREDEREF, OPND(K_CELL, i), OPND(K_LOCAL, p));
            }
        }
    }
    u->is_async_gen = b->generator && b->coroutine;
    scan_unit_body(c, u, node);
    return u;
}

static void unit_leave(Compiler *c) {
    Unit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    unit_free(u);
}

// ---- name resolution -------------------------------------------------------------------

static const char *mangle(Compiler *c, const char *name) {
    const char *m = symtable_mangle(c->arena, c->u->private_name, name);
    if (!m) {
        c_no_memory(c);
        return name;
    }
    return m;
}


// The register of the cell (or free variable) for `name` in the current unit.
static Opnd deref_reg(Compiler *c, const char *name) {
    SymBlock *b = c->u->block;
    int k = ident_index(b->cellvars, b->ncellvars, name);
    if (k >= 0) {
        return OPND(K_CELL, k);
    }
    k = ident_index(b->freevars, b->nfreevars, name);
    if (k >= 0) {
        return OPND(K_FREE, k);
    }
    c_syntax_error(c, "internal compiler error: no cell for '%s'", name);
    return OPND(K_CELL, 0);
}

static Code *unit_assemble(Compiler *c);
static void stmts(Compiler *c, Seq *body);

// The Code already compiled for a def, lambda, class or comprehension node.
static Code *code_memo_get(Compiler *c, const Node *node) {
    Value v;
    return ptrmap_get(&c->codes, node, &v) ? (Code *)val_ptr(v) : NULL;
}

static void code_memo_put(Compiler *c, const Node *node, Code *co) {
    if (co && ptrmap_put(&c->codes, node, val_from_ptr(co)) < 0) {
        c_no_memory(c);
    }
}
static Code *compile_module(Compiler *c, Node *mod);

#include "compiler_expr.inc"
#include "compiler_match.inc"
#include "compiler_stmt.inc"

// ---- assembly ------------------------------------------------------------------------------

static const char *operand_limit_message(Opcode op, int which) {
    if ((op == OP_LOADK && which == 1) || (op == OP_MAKEFUNCTION && which == 1)) {
        return "too many constants";
    }
    if (which >= 1) {
        return "too many names";
    }
    return "too many operands";
}

// The first instruction at or after i that is kept.
static int asm_next_kept(const Unit *u, int i) {
    while (i < u->ncode && u->code[i].removed) {
        i++;
    }
    return i;
}

// Drop the instructions that threading left unreachable: reachable are the
// first one, what a reachable one falls into or jumps to, and the handlers
// of the reachable ones. 0, or -1 when out of memory (nothing is dropped).
static int asm_drop_unreachable(Unit *u) {
    uint8_t *seen = calloc((size_t)u->ncode + 1, 1);
    int *stack = malloc(sizeof *stack * ((size_t)u->ncode * 3 + 1));
    if (!seen || !stack) {
        free(seen);
        free(stack);
        return -1;
    }
    int sp = 0;
    stack[sp++] = 0;
    while (sp) {
        int i = asm_next_kept(u, stack[--sp]);
        if (i >= u->ncode || seen[i]) {
            continue;
        }
        seen[i] = 1;
        IInstr *in = &u->code[i];
        if (in->target >= 0) {
            stack[sp++] = u->labels[in->target].pos;
        }
        if (in->handler >= 0) {
            stack[sp++] = u->labels[u->handlers[in->handler].label].pos;
        }
        if (in->op != OP_JUMP && in->op != OP_RETURN && in->op != OP_RAISE &&
            in->op != OP_RERAISE) {
            stack[sp++] = i + 1;
        }
    }
    for (int i = 0; i < u->ncode; i++) {
        if (!seen[i]) {
            u->code[i].removed = 1;
        }
    }
    free(seen);
    free(stack);
    return 0;
}

// Drop instructions that do nothing: MOVE r, r, jumps to the next
// instruction, code left unreachable; thread jumps to unconditional jumps.
static void asm_peephole(Unit *u) {
    for (int i = 0; i < u->ncode; i++) {
        IInstr *in = &u->code[i];
        if (in->op == OP_MOVE && in->a == in->b) {
            in->removed = 1;
        }
        if (in->target >= 0) {
            for (int hops = 0; hops < 8; hops++) {
                int t = u->labels[in->target].pos;
                while (t < u->ncode && u->code[t].removed) {
                    t++;
                }
                if (t < u->ncode && u->code[t].op == OP_JUMP && t != i) {
                    in->target = u->code[t].target;
                } else {
                    break;
                }
            }
        }
    }
    asm_drop_unreachable(u);
    for (int i = 0; i < u->ncode; i++) {
        IInstr *in = &u->code[i];
        if (in->op == OP_JUMP && !in->removed) {
            int t = u->labels[in->target].pos;
            int j = asm_next_kept(u, i + 1);
            if (t >= i + 1 && t <= j) {
                in->removed = 1;
            }
        }
    }
}

// Drop the line NOPs (emit_line_nop) that another instruction of the same
// line makes redundant: the next one kept, or the one before when it falls
// through into the NOP (which no jump enters), as CPython 3.11's
// remove_redundant_nops.
static int asm_drop_nops(Unit *u) {
    uint8_t *entered = calloc((size_t)u->ncode + 1, 1);
    if (!entered) {
        return -1;
    }
    for (int k = 0; k < u->nlabels; k++) {
        const Label *l = &u->labels[k];
        if (l->has_in && l->pos >= 0) {
            entered[asm_next_kept(u, l->pos)] = 1;
        }
    }
    int prev = -1;  // the last instruction kept
    for (int i = 0; i < u->ncode; i++) {
        IInstr *in = &u->code[i];
        if (in->removed) {
            continue;
        }
        if (in->op == OP_NOP) {
            int line = in->loc.lineno;
            int next = asm_next_kept(u, i + 1);
            if (line < 0 || (next < u->ncode && u->code[next].loc.lineno == line) ||
                (!entered[i] && prev >= 0 && u->code[prev].loc.lineno == line)) {
                in->removed = 1;
                continue;
            }
        }
        prev = i;
    }
    free(entered);
    return 0;
}

static uint32_t code_flags(Compiler *c, Unit *u) {
    SymBlock *b = u->block;
    uint32_t flags = 0;
    if (b->kind == BLOCK_FUNCTION) {
        flags |= CODE_OPTIMIZED | CODE_NEWLOCALS;
        if (b->nested) {
            flags |= CODE_NESTED;
        }
        if (b->generator && !b->coroutine) {
            flags |= CODE_GENERATOR;
        }
        if (!b->generator && b->coroutine) {
            flags |= CODE_COROUTINE;
        }
        if (b->generator && b->coroutine) {
            flags |= CODE_ASYNC_GENERATOR;
        }
        if (b->varargs) {
            flags |= CODE_VARARGS;
        }
        if (b->varkeywords) {
            flags |= CODE_VARKEYWORDS;
        }
    } else if (b->kind == BLOCK_MODULE && (c->flags & COMPILE_ALLOW_TOP_LEVEL_AWAIT) &&
               b->coroutine && !b->generator) {
        flags |= CODE_COROUTINE;
    }
    // The __future__ features in effect show in every code object's flags.
    return flags | (uint32_t)(c->future & (FUTURE_ANNOTATIONS | FUTURE_BARRY_AS_BDFL));
}

static Value idents_tuple(Compiler *c, Ident *names, int n) {
    Value t = tuple_new((size_t)n);
    if (!t) {
        c_fail(c);
        return 0;
    }
    for (int i = 0; i < n; i++) {
        Value s = c_intern(c, names[i]);
        if (!s) {
            return 0;
        }
        tuple_obj(t)->items[i] = s;
    }
    return t;
}

static Value list_to_tuple(Compiler *c, Value list) {
    Value t = tuple_from_list(list);
    if (!t) {
        c_fail(c);
    }
    return t;
}

// Turn the finished unit into a Code.
static Code *unit_assemble(Compiler *c) {
    Unit *u = c->u;
    if (c->error) {
        return NULL;
    }
    SymBlock *b = u->block;
    uint32_t nlocals = (uint32_t)u->nvarnames, ncells = (uint32_t)b->ncellvars;
    uint32_t nfrees = (uint32_t)b->nfreevars;
    uint32_t constreg_base = nlocals + ncells + nfrees;
    uint32_t temp_base = constreg_base + (uint32_t)u->nconstregs;
    uint32_t nslots = temp_base + (uint32_t)u->maxtemps;
    if (nslots > 0xffff) {
        u->loc = (Loc){u->firstlineno, u->firstlineno, -1, -1};
        c_syntax_error(c, "too many local variables");
        return NULL;
    }
    // Every jump and handler must lead somewhere.
    for (int i = 0; i < u->ncode; i++) {
        IInstr *in = &u->code[i];
        if ((in->target >= 0 && u->labels[in->target].pos < 0) ||
            (in->handler >= 0 && u->labels[u->handlers[in->handler].label].pos < 0)) {
            u->loc = in->loc;
            c_syntax_error(c, "internal compiler error: a jump to an unplaced label");
            return NULL;
        }
    }
    asm_peephole(u);
    if (asm_drop_nops(u) < 0) {
        c_no_memory(c);
        return NULL;
    }
    // Word positions: wpos[i] for instruction i (a removed one: the next kept one's).
    uint32_t *wpos = malloc(sizeof *wpos * ((size_t)u->ncode + 1));
    if (!wpos) {
        c_no_memory(c);
        return NULL;
    }
    // The constant registers' loads come first.
    uint32_t nwords = (uint32_t)u->nconstregs;
    for (int i = 0; i < u->ncode; i++) {
        wpos[i] = nwords;
        if (!u->code[i].removed) {
            nwords += 1 + opcode_cache_words[u->code[i].op];
        }
    }
    wpos[u->ncode] = nwords;
    Instr *words = calloc(nwords ? nwords : 1, sizeof *words);
    SourcePos *pos = calloc(nwords ? nwords : 1, sizeof *pos);
    uint32_t *live = calloc(nwords ? nwords : 1, sizeof *live);
    ExceptionRange *ranges = NULL;
    uint32_t nranges = 0, capranges = 0;
    if (!words || !pos || !live) {
        goto oom;
    }
    for (int i = 0; i < u->nconstregs; i++) {
        words[i] = instr_abc(OP_LOADK, constreg_base + (unsigned)i, (unsigned)u->constregs[i], 0, 0);
        pos[i] = (SourcePos){u->firstlineno, u->firstlineno, -1, -1};
        live[i] = temp_base;
    }
    for (int i = 0; i < u->ncode; i++) {
        IInstr *in = &u->code[i];
        if (in->removed) {
            continue;
        }
        uint32_t at = wpos[i], size = 1 + opcode_cache_words[in->op];
        Opnd ops[3] = {in->a, in->b, in->c};
        unsigned vals[3];
        for (int k = 0; k < 3; k++) {
            Opnd o = ops[k];
            uint32_t idx = OPND_INDEX(o);
            switch (OPND_KIND(o)) {
            case K_LOCAL: vals[k] = idx; break;
            case K_CELL: vals[k] = nlocals + idx; break;
            case K_FREE: vals[k] = nlocals + ncells + idx; break;
            case K_TEMP:
                if ((int32_t)idx >= in->live) {
                    u->loc = in->loc;
                    c_syntax_error(c, "internal compiler error: a temporary used outside its life");
                    goto fail;
                }
                vals[k] = temp_base + idx;
                break;
            case K_CONSTREG: vals[k] = constreg_base + idx; break;
            case K_PENDING:
                if (u->pending_slot[idx] < 0) {
                    u->loc = in->loc;
                    c_syntax_error(c, "internal compiler error: an unassigned local");
                    goto fail;
                }
                vals[k] = (unsigned)u->pending_slot[idx];
                break;
            default:
                if (idx > 0xffff) {
                    u->loc = in->loc;
                    c_syntax_error(c, "%s", operand_limit_message(in->op, k));
                    goto fail;
                }
                vals[k] = idx;
                break;
            }
        }
        if (in->target >= 0) {
            int32_t t = (int32_t)wpos[u->labels[in->target].pos];
            words[at] = instr_jump(in->op, vals[0], t - (int32_t)(at + size)) |
                        ((Instr)in->x << 56);  // (RANGELOOP's argument count)
        } else {
            words[at] = instr_abc(in->op, vals[0], vals[1], vals[2], in->x);
        }
        for (uint32_t w = at; w < at + size; w++) {
            pos[w] = (SourcePos){in->loc.lineno, in->loc.end_lineno, in->loc.col, in->loc.end_col};
            live[w] = temp_base + (uint32_t)in->live;
        }
        if (in->handler >= 0) {
            Handler *h = &u->handlers[in->handler];
            uint32_t target = wpos[u->labels[h->label].pos];
            Opnd e = h->exc;
            uint16_t slot = (uint16_t)(temp_base + OPND_INDEX(e));
            ExceptionRange *last = nranges ? &ranges[nranges - 1] : NULL;
            if (last && last->end == at && last->handler == target && last->exc_slot == slot) {
                last->end = at + size;
            } else {
                if (nranges == capranges) {
                    capranges = capranges ? capranges * 2 : 8;
                    ExceptionRange *nr = realloc(ranges, sizeof *nr * capranges);
                    if (!nr) {
                        goto oom;
                    }
                    ranges = nr;
                }
                ranges[nranges++] = (ExceptionRange){at, at + size, target, slot,
                                                     (uint16_t)h->depth};
            }
        }
    }
    Code *co = (Code *)gc_alloc(&type_code, sizeof(Code));
    if (!co) {
        c_fail(c);
        goto fail;
    }
    co->instrs = words;
    co->ninstrs = nwords;
    words = NULL;
    co->exceptions = ranges;
    co->nexceptions = nranges;
    ranges = NULL;
    co->linetable = code_encode_linetable(pos, nwords, u->firstlineno, &co->nlinetable);
    co->livetable = code_encode_livetable(live, nwords, &co->nlivetable);
    if (!co->linetable || !co->livetable) {
        goto oom;
    }
    co->flags = code_flags(c, u);
    co->argcount = (uint16_t)b->argcount;
    co->posonlyargcount = (uint16_t)b->posonlyargcount;
    co->kwonlyargcount = (uint16_t)b->kwonlyargcount;
    co->nlocals = (uint16_t)nlocals;
    co->ncells = (uint16_t)ncells;
    co->nfrees = (uint16_t)nfrees;
    co->nslots = (uint16_t)nslots;
    co->firstlineno = u->firstlineno;
    co->name = u->name;
    co->qualname = u->qualname;
    co->filename = c->filename;
    if (!(co->consts = list_to_tuple(c, u->consts)) || !(co->names = list_to_tuple(c, u->names)) ||
        !(co->varnames = idents_tuple(c, u->varnames, u->nvarnames)) ||
        !(co->cellvars = idents_tuple(c, b->cellvars, b->ncellvars)) ||
        !(co->freevars = idents_tuple(c, b->freevars, b->nfreevars))) {
        goto fail;
    }
    free(wpos);
    free(pos);
    free(live);
    return co;
oom:
    c_no_memory(c);
fail:
    free(wpos);
    free(words);
    free(pos);
    free(live);
    free(ranges);
    return NULL;
}

// ---- entry points -------------------------------------------------------------------------

Code *compile_tree(Arena *arena, Node *mod, SymTable *st, Value filename, CompileMode mode,
                   int flags, int optimize) {
    Compiler c;
    memset(&c, 0, sizeof c);
    c.arena = arena;
    c.st = st;
    c.filename = filename;
    c.mode = mode;
    c.flags = flags;
    c.optimize = optimize;
    c.roots = list_new(0);
    if (!c.roots) {
        return NULL;
    }
    int features = 0, ff_lineno;
    SyntaxErrorInfo ferr;
    memset(&ferr, 0, sizeof ferr);
    if (mod->kind == NK_Module && future_parse(mod, &features, &ff_lineno, &ferr) < 0) {
        compile_raise_syntax_error(&ferr, filename);
        return NULL;
    }
    c.future = features | (flags & (FUTURE_ANNOTATIONS | FUTURE_BARRY_AS_BDFL));
    Code *co = compile_module(&c, mod);
    while (c.u) {
        unit_leave(&c);
    }
    free(c.folds.keys);
    free(c.folds.vals);
    free(c.codes.keys);
    free(c.codes.vals);
    if (c.error) {
        if (!err_occurred()) {
            err_format(&exc_SystemError, "compiler failed without an exception");
        }
        return NULL;
    }
    return co;
}

// SyntaxError.text for errors found after parsing (the checker leaves it
// NULL): what CPython's PyErr_ProgramTextObject reads back from the file -
// line `lineno` with universal newlines, only its last 999 bytes when it is
// longer (CPython reads it with fgets into a 1000-byte buffer), and nothing
// when that is not valid UTF-8.
static const char *program_text(Arena *arena, const char *src, size_t len, int lineno) {
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno; l++) {
        while (p < end && *p != '\n' && *p != '\r') {
            p++;
        }
        if (p == end) {
            return NULL;
        }
        p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
    }
    if (p >= end) {
        return NULL;
    }
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r') {
        q++;
    }
    size_t n = (size_t)(q - p), with_nl = n + (q < end);
    size_t start = with_nl ? (with_nl - 1) / 999 * 999 : 0;
    char *text = arena_alloc(arena, n - start + 2);
    if (!text) {
        return NULL;
    }
    memcpy(text, p + start, n - start);
    if (q < end) {
        text[n - start] = '\n';
    }
    size_t tlen = strlen(text);
    for (size_t i = 0; i < tlen;) {
        uint32_t cp;
        int k = utf8_decode(text + i, tlen - i, &cp, 0);
        if (k <= 0) {
            return NULL;
        }
        i += (size_t)k;
    }
    return text;
}

int compile_issue_warnings(Arena *arena, const SyntaxErrorInfo *err, Value filename,
                           const char *src, size_t len, TokenizerMode tokmode) {
    for (const FrontWarning *w = err->warnings; w; w = w->next) {
        Type *category = w->kind == FW_SYNTAX ? &exc_SyntaxWarning : &exc_DeprecationWarning;
        Value msg = str_from_cstr(w->msg);
        if (!msg) {
            return -1;
        }
        if (err_warn_explicit(category, msg, filename, w->lineno) == 0) {
            continue;
        }
        if (err_matches(category)) {
            err_clear();
            SyntaxErrorInfo e;
            memset(&e, 0, sizeof e);
            e.set = 1;
            e.kind = SE_SYNTAX;
            snprintf(e.msg, sizeof e.msg, "%s", w->msg);
            e.lineno = w->lineno;
            e.offset = w->offset;
            e.end_lineno = w->end_lineno;
            e.end_offset = w->end_offset;
            const char *fn = val_is_str(filename) ? str_obj(filename)->data : "<";
            if (src && fn[0] != '<' && tokmode == TOKMODE_FILE) {
                e.text = program_text(arena, src, len, e.lineno);
            }
            compile_raise_syntax_error(&e, filename);
        }
        return -1;
    }
    return 0;
}

Code *compile_source(const char *src, size_t len, TokenizerMode tokmode, Value filename,
                     CompileMode mode, int flags, int optimize) {
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ParseMode pmode = mode == COMPILE_EVAL ? PARSE_EVAL : mode == COMPILE_SINGLE ? PARSE_SINGLE
                                                                                  : PARSE_FILE;
    Code *co = NULL;
    SymTable *st = NULL;
    Node *tree = parse_source(&arena, src, len, tokmode, pmode, &err);
    int checked = tree ? compile_check(&arena, tree, flags, optimize, &st, &err) : -1;
    if (compile_issue_warnings(&arena, &err, filename, src, len, tokmode) < 0) {
        tree = NULL;  // a warning turned into an error: the exception is pending
    } else if (!tree) {
        compile_raise_syntax_error(&err, filename);
    } else if (checked < 0) {
        const char *fn = val_is_str(filename) ? str_obj(filename)->data : "<";
        if (!err.text && err.lineno > 0 && fn[0] != '<' && tokmode == TOKMODE_FILE) {
            err.text = program_text(&arena, src, len, err.lineno);
        }
        compile_raise_syntax_error(&err, filename);
    } else {
        co = compile_tree(&arena, tree, st, filename, mode, flags, optimize);
    }
    arena_free(&arena);
    return co;
}

// A str of text that should be UTF-8, invalid bytes decoded as U+FFFD (as
// CPython decodes a bad source line with errors="replace"); 0 if out of memory.
static Value str_decode_replace(const char *text) {
    size_t n = strlen(text);
    StrBuf b;
    sb_init(&b);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(text + i, n - i, &cp, 1);
        if (k <= 0) {
            sb_puts(&b, "\xef\xbf\xbd");
            i++;
        } else {
            sb_put(&b, text + i, (size_t)k);
            i += (size_t)k;
        }
    }
    Value v = str_from_utf8(b.data ? b.data : "", b.len);
    sb_free(&b);
    return v;
}

static Value int_or_none(int v, int none_if_zero) {
    return none_if_zero && v == 0 ? VAL_NONE : val_from_smallint(v);
}

void compile_raise_syntax_error(const SyntaxErrorInfo *err, Value filename) {
    Type *t;
    switch (err->kind) {
    case SE_MEMORY:
        if (err->msg[0]) {
            err_format(&exc_MemoryError, "%s", err->msg);
        } else {
            err_no_memory();
        }
        return;
    case SE_RECURSION:
        err_format(&exc_RecursionError, "%s",
                   err->msg[0] ? err->msg : "maximum recursion depth exceeded during compilation");
        return;
    case SE_UNICODE_DECODE:
        t = &exc_SyntaxError;  // the decoding error's details are in the message
        break;
    case SE_INDENTATION:
        t = &exc_IndentationError;
        break;
    case SE_TAB:
        t = &exc_TabError;
        break;
    default:
        t = &exc_SyntaxError;
        break;
    }
    Value msg = str_decode_replace(err->msg);
    Value text = err->text ? str_decode_replace(err->text) : VAL_NONE;
    if (!msg || !text) {
        return;
    }
    // The end is unknown (None) for errors found before any line was read
    // (a bad coding declaration: line 0 without text), end_lineno also when
    // it is 0 on a real line, and end_offset for __future__ errors.
    int no_line = err->lineno == 0 && !err->text;
    int unknown_end_line = no_line || (err->lineno > 0 && err->end_lineno == 0);
    int unknown_end_offset = no_line || err->end_offset_none;
    Value info[6] = {filename ? filename : VAL_NONE,
                     int_or_none(err->lineno, 0),
                     int_or_none(err->offset, 0),
                     text,
                     int_or_none(err->end_lineno, unknown_end_line),
                     unknown_end_offset ? VAL_NONE : val_from_smallint(err->end_offset)};
    Value infot = tuple_from(info, 6);
    if (!infot) {
        return;
    }
    Value args[2] = {msg, infot};
    Value exc = obj_call(val_from_ptr(t), args, 2, 0);
    if (exc) {
        err_set_value(exc);
    }
}
