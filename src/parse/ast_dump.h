// ast_dump.h - the text of CPython 3.11's ast.dump() for a krait AST.
#ifndef KRAIT_AST_DUMP_H
#define KRAIT_AST_DUMP_H

#include "../runtime/strbuf.h"
#include "ast.h"

// Append exactly what `ast.dump(node, include_attributes=...)` prints (with
// annotate_fields=True and no indent) for the equivalent Python AST.
void ast_dump(StrBuf *out, const Node *node, int include_attributes);

// Append repr() of a constant's value ("None", "1", "1.5", "2j", "'s'", "b'x'").
void ast_dump_constant(StrBuf *out, const ConstValue *value);

#endif
