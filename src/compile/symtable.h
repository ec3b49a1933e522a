// symtable.h - scopes: which block binds each name, and how code reaches it.
//
// The symbol table is CPython 3.11's (Python/symtable.c), rebuilt over krait's
// AST. It is the first thing the compiler asks about a module: one SymBlock
// per scope (the module, each class body, each def and lambda, and each
// comprehension -- in 3.11 every comprehension is its own function scope),
// each with its names, their raw facts (flags) and their final scope.
//
// How a compiler uses it:
//   SymTable *st;                                  // compile_check() (check.h) runs the
//   compile_check(arena, mod, flags, opt, &st, &err);  // future/symtable/compiler checks
//                                                  // and hands the table over
//   SymBlock *b = symtable_block(st, node);        // the block a def, class, lambda or
//                                                  // comprehension node opens
//   const char *m = symtable_mangle(arena, b->private_name, name);
//   switch (symblock_access(b, m)) { ... }         // FAST / DEREF / GLOBAL / NAME
// and, for a code object: b->params (co_varnames starts with them, in this
// order), b->argcount/posonlyargcount/kwonlyargcount, b->varargs/varkeywords,
// b->cellvars and b->freevars (exactly co_cellvars and co_freevars: cell
// parameters first in parameter order, then the other cells sorted by code
// point; free variables sorted; a class that needs a `__class__` cell has
// cellvars = ["__class__"]), b->generator/coroutine (CO_GENERATOR,
// CO_COROUTINE, or both: CO_ASYNC_GENERATOR), b->nested (CO_NESTED). The
// remaining locals of a function follow the parameters in co_varnames in
// the order the *compiler* first emits a fast-local access, which the
// symbol table cannot know; symblock_locals() gives them in first-seen
// order as a starting point.
//
// Names are interned per table: two Idents for the same name are the same
// pointer once they come out of the table (Symbol.name, params, cellvars...).
// Lookups accept any NUL-terminated name.
//
// Flag values and scope numbers equal CPython's, so that a dump compares
// directly with `_symtable.symtable(...).symbols` (tests/unit/symtable_test.sh).
#ifndef KRAIT_SYMTABLE_H
#define KRAIT_SYMTABLE_H

#include <stdint.h>

#include "../parse/ast.h"
#include "../parse/tokenizer.h"
#include "../runtime/arena.h"

// ---- what the walk learns about a name in one block ----------------------
enum {
    SYM_DEF_GLOBAL = 1,        // `global x` (or a walrus target bound at module level)
    SYM_DEF_LOCAL = 2,         // assigned, deleted, def/class name, for target, with/except as
    SYM_DEF_PARAM = 4,         // a parameter
    SYM_DEF_NONLOCAL = 8,      // `nonlocal x` (or a comprehension's walrus target)
    SYM_USE = 16,              // read
    SYM_DEF_FREE = 32,         // (unused in 3.11, kept for the numbering)
    SYM_DEF_FREE_CLASS = 64,   // a class binds x and one of its methods has x free
    SYM_DEF_IMPORT = 128,      // bound by import
    SYM_DEF_ANNOT = 256,       // annotated (`x: int`)
    SYM_DEF_COMP_ITER = 512,   // a comprehension's iteration variable
    SYM_DEF_BOUND = SYM_DEF_LOCAL | SYM_DEF_PARAM | SYM_DEF_IMPORT,
};

// The final answer for a name in a block. ORDER: CPython's numbering.
typedef enum SymScope {
    SCOPE_NONE = 0,             // not in this block's table (e.g. __doc__, __module__)
    SCOPE_LOCAL = 1,
    SCOPE_GLOBAL_EXPLICIT = 2,  // declared global here or (walrus) by the language
    SCOPE_GLOBAL_IMPLICIT = 3,  // not bound in any enclosing function: global or builtin
    SCOPE_FREE = 4,             // bound in an enclosing function: reached through a cell
    SCOPE_CELL = 5,             // local here, and free in some nested block
} SymScope;

typedef struct Symbol {
    Ident name;      // mangled, interned
    uint16_t flags;  // SYM_*
    uint8_t scope;   // SymScope, after analysis
} Symbol;

// ORDER: CPython's _Py_block_ty numbering (0 function, 1 class, 2 module).
// Annotation blocks exist only under `from __future__ import annotations`,
// never appear in the tree, and hold nothing the compiler needs.
typedef enum BlockKind { BLOCK_FUNCTION, BLOCK_CLASS, BLOCK_MODULE, BLOCK_ANNOTATION } BlockKind;

typedef enum CompKind { COMP_NONE, COMP_LIST, COMP_DICT, COMP_SET, COMP_GENEXP } CompKind;

typedef struct SymTable SymTable;
typedef struct SymBlock SymBlock;

struct SymBlock {
    BlockKind kind;
    CompKind comprehension;  // which comprehension a function block implements
    Ident name;              // "top", the def/class name, "lambda", "listcomp", "genexpr"...
    Ident private_name;      // the class name that mangles `__x` inside this block, or NULL
    const Node *node;        // Module/Expression/Interactive, FunctionDef, ClassDef, Lambda,
                             // ListComp, SetComp, DictComp or GeneratorExp
    int lineno, col_offset, end_lineno, end_col_offset;
    SymBlock *parent;
    SymBlock **children;     // nested blocks, in the order the walk met them
    int nchildren;
    Symbol *syms;            // every name, in first-seen order (then free ones added
    int nsyms;               // by analysis)
    Ident *params;           // parameters in co_varnames order: posonly, args,
    int nparams;             // kwonly, *args, **kwargs; ".0" for a comprehension
    int argcount, posonlyargcount, kwonlyargcount;  // co_argcount (positional-only included)...
    // facts about the whole block
    unsigned nested : 1;              // inside a function (directly or not)
    unsigned free : 1;                // has free variables (or nested implicit globals)
    unsigned child_free : 1;          // some nested block has free variables
    unsigned generator : 1;           // contains yield (or is a generator expression)
    unsigned coroutine : 1;           // async def, contains await, or async comprehension
    unsigned varargs : 1, varkeywords : 1;
    unsigned returns_value : 1;       // `return expr` somewhere in the body
    unsigned needs_class_closure : 1; // class: a method uses __class__ or super()
    // the code object's closure layout (after analysis)
    Ident *cellvars;
    int ncellvars;
    Ident *freevars;
    int nfreevars;
    // private to symtable.c
    SymTable *table;
    int *index;                       // open-addressed hash of syms (indexes + 1)
    int index_cap, syms_cap, children_cap, params_cap;
    struct SymDirective *directives;  // global/nonlocal declarations, for error positions
    int ndirectives, directives_cap;
    unsigned comp_iter_target : 1;
    int comp_iter_expr;
};

// The table is built from a module (Module, Expression or Interactive).
// `flags`: the FUTURE_* features in effect (from future_parse or inherited
// by compile(); only FUTURE_ANNOTATIONS changes the table), and
// SYMTABLE_UNOPTIMIZED to build the table the `symtable` module shows:
// compile() first folds every read of `__debug__` into a constant, so by
// default such reads are not uses of a name.
// On error returns NULL and fills *err as CPython's symtable would (kind
// SE_SYNTAX, or SE_RECURSION for too-deep nesting, SE_MEMORY for no memory).
SymTable *symtable_build(Arena *arena, Node *mod, int flags, SyntaxErrorInfo *err);

SymBlock *symtable_top(const SymTable *st);

// The block opened by `node` (FunctionDef, AsyncFunctionDef, ClassDef, Lambda,
// a comprehension, or the module itself), or NULL.
SymBlock *symtable_block(const SymTable *st, const Node *node);

// The symbol for `name` (already mangled) in block b, or NULL.
const Symbol *symblock_lookup(const SymBlock *b, const char *name);

// The final scope of `name` (already mangled) in b; SCOPE_NONE if absent.
SymScope symblock_scope(const SymBlock *b, const char *name);

// How compiled code in block b reaches the (mangled) name: CPython 3.11's
// compiler_nameop decision.
typedef enum NameAccess {
    ACCESS_FAST,    // LOAD_FAST / STORE_FAST / DELETE_FAST: a plain local of a function
    ACCESS_DEREF,   // LOAD_DEREF ...: a cell or free variable (in a class body a load of a
                    // free variable is LOAD_CLASSDEREF: the class dict is tried first)
    ACCESS_GLOBAL,  // LOAD_GLOBAL / STORE_GLOBAL ...
    ACCESS_NAME,    // LOAD_NAME ...: module and class bodies
} NameAccess;
NameAccess symblock_access(const SymBlock *b, const char *name);

// The non-parameter locals (scope LOCAL or CELL, not parameters) of a
// function block in first-seen order. Fills *n; arena-allocated.
Ident *symblock_locals(Arena *arena, const SymBlock *b, int *n);

// CPython's private-name mangling: inside class `private_name`, `__spam`
// (not ending in "__", without a dot) becomes `_Class__spam`, with the
// class name's leading underscores stripped; a class named only by
// underscores mangles nothing. Returns `name` itself when nothing changes,
// NULL when out of memory.
const char *symtable_mangle(Arena *arena, const char *private_name, const char *name);

// The __future__ features that matter after parsing (CPython's CO_FUTURE_*
// values, so that compile()'s flags argument passes straight through).
enum {
    FUTURE_BARRY_AS_BDFL = 0x400000,
    FUTURE_ANNOTATIONS = 0x1000000,
};

// symtable_build: keep reads of `__debug__` (see above).
enum { SYMTABLE_UNOPTIMIZED = 0x1 };

#endif
