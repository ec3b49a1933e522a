// ast.h - the abstract syntax tree: the whole data model of the front end.
//
// The tree mirrors CPython 3.11's Python.asdl node for node and field for
// field, because `ast.dump`, the `_ast` module and the compiler all speak in
// those terms. Every node is a `Node` with a kind tag and a union of per-kind
// field structs; every list is a `Seq`. All of it lives in one Arena.
//
// Positions follow CPython: lineno is 1-based, col_offset is a 0-based *UTF-8
// byte* offset into the line, end_* point one past the last byte. Node
// categories without positions in the ASDL (mod, comprehension, arguments,
// withitem, match_case) leave them 0 and ast_has_attributes() says no.
//
// ORDER AST_KINDS: the field table in ast.c is indexed by NodeKind.
#ifndef KRAIT_AST_H
#define KRAIT_AST_H

#include <stddef.h>
#include <stdint.h>

#include "../runtime/arena.h"

typedef struct Node Node;

// An arena-allocated array. Items are Node* unless the field says otherwise
// (identifier lists hold `const char *`, cmpop lists hold CmpOp as intptr_t).
typedef struct Seq {
    int n;
    void *a[];
} Seq;

// Identifiers: NUL-terminated UTF-8 in the arena, already NFKC-normalized.
typedef const char *Ident;

// ---- node kinds --------------------------------------------------------
// _(Name, category)
#define AST_KINDS(_)                                                           \
    _(Module, MOD) _(Interactive, MOD) _(Expression, MOD) _(FunctionType, MOD) \
    _(FunctionDef, STMT) _(AsyncFunctionDef, STMT) _(ClassDef, STMT)           \
    _(Return, STMT) _(Delete, STMT) _(Assign, STMT) _(AugAssign, STMT)         \
    _(AnnAssign, STMT) _(For, STMT) _(AsyncFor, STMT) _(While, STMT)           \
    _(If, STMT) _(With, STMT) _(AsyncWith, STMT) _(Match, STMT)                \
    _(Raise, STMT) _(Try, STMT) _(TryStar, STMT) _(Assert, STMT)               \
    _(Import, STMT) _(ImportFrom, STMT) _(Global, STMT) _(Nonlocal, STMT)      \
    _(Expr, STMT) _(Pass, STMT) _(Break, STMT) _(Continue, STMT)               \
    _(BoolOp, EXPR) _(NamedExpr, EXPR) _(BinOp, EXPR) _(UnaryOp, EXPR)         \
    _(Lambda, EXPR) _(IfExp, EXPR) _(Dict, EXPR) _(Set, EXPR)                  \
    _(ListComp, EXPR) _(SetComp, EXPR) _(DictComp, EXPR)                       \
    _(GeneratorExp, EXPR) _(Await, EXPR) _(Yield, EXPR) _(YieldFrom, EXPR)     \
    _(Compare, EXPR) _(Call, EXPR) _(FormattedValue, EXPR)                     \
    _(JoinedStr, EXPR) _(Constant, EXPR) _(Attribute, EXPR)                    \
    _(Subscript, EXPR) _(Starred, EXPR) _(Name, EXPR) _(List, EXPR)            \
    _(Tuple, EXPR) _(Slice, EXPR)                                              \
    _(comprehension, MISC) _(ExceptHandler, MISC_POS) _(arguments, MISC)       \
    _(arg, MISC_POS) _(keyword, MISC_POS) _(alias, MISC_POS) _(withitem, MISC) \
    _(match_case, MISC)                                                        \
    _(MatchValue, PATTERN) _(MatchSingleton, PATTERN)                          \
    _(MatchSequence, PATTERN) _(MatchMapping, PATTERN) _(MatchClass, PATTERN)  \
    _(MatchStar, PATTERN) _(MatchAs, PATTERN) _(MatchOr, PATTERN)              \
    _(TypeIgnore, MISC)

typedef enum NodeKind {
#define AST_ENUM_(name, cat) NK_##name,
    AST_KINDS(AST_ENUM_)
#undef AST_ENUM_
    NK__COUNT
} NodeKind;

// ---- the small enums (singleton nodes in Python's ast) -----------------
#define AST_EXPR_CONTEXTS(_) _(Load) _(Store) _(Del)
#define AST_BOOLOPS(_) _(And) _(Or)
#define AST_OPERATORS(_)                                                        \
    _(Add) _(Sub) _(Mult) _(MatMult) _(Div) _(Mod) _(Pow) _(LShift) _(RShift) \
    _(BitOr) _(BitXor) _(BitAnd) _(FloorDiv)
#define AST_UNARYOPS(_) _(Invert) _(Not) _(UAdd) _(USub)
#define AST_CMPOPS(_) _(Eq) _(NotEq) _(Lt) _(LtE) _(Gt) _(GtE) _(Is) _(IsNot) _(In) _(NotIn)

#define AST_ENUM_(name) CTX_##name,
typedef enum ExprContext { AST_EXPR_CONTEXTS(AST_ENUM_) } ExprContext;
#undef AST_ENUM_
#define AST_ENUM_(name) BOOL_##name,
typedef enum BoolOpKind { AST_BOOLOPS(AST_ENUM_) } BoolOpKind;
#undef AST_ENUM_
#define AST_ENUM_(name) OP_##name,
typedef enum OperatorKind { AST_OPERATORS(AST_ENUM_) } OperatorKind;
#undef AST_ENUM_
#define AST_ENUM_(name) UNARY_##name,
typedef enum UnaryOpKind { AST_UNARYOPS(AST_ENUM_) } UnaryOpKind;
#undef AST_ENUM_
#define AST_ENUM_(name) CMP_##name,
typedef enum CmpOpKind { AST_CMPOPS(AST_ENUM_) } CmpOpKind;
#undef AST_ENUM_

// ---- constants ---------------------------------------------------------
// The value of a Constant / MatchSingleton, in raw form. The compiler turns
// these into runtime Values; ast_dump prints them with the runtime's reprs.
typedef enum ConstKind {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT,      // fits int64: .i
    CONST_BIGINT,   // .big: magnitude limbs (GMP order, least significant first), always > INT64_MAX
    CONST_FLOAT,    // .f
    CONST_COMPLEX,  // .f is the imaginary part; the real part is 0.0
    CONST_STR,      // .str: generalized UTF-8 (lone surrogates as 3-byte sequences)
    CONST_BYTES,    // .str: raw bytes
    // .obj: any other value (a Value: tuple, frozenset, negative int, complex
    // with a real part...). Only in trees converted from ast node objects
    // (compile() of an AST); whoever made the tree keeps the object alive.
    CONST_OBJECT,
} ConstKind;

typedef struct ConstValue {
    ConstKind kind;
    union {
        int64_t i;
        double f;
        struct { const char *s; size_t len; } str;
        struct { const uint64_t *limbs; int n; } big;
        uint64_t obj;  // a Value (runtime/value.h)
    };
} ConstValue;

// ---- the node ----------------------------------------------------------
struct Node {
    uint16_t kind;  // NodeKind
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        // mod
        struct { Seq *body, *type_ignores; } Module;
        struct { Seq *body; } Interactive;
        struct { Node *body; } Expression;
        struct { Seq *argtypes; Node *returns; } FunctionType;
        // stmt (FunctionDef and AsyncFunctionDef share a layout; so do the
        // For, With and Try pairs: code may use either member)
        struct { Ident name; Node *args; Seq *body, *decorator_list; Node *returns;
                 const char *type_comment; } FunctionDef, AsyncFunctionDef;
        struct { Ident name; Seq *bases, *keywords, *body, *decorator_list; } ClassDef;
        struct { Node *value; } Return;
        struct { Seq *targets; } Delete;
        struct { Seq *targets; Node *value; const char *type_comment; } Assign;
        struct { Node *target; OperatorKind op; Node *value; } AugAssign;
        struct { Node *target, *annotation, *value; int simple; } AnnAssign;
        struct { Node *target, *iter; Seq *body, *orelse; const char *type_comment; } For, AsyncFor;
        struct { Node *test; Seq *body, *orelse; } While, If;
        struct { Seq *items, *body; const char *type_comment; } With, AsyncWith;
        struct { Node *subject; Seq *cases; } Match;
        struct { Node *exc, *cause; } Raise;
        struct { Seq *body, *handlers, *orelse, *finalbody; } Try, TryStar;
        struct { Node *test, *msg; } Assert;
        struct { Seq *names; } Import;
        struct { Ident module; Seq *names; int level; } ImportFrom;
        struct { Seq *names; } Global, Nonlocal;  // Seq of Ident
        struct { Node *value; } Expr;
        // expr
        struct { BoolOpKind op; Seq *values; } BoolOp;
        struct { Node *target, *value; } NamedExpr;
        struct { Node *left; OperatorKind op; Node *right; } BinOp;
        struct { UnaryOpKind op; Node *operand; } UnaryOp;
        struct { Node *args, *body; } Lambda;
        struct { Node *test, *body, *orelse; } IfExp;
        struct { Seq *keys, *values; } Dict;  // a NULL key is `**value`
        struct { Seq *elts; } Set;
        struct { Node *elt; Seq *generators; } ListComp, SetComp, GeneratorExp;
        struct { Node *key, *value; Seq *generators; } DictComp;
        struct { Node *value; } Await, Yield, YieldFrom;
        struct { Node *left; Seq *ops, *comparators; } Compare;  // ops: CmpOpKind as intptr_t
        struct { Node *func; Seq *args, *keywords; } Call;
        struct { Node *value; int conversion; Node *format_spec; } FormattedValue;
        struct { Seq *values; } JoinedStr;
        struct { ConstValue value; const char *kind; } Constant;
        struct { Node *value; Ident attr; ExprContext ctx; } Attribute;
        struct { Node *value, *slice; ExprContext ctx; } Subscript;
        struct { Node *value; ExprContext ctx; } Starred;
        struct { Ident id; ExprContext ctx; } Name;
        struct { Seq *elts; ExprContext ctx; } List, Tuple;
        struct { Node *lower, *upper, *step; } Slice;
        // misc
        struct { Node *target, *iter; Seq *ifs; int is_async; } comprehension;
        struct { Node *type; Ident name; Seq *body; } ExceptHandler;
        struct { Seq *posonlyargs, *args; Node *vararg; Seq *kwonlyargs, *kw_defaults;
                 Node *kwarg; Seq *defaults; } arguments;  // kw_defaults may hold NULLs
        struct { Ident arg; Node *annotation; const char *type_comment; } arg;
        struct { Ident arg; Node *value; } keyword;
        struct { Ident name, asname; } alias;
        struct { Node *context_expr, *optional_vars; } withitem;
        struct { Node *pattern, *guard; Seq *body; } match_case;
        // pattern
        struct { Node *value; } MatchValue;
        struct { ConstValue value; } MatchSingleton;
        struct { Seq *patterns; } MatchSequence, MatchOr;
        struct { Seq *keys, *patterns; Ident rest; } MatchMapping;
        struct { Node *cls; Seq *patterns, *kwd_attrs, *kwd_patterns; } MatchClass;
        struct { Ident name; } MatchStar;
        struct { Node *pattern; Ident name; } MatchAs;
        struct { int lineno; const char *tag; } TypeIgnore;
    } v;
};

// ---- reflection: what ast.dump and the future _ast module need ---------
typedef enum FieldType {
    FT_NODE,        // Node*, required
    FT_NODE_OPT,    // Node*, may be NULL (printed only when set)
    FT_SEQ,         // Seq* of Node* (NULL items print as None)
    FT_IDENT,       // Ident, required
    FT_IDENT_OPT,   // Ident, may be NULL
    FT_IDENT_SEQ,   // Seq* of Ident
    FT_STR_OPT,     // const char *, may be NULL (type_comment, Constant.kind)
    FT_STR,         // const char *, required (TypeIgnore.tag)
    FT_INT,         // int
    FT_CONST,       // ConstValue
    FT_CTX,         // ExprContext
    FT_BOOLOP,      // BoolOpKind
    FT_OPERATOR,    // OperatorKind
    FT_UNARYOP,     // UnaryOpKind
    FT_CMPOP_SEQ,   // Seq* of CmpOpKind
} FieldType;

typedef struct FieldInfo {
    const char *name;
    FieldType type;
    uint16_t offset;  // offsetof(Node, v.<Kind>.<field>)
} FieldInfo;

typedef struct NodeInfo {
    const char *name;       // the Python class name
    const FieldInfo *fields;
    uint8_t nfields;
    uint8_t has_attributes; // lineno/col_offset/end_lineno/end_col_offset
} NodeInfo;

extern const NodeInfo ast_node_info[NK__COUNT];
extern const char *const ast_ctx_names[];
extern const char *const ast_boolop_names[];
extern const char *const ast_operator_names[];
extern const char *const ast_unaryop_names[];
extern const char *const ast_cmpop_names[];

// ---- construction helpers (all arena-allocated; NULL means out of memory)
Node *ast_node(Arena *a, NodeKind kind, int lineno, int col, int end_lineno, int end_col);
Seq *ast_seq(Arena *a, int n);

// CPython's ast.parse converts the tree to Python objects recursively and
// raises RecursionError("maximum recursion depth exceeded during ast
// construction") past about this many nested nodes (3 x the default
// recursion limit of 1000, less the frames already active).
enum { AST_CONSTRUCTION_DEPTH_LIMIT = 2990 };
// 1 if some path from root has more than `limit` nodes, 0 if not, -1 on OOM.
int ast_deeper_than(const Node *root, int limit);

#endif
