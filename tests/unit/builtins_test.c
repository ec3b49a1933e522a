// builtins_test.c - the builtins and sys modules called from C, before the
// interpreter exists: every line of tests/unit/builtins/cases.py is parsed
// with krait's parser and evaluated by the small tree walker below (names,
// constants, displays, calls with keywords, attributes, subscripts,
// operators, assignments to names), which calls the builtin functions
// through obj_call on the module's attributes. Each line prints repr(value)
// or "Type: message" through sys.stdout, so that print() output interleaves
// correctly. tests/unit/builtins/oracle.py runs the same lines in CPython
// 3.11; builtins_test.sh diffs the two outputs line by line.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "modules/modules.h"
#include "parse/parser.h"
#include "runtime/abstract.h"
#include "runtime/arena.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/runtime.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static Value env;       // the test's variables
static Value builtins;  // the builtins module's dict

static Value unsupported(const char *what) {
    return err_format(&exc_SystemError, "builtins_test cannot evaluate %s", what);
}

static Value eval(Node *n);

static Value constant(const ConstValue *c) {
    switch (c->kind) {
    case CONST_NONE: return VAL_NONE;
    case CONST_TRUE: return VAL_TRUE;
    case CONST_FALSE: return VAL_FALSE;
    case CONST_ELLIPSIS: return VAL_ELLIPSIS;
    case CONST_INT: return int_from_i64(c->i);
    case CONST_BIGINT: return int_from_limbs(c->big.limbs, (size_t)c->big.n, 0);
    case CONST_FLOAT: return float_from_double(c->f);
    case CONST_COMPLEX: return complex_new(0.0, c->f);
    case CONST_STR: return str_from_utf8(c->str.s, c->str.len);
    case CONST_BYTES: return bytes_from(c->str.s, c->str.len);
    case CONST_OBJECT: break;  // only compile() of an AST object makes these
    }
    return unsupported("a constant");
}

// The items of a Seq of expressions (Starred items are spliced) as a list.
static Value eval_items(Seq *s) {
    Value l = list_new(0);
    for (int i = 0; l && s && i < s->n; i++) {
        Node *e = s->a[i];
        if (e->kind == NK_Starred) {
            Value v = eval(e->v.Starred.value);
            if (!v || list_extend(l, v) < 0) {
                return 0;
            }
            continue;
        }
        Value v = eval(e);
        if (!v || list_append(l, v) < 0) {
            return 0;
        }
    }
    return l;
}

static Value eval_call(Node *n) {
    Value f = eval(n->v.Call.func);
    Value pos = f ? eval_items(n->v.Call.args) : 0;
    if (!pos) {
        return 0;
    }
    Seq *kws = n->v.Call.keywords;
    int nkw = kws ? kws->n : 0;
    Value names = tuple_new((size_t)nkw);
    if (!names) {
        return 0;
    }
    for (int i = 0; i < nkw; i++) {
        Node *k = kws->a[i];
        if (!k->v.keyword.arg) {
            return unsupported("**kwargs");
        }
        tuple_obj(names)->items[i] = str_intern_cstr(k->v.keyword.arg);
        Value v = eval(k->v.keyword.value);
        if (!v || list_append(pos, v) < 0) {
            return 0;
        }
    }
    ListObject *l = list_obj(pos);
    return obj_call(f, l->items, l->len - (size_t)nkw, nkw ? names : 0);
}

static Value eval_compare(Node *n) {
    Value left = eval(n->v.Compare.left);
    Seq *ops = n->v.Compare.ops, *rights = n->v.Compare.comparators;
    Value result = VAL_TRUE;
    for (int i = 0; left && i < ops->n; i++) {
        Value right = eval(rights->a[i]);
        if (!right) {
            return 0;
        }
        int r;
        switch ((CmpOpKind)(intptr_t)ops->a[i]) {
        case CMP_Eq: result = obj_richcompare(left, right, CMP_EQ); break;
        case CMP_NotEq: result = obj_richcompare(left, right, CMP_NE); break;
        case CMP_Lt: result = obj_richcompare(left, right, CMP_LT); break;
        case CMP_LtE: result = obj_richcompare(left, right, CMP_LE); break;
        case CMP_Gt: result = obj_richcompare(left, right, CMP_GT); break;
        case CMP_GtE: result = obj_richcompare(left, right, CMP_GE); break;
        case CMP_Is: result = val_bool(left == right); break;
        case CMP_IsNot: result = val_bool(left != right); break;
        case CMP_In:
        case CMP_NotIn:
            r = obj_contains(right, left);
            if (r < 0) {
                return 0;
            }
            result = val_bool((CmpOpKind)(intptr_t)ops->a[i] == CMP_In ? r : !r);
            break;
        }
        if (!result) {
            return 0;
        }
        int t = obj_truthy(result);
        if (t <= 0) {
            return t < 0 ? 0 : result;
        }
        left = right;
    }
    return left ? result : 0;
}

static const BinOp binop_of[] = {
    [OP_Add] = BINOP_ADD, [OP_Sub] = BINOP_SUB, [OP_Mult] = BINOP_MUL,
    [OP_MatMult] = BINOP_MATMUL, [OP_Div] = BINOP_TRUEDIV, [OP_Mod] = BINOP_MOD,
    [OP_Pow] = BINOP_POW, [OP_LShift] = BINOP_LSHIFT, [OP_RShift] = BINOP_RSHIFT,
    [OP_BitOr] = BINOP_OR, [OP_BitXor] = BINOP_XOR, [OP_BitAnd] = BINOP_AND,
    [OP_FloorDiv] = BINOP_FLOORDIV,
};

static Value eval(Node *n) {
    switch (n->kind) {
    case NK_Constant:
        return constant(&n->v.Constant.value);
    case NK_Name: {
        Value name = str_intern_cstr(n->v.Name.id);
        Value v = dict_get(env, name);
        if (!v && !err_occurred()) {
            v = dict_get(builtins, name);
        }
        if (!v && !err_occurred()) {
            return err_format(&exc_NameError, "name '%s' is not defined", n->v.Name.id);
        }
        return v;
    }
    case NK_Call:
        return eval_call(n);
    case NK_Compare:
        return eval_compare(n);
    case NK_Attribute: {
        Value v = eval(n->v.Attribute.value);
        return v ? obj_getattr(v, str_intern_cstr(n->v.Attribute.attr)) : 0;
    }
    case NK_Subscript: {
        Value v = eval(n->v.Subscript.value);
        Value k = v ? eval(n->v.Subscript.slice) : 0;
        return k ? obj_getitem(v, k) : 0;
    }
    case NK_Slice: {
        Value parts[3] = {VAL_NONE, VAL_NONE, VAL_NONE};
        Node *nodes[3] = {n->v.Slice.lower, n->v.Slice.upper, n->v.Slice.step};
        for (int i = 0; i < 3; i++) {
            if (nodes[i] && !(parts[i] = eval(nodes[i]))) {
                return 0;
            }
        }
        return slice_new(parts[0], parts[1], parts[2]);
    }
    case NK_List:
        return eval_items(n->v.List.elts);
    case NK_Tuple: {
        Value l = eval_items(n->v.Tuple.elts);
        return l ? tuple_from(list_obj(l)->items, list_obj(l)->len) : 0;
    }
    case NK_Set: {
        Value l = eval_items(n->v.Set.elts);
        return l ? set_new(l) : 0;
    }
    case NK_Dict: {
        Value d = dict_new();
        for (int i = 0; d && i < n->v.Dict.keys->n; i++) {
            if (!n->v.Dict.keys->a[i]) {
                return unsupported("** in a dict display");
            }
            Value k = eval(n->v.Dict.keys->a[i]);
            Value v = k ? eval(n->v.Dict.values->a[i]) : 0;
            if (!v || obj_setitem(d, k, v) < 0) {
                return 0;
            }
        }
        return d;
    }
    case NK_UnaryOp: {
        Value v = eval(n->v.UnaryOp.operand);
        if (!v) {
            return 0;
        }
        switch (n->v.UnaryOp.op) {
        case UNARY_USub: return obj_neg(v);
        case UNARY_UAdd: return obj_pos(v);
        case UNARY_Invert: return obj_invert(v);
        case UNARY_Not: {
            int t = obj_truthy(v);
            return t < 0 ? 0 : val_bool(!t);
        }
        }
        return 0;
    }
    case NK_BinOp: {
        Value a = eval(n->v.BinOp.left);
        Value b = a ? eval(n->v.BinOp.right) : 0;
        return b ? obj_binop(a, b, binop_of[n->v.BinOp.op]) : 0;
    }
    case NK_BoolOp: {
        Value v = 0;
        for (int i = 0; i < n->v.BoolOp.values->n; i++) {
            v = eval(n->v.BoolOp.values->a[i]);
            if (!v) {
                return 0;
            }
            int t = obj_truthy(v);
            if (t < 0) {
                return 0;
            }
            if (n->v.BoolOp.op == BOOL_And ? !t : t) {
                return v;
            }
        }
        return v;
    }
    case NK_IfExp: {
        Value c = eval(n->v.IfExp.test);
        int t = c ? obj_truthy(c) : -1;
        if (t < 0) {
            return 0;
        }
        return eval(t ? n->v.IfExp.body : n->v.IfExp.orelse);
    }
    default:
        return unsupported(ast_node_info[n->kind].name);
    }
}

// Write text through sys.stdout (so that it interleaves with print()).
static void out(Value text) {
    Value stdout_ = sys_get_object("stdout");
    if (!text || !stdout_ || !obj_call_method(stdout_, "write", &text, 1)) {
        err_clear();
        fprintf(stderr, "builtins_test: cannot write a result\n");
    }
}

// "Type: message" for the pending exception (CPython's str(exc)).
static void show_exception(void) {
    Value exc = err_fetch();
    Value msg = obj_str(exc);
    if (!msg) {
        err_clear();
        msg = str_from_cstr("<str() failed>");
    }
    const char *name = obj_type_name(exc);  // its __name__: after the module's dot
    const char *dot = strrchr(name, '.');
    out(str_format_c("%s: %U\n", dot ? dot + 1 : name, msg));
}

static void run_line(const char *line) {
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Node *mod = parse_source(&arena, line, strlen(line), TOKMODE_STRING, PARSE_FILE, &err);
    if (!mod || mod->v.Module.body->n != 1) {
        out(str_format_c("SyntaxError: %s\n", mod ? "one statement per line" : err.msg));
        arena_free(&arena);
        return;
    }
    Node *stmt = mod->v.Module.body->a[0];
    if (stmt->kind == NK_Expr) {
        Value v = eval(stmt->v.Expr.value);
        Value r = v ? obj_repr(v) : 0;
        if (r) {
            out(str_format_c("%U\n", r));
        } else {
            show_exception();
        }
    } else if (stmt->kind == NK_Assign && stmt->v.Assign.targets->n == 1 &&
               ((Node *)stmt->v.Assign.targets->a[0])->kind == NK_Name) {
        Value v = eval(stmt->v.Assign.value);
        Node *target = stmt->v.Assign.targets->a[0];
        if (v && dict_set(env, str_intern_cstr(target->v.Name.id), v) == 0) {
            out(str_from_cstr("ok\n"));
        } else {
            show_exception();
        }
    } else {
        out(str_from_cstr("SyntaxError: not an expression or an assignment\n"));
    }
    arena_free(&arena);
}

static __attribute__((noinline)) int run(const char *path) {
    Value b = builtins_init();
    char *argv[] = {(char *)"builtins_test", (char *)"arg1"};
    // What main() takes from the environment, as CPython does.
    const char *unbuffered = getenv("PYTHONUNBUFFERED");
    const char *dont_write = getenv("PYTHONDONTWRITEBYTECODE");
    SysConfig config = {.argc = 2, .argv = argv, .int_max_str_digits = -1,
                        .unbuffered = unbuffered && *unbuffered,
                        .dont_write_bytecode = dont_write && *dont_write};
    if (!b || !sys_init(&config)) {
        fprintf(stderr, "builtins_test: cannot create the modules\n");
        return 1;
    }
    builtins = module_dict(b);
    env = dict_new();
    gc_add_root(&env);
    gc_add_root(&builtins);
    if (getenv("KRAIT_TEST_GC_STRESS")) {
        gc_set_stress((unsigned)atoi(getenv("KRAIT_TEST_GC_STRESS")));
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 1;
    }
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
            line[--n] = '\0';
        }
        if (n == 0 || line[0] == '#') {
            continue;
        }
        if (getenv("BUILTINS_TEST_ECHO")) {
            out(str_format_c("case: %s\n", line));
        }
        run_line(line);
        if (getenv("KRAIT_TEST_GC")) {
            gc_collect();
        }
    }
    fclose(f);
    // Exercised for safety only: it writes to stderr, which is not compared.
    Value exc = obj_call1(val_from_ptr(&exc_ValueError), str_from_cstr("unraisable test"));
    sys_write_unraisable(exc, NULL, str_from_cstr("an object"));
    sys_write_unraisable(exc, "Exception ignored while testing", 0);
    if (err_occurred()) {
        fprintf(stderr, "builtins_test: sys_write_unraisable left an exception\n");
        return 1;
    }
    if (sys_flush_std_streams() < 0) {
        fprintf(stderr, "builtins_test: flushing failed\n");
        return 1;
    }
    return 0;
}

int main(void) {
    int base;
    const char *error;
    if (runtime_init(&base, "0", &error) < 0) {
        printf("runtime_init: %s\n", error);
        return 1;
    }
    // input() reads tests/unit/builtins/stdin.txt, as the oracle does.
    int fd = open("tests/unit/builtins/stdin.txt", O_RDONLY);
    if (fd < 0 || dup2(fd, 0) < 0) {
        perror("tests/unit/builtins/stdin.txt");
        return 1;
    }
    close(fd);
    return run("tests/unit/builtins/cases.py");
}
