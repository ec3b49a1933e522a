// genericalias.c - `list[int]` (types.GenericAlias) and `int | str`
// (types.UnionType), the two typing objects the language itself makes.
//
// A GenericAlias remembers its origin class and its arguments; it calls,
// subclasses (via __mro_entries__) and forwards attribute reads to the
// origin, as CPython 3.11's Objects/genericaliasobject.c does. A UnionType
// is the flattened, de-duplicated tuple of its members; isinstance() and
// issubclass() accept it (abstract.c asks union_args()).
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "list.h"
#include "set.h"
#include "str.h"
#include "strbuf.h"
#include "tuple.h"
#include "type_internal.h"
#include "genericalias.h"

typedef struct GenericAliasObject {
    Object header;
    Value origin;
    Value args;        // tuple
    Value parameters;  // tuple, computed lazily, or 0
} GenericAliasObject;

typedef struct UnionObject {
    Object header;
    Value args;        // tuple of the members
} UnionObject;

static GenericAliasObject *ga(Value v) { return (GenericAliasObject *)val_ptr(v); }

static void ga_trace(Object *o, GcTracer *t) {
    GenericAliasObject *g = (GenericAliasObject *)o;
    gc_trace_value(t, g->origin);
    gc_trace_value(t, g->args);
    gc_trace_value(t, g->parameters);
}

Value generic_alias_new(Value origin, Value args) {
    if (!tuple_check(args)) {
        args = tuple_from(&args, 1);
        if (!args) {
            return 0;
        }
    }
    GenericAliasObject *g = (GenericAliasObject *)gc_alloc(&type_generic_alias, sizeof *g);
    if (!g) {
        return 0;
    }
    g->origin = origin;
    g->args = args;
    g->parameters = 0;
    return val_from_ptr(g);
}

// The repr of one argument, as CPython's ga_repr_item: classes by their
// qualified name (without "builtins."), ... as "...", anything else by repr.
static int repr_item(StrBuf *sb, Value p) {
    if (p == VAL_ELLIPSIS) {
        sb_puts(sb, "...");
        return 0;
    }
    if (type_of(p) == &type_generic_alias || type_of(p) == &type_union) {
        Value r = obj_repr(p);
        if (!r) {
            return -1;
        }
        sb_put(sb, str_obj(r)->data, str_obj(r)->nbytes);
        return 0;
    }
    Value qual = obj_getattr_opt(p, str_intern_cstr("__qualname__"));
    Value mod = qual ? obj_getattr_opt(p, str_intern_cstr("__module__")) : 0;
    if (err_occurred()) {
        return -1;
    }
    if (qual && mod && val_is_str(qual) && val_is_str(mod) &&
        obj_getattr_opt(p, str_intern_cstr("__origin__")) == 0 && !err_occurred()) {
        if (strcmp(str_obj(mod)->data, "builtins") != 0) {
            sb_printf(sb, "%s.", str_obj(mod)->data);
        }
        sb_put(sb, str_obj(qual)->data, str_obj(qual)->nbytes);
        return 0;
    }
    err_clear();
    Value r = obj_repr(p);
    if (!r) {
        return -1;
    }
    sb_put(sb, str_obj(r)->data, str_obj(r)->nbytes);
    return 0;
}

static Value ga_repr(Value self) {
    GenericAliasObject *g = ga(self);
    StrBuf sb;
    sb_init(&sb);
    if (repr_item(&sb, g->origin) < 0) {
        sb_free(&sb);
        return 0;
    }
    sb_putc(&sb, '[');
    TupleObject *a = tuple_obj(g->args);
    if (a->len == 0) {
        sb_puts(&sb, "()");
    }
    for (size_t i = 0; i < a->len; i++) {
        if (i) {
            sb_puts(&sb, ", ");
        }
        if (repr_item(&sb, a->items[i]) < 0) {
            sb_free(&sb);
            return 0;
        }
    }
    sb_putc(&sb, ']');
    Value r = str_from_utf8(sb.data, sb.len);
    sb_free(&sb);
    return r;
}

static Value ga_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value obj = obj_call(ga(self)->origin, args, nargs, kwnames);
    if (obj && obj_setattr(obj, str_intern_cstr("__orig_class__"), self) < 0) {
        if (!err_matches(&exc_AttributeError) && !err_matches(&exc_TypeError)) {
            return 0;
        }
        err_clear();
    }
    return obj;
}

static Value ga_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &type_generic_alias) {
        return VAL_NOTIMPLEMENTED;
    }
    int eq = obj_richcompare_bool(ga(a)->origin, ga(b)->origin, CMP_EQ);
    if (eq > 0) {
        eq = obj_richcompare_bool(ga(a)->args, ga(b)->args, CMP_EQ);
    }
    if (eq < 0) {
        return 0;
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static int64_t ga_hash(Value self) {
    int64_t h0 = obj_hash(ga(self)->origin);
    if (h0 == -1) {
        return -1;
    }
    int64_t h1 = obj_hash(ga(self)->args);
    if (h1 == -1) {
        return -1;
    }
    int64_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

// The parameters: the type variables among the arguments (objects with
// __typing_subst__ in 3.11) and the parameters of arguments that have some
// (dict[str, list[T]]), in order, without repeats (CPython's _Py_make_parameters).
static Value ga_get_parameters(Value self) {
    GenericAliasObject *g = ga(self);
    if (g->parameters) {
        return g->parameters;
    }
    Value params = list_new(0);
    if (!params) {
        return 0;
    }
    TupleObject *a = tuple_obj(g->args);
    for (size_t i = 0; i < a->len; i++) {
        Value t = a->items[i];
        if (type_check(t)) {
            continue;
        }
        Value subst = type_lookup(type_of(t), str_intern_cstr("__typing_subst__"));
        if (subst) {
            int dup = list_contains(params, t);
            if (dup < 0 || (!dup && list_append(params, t) < 0)) {
                return 0;
            }
            continue;
        }
        Value sub = obj_getattr_opt(t, str_intern_cstr("__parameters__"));
        if (!sub && err_occurred()) {
            return 0;
        }
        for (size_t k = 0; sub && tuple_check(sub) && k < tuple_obj(sub)->len; k++) {
            Value p = tuple_obj(sub)->items[k];
            int dup = list_contains(params, p);
            if (dup < 0 || (!dup && list_append(params, p) < 0)) {
                return 0;
            }
        }
    }
    g->parameters = tuple_from_list(params);
    return g->parameters;
}

// alias[items]: the parameters replaced by the items, in every argument
// (CPython's _Py_subs_parameters, without the TypeVarTuple cases).
static Value ga_getitem(Value self, Value item) {
    Value params = ga_get_parameters(self);
    if (!params) {
        return 0;
    }
    TupleObject *p = tuple_obj(params);
    if (p->len == 0) {
        Value r = obj_repr(self);
        return r ? err_format(&exc_TypeError, "%s is not a generic class", str_obj(r)->data) : 0;
    }
    Value items = tuple_check(item) ? item : tuple_from(&item, 1);
    if (!items) {
        return 0;
    }
    TupleObject *it = tuple_obj(items);
    if (it->len != p->len) {
        Value r = obj_repr(self);
        return r ? err_format(&exc_TypeError, "Too %s arguments for %s; actual %zu, expected %zu",
                              it->len > p->len ? "many" : "few", str_obj(r)->data, it->len,
                              p->len)
                 : 0;
    }
    TupleObject *a = tuple_obj(ga(self)->args);
    Value out = tuple_new(a->len);
    if (!out) {
        return 0;
    }
    for (size_t i = 0; i < a->len; i++) {
        Value arg = a->items[i], sub = arg;
        size_t k = 0;
        while (k < p->len && p->items[k] != arg) {
            k++;
        }
        if (k < p->len) {
            sub = it->items[k];
        } else if (!type_check(arg)) {
            Value subparams = obj_getattr_opt(arg, str_intern_cstr("__parameters__"));
            if (!subparams && err_occurred()) {
                return 0;
            }
            size_t n = subparams && tuple_check(subparams) ? tuple_obj(subparams)->len : 0;
            if (n) {
                Value subargs = tuple_new(n);
                if (!subargs) {
                    return 0;
                }
                for (size_t j = 0; j < n; j++) {
                    Value sp = tuple_obj(subparams)->items[j];
                    size_t m = 0;
                    while (m < p->len && p->items[m] != sp) {
                        m++;
                    }
                    tuple_obj(subargs)->items[j] = m < p->len ? it->items[m] : sp;
                }
                sub = obj_getitem(arg, n == 1 ? tuple_obj(subargs)->items[0] : subargs);
                if (!sub) {
                    return 0;
                }
            }
        }
        tuple_obj(out)->items[i] = sub;
    }
    return generic_alias_new(ga(self)->origin, out);
}

static Value ga_get_origin(Value self) { return ga(self)->origin; }
static Value ga_get_args(Value self) { return ga(self)->args; }
static Value ga_get_unpacked(Value self) { return VAL_FALSE; }

static const GetSetDef ga_getset[] = {
    {"__origin__", ga_get_origin, NULL, NULL},
    {"__args__", ga_get_args, NULL, NULL},
    {"__parameters__", ga_get_parameters, NULL, NULL},
    {"__unpacked__", ga_get_unpacked, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value ga_m_mro_entries(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__mro_entries__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return tuple_from(&ga(self)->origin, 1);
}

static Value ga_m_instancecheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static Value ga_m_subclasscheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static const MethodDef ga_methods[] = {
    {"__mro_entries__", ga_m_mro_entries, METH_DEFAULT, NULL},
    {"__instancecheck__", ga_m_instancecheck, METH_DEFAULT, NULL},
    {"__subclasscheck__", ga_m_subclasscheck, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

// Own attributes first; everything else is the origin's (CPython forwards
// all but a few dunders).
static Value ga_getattr(Value self, Value name) {
    const char *n = str_obj(name)->data;
    static const char *const own[] = {"__origin__", "__args__", "__parameters__",
                                      "__mro_entries__", "__reduce_ex__", "__reduce__",
                                      "__copy__", "__deepcopy__", "__unpacked__",
                                      "__class__", "__instancecheck__", "__subclasscheck__",
                                      NULL};
    for (const char *const *p = own; *p; p++) {
        if (strcmp(n, *p) == 0) {
            return object_generic_getattr(self, name);
        }
    }
    if (n[0] == '_' && n[1] == '_') {
        Value v = object_generic_getattr(self, name);
        if (v || !err_matches(&exc_AttributeError)) {
            return v;
        }
        err_clear();
    }
    return obj_getattr(ga(self)->origin, name);
}

static Value ga_or(Value a, Value b);

Type type_generic_alias = {
    .header = {&type_type},
    .name = "types.GenericAlias",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(GenericAliasObject),
    .base = &type_object,
    .trace = ga_trace,
    .repr = ga_repr,
    .call = ga_call,
    .richcompare = ga_richcompare,
    .hash = ga_hash,
    .getattr = ga_getattr,
    .getitem = ga_getitem,
    .binop = {[BINOP_OR] = ga_or},
    .methods = ga_methods,
    .getset = ga_getset,
};

// list.__class_getitem__(item) and the same for the other builtin generics.
static Value class_getitem(Value cls, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__class_getitem__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return generic_alias_new(cls, args[0]);
}

static const MethodDef class_getitem_def = {"__class_getitem__", class_getitem, METH_CLASS,
                                            "See PEP 585"};

int generic_alias_install(Type *t) {
    Value d = descr_new(&type_classmethod_descriptor, t, &class_getitem_def);
    if (!d || dict_set_cstr(t->dict, "__class_getitem__", d) < 0) {
        return -1;
    }
    type_modified(t);
    return 0;
}

// ---- int | str -----------------------------------------------------------------------

static void union_trace(Object *o, GcTracer *t) { gc_trace_value(t, ((UnionObject *)o)->args); }

Value union_args(Value v) {
    return type_of(v) == &type_union ? ((UnionObject *)val_ptr(v))->args : 0;
}

// Can x be a member of a union? (CPython's is_unionable)
static int unionable(Value x) {
    return x == VAL_NONE || type_check(x) || type_of(x) == &type_generic_alias ||
           type_of(x) == &type_union;
}

static int union_add(Value list, Value x) {
    if (x == VAL_NONE) {
        x = val_from_ptr(type_of(VAL_NONE));
    }
    Value members = union_args(x);
    if (members) {
        TupleObject *t = tuple_obj(members);
        for (size_t i = 0; i < t->len; i++) {
            if (union_add(list, t->items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    ListObject *l = list_obj(list);
    for (size_t i = 0; i < l->len; i++) {
        int eq = obj_richcompare_bool(l->items[i], x, CMP_EQ);
        if (eq != 0) {
            return eq < 0 ? -1 : 0;
        }
    }
    return list_append(list, x);
}

Value union_new(Value a, Value b) {
    if (!unionable(a) || !unionable(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    Value list = list_new(0);
    if (!list || union_add(list, a) < 0 || union_add(list, b) < 0) {
        return 0;
    }
    ListObject *l = list_obj(list);
    if (l->len == 1) {
        return l->items[0];
    }
    UnionObject *u = (UnionObject *)gc_alloc(&type_union, sizeof *u);
    if (!u) {
        return 0;
    }
    u->args = tuple_from_list(list);
    return u->args ? val_from_ptr(u) : 0;
}

static Value ga_or(Value a, Value b) { return union_new(a, b); }

static Value union_repr(Value self) {
    TupleObject *t = tuple_obj(union_args(self));
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < t->len; i++) {
        if (i) {
            sb_puts(&sb, " | ");
        }
        Value p = t->items[i];
        if (p == val_from_ptr(type_of(VAL_NONE))) {
            sb_puts(&sb, "None");
        } else if (repr_item(&sb, p) < 0) {
            sb_free(&sb);
            return 0;
        }
    }
    Value r = str_from_utf8(sb.data, sb.len);
    sb_free(&sb);
    return r;
}

static Value union_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &type_union) {
        return VAL_NOTIMPLEMENTED;
    }
    Value sa = frozenset_new(union_args(a));
    Value sb = sa ? frozenset_new(union_args(b)) : 0;
    if (!sb) {
        return 0;
    }
    return obj_richcompare(sa, sb, op);
}

static int64_t union_hash(Value self) {
    Value s = frozenset_new(union_args(self));
    return s ? obj_hash(s) : -1;
}

static Value union_get_args(Value self) { return union_args(self); }

static const GetSetDef union_getset[] = {
    {"__args__", union_get_args, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value union_or(Value a, Value b) { return union_new(a, b); }

Type type_union = {
    .header = {&type_type},
    .name = "types.UnionType",
    .basic_size = sizeof(UnionObject),
    .base = &type_object,
    .trace = union_trace,
    .repr = union_repr,
    .richcompare = union_richcompare,
    .hash = union_hash,
    .binop = {[BINOP_OR] = union_or},
    .getset = union_getset,
};
