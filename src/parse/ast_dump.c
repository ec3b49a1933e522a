// ast_dump.c - ast.dump() of CPython 3.11, driven by the field table.
//
// What Lib/ast.py's dump prints, without indent and with annotate_fields:
//   Kind(field=value, ..., lineno=L, col_offset=C, end_lineno=EL, end_col_offset=EC)
// - fields in ASDL order (ast_node_info); an optional field (`?` in the ASDL)
//   that is None is left out; a required one is always shown;
// - sequences are always shown, "[]" when empty, None for missing items (a
//   Dict key for `**x`, a missing kw_default);
// - the small enums are singleton nodes without fields: "Load()", "Add()";
// - scalars and constants print as their Python repr;
// - the four position attributes follow the fields when include_attributes is
//   set and the node's class has them (stmt, expr, pattern, excepthandler,
//   arg, keyword, alias; not mod, comprehension, arguments, withitem,
//   match_case, type_ignore, nor the singletons).
//
// Trees can be very deep (a chain `1+1+...+1` of 100k terms is a left-deep
// BinOp spine that CPython's parser builds without recursing), so the walk
// keeps its own stack on the heap instead of recursing on the C stack.
#include "ast_dump.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/bytes.h"
#include "../runtime/complex.h"
#include "../runtime/float.h"
#include "../runtime/int.h"
#include "../runtime/str.h"

void ast_dump_constant(StrBuf *out, const ConstValue *value) {
    switch (value->kind) {
    case CONST_NONE:
        sb_puts(out, "None");
        break;
    case CONST_TRUE:
        sb_puts(out, "True");
        break;
    case CONST_FALSE:
        sb_puts(out, "False");
        break;
    case CONST_ELLIPSIS:
        sb_puts(out, "Ellipsis");
        break;
    case CONST_INT:
        int_repr_i64(out, value->i);
        break;
    case CONST_BIGINT:
        int_repr_limbs(out, value->big.limbs, value->big.n, 0);
        break;
    case CONST_FLOAT:
        float_repr(out, value->f);
        break;
    case CONST_COMPLEX:
        complex_repr(out, 0.0, value->f);
        break;
    case CONST_STR:
        str_repr(out, value->str.s, value->str.len);
        break;
    case CONST_BYTES:
        bytes_repr(out, value->str.s, value->str.len);
        break;
    case CONST_OBJECT: {  // only in trees made from ast objects
        Value r = obj_repr((Value)value->obj);
        if (r) {
            sb_put(out, str_obj(r)->data, str_obj(r)->nbytes);
        } else {
            err_clear();
            sb_puts(out, "<unrepresentable>");
        }
        break;
    }
    }
}

// One node being printed: which field comes next, and for a sequence field
// which item (0 = the field has not been started; k > 0 = item k-1 is next).
typedef struct DumpFrame {
    const Node *node;
    int field;
    int item;
    int nargs;  // arguments printed so far, for the ", " separators
} DumpFrame;

typedef struct DumpStack {
    DumpFrame *frames;
    size_t n, cap;
} DumpStack;

static int dump_push(DumpStack *st, const Node *node) {
    if (st->n == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 64;
        DumpFrame *f = realloc(st->frames, cap * sizeof(DumpFrame));
        if (!f) {
            return -1;
        }
        st->frames = f;
        st->cap = cap;
    }
    st->frames[st->n++] = (DumpFrame){node, 0, 0, 0};
    return 0;
}

static const void *dump_field_ptr(const Node *node, const FieldInfo *fi) {
    return (const char *)node + fi->offset;
}

static const Node *dump_get_node(const Node *node, const FieldInfo *fi) {
    const Node *child;
    memcpy(&child, dump_field_ptr(node, fi), sizeof child);
    return child;
}

static const Seq *dump_get_seq(const Node *node, const FieldInfo *fi) {
    const Seq *seq;
    memcpy(&seq, dump_field_ptr(node, fi), sizeof seq);
    return seq;
}

static const char *dump_get_str(const Node *node, const FieldInfo *fi) {
    const char *s;
    memcpy(&s, dump_field_ptr(node, fi), sizeof s);
    return s;
}

static int dump_get_int(const Node *node, const FieldInfo *fi) {
    int v;
    memcpy(&v, dump_field_ptr(node, fi), sizeof v);
    return v;
}

static void dump_ident(StrBuf *out, const char *s) {
    if (s) {
        str_repr(out, s, strlen(s));
    } else {
        sb_puts(out, "None");
    }
}

// "name=" with its separator.
static void dump_begin_arg(StrBuf *out, DumpFrame *f, const char *name) {
    if (f->nargs++ > 0) {
        sb_puts(out, ", ");
    }
    sb_puts(out, name);
    sb_putc(out, '=');
}

// Print a field that holds no child nodes. Returns 0 if the field is not of
// that sort.
static int dump_scalar_field(StrBuf *out, DumpFrame *f, const FieldInfo *fi) {
    const Node *node = f->node;
    switch (fi->type) {
    case FT_IDENT:
    case FT_STR:
        dump_begin_arg(out, f, fi->name);
        dump_ident(out, dump_get_str(node, fi));
        return 1;
    case FT_IDENT_OPT:
    case FT_STR_OPT: {
        const char *s = dump_get_str(node, fi);
        if (s) {
            dump_begin_arg(out, f, fi->name);
            dump_ident(out, s);
        }
        return 1;
    }
    case FT_IDENT_SEQ: {
        const Seq *seq = dump_get_seq(node, fi);
        dump_begin_arg(out, f, fi->name);
        sb_putc(out, '[');
        for (int i = 0; seq && i < seq->n; i++) {
            if (i > 0) {
                sb_puts(out, ", ");
            }
            dump_ident(out, (const char *)seq->a[i]);
        }
        sb_putc(out, ']');
        return 1;
    }
    case FT_INT:
        dump_begin_arg(out, f, fi->name);
        sb_printf(out, "%d", dump_get_int(node, fi));
        return 1;
    case FT_CONST: {
        ConstValue cv;
        memcpy(&cv, dump_field_ptr(node, fi), sizeof cv);
        dump_begin_arg(out, f, fi->name);
        ast_dump_constant(out, &cv);
        return 1;
    }
    case FT_CTX:
    case FT_BOOLOP:
    case FT_OPERATOR:
    case FT_UNARYOP: {
        const char *const *names = fi->type == FT_CTX      ? ast_ctx_names
                                   : fi->type == FT_BOOLOP ? ast_boolop_names
                                   : fi->type == FT_OPERATOR ? ast_operator_names
                                                             : ast_unaryop_names;
        dump_begin_arg(out, f, fi->name);
        sb_puts(out, names[dump_get_int(node, fi)]);
        sb_puts(out, "()");
        return 1;
    }
    case FT_CMPOP_SEQ: {
        const Seq *seq = dump_get_seq(node, fi);
        dump_begin_arg(out, f, fi->name);
        sb_putc(out, '[');
        for (int i = 0; seq && i < seq->n; i++) {
            if (i > 0) {
                sb_puts(out, ", ");
            }
            sb_puts(out, ast_cmpop_names[(intptr_t)seq->a[i]]);
            sb_puts(out, "()");
        }
        sb_putc(out, ']');
        return 1;
    }
    case FT_NODE:
    case FT_NODE_OPT:
    case FT_SEQ:
        return 0;
    }
    return 0;
}

void ast_dump(StrBuf *out, const Node *root, int include_attributes) {
    if (!root) {
        sb_puts(out, "None");
        return;
    }
    DumpStack st = {NULL, 0, 0};
    if (dump_push(&st, root) < 0) {
        sb_puts(out, "<out of memory>");
        return;
    }
    sb_puts(out, ast_node_info[root->kind].name);
    sb_putc(out, '(');
    while (st.n > 0) {
        DumpFrame *f = &st.frames[st.n - 1];
        const NodeInfo *info = &ast_node_info[f->node->kind];
        if (f->field == info->nfields) {
            const Node *n = f->node;
            if (include_attributes && info->has_attributes) {
                sb_printf(out, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
                          f->nargs > 0 ? ", " : "", n->lineno, n->col_offset, n->end_lineno,
                          n->end_col_offset);
            }
            sb_putc(out, ')');
            st.n--;
            continue;
        }
        const FieldInfo *fi = &info->fields[f->field];
        const Node *child = NULL;
        if (fi->type == FT_NODE || fi->type == FT_NODE_OPT) {
            if (f->item == 0) {
                child = dump_get_node(f->node, fi);
                if (!child) {
                    if (fi->type == FT_NODE) {
                        dump_begin_arg(out, f, fi->name);
                        sb_puts(out, "None");
                    }
                    f->field++;
                    continue;
                }
                dump_begin_arg(out, f, fi->name);
                f->item = 1;  // when the child is done, move on
            } else {
                f->field++;
                f->item = 0;
                continue;
            }
        } else if (fi->type == FT_SEQ) {
            const Seq *seq = dump_get_seq(f->node, fi);
            int n = seq ? seq->n : 0;
            if (f->item == 0) {
                dump_begin_arg(out, f, fi->name);
                sb_putc(out, '[');
                f->item = 1;
            }
            // Print items up to the next non-None one, which is descended into.
            while (f->item - 1 < n) {
                int i = f->item - 1;
                if (i > 0) {
                    sb_puts(out, ", ");
                }
                f->item++;
                child = (const Node *)seq->a[i];
                if (child) {
                    break;
                }
                sb_puts(out, "None");
            }
            if (!child) {
                sb_putc(out, ']');
                f->field++;
                f->item = 0;
                continue;
            }
        } else {
            dump_scalar_field(out, f, fi);
            f->field++;
            continue;
        }
        // Descend into child (f may move when the stack grows).
        if (dump_push(&st, child) < 0) {
            sb_puts(out, "<out of memory>");
            break;
        }
        sb_puts(out, ast_node_info[child->kind].name);
        sb_putc(out, '(');
    }
    free(st.frames);
}
