// unparse.c - expressions back to source text (CPython's ast_unparse.c).
//
// Under `from __future__ import annotations` an annotation is stored as the
// string CPython's unparser makes of it, so the output must match that
// unparser character for character: its precedence table decides the
// parentheses (`2 ** (-1)`, `(-1) ** 2`), infinities print as 1e309, `1 .real`
// keeps its space, and its quirks stay (`lambda*args: 0` has no space).
#include "unparse.h"

#include <math.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/complex.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/int.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"

// ORDER: CPython's precedence levels.
enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR,
    PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM,
};

typedef struct Unparser {
    StrBuf out;
    int failed;
} Unparser;

static void up_expr(Unparser *w, const Node *e, int level);

static void put(Unparser *w, const char *s) { sb_puts(&w->out, s); }
static void put_if(Unparser *w, int cond, const char *s) {
    if (cond) {
        sb_puts(&w->out, s);
    }
}

static int seqn(const Seq *s) { return s ? s->n : 0; }

// repr() of a number, with "inf" spelled 1e309 (CPython's _str_replace_inf).
static void put_number_repr(Unparser *w, Value v) {
    if (!v) {
        w->failed = 1;
        return;
    }
    Value r = obj_repr(v);
    if (!r) {
        w->failed = 1;
        return;
    }
    const char *s = str_obj(r)->data;
    int replace = (float_check(v) && isinf(float_value(v))) || complex_check(v);
    for (; *s; s++) {
        if (replace && strncmp(s, "inf", 3) == 0) {
            put(w, "1e309");
            s += 2;
        } else {
            sb_putc(&w->out, *s);
        }
    }
}

static void put_bytes_repr(Unparser *w, const char *s, size_t n) {
    int has_single = memchr(s, '\'', n) != NULL, has_double = memchr(s, '"', n) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    sb_putc(&w->out, 'b');
    sb_putc(&w->out, quote);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == (unsigned char)quote || ch == '\\') {
            sb_putc(&w->out, '\\');
            sb_putc(&w->out, (char)ch);
        } else if (ch == '\t') {
            put(w, "\\t");
        } else if (ch == '\n') {
            put(w, "\\n");
        } else if (ch == '\r') {
            put(w, "\\r");
        } else if (ch < 0x20 || ch >= 0x7f) {
            sb_printf(&w->out, "\\x%02x", ch);
        } else {
            sb_putc(&w->out, (char)ch);
        }
    }
    sb_putc(&w->out, quote);
}

static void put_constant(Unparser *w, const ConstValue *cv) {
    switch (cv->kind) {
    case CONST_NONE: put(w, "None"); break;
    case CONST_TRUE: put(w, "True"); break;
    case CONST_FALSE: put(w, "False"); break;
    case CONST_ELLIPSIS: put(w, "..."); break;
    case CONST_INT: int_repr_i64(&w->out, cv->i); break;
    case CONST_BIGINT:
        int_repr_limbs(&w->out, cv->big.limbs, cv->big.n, 0);
        break;
    case CONST_FLOAT: put_number_repr(w, float_from_double(cv->f)); break;
    case CONST_COMPLEX: put_number_repr(w, complex_new(0.0, cv->f)); break;
    case CONST_STR: str_repr(&w->out, cv->str.s, cv->str.len); break;
    case CONST_BYTES: put_bytes_repr(w, cv->str.s, cv->str.len); break;
    case CONST_OBJECT: put_number_repr(w, (Value)cv->obj); break;
    }
}

static void up_arg(Unparser *w, const Node *a) {
    put(w, a->v.arg.arg);
    if (a->v.arg.annotation) {
        put(w, ": ");
        up_expr(w, a->v.arg.annotation, PR_TEST);
    }
}

static void up_args(Unparser *w, const Node *args) {
    int first = 1;
    Seq *posonly = args->v.arguments.posonlyargs, *plain = args->v.arguments.args;
    Seq *defaults = args->v.arguments.defaults;
    int nposonly = seqn(posonly), nargs = seqn(plain), ndefaults = seqn(defaults);
    for (int i = 0; i < nposonly + nargs; i++) {
        put_if(w, !first, ", ");
        first = 0;
        up_arg(w, i < nposonly ? posonly->a[i] : plain->a[i - nposonly]);
        int di = i - nposonly - nargs + ndefaults;
        if (di >= 0) {
            put(w, "=");
            up_expr(w, defaults->a[di], PR_TEST);
        }
        if (nposonly && i + 1 == nposonly) {
            put(w, ", /");
        }
    }
    Seq *kwonly = args->v.arguments.kwonlyargs, *kwdefaults = args->v.arguments.kw_defaults;
    if (args->v.arguments.vararg || seqn(kwonly)) {
        put_if(w, !first, ", ");
        first = 0;
        put(w, "*");
        if (args->v.arguments.vararg) {
            up_arg(w, args->v.arguments.vararg);
        }
    }
    int nkw = seqn(kwonly), nkwdefaults = seqn(kwdefaults);
    for (int i = 0; i < nkw; i++) {
        put_if(w, !first, ", ");
        first = 0;
        up_arg(w, kwonly->a[i]);
        int di = i - nkw + nkwdefaults;
        if (di >= 0 && kwdefaults->a[di]) {
            put(w, "=");
            up_expr(w, kwdefaults->a[di], PR_TEST);
        }
    }
    if (args->v.arguments.kwarg) {
        put_if(w, !first, ", ");
        put(w, "**");
        up_arg(w, args->v.arguments.kwarg);
    }
}

static void up_comprehensions(Unparser *w, const Seq *gens) {
    for (int i = 0; i < seqn(gens); i++) {
        const Node *g = gens->a[i];
        put(w, g->v.comprehension.is_async ? " async for " : " for ");
        up_expr(w, g->v.comprehension.target, PR_TUPLE);
        put(w, " in ");
        up_expr(w, g->v.comprehension.iter, PR_TEST + 1);
        for (int j = 0; j < seqn(g->v.comprehension.ifs); j++) {
            put(w, " if ");
            up_expr(w, g->v.comprehension.ifs->a[j], PR_TEST + 1);
        }
    }
}

static void put_escaped_braces(Unparser *w, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '{' || s[i] == '}') {
            sb_putc(&w->out, s[i]);
        }
        sb_putc(&w->out, s[i]);
    }
}

static void up_fstring_element(Unparser *w, const Node *e, int is_format_spec);

static void up_joinedstr(Unparser *w, const Node *e, int is_format_spec) {
    Unparser body = {{0}, 0};
    sb_init(&body.out);
    for (int i = 0; i < seqn(e->v.JoinedStr.values); i++) {
        up_fstring_element(&body, e->v.JoinedStr.values->a[i], is_format_spec);
    }
    w->failed |= body.failed;
    if (is_format_spec) {
        if (body.out.data) {
            sb_put(&w->out, body.out.data, body.out.len);
        }
    } else {
        put(w, "f");
        str_repr(&w->out, body.out.data ? body.out.data : "", body.out.len);
    }
    sb_free(&body.out);
}

static void up_formattedvalue(Unparser *w, const Node *e) {
    Unparser inner = {{0}, 0};
    sb_init(&inner.out);
    up_expr(&inner, e->v.FormattedValue.value, PR_TEST + 1);
    w->failed |= inner.failed;
    // An expression starting with a brace is kept apart from the outer one.
    put(w, inner.out.data && inner.out.data[0] == '{' ? "{ " : "{");
    if (inner.out.data) {
        sb_put(&w->out, inner.out.data, inner.out.len);
    }
    sb_free(&inner.out);
    switch (e->v.FormattedValue.conversion) {
    case 'a': put(w, "!a"); break;
    case 'r': put(w, "!r"); break;
    case 's': put(w, "!s"); break;
    default: break;
    }
    if (e->v.FormattedValue.format_spec) {
        put(w, ":");
        up_fstring_element(w, e->v.FormattedValue.format_spec, 1);
    }
    put(w, "}");
}

static void up_fstring_element(Unparser *w, const Node *e, int is_format_spec) {
    switch (e->kind) {
    case NK_Constant:
        if (e->v.Constant.value.kind == CONST_STR) {
            put_escaped_braces(w, e->v.Constant.value.str.s, e->v.Constant.value.str.len);
        }
        break;
    case NK_JoinedStr:
        up_joinedstr(w, e, is_format_spec);
        break;
    case NK_FormattedValue:
        up_formattedvalue(w, e);
        break;
    default:
        w->failed = 1;
        break;
    }
}

static const char *const cmpop_text[] = {
    [CMP_Eq] = " == ", [CMP_NotEq] = " != ", [CMP_Lt] = " < ", [CMP_LtE] = " <= ",
    [CMP_Gt] = " > ", [CMP_GtE] = " >= ", [CMP_Is] = " is ", [CMP_IsNot] = " is not ",
    [CMP_In] = " in ", [CMP_NotIn] = " not in ",
};

static void up_expr(Unparser *w, const Node *e, int level) {
    if (w->failed) {
        return;
    }
    switch (e->kind) {
    case NK_BoolOp: {
        int pr = e->v.BoolOp.op == BOOL_And ? PR_AND : PR_OR;
        put_if(w, level > pr, "(");
        for (int i = 0; i < seqn(e->v.BoolOp.values); i++) {
            put_if(w, i > 0, e->v.BoolOp.op == BOOL_And ? " and " : " or ");
            up_expr(w, e->v.BoolOp.values->a[i], pr + 1);
        }
        put_if(w, level > pr, ")");
        break;
    }
    case NK_BinOp: {
        static const struct { const char *op; int pr; } ops[] = {
            [OP_Add] = {" + ", PR_ARITH}, [OP_Sub] = {" - ", PR_ARITH},
            [OP_Mult] = {" * ", PR_TERM}, [OP_MatMult] = {" @ ", PR_TERM},
            [OP_Div] = {" / ", PR_TERM}, [OP_Mod] = {" % ", PR_TERM},
            [OP_Pow] = {" ** ", PR_POWER}, [OP_LShift] = {" << ", PR_SHIFT},
            [OP_RShift] = {" >> ", PR_SHIFT}, [OP_BitOr] = {" | ", PR_BOR},
            [OP_BitXor] = {" ^ ", PR_BXOR}, [OP_BitAnd] = {" & ", PR_BAND},
            [OP_FloorDiv] = {" // ", PR_TERM},
        };
        int pr = ops[e->v.BinOp.op].pr, rassoc = e->v.BinOp.op == OP_Pow;
        put_if(w, level > pr, "(");
        up_expr(w, e->v.BinOp.left, pr + rassoc);
        put(w, ops[e->v.BinOp.op].op);
        up_expr(w, e->v.BinOp.right, pr + !rassoc);
        put_if(w, level > pr, ")");
        break;
    }
    case NK_UnaryOp: {
        static const char *const ops[] = {[UNARY_Invert] = "~", [UNARY_Not] = "not ",
                                          [UNARY_UAdd] = "+", [UNARY_USub] = "-"};
        int pr = e->v.UnaryOp.op == UNARY_Not ? PR_NOT : PR_FACTOR;
        put_if(w, level > pr, "(");
        put(w, ops[e->v.UnaryOp.op]);
        up_expr(w, e->v.UnaryOp.operand, pr);
        put_if(w, level > pr, ")");
        break;
    }
    case NK_Lambda: {
        const Node *args = e->v.Lambda.args;
        int npositional = seqn(args->v.arguments.args) + seqn(args->v.arguments.posonlyargs);
        put_if(w, level > PR_TEST, "(");
        put(w, npositional ? "lambda " : "lambda");
        up_args(w, args);
        put(w, ": ");
        up_expr(w, e->v.Lambda.body, PR_TEST);
        put_if(w, level > PR_TEST, ")");
        break;
    }
    case NK_IfExp:
        put_if(w, level > PR_TEST, "(");
        up_expr(w, e->v.IfExp.body, PR_TEST + 1);
        put(w, " if ");
        up_expr(w, e->v.IfExp.test, PR_TEST + 1);
        put(w, " else ");
        up_expr(w, e->v.IfExp.orelse, PR_TEST);
        put_if(w, level > PR_TEST, ")");
        break;
    case NK_Dict:
        put(w, "{");
        for (int i = 0; i < seqn(e->v.Dict.values); i++) {
            put_if(w, i > 0, ", ");
            const Node *k = e->v.Dict.keys->a[i];
            if (k) {
                up_expr(w, k, PR_TEST);
                put(w, ": ");
                up_expr(w, e->v.Dict.values->a[i], PR_TEST);
            } else {
                put(w, "**");
                up_expr(w, e->v.Dict.values->a[i], PR_EXPR);
            }
        }
        put(w, "}");
        break;
    case NK_Set: case NK_List: {
        Seq *elts = e->kind == NK_Set ? e->v.Set.elts : e->v.List.elts;
        put(w, e->kind == NK_Set ? "{" : "[");
        for (int i = 0; i < seqn(elts); i++) {
            put_if(w, i > 0, ", ");
            up_expr(w, elts->a[i], PR_TEST);
        }
        put(w, e->kind == NK_Set ? "}" : "]");
        break;
    }
    case NK_GeneratorExp:
        put(w, "(");
        up_expr(w, e->v.GeneratorExp.elt, PR_TEST);
        up_comprehensions(w, e->v.GeneratorExp.generators);
        put(w, ")");
        break;
    case NK_ListComp:
        put(w, "[");
        up_expr(w, e->v.ListComp.elt, PR_TEST);
        up_comprehensions(w, e->v.ListComp.generators);
        put(w, "]");
        break;
    case NK_SetComp:
        put(w, "{");
        up_expr(w, e->v.SetComp.elt, PR_TEST);
        up_comprehensions(w, e->v.SetComp.generators);
        put(w, "}");
        break;
    case NK_DictComp:
        put(w, "{");
        up_expr(w, e->v.DictComp.key, PR_TEST);
        put(w, ": ");
        up_expr(w, e->v.DictComp.value, PR_TEST);
        up_comprehensions(w, e->v.DictComp.generators);
        put(w, "}");
        break;
    case NK_Yield:
        if (!e->v.Yield.value) {
            put(w, "(yield)");
        } else {
            put(w, "(yield ");
            up_expr(w, e->v.Yield.value, PR_TEST);
            put(w, ")");
        }
        break;
    case NK_YieldFrom:
        put(w, "(yield from ");
        up_expr(w, e->v.YieldFrom.value, PR_TEST);
        put(w, ")");
        break;
    case NK_Await:
        put_if(w, level > PR_AWAIT, "(");
        put(w, "await ");
        up_expr(w, e->v.Await.value, PR_ATOM);
        put_if(w, level > PR_AWAIT, ")");
        break;
    case NK_Compare:
        put_if(w, level > PR_CMP, "(");
        up_expr(w, e->v.Compare.left, PR_CMP + 1);
        for (int i = 0; i < seqn(e->v.Compare.ops); i++) {
            put(w, cmpop_text[(CmpOpKind)(intptr_t)e->v.Compare.ops->a[i]]);
            up_expr(w, e->v.Compare.comparators->a[i], PR_CMP + 1);
        }
        put_if(w, level > PR_CMP, ")");
        break;
    case NK_Call: {
        up_expr(w, e->v.Call.func, PR_ATOM);
        Seq *args = e->v.Call.args, *kws = e->v.Call.keywords;
        if (seqn(args) == 1 && seqn(kws) == 0 &&
            ((const Node *)args->a[0])->kind == NK_GeneratorExp) {
            up_expr(w, args->a[0], PR_TEST);  // f(x for x in y)
            break;
        }
        put(w, "(");
        int first = 1;
        for (int i = 0; i < seqn(args); i++) {
            put_if(w, !first, ", ");
            first = 0;
            up_expr(w, args->a[i], PR_TEST);
        }
        for (int i = 0; i < seqn(kws); i++) {
            const Node *kw = kws->a[i];
            put_if(w, !first, ", ");
            first = 0;
            if (kw->v.keyword.arg) {
                put(w, kw->v.keyword.arg);
                put(w, "=");
            } else {
                put(w, "**");
            }
            up_expr(w, kw->v.keyword.value, PR_TEST);
        }
        put(w, ")");
        break;
    }
    case NK_Constant:
        if (e->v.Constant.value.kind == CONST_ELLIPSIS) {
            put(w, "...");
            break;
        }
        if (e->v.Constant.kind) {
            put(w, e->v.Constant.kind);
        }
        put_constant(w, &e->v.Constant.value);
        break;
    case NK_JoinedStr:
        up_joinedstr(w, e, 0);
        break;
    case NK_FormattedValue:
        up_formattedvalue(w, e);
        break;
    case NK_Attribute: {
        const Node *v = e->v.Attribute.value;
        up_expr(w, v, PR_ATOM);
        int int_const = v->kind == NK_Constant && (v->v.Constant.value.kind == CONST_INT ||
                                                   v->v.Constant.value.kind == CONST_BIGINT);
        put(w, int_const ? " ." : ".");
        put(w, e->v.Attribute.attr);
        break;
    }
    case NK_Subscript:
        up_expr(w, e->v.Subscript.value, PR_ATOM);
        put(w, "[");
        up_expr(w, e->v.Subscript.slice, PR_TUPLE);
        put(w, "]");
        break;
    case NK_Starred:
        put(w, "*");
        up_expr(w, e->v.Starred.value, PR_EXPR);
        break;
    case NK_Slice:
        if (e->v.Slice.lower) {
            up_expr(w, e->v.Slice.lower, PR_TEST);
        }
        put(w, ":");
        if (e->v.Slice.upper) {
            up_expr(w, e->v.Slice.upper, PR_TEST);
        }
        if (e->v.Slice.step) {
            put(w, ":");
            up_expr(w, e->v.Slice.step, PR_TEST);
        }
        break;
    case NK_Name:
        put(w, e->v.Name.id);
        break;
    case NK_Tuple: {
        int n = seqn(e->v.Tuple.elts);
        if (n == 0) {
            put(w, "()");
            break;
        }
        put_if(w, level > PR_TUPLE, "(");
        for (int i = 0; i < n; i++) {
            put_if(w, i > 0, ", ");
            up_expr(w, e->v.Tuple.elts->a[i], PR_TEST);
        }
        put_if(w, n == 1, ",");
        put_if(w, level > PR_TUPLE, ")");
        break;
    }
    case NK_NamedExpr:
        put_if(w, level > PR_TUPLE, "(");
        up_expr(w, e->v.NamedExpr.target, PR_ATOM);
        put(w, " := ");
        up_expr(w, e->v.NamedExpr.value, PR_ATOM);
        put_if(w, level > PR_TUPLE, ")");
        break;
    default:
        w->failed = 1;
        break;
    }
}

const char *unparse_expr(Arena *arena, const Node *e) {
    Unparser w = {{0}, 0};
    sb_init(&w.out);
    up_expr(&w, e, PR_TEST);
    const char *r = NULL;
    if (!w.failed) {
        r = arena_strndup(arena, w.out.data ? w.out.data : "", w.out.len);
        if (!r) {
            err_no_memory();
        }
    } else if (!err_occurred()) {
        err_format(&exc_SystemError, "cannot unparse this expression");
    }
    sb_free(&w.out);
    return r;
}
