// astmodule.h - the `_ast` module (astmodule.c): the node classes of
// Python's ast, and the conversions between them and the parser's tree
// that compile() uses for PyCF_ONLY_AST and for compiling an AST object.
#ifndef KRAIT_ASTMODULE_H
#define KRAIT_ASTMODULE_H

#include "../parse/ast.h"
#include "../runtime/object.h"

// CPython's compiler flags that _ast exports (PyCF_*).
enum {
    AST_PYCF_ONLY_AST = 0x400,
    AST_PYCF_TYPE_COMMENTS = 0x1000,
    AST_PYCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000,
};

extern Type type_ast;  // ast.AST

// The node objects of a parsed tree (what ast.parse returns), making the
// classes first if _ast was never imported. 0 with an exception.
Value ast_tree_to_object(const Node *mod);

// compile() of an AST object: the parser tree of `obj`, which must be a
// Module (mode 0, 'exec'), Expression (1, 'eval') or Interactive (2,
// 'single'), converted into `arena` and validated as CPython does (TypeError
// and ValueError with its messages). *keep receives a list of the objects
// the tree refers to (CONST_OBJECT constants): keep it alive until the tree
// is compiled. NULL with the exception set.
Node *ast_object_to_tree(Arena *arena, Value obj, int mode, Value *keep);

#endif
