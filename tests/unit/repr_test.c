// repr_test.c - driver for the runtime's reprs, number literals and ast_dump.
//
// It computes; tests/unit/repr_test.py compares with /usr/bin/python3.11.
//   repr_test floats N SEED   N random doubles: "<bits hex> <repr>" per line
//   repr_test complex N SEED  N random complexes: "<re hex> <im hex> <repr>"
//   repr_test lines           read commands from stdin, one result line each:
//       f HEX          float_repr of the double with those bits
//       c HEX HEX      complex_repr
//       s HEXBYTES     str_repr of those (generalized UTF-8) bytes
//       b HEXBYTES     bytes_repr
//       n LITERAL      number_literal, then the constant's repr (or "error: msg")
//       i SIGN HEX     int_repr_limbs of the magnitude written in hex
//   repr_test ast             hand-built trees: "<source hex> <dump>" per line
//
// number_literal needs a Parser; this file supplies a minimal one.
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/ast_dump.h"
#include "parse/parser_internal.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"

// ---- the minimal parser that number_literal sees ----------------------
struct Parser {
    Arena arena;
    int has_error;
    char msg[1024];
    int lineno, col, end_lineno, end_col;
};

Arena *parser_arena(Parser *p) {
    return &p->arena;
}

void *parser_error_at(Parser *p, int lineno, int col_offset, int end_lineno, int end_col_offset,
                      const char *fmt, ...) {
    if (!p->has_error) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(p->msg, sizeof p->msg, fmt, ap);
        va_end(ap);
        p->has_error = 1;
        p->lineno = lineno;
        p->col = col_offset;
        p->end_lineno = end_lineno;
        p->end_col = end_col_offset;
    }
    return NULL;
}

// The feature-version check (ast.parse(feature_version=...)): this mock
// parser accepts every version.
int parser_check_version(Parser *p, int minor, const char *what) {
    (void)p, (void)minor, (void)what;
    return 1;
}

// Warnings are the compiler's business: not checked here.
void parser_warning(Parser *p, FrontWarningKind kind, int lineno, int col_offset,
                    int end_lineno, int end_col_offset, const char *msg) {
    (void)p, (void)kind, (void)lineno, (void)col_offset, (void)end_lineno, (void)end_col_offset,
        (void)msg;
}

// ---- helpers -------------------------------------------------------------
static uint64_t rng_state;

static uint64_t rng_next(void) {
    // splitmix64
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double bits_to_double(uint64_t bits) {
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

// A random double: mostly uniform bit patterns, plus families that stress
// the corner cases (powers of two, subnormals, integers, short decimals).
static double random_double(void) {
    uint64_t r = rng_next();
    switch (r % 8) {
    case 0:  // power of two: zero significand, any exponent
        return bits_to_double((rng_next() & 0xfff0000000000000ULL));
    case 1:  // subnormal or tiny
        return bits_to_double(rng_next() & 0x801fffffffffffffULL);
    case 2:  // integer-valued near 2**53 .. 2**64
        return (double)(rng_next() >> (rng_next() % 40));
    case 3: {  // a short decimal, like a human would write
        char buf[64];
        snprintf(buf, sizeof buf, "%" PRIu64 "e%d", rng_next() % 100000,
                 (int)(rng_next() % 60) - 30);
        return strtod(buf, NULL);
    }
    case 4:  // significand with few bits set
        return bits_to_double((rng_next() & 0xfff0000000000000ULL) | (rng_next() & 0xffULL));
    default:
        return bits_to_double(rng_next());
    }
}

static size_t hex_decode(const char *hex, char *out) {
    size_t n = 0;
    while (hex[0] && hex[1] && hex[0] != '\n') {
        unsigned v;
        sscanf(hex, "%2x", &v);
        out[n++] = (char)v;
        hex += 2;
    }
    return n;
}

static void print_hex(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        printf("%02x", (unsigned char)s[i]);
    }
}

static void cmd_number(const char *lit) {
    Parser p;
    memset(&p, 0, sizeof p);
    arena_init(&p.arena);
    Token tok;
    memset(&tok, 0, sizeof tok);
    tok.type = T_NUMBER;
    tok.start = lit;
    tok.end = lit + strlen(lit);
    tok.lineno = tok.end_lineno = 1;
    tok.col_offset = 0;
    tok.end_col_offset = (int)strlen(lit);
    ConstValue cv;
    memset(&cv, 0, sizeof cv);
    if (number_literal(&p, &tok, &cv) < 0) {
        printf("error: %s @%d,%d,%d,%d\n", p.msg, p.lineno, p.col, p.end_lineno, p.end_col);
    } else {
        StrBuf b;
        sb_init(&b);
        ast_dump_constant(&b, &cv);
        printf("%s\n", b.data);
        sb_free(&b);
    }
    arena_free(&p.arena);
}

static void cmd_int(int negative, const char *hex) {
    size_t n = strlen(hex);
    while (n > 0 && (hex[n - 1] == '\n' || hex[n - 1] == '\r')) {
        n--;
    }
    unsigned char *digits = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        char c = hex[i];
        digits[i] = (unsigned char)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    uint64_t *limbs = malloc(int_limbs_for_digits(n, 16) * sizeof(uint64_t));
    size_t nl = int_limbs_from_digits(limbs, digits, n, 16);
    StrBuf b;
    sb_init(&b);
    int_repr_limbs(&b, limbs, (int)nl, negative);
    printf("%s\n", b.data);
    sb_free(&b);
    free(limbs);
    free(digits);
}

static int run_lines(void) {
    size_t cap = 1 << 20;
    char *line = malloc(cap);
    char *bytes = malloc(cap);
    ssize_t got;
    size_t bytes_cap = cap;
    while ((got = getline(&line, &cap, stdin)) > 0) {
        if (bytes_cap < cap) {
            bytes = realloc(bytes, cap);
            bytes_cap = cap;
        }
        StrBuf b;
        sb_init(&b);
        char kind = line[0];
        const char *arg = line + 2;
        if (line[got - 1] == '\n') {
            line[got - 1] = 0;
        }
        if (kind == 'f') {
            float_repr(&b, bits_to_double(strtoull(arg, NULL, 16)));
        } else if (kind == 'c') {
            char *end;
            uint64_t re = strtoull(arg, &end, 16);
            uint64_t im = strtoull(end, NULL, 16);
            complex_repr(&b, bits_to_double(re), bits_to_double(im));
        } else if (kind == 's') {
            size_t n = hex_decode(arg, bytes);
            str_repr(&b, bytes, n);
        } else if (kind == 'b') {
            size_t n = hex_decode(arg, bytes);
            bytes_repr(&b, bytes, n);
        } else if (kind == 'n') {
            cmd_number(arg);
            continue;
        } else if (kind == 'i') {
            cmd_int(arg[0] == '-', arg + 2);
            continue;
        } else {
            sb_puts(&b, "?");
        }
        printf("%s\n", b.data ? b.data : "");
        sb_free(&b);
    }
    free(line);
    free(bytes);
    return 0;
}

static int run_floats(long n, int complex_pairs) {
    StrBuf b;
    sb_init(&b);
    for (long i = 0; i < n; i++) {
        b.len = 0;
        double x = random_double();
        uint64_t xb;
        memcpy(&xb, &x, sizeof xb);
        if (complex_pairs) {
            double y = random_double();
            uint64_t yb;
            memcpy(&yb, &y, sizeof yb);
            if (rng_next() % 4 == 0) {
                xb = rng_next() % 2 ? 0 : 0x8000000000000000ULL;  // +-0 real part
            }
            complex_repr(&b, bits_to_double(xb), y);
            printf("%016" PRIx64 " %016" PRIx64 " %s\n", xb, yb, b.data);
        } else {
            float_repr(&b, x);
            printf("%016" PRIx64 " %s\n", xb, b.data);
        }
    }
    sb_free(&b);
    return 0;
}

// ---- hand-built trees ------------------------------------------------------
static Arena tree_arena;

static Node *mk(NodeKind k, int l, int c, int el, int ec) {
    return ast_node(&tree_arena, k, l, c, el, ec);
}

static Seq *seq(int n, ...) {
    Seq *s = ast_seq(&tree_arena, n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        s->a[i] = va_arg(ap, void *);
    }
    va_end(ap);
    return s;
}

static Node *name(const char *id, ExprContext ctx, int l, int c) {
    Node *n = mk(NK_Name, l, c, l, c + (int)strlen(id));
    n->v.Name.id = id;
    n->v.Name.ctx = ctx;
    return n;
}

static Node *const_int(int64_t v, int l, int c, int ec) {
    Node *n = mk(NK_Constant, l, c, l, ec);
    n->v.Constant.value.kind = CONST_INT;
    n->v.Constant.value.i = v;
    return n;
}

static Node *module(Seq *body) {
    Node *m = mk(NK_Module, 0, 0, 0, 0);
    m->v.Module.body = body;
    m->v.Module.type_ignores = seq(0);
    return m;
}

static Node *expr_stmt(Node *e) {
    Node *s = mk(NK_Expr, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    s->v.Expr.value = e;
    return s;
}

static void emit_tree(const char *src, const Node *tree) {
    StrBuf b;
    sb_init(&b);
    ast_dump(&b, tree, 1);
    print_hex(src, strlen(src));
    printf(" %s\n", b.data);
    sb_free(&b);
}

static int run_ast(void) {
    arena_init(&tree_arena);
    {
        const char *src = "x = 1";
        Node *a = mk(NK_Assign, 1, 0, 1, 5);
        a->v.Assign.targets = seq(1, name("x", CTX_Store, 1, 0));
        a->v.Assign.value = const_int(1, 1, 4, 5);
        emit_tree(src, module(seq(1, a)));
    }
    {
        // Dict with a ** entry (None key), a u-string, bytes, float, complex,
        // Ellipsis, None, True.
        const char *src = "{u'a\\n\"': b'\\x00\\'', **d, 1.5: 2j, ...: None, True: 1e100}";
        Node *d = mk(NK_Dict, 1, 0, 1, 58);
        Node *k1 = mk(NK_Constant, 1, 1, 1, 8);
        k1->v.Constant.value.kind = CONST_STR;
        k1->v.Constant.value.str.s = "a\n\"";
        k1->v.Constant.value.str.len = 3;
        k1->v.Constant.kind = "u";
        Node *v1 = mk(NK_Constant, 1, 10, 1, 19);
        v1->v.Constant.value.kind = CONST_BYTES;
        v1->v.Constant.value.str.s = "\0'";
        v1->v.Constant.value.str.len = 2;
        Node *k3 = mk(NK_Constant, 1, 26, 1, 29);
        k3->v.Constant.value.kind = CONST_FLOAT;
        k3->v.Constant.value.f = 1.5;
        Node *v3 = mk(NK_Constant, 1, 31, 1, 33);
        v3->v.Constant.value.kind = CONST_COMPLEX;
        v3->v.Constant.value.f = 2.0;
        Node *k4 = mk(NK_Constant, 1, 35, 1, 38);
        k4->v.Constant.value.kind = CONST_ELLIPSIS;
        Node *v4 = mk(NK_Constant, 1, 40, 1, 44);
        v4->v.Constant.value.kind = CONST_NONE;
        Node *k5 = mk(NK_Constant, 1, 46, 1, 50);
        k5->v.Constant.value.kind = CONST_TRUE;
        Node *v5 = mk(NK_Constant, 1, 52, 1, 57);
        v5->v.Constant.value.kind = CONST_FLOAT;
        v5->v.Constant.value.f = 1e100;
        d->v.Dict.keys = seq(5, k1, (Node *)NULL, k3, k4, k5);
        d->v.Dict.values = seq(5, v1, name("d", CTX_Load, 1, 23), v3, v4, v5);
        emit_tree(src, module(seq(1, expr_stmt(d))));
    }
    {
        // Optional fields left out, kw_defaults with None, comparisons,
        // BoolOp, UnaryOp, arg annotations.
        const char *src = "def f(a: int, *, b, c=1) -> None:\n    return not a < b <= c or -a\n";
        Node *fn = mk(NK_FunctionDef, 1, 0, 2, 31);
        fn->v.FunctionDef.name = "f";
        Node *args = mk(NK_arguments, 0, 0, 0, 0);
        Node *a = mk(NK_arg, 1, 6, 1, 12);
        a->v.arg.arg = "a";
        a->v.arg.annotation = name("int", CTX_Load, 1, 9);
        Node *b = mk(NK_arg, 1, 17, 1, 18);
        b->v.arg.arg = "b";
        Node *c = mk(NK_arg, 1, 20, 1, 21);
        c->v.arg.arg = "c";
        args->v.arguments.posonlyargs = seq(0);
        args->v.arguments.args = seq(1, a);
        args->v.arguments.kwonlyargs = seq(2, b, c);
        args->v.arguments.kw_defaults = seq(2, (Node *)NULL, const_int(1, 1, 22, 23));
        args->v.arguments.defaults = seq(0);
        fn->v.FunctionDef.args = args;
        Node *ret = mk(NK_Return, 2, 4, 2, 31);
        Node *cmp = mk(NK_Compare, 2, 15, 2, 25);
        cmp->v.Compare.left = name("a", CTX_Load, 2, 15);
        cmp->v.Compare.ops = seq(2, (void *)(intptr_t)CMP_Lt, (void *)(intptr_t)CMP_LtE);
        cmp->v.Compare.comparators = seq(2, name("b", CTX_Load, 2, 19), name("c", CTX_Load, 2, 24));
        Node *nt = mk(NK_UnaryOp, 2, 11, 2, 25);
        nt->v.UnaryOp.op = UNARY_Not;
        nt->v.UnaryOp.operand = cmp;
        Node *neg = mk(NK_UnaryOp, 2, 29, 2, 31);
        neg->v.UnaryOp.op = UNARY_USub;
        neg->v.UnaryOp.operand = name("a", CTX_Load, 2, 30);
        Node *bo = mk(NK_BoolOp, 2, 11, 2, 31);
        bo->v.BoolOp.op = BOOL_Or;
        bo->v.BoolOp.values = seq(2, nt, neg);
        ret->v.Return.value = bo;
        fn->v.FunctionDef.body = seq(1, ret);
        fn->v.FunctionDef.decorator_list = seq(0);
        Node *rn = mk(NK_Constant, 1, 28, 1, 32);
        rn->v.Constant.value.kind = CONST_NONE;
        fn->v.FunctionDef.returns = rn;
        emit_tree(src, module(seq(1, fn)));
    }
    {
        // ImportFrom without module, aliases, Global's identifier list,
        // AugAssign, a big int, Starred/Tuple stores.
        const char *src = "from . import a as b, c\nglobal x, y\nx += 0x10000000000000000\n"
                          "*p, q = ()\n";
        Node *imp = mk(NK_ImportFrom, 1, 0, 1, 23);
        Node *al1 = mk(NK_alias, 1, 14, 1, 20);
        al1->v.alias.name = "a";
        al1->v.alias.asname = "b";
        Node *al2 = mk(NK_alias, 1, 22, 1, 23);
        al2->v.alias.name = "c";
        imp->v.ImportFrom.names = seq(2, al1, al2);
        imp->v.ImportFrom.level = 1;
        Node *gl = mk(NK_Global, 2, 0, 2, 11);
        gl->v.Global.names = seq(2, "x", "y");
        Node *aug = mk(NK_AugAssign, 3, 0, 3, 24);
        aug->v.AugAssign.target = name("x", CTX_Store, 3, 0);
        aug->v.AugAssign.op = OP_Add;
        static const uint64_t big[2] = {0, 1};
        Node *bc = mk(NK_Constant, 3, 5, 3, 24);
        bc->v.Constant.value.kind = CONST_BIGINT;
        bc->v.Constant.value.big.limbs = big;
        bc->v.Constant.value.big.n = 2;
        aug->v.AugAssign.value = bc;
        Node *st = mk(NK_Starred, 4, 0, 4, 2);
        st->v.Starred.value = name("p", CTX_Store, 4, 1);
        st->v.Starred.ctx = CTX_Store;
        Node *tup = mk(NK_Tuple, 4, 0, 4, 5);
        tup->v.Tuple.elts = seq(2, st, name("q", CTX_Store, 4, 4));
        tup->v.Tuple.ctx = CTX_Store;
        Node *emp = mk(NK_Tuple, 4, 8, 4, 10);
        emp->v.Tuple.elts = seq(0);
        emp->v.Tuple.ctx = CTX_Load;
        Node *as = mk(NK_Assign, 4, 0, 4, 10);
        as->v.Assign.targets = seq(1, tup);
        as->v.Assign.value = emp;
        emit_tree(src, module(seq(4, imp, gl, aug, as)));
    }
    {
        // match with MatchSingleton, MatchAs without pattern, MatchMapping
        // with rest, MatchClass with keyword patterns.
        const char *src = "match x:\n    case None | {1: _, **r} | P(a, k=_):\n        pass\n";
        Node *m = mk(NK_Match, 1, 0, 3, 12);
        m->v.Match.subject = name("x", CTX_Load, 1, 6);
        Node *sing = mk(NK_MatchSingleton, 2, 9, 2, 13);
        sing->v.MatchSingleton.value.kind = CONST_NONE;
        Node *wild1 = mk(NK_MatchAs, 2, 20, 2, 21);
        Node *mm = mk(NK_MatchMapping, 2, 16, 2, 27);
        mm->v.MatchMapping.keys = seq(1, const_int(1, 2, 17, 18));
        mm->v.MatchMapping.patterns = seq(1, wild1);
        mm->v.MatchMapping.rest = "r";
        Node *pa = mk(NK_MatchAs, 2, 32, 2, 33);
        pa->v.MatchAs.name = "a";
        Node *wild2 = mk(NK_MatchAs, 2, 37, 2, 38);
        Node *mc = mk(NK_MatchClass, 2, 30, 2, 39);
        mc->v.MatchClass.cls = name("P", CTX_Load, 2, 30);
        mc->v.MatchClass.patterns = seq(1, pa);
        mc->v.MatchClass.kwd_attrs = seq(1, "k");
        mc->v.MatchClass.kwd_patterns = seq(1, wild2);
        Node *mo = mk(NK_MatchOr, 2, 9, 2, 39);
        mo->v.MatchOr.patterns = seq(3, sing, mm, mc);
        Node *mcase = mk(NK_match_case, 0, 0, 0, 0);
        mcase->v.match_case.pattern = mo;
        mcase->v.match_case.body = seq(1, mk(NK_Pass, 3, 8, 3, 12));
        m->v.Match.cases = seq(1, mcase);
        emit_tree(src, module(seq(1, m)));
    }
    {
        // JoinedStr / FormattedValue with conversion and format spec; Slice
        // with missing parts; Subscript; Lambda with empty arguments.
        const char *src = "f'{a!r:>{w}}'[::2]\nlambda: 0\n";
        Node *w = mk(NK_FormattedValue, 1, 0, 1, 13);
        w->v.FormattedValue.value = name("w", CTX_Load, 1, 9);
        w->v.FormattedValue.conversion = -1;
        Node *gt = mk(NK_Constant, 1, 0, 1, 13);
        gt->v.Constant.value.kind = CONST_STR;
        gt->v.Constant.value.str.s = ">";
        gt->v.Constant.value.str.len = 1;
        Node *spec = mk(NK_JoinedStr, 1, 0, 1, 13);
        spec->v.JoinedStr.values = seq(2, gt, w);
        Node *fv = mk(NK_FormattedValue, 1, 0, 1, 13);
        fv->v.FormattedValue.value = name("a", CTX_Load, 1, 3);
        fv->v.FormattedValue.conversion = 'r';
        fv->v.FormattedValue.format_spec = spec;
        Node *js = mk(NK_JoinedStr, 1, 0, 1, 13);
        js->v.JoinedStr.values = seq(1, fv);
        Node *sl = mk(NK_Slice, 1, 14, 1, 17);
        sl->v.Slice.step = const_int(2, 1, 16, 17);
        Node *sub = mk(NK_Subscript, 1, 0, 1, 18);
        sub->v.Subscript.value = js;
        sub->v.Subscript.slice = sl;
        sub->v.Subscript.ctx = CTX_Load;
        Node *lam = mk(NK_Lambda, 2, 0, 2, 9);
        Node *la = mk(NK_arguments, 0, 0, 0, 0);
        la->v.arguments.posonlyargs = seq(0);
        la->v.arguments.args = seq(0);
        la->v.arguments.kwonlyargs = seq(0);
        la->v.arguments.kw_defaults = seq(0);
        la->v.arguments.defaults = seq(0);
        lam->v.Lambda.args = la;
        lam->v.Lambda.body = const_int(0, 2, 8, 9);
        emit_tree(src, module(seq(2, expr_stmt(sub), expr_stmt(lam))));
    }
    {
        // A deep left spine, far beyond what recursion would survive under
        // ASan: 1+1+...+1 with 200000 terms.
        enum { TERMS = 200000 };
        StrBuf src;
        sb_init(&src);
        sb_putc(&src, '1');
        Node *e = const_int(1, 1, 0, 1);
        for (int i = 1; i < TERMS; i++) {
            sb_puts(&src, "+1");
            Node *bin = mk(NK_BinOp, 1, 0, 1, 2 * i + 1);
            bin->v.BinOp.left = e;
            bin->v.BinOp.op = OP_Add;
            bin->v.BinOp.right = const_int(1, 1, 2 * i, 2 * i + 1);
            e = bin;
        }
        StrBuf b;
        sb_init(&b);
        ast_dump(&b, module(seq(1, expr_stmt(e))), 1);
        // CPython's dump recurses too deeply here; check the shape instead.
        size_t opens = 0, closes = 0;
        for (size_t i = 0; i < b.len; i++) {
            opens += b.data[i] == '(';
            closes += b.data[i] == ')';
        }
        printf("deep %s %zu %zu\n", opens == closes ? "balanced" : "UNBALANCED", opens, b.len);
        sb_free(&b);
        sb_free(&src);
    }
    arena_free(&tree_arena);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "lines") == 0) {
        return run_lines();
    }
    if (argc >= 4 && (strcmp(argv[1], "floats") == 0 || strcmp(argv[1], "complex") == 0)) {
        rng_state = strtoull(argv[3], NULL, 10);
        return run_floats(strtol(argv[2], NULL, 10), argv[1][0] == 'c');
    }
    if (argc >= 2 && strcmp(argv[1], "ast") == 0) {
        return run_ast();
    }
    fprintf(stderr, "usage: repr_test lines | floats N SEED | complex N SEED | ast\n");
    return 2;
}
