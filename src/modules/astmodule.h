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

#endif
