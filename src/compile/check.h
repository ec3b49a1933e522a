// check.h - the SyntaxErrors CPython 3.11 raises after parsing.
//
// `ast.parse` accepts programs that `compile()` rejects: `return` outside a
// function, `break` outside a loop, duplicate parameters, `nonlocal x` with
// no binding, `from __future__` imports in the wrong place, a name bound
// twice in a match pattern... compile_check() finds the first of these that
// CPython would report, with CPython's message and position. It runs the
// same stages in the same order as CPython's compiler front end:
//
//   1. __future__ imports (Python/future.c)
//   2. the symbol table (symtable.c: scope errors)
//   3. the checks the code generator makes while it walks the tree
//      (Python/compile.c), in the generator's own visiting order
//
// and hands back the symbol table, which the compiler needs next.
#ifndef KRAIT_CHECK_H
#define KRAIT_CHECK_H

#include "../parse/ast.h"
#include "../parse/tokenizer.h"
#include "../runtime/arena.h"
#include "symtable.h"

// compile() flags that change the checks (CPython's PyCF_* values). The
// FUTURE_* features of symtable.h may be or'ed in as well: they count as
// if imported (compile()'s inherited or explicit flags).
enum {
    COMPILE_ALLOW_TOP_LEVEL_AWAIT = 0x2000,  // PyCF_ALLOW_TOP_LEVEL_AWAIT
};

// Read the `from __future__ import ...` prefix of a module (after an
// optional docstring). Sets *features (FUTURE_*) and *last_lineno (the line
// of the last future import of the prefix, or -1). Returns -1 with *err
// filled for an unknown feature ("future feature X is not defined"),
// `braces` ("not a chance") or a future import after another statement on
// the same line as the prefix's end.
int future_parse(const Node *mod, int *features, int *last_lineno, SyntaxErrorInfo *err);

// Check a parsed module (Module, Interactive or Expression) the way
// CPython 3.11's compile() does after parsing. `flags`: COMPILE_* and
// FUTURE_* bits; `optimize`: the -O level (asserts are not compiled, so
// not checked, when > 0). On success returns 0 and, if `symtable_out` is
// not NULL, stores the symbol table built with the module's future
// features (arena-allocated). On failure returns -1 with *err filled: kind
// SE_SYNTAX with CPython's message; lineno/offset/end_lineno/end_offset as
// CPython reports them (offsets are 1-based *byte* columns; end_offset 0
// means None); text NULL (CPython reads it from the file on disk); or kind
// SE_RECURSION / SE_MEMORY.
int compile_check(Arena *arena, Node *mod, int flags, int optimize, SymTable **symtable_out,
                  SyntaxErrorInfo *err);

#endif
