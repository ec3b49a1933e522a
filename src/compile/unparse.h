// unparse.h - an expression's source text, as CPython's ast_unparse.c
// writes it: what `from __future__ import annotations` stores in
// __annotations__ (src/compile/unparse.c).
#ifndef KRAIT_UNPARSE_H
#define KRAIT_UNPARSE_H

#include "../parse/ast.h"
#include "../runtime/arena.h"

// The text of e (UTF-8, NUL-terminated, in the arena), or NULL with an
// exception pending (MemoryError, or a repr that failed).
const char *unparse_expr(Arena *arena, const Node *e);

#endif
