// ast.c - the field table of every node kind, and node allocation.
#include "ast.h"

#include <stdlib.h>
#include <string.h>

#define F(kind, field, type) {#field, FT_##type, (uint16_t)offsetof(Node, v.kind.field)}

static const FieldInfo f_Module[] = {F(Module, body, SEQ), F(Module, type_ignores, SEQ)};
static const FieldInfo f_Interactive[] = {F(Interactive, body, SEQ)};
static const FieldInfo f_Expression[] = {F(Expression, body, NODE)};
static const FieldInfo f_FunctionType[] = {F(FunctionType, argtypes, SEQ),
                                           F(FunctionType, returns, NODE)};
static const FieldInfo f_FunctionDef[] = {
    F(FunctionDef, name, IDENT), F(FunctionDef, args, NODE), F(FunctionDef, body, SEQ),
    F(FunctionDef, decorator_list, SEQ), F(FunctionDef, returns, NODE_OPT),
    F(FunctionDef, type_comment, STR_OPT)};
static const FieldInfo f_ClassDef[] = {
    F(ClassDef, name, IDENT), F(ClassDef, bases, SEQ), F(ClassDef, keywords, SEQ),
    F(ClassDef, body, SEQ), F(ClassDef, decorator_list, SEQ)};
static const FieldInfo f_Return[] = {F(Return, value, NODE_OPT)};
static const FieldInfo f_Delete[] = {F(Delete, targets, SEQ)};
static const FieldInfo f_Assign[] = {F(Assign, targets, SEQ), F(Assign, value, NODE),
                                     F(Assign, type_comment, STR_OPT)};
static const FieldInfo f_AugAssign[] = {F(AugAssign, target, NODE), F(AugAssign, op, OPERATOR),
                                        F(AugAssign, value, NODE)};
static const FieldInfo f_AnnAssign[] = {F(AnnAssign, target, NODE), F(AnnAssign, annotation, NODE),
                                        F(AnnAssign, value, NODE_OPT), F(AnnAssign, simple, INT)};
static const FieldInfo f_For[] = {F(For, target, NODE), F(For, iter, NODE), F(For, body, SEQ),
                                  F(For, orelse, SEQ), F(For, type_comment, STR_OPT)};
static const FieldInfo f_While[] = {F(While, test, NODE), F(While, body, SEQ), F(While, orelse, SEQ)};
static const FieldInfo f_If[] = {F(If, test, NODE), F(If, body, SEQ), F(If, orelse, SEQ)};
static const FieldInfo f_With[] = {F(With, items, SEQ), F(With, body, SEQ),
                                   F(With, type_comment, STR_OPT)};
static const FieldInfo f_Match[] = {F(Match, subject, NODE), F(Match, cases, SEQ)};
static const FieldInfo f_Raise[] = {F(Raise, exc, NODE_OPT), F(Raise, cause, NODE_OPT)};
static const FieldInfo f_Try[] = {F(Try, body, SEQ), F(Try, handlers, SEQ), F(Try, orelse, SEQ),
                                  F(Try, finalbody, SEQ)};
static const FieldInfo f_Assert[] = {F(Assert, test, NODE), F(Assert, msg, NODE_OPT)};
static const FieldInfo f_Import[] = {F(Import, names, SEQ)};
static const FieldInfo f_ImportFrom[] = {F(ImportFrom, module, IDENT_OPT),
                                         F(ImportFrom, names, SEQ), F(ImportFrom, level, INT)};
static const FieldInfo f_Global[] = {F(Global, names, IDENT_SEQ)};
static const FieldInfo f_Expr[] = {F(Expr, value, NODE)};
static const FieldInfo f_BoolOp[] = {F(BoolOp, op, BOOLOP), F(BoolOp, values, SEQ)};
static const FieldInfo f_NamedExpr[] = {F(NamedExpr, target, NODE), F(NamedExpr, value, NODE)};
static const FieldInfo f_BinOp[] = {F(BinOp, left, NODE), F(BinOp, op, OPERATOR),
                                    F(BinOp, right, NODE)};
static const FieldInfo f_UnaryOp[] = {F(UnaryOp, op, UNARYOP), F(UnaryOp, operand, NODE)};
static const FieldInfo f_Lambda[] = {F(Lambda, args, NODE), F(Lambda, body, NODE)};
static const FieldInfo f_IfExp[] = {F(IfExp, test, NODE), F(IfExp, body, NODE),
                                    F(IfExp, orelse, NODE)};
static const FieldInfo f_Dict[] = {F(Dict, keys, SEQ), F(Dict, values, SEQ)};
static const FieldInfo f_Set[] = {F(Set, elts, SEQ)};
static const FieldInfo f_ListComp[] = {F(ListComp, elt, NODE), F(ListComp, generators, SEQ)};
static const FieldInfo f_DictComp[] = {F(DictComp, key, NODE), F(DictComp, value, NODE),
                                       F(DictComp, generators, SEQ)};
static const FieldInfo f_Await[] = {F(Await, value, NODE)};
static const FieldInfo f_Yield[] = {F(Yield, value, NODE_OPT)};
static const FieldInfo f_Compare[] = {F(Compare, left, NODE), F(Compare, ops, CMPOP_SEQ),
                                      F(Compare, comparators, SEQ)};
static const FieldInfo f_Call[] = {F(Call, func, NODE), F(Call, args, SEQ), F(Call, keywords, SEQ)};
static const FieldInfo f_FormattedValue[] = {F(FormattedValue, value, NODE),
                                             F(FormattedValue, conversion, INT),
                                             F(FormattedValue, format_spec, NODE_OPT)};
static const FieldInfo f_JoinedStr[] = {F(JoinedStr, values, SEQ)};
static const FieldInfo f_Constant[] = {F(Constant, value, CONST), F(Constant, kind, STR_OPT)};
static const FieldInfo f_Attribute[] = {F(Attribute, value, NODE), F(Attribute, attr, IDENT),
                                        F(Attribute, ctx, CTX)};
static const FieldInfo f_Subscript[] = {F(Subscript, value, NODE), F(Subscript, slice, NODE),
                                        F(Subscript, ctx, CTX)};
static const FieldInfo f_Starred[] = {F(Starred, value, NODE), F(Starred, ctx, CTX)};
static const FieldInfo f_Name[] = {F(Name, id, IDENT), F(Name, ctx, CTX)};
static const FieldInfo f_List[] = {F(List, elts, SEQ), F(List, ctx, CTX)};
static const FieldInfo f_Slice[] = {F(Slice, lower, NODE_OPT), F(Slice, upper, NODE_OPT),
                                    F(Slice, step, NODE_OPT)};
static const FieldInfo f_comprehension[] = {
    F(comprehension, target, NODE), F(comprehension, iter, NODE), F(comprehension, ifs, SEQ),
    F(comprehension, is_async, INT)};
static const FieldInfo f_ExceptHandler[] = {F(ExceptHandler, type, NODE_OPT),
                                            F(ExceptHandler, name, IDENT_OPT),
                                            F(ExceptHandler, body, SEQ)};
static const FieldInfo f_arguments[] = {
    F(arguments, posonlyargs, SEQ), F(arguments, args, SEQ), F(arguments, vararg, NODE_OPT),
    F(arguments, kwonlyargs, SEQ), F(arguments, kw_defaults, SEQ), F(arguments, kwarg, NODE_OPT),
    F(arguments, defaults, SEQ)};
static const FieldInfo f_arg[] = {F(arg, arg, IDENT), F(arg, annotation, NODE_OPT),
                                  F(arg, type_comment, STR_OPT)};
static const FieldInfo f_keyword[] = {F(keyword, arg, IDENT_OPT), F(keyword, value, NODE)};
static const FieldInfo f_alias[] = {F(alias, name, IDENT), F(alias, asname, IDENT_OPT)};
static const FieldInfo f_withitem[] = {F(withitem, context_expr, NODE),
                                       F(withitem, optional_vars, NODE_OPT)};
static const FieldInfo f_match_case[] = {F(match_case, pattern, NODE),
                                         F(match_case, guard, NODE_OPT), F(match_case, body, SEQ)};
static const FieldInfo f_MatchValue[] = {F(MatchValue, value, NODE)};
static const FieldInfo f_MatchSingleton[] = {F(MatchSingleton, value, CONST)};
static const FieldInfo f_MatchSequence[] = {F(MatchSequence, patterns, SEQ)};
static const FieldInfo f_MatchMapping[] = {F(MatchMapping, keys, SEQ),
                                           F(MatchMapping, patterns, SEQ),
                                           F(MatchMapping, rest, IDENT_OPT)};
static const FieldInfo f_MatchClass[] = {F(MatchClass, cls, NODE), F(MatchClass, patterns, SEQ),
                                         F(MatchClass, kwd_attrs, IDENT_SEQ),
                                         F(MatchClass, kwd_patterns, SEQ)};
static const FieldInfo f_MatchStar[] = {F(MatchStar, name, IDENT_OPT)};
static const FieldInfo f_MatchAs[] = {F(MatchAs, pattern, NODE_OPT), F(MatchAs, name, IDENT_OPT)};
static const FieldInfo f_TypeIgnore[] = {F(TypeIgnore, lineno, INT), F(TypeIgnore, tag, STR)};

#undef F

// Kinds that share another kind's layout reuse its field table.
#define f_AsyncFunctionDef f_FunctionDef
#define f_AsyncFor f_For
#define f_AsyncWith f_With
#define f_TryStar f_Try
#define f_Nonlocal f_Global
#define f_SetComp f_ListComp
#define f_GeneratorExp f_ListComp
#define f_YieldFrom f_Await
#define f_Tuple f_List
#define f_MatchOr f_MatchSequence

static const FieldInfo f_Pass[] = {};
#define f_Break f_Pass
#define f_Continue f_Pass

// Which categories carry lineno/col_offset/end_lineno/end_col_offset.
#define HAS_ATTRS_MOD 0
#define HAS_ATTRS_STMT 1
#define HAS_ATTRS_EXPR 1
#define HAS_ATTRS_PATTERN 1
#define HAS_ATTRS_MISC 0
#define HAS_ATTRS_MISC_POS 1

const NodeInfo ast_node_info[NK__COUNT] = {
#define NODE_INFO_(name, cat) \
    [NK_##name] = {#name, f_##name, (uint8_t)(sizeof(f_##name) / sizeof(FieldInfo)), HAS_ATTRS_##cat},
    AST_KINDS(NODE_INFO_)
#undef NODE_INFO_
};

#define NAME_(name) #name,
const char *const ast_ctx_names[] = {AST_EXPR_CONTEXTS(NAME_)};
const char *const ast_boolop_names[] = {AST_BOOLOPS(NAME_)};
const char *const ast_operator_names[] = {AST_OPERATORS(NAME_)};
const char *const ast_unaryop_names[] = {AST_UNARYOPS(NAME_)};
const char *const ast_cmpop_names[] = {AST_CMPOPS(NAME_)};
#undef NAME_

Node *ast_node(Arena *a, NodeKind kind, int lineno, int col, int end_lineno, int end_col) {
    Node *n = arena_alloc(a, sizeof(Node));
    if (n) {
        n->kind = (uint16_t)kind;
        n->lineno = lineno;
        n->col_offset = col;
        n->end_lineno = end_lineno;
        n->end_col_offset = end_col;
    }
    return n;
}

Seq *ast_seq(Arena *a, int n) {
    Seq *s = arena_alloc(a, sizeof(Seq) + (size_t)n * sizeof(void *));
    if (s) {
        s->n = n;
    }
    return s;
}

// Depth of the tree, counting every node as CPython's AST-to-object
// conversion does (ast.parse raises RecursionError past its limit). Walks
// with an explicit stack: the tree may be far deeper than the C stack allows.
// Returns 1 when some path is longer than `limit` nodes, 0 if not, -1 when
// out of memory.
int ast_deeper_than(const Node *root, int limit) {
    typedef struct { const Node *n; int depth; } Item;
    size_t cap = 256, sp = 0;
    Item *stack = malloc(cap * sizeof(Item));
    if (!stack) {
        return -1;
    }
    int result = 0;
    stack[sp++] = (Item){root, 1};
    while (sp) {
        Item it = stack[--sp];
        if (it.depth > limit) {
            result = 1;
            break;
        }
        const NodeInfo *info = &ast_node_info[it.n->kind];
        for (int f = 0; f < info->nfields; f++) {
            const FieldInfo *fi = &info->fields[f];
            const char *field = (const char *)it.n + fi->offset;
            const Node *child = NULL;
            const Seq *seq = NULL;
            if (fi->type == FT_NODE || fi->type == FT_NODE_OPT) {
                memcpy(&child, field, sizeof child);
            } else if (fi->type == FT_SEQ) {
                memcpy(&seq, field, sizeof seq);
            } else {
                continue;
            }
            int n = seq ? seq->n : (child ? 1 : 0);
            for (int i = 0; i < n; i++) {
                const Node *c = seq ? seq->a[i] : child;
                if (!c) {
                    continue;
                }
                if (sp == cap) {
                    cap *= 2;
                    Item *bigger = realloc(stack, cap * sizeof(Item));
                    if (!bigger) {
                        free(stack);
                        return -1;
                    }
                    stack = bigger;
                }
                stack[sp++] = (Item){c, it.depth + 1};
            }
        }
    }
    free(stack);
    return result;
}
