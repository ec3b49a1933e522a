// parser.c - tokens -> AST: a hand-written recursive-descent parser for the
// Python 3.11 grammar.
//
// CPython 3.11 parses with a generated PEG parser. krait follows the same
// grammar (Grammar/python.gram, 3.11) rule by rule, by hand, because the
// observable results depend on its details:
//
// * Node positions. A node built by a grammar rule starts at the first token
//   the rule consumed and ends at the last non-whitespace token it consumed
//   (NEWLINE/INDENT/DEDENT are skipped going backwards). So `(a) + b` is a
//   BinOp starting at the parenthesis while its left operand `a` starts one
//   column later, and a decorated `def` starts at `def`. Every function here
//   records the index of its first token and builds nodes with node_at().
//
// * Two passes. Like CPython, the first pass parses without any of the
//   grammar's `invalid_*` rules; rules fail softly (return NULL, no error)
//   and the caller backtracks by resetting `p->pos`. Only a tokenizer error,
//   a bad literal or an explicit check raises (`p->error`). If the first pass
//   fails softly, the parser starts over with `p->invalid_pass` set, which
//   enables the checks that produce CPython's specific messages ("cannot
//   assign to literal", "expected ':'", ...). If that pass finds nothing
//   specific either, the error is the generic "invalid syntax" at the last
//   token the first pass fetched - which is why the token array remembers how
//   far any lookahead reached.
//
// * Parsing targets. Assignment targets are parsed as expressions first and
//   then checked and switched to Store/Del context (set_context), which gives
//   the same nodes and positions as CPython's separate target rules, with one
//   pass over the tokens.
//
// All nodes and sequences live in the arena. Lists are built on a scratch
// stack (p->stack) and copied into an arena Seq when complete, so nothing is
// malloc'ed per node.
#include "parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/strbuf.h"
#include "../runtime/unicode.h"
#include "parser_internal.h"

// CPython's parser stack limit: deeper input raises MemoryError.
enum { MAX_DEPTH = 6000 };

struct Parser {
    Arena *arena;
    Tokenizer *tok;
    Token *toks;       // every token fetched so far
    int fill, cap;     // tokens fetched / capacity
    int pos;           // the next token to consume
    int error;         // a hard error is recorded in *err
    int tok_done;      // the tokenizer stopped (error or at_eof); no more fetching
    int single;        // 'single' mode: the first ENDMARKER after a token is a NEWLINE
    int invalid_pass;  // second pass: check the grammar's invalid_* rules
    int depth;
    SyntaxErrorInfo *err;
    void **stack;      // scratch stack for building sequences
    int sp, stack_cap;
    int in_fstring;    // this parser parses an f-string replacement field
    int level;         // bracket depth after the last fetched token
    int fstring_col;   // f-string sub-parser: its starting column shift
    int err_from_tok;  // the recorded error came from the tokenizer
    Parser *parent;
    struct MemoEntry *memo;  // second-pass memo table (open addressing)
    int memo_cap, memo_count;
};

static Node *expression(Parser *p);
static Node *star_expressions(Parser *p);
static Node *star_named_expression(Parser *p);
static Node *named_expression(Parser *p);
static Node *yield_expr(Parser *p);
static Node *disjunction(Parser *p);
static Node *bitwise_or(Parser *p);
static Node *primary(Parser *p);
static Node *atom(Parser *p);
static Seq *block(Parser *p, const char *what, int what_line);
static Seq *statements(Parser *p);
static Node *pattern(Parser *p);
static Node *lambdef(Parser *p);
static Seq *for_if_clauses(Parser *p);
static Node *params(Parser *p, int is_lambda);
static Node *star_targets(Parser *p);
static Seq *statement_newline(Parser *p);
static Node *func_type_rule(Parser *p);
static Node *fstring_rule(Parser *p);
static Node *match_stmt(Parser *p);

// ---- tokens ------------------------------------------------------------

static void no_memory(Parser *p);

static Token error_token;  // returned once the tokenizer has stopped

// Take over the tokenizer's error report, keeping the warnings recorded so far.
static void copy_tok_error(Parser *p, const SyntaxErrorInfo *e) {
    FrontWarning *first = p->err->warnings, *last = p->err->warnings_last;
    *p->err = *e;
    p->err->warnings = first;
    p->err->warnings_last = last;
}

static void record_tok_error(Parser *p) {
    SyntaxErrorInfo *e = tok_error(p->tok);
    if (!p->err->set) {
        copy_tok_error(p, e);
        p->err->set = 1;
        p->err_from_tok = 1;
    }
    p->error = 1;
}

static int fetch(Parser *p) {
    if (p->tok_done) {
        return 0;
    }
    if (p->fill == p->cap) {
        int cap = p->cap ? p->cap * 2 : 256;
        Token *t = realloc(p->toks, (size_t)cap * sizeof(Token));
        if (!t) {
            p->err->set = 1;
            p->err->kind = SE_MEMORY;
            p->err->msg[0] = 0;
            p->error = 1;
            p->tok_done = 1;
            return 0;
        }
        p->toks = t;
        p->cap = cap;
    }
    Token *t = &p->toks[p->fill];
    if (tok_next(p->tok, t) < 0) {
        p->tok_done = 1;
        record_tok_error(p);
        return 0;
    }
    if (p->single) {
        // CPython's parser ends an interactive statement that has no final
        // newline: an ENDMARKER right after another token becomes a NEWLINE
        // and the open blocks get their DEDENTs (p->single 2: a token came).
        if (t->type == T_ENDMARKER && p->single == 2) {
            t->type = T_NEWLINE;
            p->single = 1;
            tok_imply_dedents(p->tok);
        } else {
            p->single = 2;
        }
    }
    switch (t->type) {
    case T_LPAR: case T_LSQB: case T_LBRACE:
        p->level++;
        break;
    case T_RPAR: case T_RSQB: case T_RBRACE:
        p->level--;
        break;
    default:
        break;
    }
    t->level = p->level;
    p->fill++;
    return 1;
}

static __attribute__((noinline)) Token *tok_at_slow(Parser *p, int i) {
    while (p->fill <= i) {
        if (!fetch(p)) {
            error_token.type = T_ERRORTOKEN;
            return &error_token;
        }
    }
    return &p->toks[i];
}

static inline Token *tok_at(Parser *p, int i) {
    if (__builtin_expect(i < p->fill, 1)) {
        return &p->toks[i];
    }
    return tok_at_slow(p, i);
}

#define CUR() tok_at(p, p->pos)
static inline int cur_type(Parser *p) { return CUR()->type; }
static inline int peek_type(Parser *p, int k) { return tok_at(p, p->pos + k)->type; }
static inline int is_kw(Parser *p, Keyword kw) {
    Token *t = CUR();
    return t->type == T_NAME && t->kw == kw;
}
static inline int is_type(Parser *p, TokenType t) { return cur_type(p) == (int)t; }

static int tok_is_name(const Token *t, const char *s) {
    size_t n = strlen(s);
    return t->type == T_NAME && t->kw == KW_NONE && (size_t)(t->end - t->start) == n &&
           memcmp(t->start, s, n) == 0;
}
static int is_soft(Parser *p, const char *s) { return tok_is_name(CUR(), s); }

static int accept(Parser *p, TokenType t) {
    if (cur_type(p) == (int)t) {
        p->pos++;
        return 1;
    }
    return 0;
}
static int accept_kw(Parser *p, Keyword kw) {
    if (is_kw(p, kw)) {
        p->pos++;
        return 1;
    }
    return 0;
}
// A plain NAME (not a keyword).
static int is_name(Parser *p) {
    Token *t = CUR();
    return t->type == T_NAME && t->kw == KW_NONE;
}

// The last consumed token that is not NEWLINE/INDENT/DEDENT/ENDMARKER.
static Token *last_token(Parser *p) {
    for (int m = p->pos - 1; m >= 0; m--) {
        Token *t = &p->toks[m];
        if (t->type != T_ENDMARKER && t->type != T_NEWLINE && t->type != T_INDENT &&
            t->type != T_DEDENT) {
            return t;
        }
    }
    return &p->toks[0];
}

// ---- errors ------------------------------------------------------------

static void set_error_v(Parser *p, SyntaxErrorKind kind, int lineno, int col, int end_lineno,
                        int end_col, const char *fmt, va_list ap) {
    p->error = 1;
    if (p->err->set) {
        return;
    }
    SyntaxErrorInfo *e = p->err;
    FrontWarning *first = e->warnings, *last = e->warnings_last;
    memset(e, 0, sizeof *e);
    e->warnings = first;
    e->warnings_last = last;
    e->set = 1;
    e->kind = kind;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    e->lineno = lineno;
    // CPython converts byte columns to characters only when the tokenizer
    // has an encoding; a column of -1 (a token without position) gives 0.
    if (p->in_fstring) {
        // CPython reports columns relative to the "(expr)" sub-source.
        col -= p->fstring_col;
        if (end_col >= 0) {
            end_col -= p->fstring_col;
        }
    }
    size_t len = 0;
    const char *text = tok_error_text(p->tok, lineno, &len);
    // Line 0 (eval or single input with no line at all) has an empty text.
    e->text = text ? arena_strndup(p->arena, text, len) : lineno == 0 ? "" : NULL;
    // A column of -1 (a token without position) gives offset 0.
    e->offset = col < 0 ? col + 1 : tok_error_col(p->tok, lineno, col + 1);
    e->end_lineno = end_lineno;
    if (end_lineno > 0 && end_col >= 0) {
        e->end_offset = tok_error_col(p->tok, end_lineno, end_col + 1);
    } else {
        e->end_lineno = end_lineno > 0 ? end_lineno : 0;
        e->end_offset = end_col < 0 ? -1 : 0;
    }
}

static void raise_last_v(Parser *p, SyntaxErrorKind kind, const char *fmt, va_list ap);

void *parser_error_at(Parser *p, int lineno, int col_offset, int end_lineno, int end_col_offset,
                      const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (lineno == 0) {
        // CPython reports string-literal errors at the last token fetched.
        raise_last_v(p, SE_SYNTAX, fmt, ap);
    } else {
        set_error_v(p, SE_SYNTAX, lineno, col_offset, end_lineno, end_col_offset, fmt, ap);
    }
    va_end(ap);
    return NULL;
}

void parser_warning(Parser *p, FrontWarningKind kind, int lineno, int col_offset,
                    int end_lineno, int end_col_offset, const char *msg) {
    front_warning(p->arena, p->err, kind, lineno, col_offset + 1, end_lineno, end_col_offset + 1,
                  "%s", msg);
}

void *parser_no_memory(Parser *p) {
    no_memory(p);
    return NULL;
}

// Raise at a node's location (RAISE_SYNTAX_ERROR_KNOWN_LOCATION).
static void *raise_node(Parser *p, const Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    set_error_v(p, SE_SYNTAX, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

// Raise spanning from node a's start to node b's end (KNOWN_RANGE).
static void *raise_range(Parser *p, const Node *a, const Node *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    set_error_v(p, SE_SYNTAX, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

// At a token's known location (CPython's RAISE_ERROR_KNOWN_LOCATION): a
// token without an end column (ENDMARKER...) gets end_offset 0 there, where
// errors at the last token (raise_last_v) keep -1.
static void known_end(Parser *p, int was_set, int end_col) {
    if (!was_set && p->err->set && end_col < 0) {
        p->err->end_offset = 0;
    }
}

static void *raise_tok(Parser *p, const Token *t, const char *fmt, ...) {
    int was_set = p->err->set;
    va_list ap;
    va_start(ap, fmt);
    set_error_v(p, SE_SYNTAX, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, fmt, ap);
    va_end(ap);
    known_end(p, was_set, t->end_col_offset);
    return NULL;
}

static void *raise_tok_range(Parser *p, const Token *a, const Token *b, const char *fmt, ...) {
    int was_set = p->err->set;
    va_list ap;
    va_start(ap, fmt);
    set_error_v(p, SE_SYNTAX, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset, fmt, ap);
    va_end(ap);
    known_end(p, was_set, b->end_col_offset);
    return NULL;
}

// _PyPegen_raise_error: at the last token fetched; a token without a
// position (INDENT, DEDENT, ENDMARKER) uses the tokenizer's cursor instead.
static void raise_last_v(Parser *p, SyntaxErrorKind kind, const char *fmt, va_list ap) {
    Token *t = p->fill ? &p->toks[p->fill - 1] : tok_at(p, 0);
    int col = t->col_offset;
    if (col < 0) {
        col = tok_cursor_col(p->tok) - 1;  // may be -1: offset 0, as CPython
    }
    set_error_v(p, kind, t->lineno, col, t->end_lineno, t->end_col_offset, fmt, ap);
}

static void *raise_last(Parser *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_last_v(p, SE_SYNTAX, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *raise_indent(Parser *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_last_v(p, SE_INDENTATION, fmt, ap);
    va_end(ap);
    return NULL;
}

static void no_memory(Parser *p) {
    p->error = 1;
    if (!p->err->set) {
        FrontWarning *first = p->err->warnings, *last = p->err->warnings_last;
        memset(p->err, 0, sizeof *p->err);
        p->err->warnings = first;
        p->err->warnings_last = last;
        p->err->set = 1;
        p->err->kind = SE_MEMORY;
    }
}

// Recursion guard: CPython's parser raises MemoryError past its stack limit.
#define ENTER()                          \
    do {                                 \
        if (++p->depth > MAX_DEPTH) {    \
            p->depth--;                  \
            no_memory(p);                \
            return NULL;                 \
        }                                \
    } while (0)
#define LEAVE(x)      \
    do {              \
        p->depth--;   \
        return (x);   \
    } while (0)

// ---- nodes and sequences ----------------------------------------------

// A node spanning from token `start` to the last consumed token.
static Node *node_at(Parser *p, NodeKind k, int start) {
    Token *s = &p->toks[start];
    Token *e = last_token(p);
    Node *n = ast_node(p->arena, k, s->lineno, s->col_offset, e->end_lineno, e->end_col_offset);
    if (!n) {
        no_memory(p);
    }
    return n;
}

static int push(Parser *p, void *x) {
    if (p->sp == p->stack_cap) {
        int cap = p->stack_cap ? p->stack_cap * 2 : 256;
        void **s = realloc(p->stack, (size_t)cap * sizeof(void *));
        if (!s) {
            no_memory(p);
            return 0;
        }
        p->stack = s;
        p->stack_cap = cap;
    }
    p->stack[p->sp++] = x;
    return 1;
}

// The items pushed since `base`, as an arena Seq; pops them.
static Seq *pop_seq(Parser *p, int base) {
    int n = p->sp - base;
    Seq *s = ast_seq(p->arena, n);
    if (!s) {
        no_memory(p);
        p->sp = base;
        return NULL;
    }
    if (n) {
        memcpy(s->a, p->stack + base, (size_t)n * sizeof(void *));
    }
    p->sp = base;
    return s;
}

static Seq *empty_seq(Parser *p) {
    Seq *s = ast_seq(p->arena, 0);
    if (!s) {
        no_memory(p);
    }
    return s;
}

static Seq *seq1(Parser *p, void *x) {
    Seq *s = ast_seq(p->arena, 1);
    if (!s) {
        no_memory(p);
        return NULL;
    }
    s->a[0] = x;
    return s;
}

Arena *parser_arena(Parser *p) { return p->arena; }

// An identifier from a NAME token: NFKC-normalized when not ASCII (PEP 3131).
static Ident ident_from(Parser *p, const Token *t) {
    size_t n = (size_t)(t->end - t->start);
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)t->start[i] >= 0x80) {
            StrBuf b;
            sb_init(&b);
            uni_nfkc(&b, t->start, n);
            char *s = arena_strndup(p->arena, b.data ? b.data : "", b.len);
            sb_free(&b);
            if (!s) {
                no_memory(p);
            }
            return s;
        }
    }
    char *s = arena_strndup(p->arena, t->start, n);
    if (!s) {
        no_memory(p);
    }
    return s;
}

static Node *name_node(Parser *p, int start, ExprContext ctx) {
    Token *t = &p->toks[start];
    Node *n = ast_node(p->arena, NK_Name, t->lineno, t->col_offset, t->end_lineno,
                       t->end_col_offset);
    if (!n) {
        no_memory(p);
        return NULL;
    }
    n->v.Name.id = ident_from(p, t);
    n->v.Name.ctx = ctx;
    return n;
}

// A Name node for the current NAME token, consuming it (NULL if not a NAME).
static Node *name_tok(Parser *p) {
    if (!is_name(p)) {
        return NULL;
    }
    int start = p->pos++;
    return name_node(p, start, CTX_Load);
}

// ---- expression names for messages (_PyPegen_get_expr_name) -----------

static const char *expr_name(const Node *e) {
    switch (e->kind) {
    case NK_Attribute: return "attribute";
    case NK_Subscript: return "subscript";
    case NK_Starred: return "starred";
    case NK_Name: return "name";
    case NK_List: return "list";
    case NK_Tuple: return "tuple";
    case NK_Lambda: return "lambda";
    case NK_Call: return "function call";
    case NK_BoolOp: case NK_BinOp: case NK_UnaryOp: return "expression";
    case NK_GeneratorExp: return "generator expression";
    case NK_Yield: case NK_YieldFrom: return "yield expression";
    case NK_Await: return "await expression";
    case NK_ListComp: return "list comprehension";
    case NK_SetComp: return "set comprehension";
    case NK_DictComp: return "dict comprehension";
    case NK_Dict: return "dict literal";
    case NK_Set: return "set display";
    case NK_JoinedStr: case NK_FormattedValue: return "f-string expression";
    case NK_Constant:
        switch (e->v.Constant.value.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case NK_Compare: return "comparison";
    case NK_IfExp: return "conditional expression";
    case NK_NamedExpr: return "named expression";
    default: return "expression";
    }
}

// ---- targets -----------------------------------------------------------

typedef enum TargetsType { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS } TargetsType;

// _PyPegen_get_invalid_target: the first sub-expression that cannot be a target.
static const Node *invalid_target(const Node *e, TargetsType type) {
    if (!e) {
        return NULL;
    }
    switch (e->kind) {
    case NK_List:
    case NK_Tuple: {
        Seq *elts = e->kind == NK_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < elts->n; i++) {
            const Node *c = invalid_target(elts->a[i], type);
            if (c) {
                return c;
            }
        }
        return NULL;
    }
    case NK_Starred:
        if (type == DEL_TARGETS) {
            return e;
        }
        return invalid_target(e->v.Starred.value, type);
    case NK_Compare:
        // `for x in y in z` style: the left part may be a valid target.
        if (type == FOR_TARGETS) {
            if (e->v.Compare.ops->n && (intptr_t)e->v.Compare.ops->a[0] == CMP_In) {
                return invalid_target(e->v.Compare.left, type);
            }
            return NULL;
        }
        return e;
    case NK_Name:
    case NK_Subscript:
    case NK_Attribute:
        return NULL;
    default:
        return e;
    }
}

// Set the context of a valid target expression (recursively). Returns 0 if
// the expression cannot be a target of this kind.
static int set_context(Node *e, ExprContext ctx, int allow_star) {
    switch (e->kind) {
    case NK_Name:
        e->v.Name.ctx = ctx;
        return 1;
    case NK_Attribute:
        e->v.Attribute.ctx = ctx;
        return 1;
    case NK_Subscript:
        e->v.Subscript.ctx = ctx;
        return 1;
    case NK_Starred:
        if (!allow_star || ctx == CTX_Del) {
            return 0;
        }
        e->v.Starred.ctx = ctx;
        return set_context(e->v.Starred.value, ctx, 0);
    case NK_List:
    case NK_Tuple: {
        Seq *elts = e->kind == NK_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < elts->n; i++) {
            if (!set_context(elts->a[i], ctx, 1)) {
                return 0;
            }
        }
        if (e->kind == NK_List) {
            e->v.List.ctx = ctx;
        } else {
            e->v.Tuple.ctx = ctx;
        }
        return 1;
    }
    default:
        return 0;
    }
}

// Did parsing `e` start with a '(' that is not part of e itself?
static int parenthesized_at(Parser *p, int start, const Node *e) {
    Token *t = &p->toks[start];
    return t->type == T_LPAR && !(e->lineno == t->lineno && e->col_offset == t->col_offset);
}

// Raise the CPython error for an invalid assignment/deletion target.
static void *raise_invalid_target(Parser *p, TargetsType type, const Node *e) {
    const Node *bad = invalid_target(e, type);
    if (bad) {
        return raise_node(p, bad, type == DEL_TARGETS ? "cannot delete %s" : "cannot assign to %s",
                          expr_name(bad));
    }
    return raise_last(p, "invalid syntax");
}

#include "parser_expr.inc"
#include "parser_stmt.inc"

// ---- entry points --------------------------------------------------------

static Node *file_rule(Parser *p) {
    int start = p->pos;
    Seq *body;
    if (is_type(p, T_ENDMARKER)) {
        body = empty_seq(p);
    } else {
        body = statements(p);
        if (!body) {
            return NULL;
        }
    }
    if (!is_type(p, T_ENDMARKER)) {
        return NULL;
    }
    (void)start;
    Node *m = ast_node(p->arena, NK_Module, 0, 0, 0, 0);
    if (!m) {
        no_memory(p);
        return NULL;
    }
    m->v.Module.body = body;
    m->v.Module.type_ignores = empty_seq(p);
    return m;
}

static Node *eval_rule(Parser *p) {
    Node *e = expressions_rule(p);
    if (!e) {
        return NULL;
    }
    while (is_type(p, T_NEWLINE)) {
        p->pos++;
    }
    if (!is_type(p, T_ENDMARKER)) {
        return NULL;
    }
    Node *m = ast_node(p->arena, NK_Expression, 0, 0, 0, 0);
    if (!m) {
        no_memory(p);
        return NULL;
    }
    m->v.Expression.body = e;
    return m;
}

static Node *interactive_rule(Parser *p) {
    Seq *body = statement_newline(p);
    if (!body) {
        return NULL;
    }
    if (!p->invalid_pass && !tok_rest_is_blank(p->tok)) {
        Token *last = p->pos > 0 ? &p->toks[p->pos - 1] : CUR();
        return parser_error_at(p, last->lineno, last->col_offset, last->end_lineno,
                               last->end_col_offset,
                               "multiple statements found while compiling a single statement");
    }
    Node *m = ast_node(p->arena, NK_Interactive, 0, 0, 0, 0);
    if (!m) {
        no_memory(p);
        return NULL;
    }
    m->v.Interactive.body = body;
    return m;
}

static Node *run_rule(Parser *p, ParseMode mode) {
    switch (mode) {
    case PARSE_FILE: return file_rule(p);
    case PARSE_EVAL: return eval_rule(p);
    case PARSE_SINGLE: return interactive_rule(p);
    case PARSE_FUNC_TYPE: return func_type_rule(p);
    case PARSE_FSTRING_EXPR: return fstring_rule(p);
    }
    return NULL;
}

// After a syntax error, CPython tokenizes the rest of the input: a tokenizer
// error found there replaces the parser's error, and an unclosed bracket
// opened on an earlier line than the error is reported instead of it.
static void check_rest_of_source(Parser *p, int err_line) {
    if (p->tok_done) {
        return;
    }
    Token t;
    for (;;) {
        if (tok_next(p->tok, &t) < 0) {
            SyntaxErrorInfo *e = tok_error(p->tok);
            if (tok_error_is_raised(p->tok) || (e->at_eof && e->lineno < err_line &&
                                                strstr(e->msg, "was never closed"))) {
                copy_tok_error(p, e);
                p->err->set = 1;
                static const char prefix[] = "(unicode error) ";
                if (strncmp(e->msg, prefix, sizeof prefix - 1) == 0) {
                    // Met here, undecodable bytes are a bare UnicodeDecodeError.
                    p->err->kind = SE_UNICODE_DECODE;
                    memmove(p->err->msg, p->err->msg + sizeof prefix - 1,
                            strlen(p->err->msg) - (sizeof prefix - 1) + 1);
                }
            }
            return;
        }
        if (t.type == T_ENDMARKER) {
            return;
        }
    }
}

static void parser_init(Parser *p, Arena *arena, Tokenizer *tok, SyntaxErrorInfo *err) {
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->tok = tok;
    p->err = err;
}

static void parser_fini(Parser *p) {
    free(p->memo);
    free(p->toks);
    free(p->stack);
}

static Node *run_parser(Parser *p, ParseMode mode) {
    Node *res = run_rule(p, mode);
    memo_clear(p);
    if (res && !p->error) {
        return res;
    }
    if (p->error) {
        // A SyntaxError raised by the first pass itself (a bad literal): a
        // tokenizer error later in the file still wins, as in CPython.
        if (!p->tok_done && p->err->set && p->fill &&
            (p->err->kind == SE_SYNTAX || p->err->kind == SE_INDENTATION)) {
            check_rest_of_source(p, p->toks[p->fill - 1].lineno);
        }
        return NULL;
    }
    // First pass failed softly: remember how far it got, then look for a
    // specific error.
    int last_idx = p->fill - 1;
    Token last = last_idx >= 0 ? p->toks[last_idx] : error_token;
    p->pos = 0;
    p->sp = 0;
    p->depth = 0;
    p->invalid_pass = 1;
    run_rule(p, mode);
    memo_clear(p);
    if (p->err->set) {
        // A specific error; a tokenizer error later in the file wins.
        if (!p->tok_done) {
            check_rest_of_source(p, p->toks[p->fill - 1].lineno);
        }
        return NULL;
    }
    if (last.type == T_INDENT) {
        raise_indent(p, "unexpected indent");
        return NULL;
    }
    if (last.type == T_DEDENT) {
        raise_indent(p, "unexpected unindent");
        return NULL;
    }
    raise_tok(p, &last, "invalid syntax");
    check_rest_of_source(p, p->toks[p->fill - 1].lineno);
    return NULL;
}

Node *parse_source(Arena *arena, const char *src, size_t len, TokenizerMode tokmode,
                   ParseMode mode, SyntaxErrorInfo *err) {
    memset(err, 0, sizeof *err);
    // CPython's string tokenizer adds a final newline only to exec input.
    int exec_input = mode == PARSE_FILE || mode == PARSE_FSTRING_EXPR;
    Tokenizer *tok = tok_new_input(arena, src, len, tokmode, exec_input, err);
    if (!tok) {
        err->set = 1;
        return NULL;
    }
    Parser p;
    parser_init(&p, arena, tok, err);
    p.single = mode == PARSE_SINGLE;
    Node *res = run_parser(&p, mode);
    parser_fini(&p);
    return res;
}

Node *parse_like_ast_parse(Arena *arena, const char *src, size_t len, TokenizerMode tokmode,
                           ParseMode mode, SyntaxErrorInfo *err) {
    Node *tree = parse_source(arena, src, len, tokmode, mode, err);
    if (tree && ast_deeper_than(tree, AST_CONSTRUCTION_DEPTH_LIMIT) != 0) {
        memset(err, 0, sizeof *err);
        err->set = 1;
        err->kind = SE_RECURSION;
        snprintf(err->msg, sizeof err->msg,
                 "maximum recursion depth exceeded during ast construction");
        return NULL;
    }
    return tree;
}

Node *parser_parse_fstring_expr(Parser *parent, const char *src, size_t len, int line_offset,
                                int col_offset) {
    SyntaxErrorInfo suberr;
    memset(&suberr, 0, sizeof suberr);
    // CPython tokenizes the sub-source as bytes without an encoding (byte
    // columns in errors), which is what TOKMODE_FILE gives for UTF-8 text.
    Tokenizer *tok = tok_new(parent->arena, src, len, TOKMODE_FILE, &suberr);
    if (!tok) {
        *parent->err = suberr;
        parent->err->set = 1;
        parent->error = 1;
        return NULL;
    }
    tok_set_start_position(tok, line_offset, col_offset);
    Parser p;
    parser_init(&p, parent->arena, tok, &suberr);
    p.in_fstring = 1;
    p.fstring_col = col_offset;
    p.parent = parent;
    p.depth = parent->depth;
    Node *res = run_parser(&p, PARSE_FSTRING_EXPR);
    parser_fini(&p);
    if (!res) {
        if (!parent->err->set) {
            *parent->err = suberr;
            // CPython shifts the columns back by the sub-source's starting
            // column (which may leave them at zero or below) and prefixes
            // the message, unless the tokenizer raised the error itself.
            int raised = p.err_from_tok && tok_error_is_raised(tok);
            if ((suberr.kind == SE_SYNTAX || suberr.kind == SE_INDENTATION ||
                 suberr.kind == SE_TAB) && !raised) {
                if (p.err_from_tok) {
                    parent->err->offset -= col_offset;
                    if (parent->err->end_offset > 0) {
                        parent->err->end_offset -= col_offset;
                    }
                }
                size_t n = strlen(suberr.msg);
                if (n > sizeof suberr.msg - 11) {
                    n = sizeof suberr.msg - 11;
                }
                memcpy(parent->err->msg, "f-string: ", 10);
                memcpy(parent->err->msg + 10, suberr.msg, n);
                parent->err->msg[10 + n] = 0;
            }
            parent->err->set = 1;
        }
        parent->error = 1;
        return NULL;
    }
    return res;
}
